#include "FleetHistory.h"
#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "Translations.h"
#include "history/HistoryStore.h"
#include "policy/PolicyReplay.h"
#include "report/ReportBuilder.h"
#include "report/ReportDocument.h"
#include "report/ReportJob.h"
#include "report/ReportPoliciesPage.h"
#include "sizing/HostAdvice.h"

#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>

using namespace bs;
using namespace bs::test;

// The PDF report from a history filled through the real store: its text layer (pdftotext) holds
// every guest and the numbers of the tables, worked out here independently from the recorded
// figures; it is paginated and numbered; in zh_CN its text is Chinese and extracts as such.
namespace {

const QString Host = QStringLiteral("qemu+ssh://admin@kvm1/system");
constexpr qint64 T0 = 1735722000000; // 2025-01-01 09:00:00 UTC
constexpr qint64 Span = 3 * 3600000;

QString pdfText(const QString &path, bool layout = true) {
    QProcess p;
    QStringList args{path, QStringLiteral("-")};
    if (layout)
        args.prepend(QStringLiteral("-layout"));
    p.start(QStringLiteral("pdftotext"), args);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString gib(double kib) {
    return QLocale::c().toString(kib / 1048576.0, 'f', 2);
}

// The Sizing section's history: "steady" needs 300 MiB at every poll (available − usable) of a
// 2 GiB balloon under a 4 GiB maximum; "quiet" runs with its stats period off, so it never
// reports a need.
const QString SizingHost = QStringLiteral("qemu:///sizing");
const QString Steady = QStringLiteral("5a000000-0000-0000-0000-000000000001");
const QString Quiet = QStringLiteral("5a000000-0000-0000-0000-000000000002");
constexpr qint64 MiB = 1024;

MemorySample sizingPoll(const QString &uuid, qint64 t) {
    MemorySample s;
    s.uuid = uuid;
    s.name = uuid == Steady ? QStringLiteral("steady") : QStringLiteral("quiet");
    s.timeMs = t;
    s.state = DomainState::Running;
    s.stats.actual = quint64(2048 * MiB);
    s.stats.maximum = quint64(4096 * MiB);
    s.stats.rss = quint64(1024 * MiB);
    if (uuid == Quiet) {
        s.statsState = StatsState::Off;
        s.freshReport = false;
        return s;
    }
    s.statsState = StatsState::Reporting;
    s.freshReport = true;
    s.stats.lastUpdate = t / 1000;
    s.stats.available = quint64(2048 * MiB);
    s.stats.usable = quint64((2048 - 300) * MiB);
    s.stats.unused = quint64((2048 - 350) * MiB);
    return s;
}

// The Policies section's history: a 64 GiB host with 512 MiB free (MOM's critical pressure),
// "rising" needing 1 GiB and 3 MiB more at every poll, "flat" needing 1 GiB and 2 GiB by turns
// every five minutes, both in 4 GiB balloons and reporting.
const QString PolicyHost = QStringLiteral("qemu:///policies");
const QString Rising = QStringLiteral("5b000000-0000-0000-0000-000000000001");
const QString Flat = QStringLiteral("5b000000-0000-0000-0000-000000000002");

MemorySample policyPoll(const QString &uuid, qint64 t, int i) {
    const qint64 need =
        uuid == Rising ? 1024 * MiB + i * 3 * MiB : 1024 * MiB + (i / 30 % 2) * 1024 * MiB;
    MemorySample s;
    s.uuid = uuid;
    s.name = uuid == Rising ? QStringLiteral("rising") : QStringLiteral("flat");
    s.timeMs = t;
    s.state = DomainState::Running;
    s.statsState = StatsState::Reporting;
    s.freshReport = true;
    s.stats.actual = quint64(4096 * MiB);
    s.stats.maximum = quint64(4096 * MiB);
    s.stats.rss = quint64(1024 * MiB);
    s.stats.lastUpdate = t / 1000;
    s.stats.available = quint64(4096 * MiB);
    s.stats.usable = quint64(4096 * MiB - need);
    s.stats.unused = quint64(4096 * MiB - need);
    return s;
}

} // namespace

class TestReportDocument : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<HistoryStore> m_store;
    QList<FleetGuest> m_guests;

    ReportRequest request() const {
        ReportRequest r;
        r.hostId = Host;
        r.hostName = QStringLiteral("kvm1");
        r.fromMs = T0;
        r.toMs = T0 + Span;
        return r;
    }

    ReportData build(const ReportRequest &r) {
        ReportBuilder builder(m_store.get());
        QSignalSpy finished(&builder, &ReportBuilder::finished);
        QSignalSpy failed(&builder, &ReportBuilder::failed);
        builder.start(r);
        if (!finished.wait(60000))
            return {};
        return finished.first().first().value<ReportData>();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock.set(T0 + Span + 600000);
        HistoryOptions o;
        o.path = m_dir.filePath(QStringLiteral("report.sqlite"));
        o.backgroundCompaction = false;
        o.clockMs = m_clock.function();
        m_store = std::make_unique<HistoryStore>(o);
        QVERIFY(openAndWait(*m_store));
        m_guests = fleetGuests(7, T0, T0 + Span);
        recordFleet(*m_store, Host, m_guests, T0, T0 + Span, 10);
        QVERIFY(m_store->waitForIdle());
        m_store->compactNow();
        QVERIFY(m_store->waitForIdle());
    }

    void figuresComeFromEveryRawPoll() {
        const ReportData data = build(request());
        QCOMPARE(data.guests.size(), 7);
        const FleetGuest &web = m_guests[0];
        const auto it = std::find_if(data.guests.cbegin(), data.guests.cend(),
                                     [&](const GuestReport &g) { return g.uuid == web.uuid; });
        QVERIFY(it != data.guests.cend());
        QList<double> used;
        for (qint64 t = T0; t <= T0 + Span; t += 10000) {
            if (t == T0 + Span)
                break; // the fleet records [from, to)
            const MemorySample s = fleetPoll(web, t);
            used.append(double(*s.stats.available - *s.stats.unused));
        }
        std::sort(used.begin(), used.end());
        const double p95 = used[qsizetype(std::ceil(0.95 * double(used.size()))) - 1];
        QCOMPARE(it->used.count, used.size());
        QCOMPARE(it->used.min, used.first());
        QCOMPARE(it->used.max, used.last());
        QCOMPARE(it->used.p95, p95);
        QCOMPARE(it->basis.kind, StatsBasis::Kind::RawSamples);
        QVERIFY(std::abs(*it->coverage - 1.0) < 0.001);
        QCOMPARE(it->readiness.verdict, Verdict::Ready);
        QCOMPARE(it->actual.min, double(web.actualKiB));

        // "mail" was off for a while: less coverage, a gap in its chart, still ready.
        const auto mail = std::find_if(data.guests.cbegin(), data.guests.cend(),
                                       [&](const GuestReport &g) { return g.name == u"mail"; });
        QVERIFY(*mail->coverage < 0.9 && *mail->coverage > 0.8);
        QCOMPARE(mail->readiness.verdict, Verdict::Ready);
        QCOMPARE(mail->chart.markers.size(), 2); // stopped, started
        // db-main's balloon went down: its range and a marker.
        const auto db = std::find_if(data.guests.cbegin(), data.guests.cend(),
                                     [&](const GuestReport &g) { return g.name == u"db-main"; });
        QCOMPARE(db->actual.max, double(m_guests[2].actualKiB));
        QCOMPARE(db->actual.min, double(m_guests[2].newActualKiB));
        QCOMPARE(db->chart.markers.size(), 1);

        QVERIFY(data.host.totalKiB);
        QCOMPARE(*data.host.totalKiB, 128ULL * 1024 * 1024);
        // The host's own figures (schema 3): free memory and KSM as fleetHostPoll recorded them.
        QVERIFY(data.host.hostSamplesRecorded);
        QVERIFY(data.host.hostSamplesMissing.isEmpty());
        QVERIFY(data.host.freeKiB.valid());
        QVERIFY(data.host.freeKiB.min > 0 && data.host.freeKiB.max < 128.0 * 1024 * 1024);
        QVERIFY(data.host.ksmSavedKiB.min >= 1024.0 * 1024);
        QVERIFY(data.host.ksmSavedKiB.max <= 3.0 * 1024 * 1024);
        QVERIFY(data.host.freeMemoryChart.hasValues());
        // Without them (an older history) the report says "not recorded", never 0.
        const HostReport without =
            ReportFigures::host(AggregateResult{}, std::nullopt, request(), data.hostName);
        QVERIFY(!without.hostSamplesRecorded);
        QVERIFY(!without.hostSamplesMissing.isEmpty());
        QVERIFY(!without.freeKiB.valid());
    }

    void pdfHoldsTheGuestsAndTheirNumbers() {
        const ReportData data = build(request());
        const QString path = m_dir.filePath(QStringLiteral("en.pdf"));
        ReportDocument document(data);
        QList<int> pagesDone;
        const Status written = document.write(path, [&](int done, int) { pagesDone.append(done); });
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        const int pages = document.pageCount();
        QVERIFY(pages >= 4); // cover, host summary, guests (two a page)
        QCOMPARE(pagesDone.size(), pages);
        QCOMPARE(pagesDone.last(), pages);

        const QString text = pdfText(path);
        for (const FleetGuest &g : std::as_const(m_guests))
            QVERIFY2(text.contains(g.name), qPrintable(g.name));
        QVERIFY(text.contains(QStringLiteral("qemu+ssh://admin@kvm1/system")));
        QVERIFY(text.contains(QStringLiteral("Host summary")));
        for (int page = 1; page <= pages; ++page)
            QVERIFY(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)));
        // Every guest's "used" row, with the numbers this test worked out from the raw polls.
        for (const GuestReport &g : data.guests) {
            if (!g.used.valid())
                continue;
            const QRegularExpression row(
                QStringLiteral(R"(Used \(available − unused\), GiB\s+%1\s+%2\s+%3\s+%4)")
                    .arg(QRegularExpression::escape(gib(g.used.min)),
                         QRegularExpression::escape(gib(g.used.avg)),
                         QRegularExpression::escape(gib(g.used.p95)),
                         QRegularExpression::escape(gib(g.used.max))));
            QVERIFY2(row.match(text).hasMatch(),
                     qPrintable(g.name + QLatin1Char(' ') + row.pattern()));
        }
        const FleetGuest &web = m_guests[0];
        const auto it = std::find_if(data.guests.cbegin(), data.guests.cend(),
                                     [&](const GuestReport &g) { return g.uuid == web.uuid; });
        QVERIFY(text.contains(gib(it->used.p95)));
        QVERIFY(text.contains(QStringLiteral("Free incl. buffers and cache")));
        QVERIFY(!text.contains(QStringLiteral("not recorded")));
        // No ligature glyphs in the text layer ("ﬀ" for "ff" would break search and copy).
        QVERIFY(std::none_of(text.cbegin(), text.cend(), [](QChar c) {
            return c.unicode() >= 0xFB00 && c.unicode() <= 0xFB06;
        }));
    }

    void chosenGuestsAndSections() {
        ReportRequest r = request();
        r.guests = {QStringLiteral("web-02"), m_guests[0].uuid.toUpper(), QStringLiteral("nosuch")};
        r.sections = ReportSection::Guests;
        const ReportData data = build(r);
        QCOMPARE(data.guests.size(), 2);
        QCOMPARE(data.notFound, QStringList{QStringLiteral("nosuch")});
        const QString path = m_dir.filePath(QStringLiteral("guests-only.pdf"));
        ReportDocument document(data);
        QVERIFY(document.write(path).ok());
        QVERIFY(document.pageCount() >= 1 && document.pageCount() <= 2);
        const QString text = pdfText(path);
        QVERIFY(text.contains(QStringLiteral("Guest memory report: kvm1")));
        QVERIFY(!text.contains(QStringLiteral("Host summary")));
        QVERIFY(!text.contains(QStringLiteral("mail")));
    }

    void aHostWithoutHistoryFails() {
        ReportBuilder builder(m_store.get());
        QSignalSpy failed(&builder, &ReportBuilder::failed);
        ReportRequest r = request();
        r.hostId = QStringLiteral("qemu+ssh://nobody@elsewhere/system");
        builder.start(r);
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.first().first().value<Error>().kind, Error::Kind::NotFound);
    }

    void jobRendersOffTheCallingThread() {
        ReportJob job(m_store.get());
        QSignalSpy progress(&job, &ReportJob::progress);
        QSignalSpy finished(&job, &ReportJob::finished);
        const QString path = m_dir.filePath(QStringLiteral("job.pdf"));
        QVERIFY(job.start(request(), path));
        QVERIFY(!job.start(request(), path)); // one at a time
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toString(), path);
        QVERIFY(finished.first().at(1).toInt() >= 4);
        int last = -1;
        for (const auto &args : std::as_const(progress)) {
            QVERIFY(args.at(0).toInt() >= last);
            last = args.at(0).toInt();
        }
        QCOMPARE(last, 100);
        QVERIFY(QFile(path).size() > 10000);
    }

    // The Sizing section: the advice over the Balanced policy's 14 days ending at the report's
    // end (not the report's one-hour range), the same as adviseHost() gives on the same history,
    // a guest without a number saying why, and one page more in the PDF.
    void sizingSectionIsTheAdvisorsAdvice() {
        FakeClock clock;
        clock.set(T0);
        HistoryStore store(
            testHistoryOptions(m_dir.filePath(QStringLiteral("sizing.sqlite")), clock));
        QVERIFY(openAndWait(store));
        store.recordHostMemory(SizingHost, T0, quint64(8192 * MiB));
        for (qint64 t = T0; t < T0 + Span; t += 10000)
            store.record(
                pollCycle(SizingHost, t, {sizingPoll(Steady, t), sizingPoll(Quiet, t)}, 10));
        clock.set(T0 + Span);
        QVERIFY(store.waitForIdle());

        ReportRequest r;
        r.hostId = SizingHost;
        r.fromMs = T0 + Span - 3600000;
        r.toMs = T0 + Span;
        ReportBuilder builder(&store);
        QSignalSpy finished(&builder, &ReportBuilder::finished);
        QVERIFY(builder.start(r));
        QVERIFY(finished.wait(60000));
        const ReportData data = finished.first().first().value<ReportData>();
        QVERIFY(data.sizing);
        const HostAdvice &advice = *data.sizing;
        QCOMPARE(advice.toMs, r.toMs);
        QCOMPARE(advice.fromMs, r.toMs - 14 * 86400000LL);
        QCOMPARE(advice.policy, SizingPolicy::fromPreset(SizingPreset::Balanced));

        const SizingPolicy balanced = SizingPolicy::fromPreset(SizingPreset::Balanced);
        const HostAdvice expected =
            adviseHost(queryNeeds(store, needRequestFor(SizingHost, balanced, r.toMs)), balanced);
        QCOMPARE(advice.guests.size(), 2);
        QCOMPARE(expected.guests.size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(advice.guests[i].uuid, expected.guests[i].uuid);
            QCOMPARE(advice.guests[i].recommendedKiB, expected.guests[i].recommendedKiB);
            QCOMPARE(advice.guests[i].reclaimableKiB, expected.guests[i].reclaimableKiB);
            QCOMPARE(advice.guests[i].needP95, expected.guests[i].needP95);
            QCOMPARE(advice.guests[i].confidence, expected.guests[i].confidence);
        }
        QCOMPARE(advice.reclaimableKiB, expected.reclaimableKiB);
        QCOMPARE(advice.whatIf.peakKiB, expected.whatIf.peakKiB);
        QCOMPARE(advice.whatIf.peakTodayKiB, expected.whatIf.peakTodayKiB);

        const auto guest = [&](const QString &uuid) {
            return *std::find_if(advice.guests.cbegin(), advice.guests.cend(),
                                 [&](const GuestAdvice &g) { return g.uuid == uuid; });
        };
        // 300 MiB + 15 % = 345 MiB; the balloon holds 2 GiB: 1703 MiB to give back. Two hours of
        // fourteen days reported: low confidence.
        const GuestAdvice steady = guest(Steady);
        QCOMPARE(steady.status, AdviceStatus::Advised);
        QCOMPARE(steady.needP95, std::optional<qint64>(300 * MiB));
        QCOMPARE(steady.recommendedKiB, std::optional<qint64>(345 * MiB));
        QCOMPARE(steady.reclaimableKiB, (2048 - 345) * MiB);
        QCOMPARE(steady.confidence, Confidence::Low);
        const GuestAdvice quiet = guest(Quiet);
        QCOMPARE(quiet.status, AdviceStatus::NotReporting);
        QVERIFY(!quiet.recommendedKiB);
        QVERIFY(!quiet.needP95);
        QCOMPARE(quiet.reclaimableKiB, 0);
        QVERIFY(!adviceReason(quiet).isEmpty());
        QCOMPARE(advice.reclaimableKiB, (2048 - 345) * MiB);
        // 8 GiB host less its 1 GiB reserve; today both balloons (4 GiB), advised 345 MiB + 2 GiB.
        QVERIFY(advice.whatIf.known);
        QCOMPARE(advice.whatIf.capacityKiB, 7168 * MiB);
        QCOMPARE(advice.whatIf.peakTodayKiB, 4096 * MiB);
        QCOMPARE(advice.whatIf.peakKiB, (2048 + 345) * MiB);

        // The same report without the section: no need asked for, one page less.
        ReportRequest without = r;
        without.sections &= ~ReportSections(ReportSection::Sizing);
        ReportBuilder second(&store);
        QSignalSpy secondDone(&second, &ReportBuilder::finished);
        QVERIFY(second.start(without));
        QVERIFY(secondDone.wait(60000));
        const ReportData plain = secondDone.first().first().value<ReportData>();
        QVERIFY(!plain.sizing);
        ReportDocument withSizing(data);
        ReportDocument withoutSizing(plain);
        const QString path = m_dir.filePath(QStringLiteral("sizing.pdf"));
        QVERIFY(withSizing.write(path).ok());
        QVERIFY(withoutSizing.write(m_dir.filePath(QStringLiteral("no-sizing.pdf"))).ok());
        QCOMPARE(withSizing.pageCount(), withoutSizing.pageCount() + 1);

        // The page: the policy, the rows with their figures (GiB, the table's unit), the reason
        // under the guest without a number, and the host what-if.
        const QString text = pdfText(path);
        QVERIFY(text.contains(QStringLiteral("Balanced: P95 + 15 % over 14 days")));
        const QRegularExpression steadyRow(
            QStringLiteral(R"(steady\s+4\.00\s+2\.00\s+0\.29\s+0\.29\s+0\.29\s+0\.34\s+1\.66\s+)"
                           R"(Low \(\d+\.\d %\))"));
        QVERIFY2(steadyRow.match(text).hasMatch(), qPrintable(text));
        const QRegularExpression quietRow(
            QStringLiteral(R"(quiet\s+4\.00\s+2\.00(\s+–){5}\s+None)"));
        QVERIFY2(quietRow.match(text).hasMatch(), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Not reporting (stats off)")));
        QVERIFY(text.contains(QStringLiteral("Host what-if")));
        QVERIFY(text.contains(QStringLiteral("7.00 GiB")));
    }

    // The Policies section: the report's own range replayed through every policy, the same runs
    // as replayPolicies() gives on the same history with the same queries; its page lists each
    // policy's figures and the first squeezes, and is there only when asked for.
    void policiesSectionIsTheReplay() {
        FakeClock clock;
        clock.set(T0);
        HistoryStore store(
            testHistoryOptions(m_dir.filePath(QStringLiteral("policies.sqlite")), clock));
        QVERIFY(openAndWait(store));
        const qint64 end = T0 + 2 * 3600000;
        int i = 0;
        for (qint64 t = T0; t < end; t += 10000, ++i) {
            store.record(
                pollCycle(PolicyHost, t, {policyPoll(Rising, t, i), policyPoll(Flat, t, i)}, 10));
            HostSample h;
            h.hostId = PolicyHost;
            h.timeMs = t;
            h.total = quint64(65536 * MiB);
            h.free = quint64(512 * MiB);
            h.buffers = quint64(0);
            h.cached = quint64(0);
            store.recordHost(h);
        }
        clock.set(end);
        QVERIFY(store.waitForIdle());

        ReportRequest r;
        r.hostId = PolicyHost;
        r.fromMs = T0;
        r.toMs = end;
        r.sections = ReportSections(ReportSection::Cover) | ReportSection::Policies;
        ReportBuilder builder(&store);
        QSignalSpy finished(&builder, &ReportBuilder::finished);
        QVERIFY(builder.start(r));
        QVERIFY(finished.wait(60000));
        const ReportData data = finished.first().first().value<ReportData>();
        QVERIFY(data.policies);
        QVERIFY(!data.sizing); // not asked for

        // The replay on the same history, queried here as `simulate` queries it.
        const SeriesResult series = querySeries(
            store, replaySeriesRequest(PolicyHost, {Rising, Flat}, r.fromMs, r.toMs, 720));
        const HostSeriesResult host =
            queryHostSeries(store, replayHostRequest(PolicyHost, r.fromMs, r.toMs, 720));
        const ReplayInput input = replayInputFrom(
            series, host, {{Rising, QStringLiteral("rising")}, {Flat, QStringLiteral("flat")}});
        const QList<PolicyReplay> expected = replayPolicies(input, ReplaySettings{});
        const QList<PolicyReplay> &runs = data.policies->runs;
        QCOMPARE(data.policies->input.timesMs, input.timesMs);
        QCOMPARE(data.policies->input.bucketMs, 10000);
        QCOMPARE(runs.size(), 3);
        QCOMPARE(expected.size(), 3);
        for (int p = 0; p < 3; ++p) {
            QCOMPARE(runs[p].policy, allPolicies()[p]);
            QCOMPARE(runs[p].policy, expected[p].policy);
            QCOMPARE(runs[p].changes, expected[p].changes);
            QCOMPARE(runs[p].squeezes.size(), expected[p].squeezes.size());
            QCOMPARE(runs[p].handedBackMeanKiB, expected[p].handedBackMeanKiB);
            QCOMPARE(runs[p].handedBackPeakKiB, expected[p].handedBackPeakKiB);
            QCOMPARE(runs[p].hostFreeLowestKiB, expected[p].hostFreeLowestKiB);
        }
        // The host is short: MOM (critical pressure) squeezes "flat" each time its need rises,
        // more often than the page lists, and every policy hands memory back, so the table is
        // not a page of zeros.
        QVERIFY(!runs[0].squeezes.isEmpty());
        for (const PolicyReplay &run : runs)
            QVERIFY(run.handedBackPeakKiB > 0);
        int total = 0;
        qint64 first = std::numeric_limits<qint64>::max();
        for (const PolicyReplay &run : runs) {
            total += int(run.squeezes.size());
            for (const Squeeze &q : run.squeezes)
                first = std::min(first, q.fromMs);
        }
        QVERIFY(total > ReportPoliciesPage::MaxListedSqueezes);

        // The same report without the section: no replay, one page less.
        ReportRequest without = r;
        without.sections = ReportSections(ReportSection::Cover) | ReportSection::HostSummary;
        ReportRequest with = without;
        with.sections |= ReportSection::Policies;
        ReportBuilder second(&store);
        QSignalSpy secondDone(&second, &ReportBuilder::finished);
        QVERIFY(second.start(without));
        QVERIFY(secondDone.wait(60000));
        const ReportData plain = secondDone.first().first().value<ReportData>();
        QVERIFY(!plain.policies);
        ReportBuilder third(&store);
        QSignalSpy thirdDone(&third, &ReportBuilder::finished);
        QVERIFY(third.start(with));
        QVERIFY(thirdDone.wait(60000));
        const ReportData both = thirdDone.first().first().value<ReportData>();
        ReportDocument withPolicies(both);
        ReportDocument withoutPolicies(plain);
        QVERIFY(withPolicies.write(m_dir.filePath(QStringLiteral("host-policies.pdf"))).ok());
        const QString plainPath = m_dir.filePath(QStringLiteral("no-policies.pdf"));
        QVERIFY(withoutPolicies.write(plainPath).ok());
        QCOMPARE(withPolicies.pageCount(), withoutPolicies.pageCount() + 1);
        const QString plainText = pdfText(plainPath);
        QVERIFY(!plainText.contains(QStringLiteral("open-loop")));
        QVERIFY(!plainText.contains(QStringLiteral("First squeezes")));

        // The page: each policy's row with its changes, squeezes and what it handed back, in the
        // table's unit; the chart's legend; the first squeezes, in time order.
        const QString path = m_dir.filePath(QStringLiteral("policies.pdf"));
        ReportDocument document(data);
        QVERIFY(document.write(path).ok());
        QCOMPARE(document.pageCount(), 2); // the cover, the section
        const QString text = pdfText(path);
        QVERIFY(text.contains(QStringLiteral("open-loop replay")));
        QVERIFY(text.contains(QStringLiteral("Memory in GiB")));
        const auto inGiB = [](qint64 kib) {
            return gib(double(kib));
        };
        for (const PolicyReplay &run : expected) {
            const QRegularExpression row(
                QStringLiteral(R"(%1\s+%2\s+%3\s+\S+( \S+)?\s+\S+\s+%4\s+%5\s+%6)")
                    .arg(QRegularExpression::escape(policyName(run.policy)),
                         QRegularExpression::escape(QLocale::c().toString(run.changes)),
                         QString::number(run.squeezes.size()),
                         QRegularExpression::escape(inGiB(run.handedBackMeanKiB)),
                         QRegularExpression::escape(inGiB(run.handedBackPeakKiB)),
                         QRegularExpression::escape(inGiB(*run.hostFreeLowestKiB))));
            QVERIFY2(row.match(text).hasMatch(),
                     qPrintable(row.pattern() + QLatin1Char('\n') + text));
        }
        for (PolicyKind k : allPolicies())
            QVERIFY(text.contains(QStringLiteral("Free under %1").arg(policyShortName(k))));
        QVERIFY(text.contains(QStringLiteral("Free as recorded")));
        QVERIFY(ReportPoliciesPage::hostFreeChart(data).hasValues());
        QVERIFY(text.contains(QStringLiteral("First squeezes")));
        const auto when = [](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        };
        QVERIFY(text.contains(when(first)));
        const Squeeze &mom = runs[0].squeezes.first();
        const QRegularExpression momRow(
            QStringLiteral(R"(MOM\s+%1\s+%2\s+%3\s+%4)")
                .arg(mom.name, when(mom.fromMs), when(mom.toMs), inGiB(mom.worstDeficitKiB)));
        QVERIFY2(momRow.match(text).hasMatch(), qPrintable(momRow.pattern()));
        QVERIFY2(
            text.contains(
                QStringLiteral("and %1 more").arg(total - ReportPoliciesPage::MaxListedSqueezes)),
            qPrintable(text));
        // The cover's contents name the section.
        QVERIFY(text.contains(QRegularExpression(QStringLiteral(R"(Policies\s*\.*\s*2)"))));
    }

    // Last: it installs the Chinese translators for the rest of the process.
    // The balloon-health markers of the range (alerts, readiness changes) in the host summary,
    // the host's own among them; none: the summary says so. (Before the Chinese report: its
    // translator stays installed.)
    void alertsInTheHostSummary() {
        {
            const ReportData none = build(request());
            QVERIFY(none.healthEvents.isEmpty());
            const QString path = m_dir.filePath(QStringLiteral("no-alerts.pdf"));
            QVERIFY(ReportDocument(none).write(path).ok());
            const QString text = pdfText(path, false);
            QVERIFY2(text.contains(QStringLiteral("No alert was recorded in this range.")),
                     qPrintable(text.section(QStringLiteral("Alerts in this range"), 1).left(400)));
        }
        const FleetGuest &web = m_guests[0];
        const auto marker = [&](qint64 t, const QString &uuid, const QString &text) {
            HistoryEvent e;
            e.timeMs = t;
            e.hostId = Host;
            e.uuid = uuid;
            e.kind = HistoryEvent::Kind::Note;
            e.source = QStringLiteral("health");
            e.text = text;
            m_store->recordEvent(e);
        };
        marker(T0 + 600000, web.uuid,
               QStringLiteral("Alert (warning): Stale reports: No new report for 31 s."));
        marker(T0 + 660000, web.uuid,
               QStringLiteral("Readiness: ready → nothing delivering stats"));
        marker(T0 + 720000, QString(),
               QStringLiteral("Alert (critical): Host available memory: The host has 612 MiB "
                              "available."));
        HistoryEvent other; // not a health marker: not in the table
        other.timeMs = T0 + 700000;
        other.hostId = Host;
        other.kind = HistoryEvent::Kind::Note;
        other.source = QStringLiteral("app");
        other.text = QStringLiteral("a note of the app's own");
        m_store->recordEvent(other);
        QVERIFY(m_store->waitForIdle());

        const ReportData data = build(request());
        QCOMPARE(data.healthEvents.size(), 3);
        const QString path = m_dir.filePath(QStringLiteral("alerts.pdf"));
        QVERIFY(ReportDocument(data).write(path).ok());
        const QString text = pdfText(path, false);
        QVERIFY(text.contains(QStringLiteral("Alerts in this range")));
        QVERIFY(text.contains(QStringLiteral("No new report for 31 s.")));
        QVERIFY(text.contains(QStringLiteral("Readiness: ready → nothing delivering stats")));
        QVERIFY(text.contains(QStringLiteral("The host has 612 MiB")));
        QVERIFY(text.contains(QStringLiteral("(host)")));
        QVERIFY(!text.contains(QStringLiteral("a note of the app's own")) ||
                !text.section(QStringLiteral("Alerts in this range"), 1)
                     .section(QStringLiteral("Page"), 0, 0)
                     .contains(QStringLiteral("a note of the app's own")));
        QVERIFY(text.section(QStringLiteral("Alerts in this range"), 1).contains(web.name));
    }

    void chineseReportIsChineseText() {
        installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN"));
        const QString usedName = metricName(Metric::Used);
        QVERIFY2(usedName.contains(QChar(0x5DF2)), qPrintable(usedName)); // 已: translated
        const ReportData data = build(request());
        const QString path = m_dir.filePath(QStringLiteral("zh.pdf"));
        QVERIFY(ReportDocument(data).write(path).ok());
        const QString text = pdfText(path, false);
        QVERIFY2(text.contains(usedName), qPrintable(text.left(3000)));
        QVERIFY(text.contains(QStringLiteral("监控-控制台"))); // a guest's own name
        QVERIFY(text.contains(verdictName(Verdict::Ready)));
        // No Kangxi radicals standing in for ideographs (PdfUnicodeFix.h), digits intact.
        const bool radicals = std::any_of(text.cbegin(), text.cend(), [](QChar c) {
            return c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF;
        });
        QVERIFY(!radicals);
        QVERIFY(text.contains(QStringLiteral("qemu+ssh://admin@kvm1/system")));
        QVERIFY(text.contains(QStringLiteral("128.00 GiB")));
    }
};

BS_PAINT_TEST_MAIN(TestReportDocument)
#include "tst_reportdocument.moc"
