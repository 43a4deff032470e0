// libvirtd restarted under a running autopilot (`balloonscope-cli record --autopilot`, real
// guests of scripts/testbed): no guest goes below its floor at any time, before, during or after
// the restart; the recorder rides it out; and once the daemon is back the autopilot acts again
// (the steady guest, given its maximum back by hand, is shrunk to its floor once more), from
// what it reads afresh, not from what it saw before the daemon went away.
#include "HistoryTestSupport.h"
#include "TestBed.h"
#include "TestMain.h"
#include "libvirt/LibvirtHandles.h"
#include "policy/GuestPolicySettings.h"

#include <QDateTime>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <libvirt/libvirt.h>

using namespace bs;
using namespace bs::e2e;

namespace {

constexpr qint64 MiB = 1024;
constexpr qint64 Floor = 160 * MiB; // above the autopilot's own 128 MiB guard: the floor rules

} // namespace

class TestE2eAutopilotRestart : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;
    QTemporaryDir m_dir;
    ConnectHandle m_conn;
    bool m_stopped = false;

    // (Re)opens the test's own connection and looks the guest up.
    DomainHandle guest(const char *role) {
        if (!m_conn || virConnectIsAlive(m_conn.get()) != 1)
            m_conn.reset(virConnectOpen(m_bed->uri.toUtf8().constData()));
        if (!m_conn)
            return {};
        return DomainHandle(virDomainLookupByName(
            m_conn.get(), m_bed->guest(QLatin1String(role)).toUtf8().constData()));
    }

    void optIn(bool on) {
        for (const char *role : {"steady", "sawtooth"}) {
            DomainHandle d = guest(role);
            QVERIFY(d);
            if (on) {
                GuestPolicySettings s;
                s.enabled = true;
                s.floorKiB = Floor;
                QVERIFY(writeGuestPolicy(d.get(), s, MetadataScope::Live));
            } else {
                (void)writeGuestPolicy(d.get(), std::nullopt, MetadataScope::Live);
                virDomainSetMemoryFlags(d.get(), virDomainGetMaxMemory(d.get()),
                                        VIR_DOMAIN_AFFECT_LIVE);
            }
        }
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
        QVERIFY(m_dir.isValid());
        optIn(true);
        // Both balloons at their maximum before the run (an earlier test may have moved one,
        // and a balloon takes a few seconds to get back).
        for (const char *role : {"steady", "sawtooth"}) {
            DomainHandle d = guest(role);
            QVERIFY(d);
            const qint64 maximum = qint64(virDomainGetMaxMemory(d.get()));
            QVERIFY(virDomainSetMemoryFlags(d.get(), quint64(maximum), VIR_DOMAIN_AFFECT_LIVE) ==
                    0);
            QTRY_VERIFY_WITH_TIMEOUT(actualOf(d.get()) >= maximum - maximum / 50, 30000);
        }
    }

    void cleanupTestCase() {
        // Whatever failed, leave the bed with its daemon running and the guests as they were.
        if (m_stopped)
            runTestBedScript(*m_bed, QStringLiteral("libvirtd-start"));
        optIn(false);
    }

    void noGuestBelowItsFloorAcrossARestart() {
        const QString db = m_dir.filePath(QStringLiteral("restart.sqlite"));
        QProcess recorder;
        recorder.setProcessChannelMode(QProcess::SeparateChannels);
        recorder.start(qEnvironmentVariable("BS_BINARY_DIR") +
                           QStringLiteral("/bin/balloonscope-cli"),
                       {QStringLiteral("record"), QStringLiteral("--connect"), m_bed->uri,
                        QStringLiteral("--db"), db, QStringLiteral("--interval"),
                        QStringLiteral("1"), QStringLiteral("--duration"), QStringLiteral("60"),
                        QStringLiteral("--autopilot"), QStringLiteral("balloonscope"),
                        QStringLiteral("--host-target"), QStringLiteral("1%")});
        QSignalSpy finished(&recorder, &QProcess::finished);
        QVERIFY(recorder.waitForStarted());
        QByteArray printed;
        auto said = [&](const QByteArray &what) {
            printed += recorder.readAllStandardError();
            return printed.contains(what);
        };

        // Before: the steady guest is shrunk to its floor (no host is under a 1 % target).
        DomainHandle steady = guest("steady");
        QVERIFY(steady);
        const qint64 maximum = qint64(virDomainGetMaxMemory(steady.get()));
        QVERIFY(maximum > Floor + 16 * MiB);
        QTRY_VERIFY2_WITH_TIMEOUT(qAbs(actualOf(steady.get()) - Floor) <= Floor / 50,
                                  qPrintable(QString::fromUtf8(printed)), 40000);

        // The daemon goes away and comes back while the autopilot runs.
        m_stopped = true;
        if (const auto failure = runTestBedScript(*m_bed, QStringLiteral("libvirtd-stop")))
            QFAIL(qPrintable(*failure));
        QTRY_VERIFY_WITH_TIMEOUT(said("disconnected"), 15000);
        if (const auto failure = runTestBedScript(*m_bed, QStringLiteral("libvirtd-start")))
            QFAIL(qPrintable(*failure));
        m_stopped = false;
        const qint64 backMs = QDateTime::currentMSecsSinceEpoch();

        // Given its maximum back by hand: the autopilot, reconnected, shrinks it again, from the
        // guest's fresh reports, and no further than its floor.
        steady = guest("steady");
        QVERIFY(steady);
        QCOMPARE(virDomainSetMemoryFlags(steady.get(), quint64(maximum), VIR_DOMAIN_AFFECT_LIVE),
                 0);
        QTRY_VERIFY_WITH_TIMEOUT(actualOf(steady.get()) >= maximum - maximum / 50, 20000);
        QTRY_VERIFY2_WITH_TIMEOUT(qAbs(actualOf(steady.get()) - Floor) <= Floor / 50,
                                  qPrintable(QString::fromUtf8(printed)), 45000);

        QVERIFY2(recorder.state() == QProcess::NotRunning || finished.wait(90000),
                 qPrintable(QString::fromUtf8(printed + recorder.readAllStandardError())));
        printed += recorder.readAllStandardError();
        QVERIFY2(recorder.exitStatus() == QProcess::NormalExit && recorder.exitCode() == 0,
                 qPrintable(QString::fromUtf8(printed)));

        // The recorded history: the autopilot moved the steady guest after the daemon was back,
        // and no report of an opted-in guest, from the autopilot's first move of it on, shows a
        // balloon below its floor (2 %: what the real balloon may miss its target by).
        QVERIFY(bs::test::sqlInt(
                    db, qPrintable(
                            QStringLiteral(
                                "SELECT count(*) FROM events e JOIN guests g ON g.id = e.guest_id "
                                "WHERE e.source = 'autopilot' AND e.kind = 'balloon_target' AND "
                                "g.name LIKE '%steady' AND e.t_ms > %1")
                                .arg(backMs))) > 0);
        const QByteArray below =
            QStringLiteral(
                "SELECT count(*) FROM (SELECT guest_id, t, actual FROM samples UNION "
                "ALL SELECT guest_id, t, actual FROM samples_inbox) s JOIN guests g ON g.id "
                "= s.guest_id WHERE (g.name LIKE '%steady' OR g.name LIKE "
                "'%sawtooth') AND s.actual < %1 AND s.t * 1000 >= (SELECT min(t_ms) FROM "
                "events WHERE source = 'autopilot' AND guest_id = s.guest_id)")
                .arg(Floor - Floor / 50)
                .toUtf8();
        QCOMPARE(bs::test::sqlInt(db, below.constData()), 0);
        QVERIFY(bs::test::sqlInt(db, "SELECT count(*) FROM samples_inbox") +
                    bs::test::sqlInt(db, "SELECT count(*) FROM samples") >
                0);
        // And none now, read from the daemon itself.
        for (const char *role : {"steady", "sawtooth"}) {
            DomainHandle d = guest(role);
            QVERIFY(d);
            QVERIFY2(actualOf(d.get()) >= Floor - Floor / 50, role);
        }
    }
};

BS_TEST_MAIN(TestE2eAutopilotRestart)
#include "tst_e2e_autopilot_restart.moc"
