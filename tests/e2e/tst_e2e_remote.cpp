// qemu+ssh through the test bed's loopback sshd sees what the local URI sees.
#include "TestBed.h"
#include "TestMain.h"
#include "monitor/MonitoredHost.h"

#include <QSignalSpy>

using namespace bs;
using namespace bs::e2e;

class TestE2eRemote : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;

    // name -> uuid of the bed's guests in a cycle (other guests on the host are not ours).
    QMap<QString, QString> bedGuests(const PollCycle &cycle) const {
        QMap<QString, QString> guests;
        for (const MemorySample &s : cycle.samples) {
            if (s.name.startsWith(m_bed->prefix))
                guests.insert(s.name, s.uuid);
        }
        return guests;
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
    }

    void sshSeesTheSameGuestsAndValues() {
        MonitorConfig local;
        local.uri = m_bed->uri;
        local.intervalSeconds = 1;
        MonitorConfig remote = local;
        remote.uri = m_bed->sshUri;
        MonitoredHost localHost(local, std::make_shared<NoCredentials>());
        MonitoredHost remoteHost(remote, std::make_shared<NoCredentials>());
        QSignalSpy localCycles(localHost.worker(), &HostMonitor::cycleReady);
        QSignalSpy remoteCycles(remoteHost.worker(), &HostMonitor::cycleReady);
        QSignalSpy remoteStatus(remoteHost.worker(), &HostMonitor::statusChanged);
        localHost.start();
        remoteHost.start();

        HostStatus connected;
        QVERIFY2(waitForStatus(remoteStatus, HostStatus::State::Connected, 20000, &connected),
                 "qemu+ssh did not connect without a prompt");
        QCOMPARE(connected.driver, QStringLiteral("QEMU"));
        QVERIFY(localCycles.wait(10000) || !localCycles.isEmpty());
        QVERIFY(remoteCycles.wait(10000) || !remoteCycles.isEmpty());
        const auto localGuests = bedGuests(localCycles.constLast().at(0).value<PollCycle>());
        const auto remoteGuests = bedGuests(remoteCycles.constLast().at(0).value<PollCycle>());
        QVERIFY(localGuests.size() >= 6);
        QCOMPARE(remoteGuests, localGuests);

        // The same report (same last_update) read over both links must carry the same numbers:
        // both ask the same QEMU. Collect per guest and last_update what each side saw.
        const QStringList reporting = {m_bed->guest(QStringLiteral("sawtooth")),
                                       m_bed->guest(QStringLiteral("steady"))};
        QHash<QString, BalloonStats> seenLocally;
        const auto collect = [&](QSignalSpy &spy, QHash<QString, BalloonStats> &into) {
            for (const auto &args : std::as_const(spy)) {
                for (const MemorySample &s : args.at(0).value<PollCycle>().samples) {
                    if (s.freshReport && s.stats.lastUpdate && reporting.contains(s.name)) {
                        into.insert(QStringLiteral("%1@%2").arg(s.name).arg(*s.stats.lastUpdate),
                                    s.stats);
                    }
                }
            }
        };
        int matched = 0;
        QSet<QString> guestsMatched;
        QElapsedTimer timer;
        timer.start();
        while (guestsMatched.size() < reporting.size() && timer.elapsed() < 30000) {
            remoteCycles.wait(2000);
            seenLocally.clear();
            collect(localCycles, seenLocally);
            QHash<QString, BalloonStats> seenRemotely;
            collect(remoteCycles, seenRemotely);
            for (auto it = seenRemotely.cbegin(); it != seenRemotely.cend(); ++it) {
                const auto other = seenLocally.constFind(it.key());
                if (other == seenLocally.cend())
                    continue;
                // rss is the QEMU process on the host, measured per call: it may move.
                BalloonStats a = it.value();
                BalloonStats b = other.value();
                // (Set, not reset: GCC 12 at -O2 takes a reset optional's payload for
                // uninitialised in operator==.)
                a.rss = 0;
                b.rss = 0;
                // So are the process figures, which only the local side reads here.
                a.vmSwap = b.vmSwap = 0;
                a.psiSome = b.psiSome = 0;
                a.psiFull = b.psiFull = 0;
                QVERIFY2(a == b,
                         qPrintable(QStringLiteral("%1 differs between the links").arg(it.key())));
                ++matched;
                guestsMatched.insert(it.key().section(QLatin1Char('@'), 0, 0));
            }
        }
        QVERIFY2(guestsMatched.size() == reporting.size(),
                 "no report was seen over both links for every reporting guest");
        QVERIFY(matched >= 2);
    }

    // A qemu+ssh host that allows it: each running guest's VmSwap and memory pressure come
    // over the same SSH access (the URI's key and ssh command) through the fixed read-only
    // command, and agree with what this machine reads locally from the same QEMU processes.
    void processFiguresOverSsh() {
        MonitorConfig local;
        local.uri = m_bed->uri;
        local.intervalSeconds = 2;
        MonitorConfig remote = local;
        remote.uri = m_bed->sshUri;
        remote.sshProcessFigures = true;
        MonitoredHost localHost(local, std::make_shared<NoCredentials>());
        MonitoredHost remoteHost(remote, std::make_shared<NoCredentials>());
        QSignalSpy localCycles(localHost.worker(), &HostMonitor::cycleReady);
        QSignalSpy remoteCycles(remoteHost.worker(), &HostMonitor::cycleReady);
        localHost.start();
        remoteHost.start();
        QVERIFY(remoteCycles.wait(30000));
        QVERIFY(localCycles.wait(10000) || !localCycles.isEmpty());
        const PollCycle over = remoteCycles.constLast().at(0).value<PollCycle>();
        const PollCycle here = localCycles.constLast().at(0).value<PollCycle>();
        QCOMPARE(over.processFigures.source, ProcessFiguresStatus::Source::Ssh);
        QCOMPARE(here.processFigures.source, ProcessFiguresStatus::Source::Local);
        // The same pressure note (or none) on both sides: the same cgroups are read.
        QCOMPARE(over.processFigures.note, here.processFigures.note);
        QHash<QString, MemorySample> locally;
        for (const MemorySample &s : here.samples)
            locally.insert(s.uuid, s);
        int compared = 0;
        for (const MemorySample &s : over.samples) {
            if (!s.name.startsWith(m_bed->prefix) || s.state != DomainState::Running)
                continue;
            QVERIFY2(s.stats.vmSwap.has_value(), qPrintable(s.name));
            const MemorySample l = locally.value(s.uuid);
            QVERIFY2(l.stats.vmSwap.has_value(), qPrintable(s.name));
            QCOMPARE(s.stats.psiSome.has_value(), l.stats.psiSome.has_value());
            ++compared;
        }
        QVERIFY(compared >= 6);
    }
};

BS_TEST_MAIN(TestE2eRemote)
#include "tst_e2e_remote.moc"
