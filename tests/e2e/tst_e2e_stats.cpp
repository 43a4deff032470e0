// Stats from real guests (scripts/testbed): they arrive, they change, they match what the guest
// itself prints, and each guest lands in the stats state its role was built for.
#include "TestBed.h"
#include "TestMain.h"
#include "metrics/DerivedMetrics.h"
#include "monitor/MonitoredHost.h"

#include <QSignalSpy>

#include <cmath>

using namespace bs;
using namespace bs::e2e;

namespace {

// One poll interval (1 s here) on top of a stats deadline: we see a report at our next poll.
constexpr int PollSlackMs = 1000;

// Guest fields of a fresh report, with its used = available − unused.
struct Report {
    qint64 lastUpdate = 0;
    quint64 used = 0;
};

std::optional<Report> freshReport(const PollCycle &cycle, const QString &guest) {
    const MemorySample *s = findGuest(cycle, guest);
    if (!s || !s->freshReport || !s->stats.lastUpdate)
        return std::nullopt;
    const auto used = deriveMetrics(s->stats).used;
    if (!used)
        return std::nullopt;
    return Report{*s->stats.lastUpdate, *used};
}

} // namespace

class TestE2eStats : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;

    MonitorConfig config(int interval) const {
        MonitorConfig c;
        c.uri = m_bed->uri;
        c.intervalSeconds = interval;
        return c;
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
    }

    // Within three stats periods of connecting the sawtooth guest has reported, and reported
    // again (last_update advanced); its used value changes within one allocation step.
    void statsArriveAndChange() {
        const QString guest = m_bed->guest(QStringLiteral("sawtooth"));
        const int periodMs = m_bed->statsPeriod * 1000;
        MonitoredHost host(config(1), std::make_shared<NoCredentials>());
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        QElapsedTimer clock;
        host.start();
        clock.start();

        PollCycle first;
        QVERIFY2(waitForCycle(
                     cycles, [&](const PollCycle &c) { return freshReport(c, guest).has_value(); },
                     3 * periodMs + PollSlackMs, &first),
                 "no fresh report from the sawtooth guest within three periods");
        const Report a = *freshReport(first, guest);
        PollCycle second;
        QVERIFY2(waitForCycle(
                     cycles,
                     [&](const PollCycle &c) {
                         const auto r = freshReport(c, guest);
                         return r && r->lastUpdate > a.lastUpdate;
                     },
                     int(qMax<qint64>(1, 3 * periodMs + PollSlackMs - clock.elapsed())), &second),
                 "last_update did not advance within three periods");

        // The guest steps every bs.step_s: a change shows within a step and two periods.
        QVERIFY2(waitForCycle(
                     cycles,
                     [&](const PollCycle &c) {
                         const auto r = freshReport(c, guest);
                         return r && r->used != a.used;
                     },
                     m_bed->sawtoothStepSeconds * 1000 + 2 * periodMs),
                 "used did not change although the guest allocates");
    }

    // The app's used (available − unused) against the guest's own MemTotal − MemFree at the
    // moment of the report. last_update is the host's clock when QEMU got the report; the
    // serial lines carry the guest's clock, set from the host RTC at boot: truncated to the
    // second and printed a little late, it lags by 0.8-1.6 s (measured), never leads. So a
    // report at L lies between the last line stamped <= L - MaxLagS and the first line stamped
    // >= L + 1. The guest prints right after every change: where those two lines and all
    // lines between agree, nothing changed around the report, and the two must match.
    void usedMatchesGuestWithinTwoPercent() {
        constexpr qint64 MaxLagS = 3;
        constexpr double Tolerance = 0.02;
        const QStringList guests = {m_bed->guest(QStringLiteral("sawtooth")),
                                    m_bed->guest(QStringLiteral("steady"))};
        MonitoredHost host(config(1), std::make_shared<NoCredentials>());
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        host.start();
        QHash<QString, QList<Report>> reports;
        // Reports for three sawtooth steps: about half of them fall on a plateau.
        const int wanted = 3 * m_bed->sawtoothStepSeconds / m_bed->statsPeriod;
        QVERIFY(waitForCycle(
            cycles,
            [&](const PollCycle &c) {
                bool enough = true;
                for (const QString &guest : guests) {
                    if (const auto r = freshReport(c, guest))
                        reports[guest].append(*r);
                    enough = enough && reports[guest].size() >= wanted;
                }
                return enough;
            },
            (wanted + 10) * m_bed->statsPeriod * 1000));

        for (const QString &guest : guests) {
            // Wait for the line that closes the last report's bracket.
            const qint64 lastReport = reports[guest].constLast().lastUpdate;
            QTRY_VERIFY_WITH_TIMEOUT(
                !readGuestMeminfo(m_bed->serialLog(guest)).isEmpty() &&
                    readGuestMeminfo(m_bed->serialLog(guest)).constLast().time >= lastReport + 1,
                15000);
            const QList<GuestMeminfo> truth = readGuestMeminfo(m_bed->serialLog(guest));
            int compared = 0;
            int withHog = 0;
            double worst = 0;
            for (const Report &r : std::as_const(reports[guest])) {
                int first = -1;
                int last = -1;
                for (int i = 0; i < truth.size(); ++i) {
                    if (truth.at(i).time <= r.lastUpdate - MaxLagS)
                        first = i;
                    if (last < 0 && truth.at(i).time >= r.lastUpdate + 1)
                        last = i;
                }
                if (first < 0 || last < 0)
                    continue;
                // A plateau: the hog held still and so did the guest's own used, within the
                // tolerance (freed tmpfs pages, the shell's forks and the page cache move it by
                // a MiB or two on a 28 MiB guest, without a line saying so).
                bool plateau = true;
                quint64 lo = truth.at(first).used();
                quint64 hi = lo;
                for (int i = first; i <= last; ++i) {
                    plateau = plateau && truth.at(i).hogMiB == truth.at(first).hogMiB;
                    lo = qMin(lo, truth.at(i).used());
                    hi = qMax(hi, truth.at(i).used());
                }
                if (!plateau || double(hi - lo) > Tolerance * double(lo))
                    continue;
                // The report must lie within the span the guest showed around it, give or take
                // the tolerance.
                const double reported = double(r.used);
                const double truthUsed = reported < double(lo)
                                             ? double(lo)
                                             : (reported > double(hi) ? double(hi) : reported);
                const double deviation = std::abs(reported - truthUsed) / truthUsed;
                QVERIFY2(deviation <= Tolerance,
                         qPrintable(QStringLiteral("%1 at %2: app used %3 KiB, guest says %4 KiB "
                                                   "(%5 % off)")
                                        .arg(guest)
                                        .arg(r.lastUpdate)
                                        .arg(r.used)
                                        .arg(truthUsed)
                                        .arg(deviation * 100, 0, 'f', 2)));
                worst = qMax(worst, deviation);
                ++compared;
                if (truth.at(first).hogMiB > 0)
                    ++withHog;
            }
            qInfo("%s: %d of %lld reports on a plateau, matched; worst %.2f %% off",
                  qPrintable(guest), compared, qlonglong(reports[guest].size()), worst * 100);
            QVERIFY2(compared >= 3, qPrintable(QStringLiteral("only %1 reports of %2 could be "
                                                              "matched to its serial log")
                                                   .arg(compared)
                                                   .arg(guest)));
            QVERIFY2(withHog >= 1, "no matched report while the guest held allocated memory");
        }
    }

    // Each role ends in the state it was built for (DOMAIN.md §3).
    void statesFollowTheGuestRoles() {
        const QList<std::pair<QString, StatsState>> expected = {
            {m_bed->guest(QStringLiteral("sawtooth")), StatsState::Reporting},
            {m_bed->guest(QStringLiteral("steady")), StatsState::Reporting},
            {m_bed->guest(QStringLiteral("nodriver")), StatsState::NoDriver},
            {m_bed->guest(QStringLiteral("stale")), StatsState::Stale},
            {m_bed->guest(QStringLiteral("noperiod")), StatsState::Off},
            {m_bed->guest(QStringLiteral("noballoon")), StatsState::NoBalloon},
            {m_bed->guest(QStringLiteral("windows")), StatsState::Reporting},
        };
        MonitoredHost host(config(1), std::make_shared<NoCredentials>());
        QSignalSpy cycles(host.worker(), &HostMonitor::cycleReady);
        host.start();
        PollCycle last;
        // The stale guest removes its driver 20 s after boot; the verdict needs two periods
        // and a poll more. 90 s covers a bed that just came up.
        const bool settled = waitForCycle(
            cycles,
            [&](const PollCycle &c) {
                last = c;
                for (const auto &[name, state] : expected) {
                    const MemorySample *s = findGuest(c, name);
                    if (!s || s->statsState != state)
                        return false;
                }
                return true;
            },
            90000);
        if (!settled) {
            QStringList got;
            for (const auto &[name, state] : expected) {
                const MemorySample *s = findGuest(last, name);
                got.append(QStringLiteral("%1=%2 (want %3)")
                               .arg(name, s ? statsStateKey(s->statsState) : QStringLiteral("-"),
                                    statsStateKey(state)));
            }
            QFAIL(qPrintable(got.join(QStringLiteral(", "))));
        }
    }
};

BS_TEST_MAIN(TestE2eStats)
#include "tst_e2e_stats.moc"
