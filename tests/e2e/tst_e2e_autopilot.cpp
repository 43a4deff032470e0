// The autopilot live on real guests (scripts/testbed), through `balloonscope-cli record
// --autopilot`: the steady guest opts in through its <metadata>; with a host target low enough
// to make Balloonscope's policy act, a dry run changes nothing and leaves markers saying what it
// would have done; the real run shrinks the steady guest's balloon (the real balloon follows,
// never below its guard), leaves the guest without the opt-in alone, and gives the maximum back
// when stopped with --give-back.
#include "HistoryTestSupport.h"
#include "TestBed.h"
#include "TestMain.h"
#include "libvirt/LibvirtHandles.h"
#include "policy/GuestPolicySettings.h"

#include <QTemporaryDir>

#include <libvirt/libvirt.h>

using namespace bs;
using namespace bs::e2e;

namespace {

constexpr qint64 MiB = 1024;

QString cli() {
    return qEnvironmentVariable("BS_BINARY_DIR") + QStringLiteral("/bin/balloonscope-cli");
}

// The guest's balloon as libvirt reports it (dommemstat "actual"), KiB.
qint64 actualOf(virDomainPtr domain) {
    virDomainMemoryStatStruct stats[VIR_DOMAIN_MEMORY_STAT_NR];
    const int n = virDomainMemoryStats(domain, stats, VIR_DOMAIN_MEMORY_STAT_NR, 0);
    for (int i = 0; i < n; ++i) {
        if (stats[i].tag == VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON)
            return qint64(stats[i].val);
    }
    return -1;
}

} // namespace

class TestE2eAutopilot : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;
    QTemporaryDir m_dir;
    ConnectHandle m_conn;
    DomainHandle m_steady;
    DomainHandle m_saw;
    qint64 m_maximum = 0;

    ProgramRun record(const QString &db, int seconds, const QStringList &extra) {
        return runProgram(cli(),
                          QStringList{QStringLiteral("record"), QStringLiteral("--connect"),
                                      m_bed->uri, QStringLiteral("--db"), db,
                                      QStringLiteral("--interval"), QStringLiteral("1"),
                                      QStringLiteral("--duration"), QString::number(seconds),
                                      QStringLiteral("--autopilot"), QStringLiteral("balloonscope"),
                                      QStringLiteral("--host-target"), QStringLiteral("10%")} +
                              extra,
                          (seconds + 60) * 1000);
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
        QVERIFY(m_dir.isValid());
        m_conn.reset(virConnectOpen(m_bed->uri.toUtf8().constData()));
        QVERIFY(m_conn);
        m_steady.reset(virDomainLookupByName(
            m_conn.get(), m_bed->guest(QStringLiteral("steady")).toUtf8().constData()));
        m_saw.reset(virDomainLookupByName(
            m_conn.get(), m_bed->guest(QStringLiteral("sawtooth")).toUtf8().constData()));
        QVERIFY(m_steady && m_saw);
        m_maximum = qint64(virDomainGetMaxMemory(m_steady.get()));
        QVERIFY(m_maximum > 128 * MiB);
        QCOMPARE(actualOf(m_steady.get()), m_maximum); // as the bed leaves it
        // The steady guest opts in (live: what the recorder reads); the saw-tooth does not.
        GuestPolicySettings on;
        on.enabled = true;
        on.floorKiB = 128 * MiB;
        QVERIFY(writeGuestPolicy(m_steady.get(), on, MetadataScope::Live));
        QVERIFY(writeGuestPolicy(m_saw.get(), std::nullopt, MetadataScope::Live));
    }

    void cleanupTestCase() {
        if (m_steady) {
            (void)writeGuestPolicy(m_steady.get(), std::nullopt, MetadataScope::Live);
            virDomainSetMemoryFlags(m_steady.get(), quint64(m_maximum), VIR_DOMAIN_AFFECT_LIVE);
        }
    }

    void dryRunChangesNothing() {
        const QString db = m_dir.filePath(QStringLiteral("dry.sqlite"));
        const ProgramRun run = record(db, 20, {QStringLiteral("--dry-run")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("autopilot (dry run)")), qPrintable(run.err));
        QCOMPARE(actualOf(m_steady.get()), m_maximum);
        // Its markers: what it would have done, to the steady guest only.
        QVERIFY(bs::test::sqlInt(db, "SELECT count(*) FROM events WHERE source = 'autopilot'") > 0);
        QCOMPARE(bs::test::sqlInt(db, "SELECT count(DISTINCT guest_id) FROM events WHERE "
                                      "source = 'autopilot'"),
                 1);
    }

    void shrinksTheSteadyGuestAndGivesBack() {
        const QString db = m_dir.filePath(QStringLiteral("live.sqlite"));
        const qint64 sawBefore = actualOf(m_saw.get());
        // A first run without --give-back: the balloon stays where the autopilot left it.
        ProgramRun run = record(db, 20, {});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const qint64 shrunk = actualOf(m_steady.get());
        QVERIFY2(shrunk < m_maximum,
                 qPrintable(QString::number(shrunk) + QLatin1Char('\n') + run.err));
        QVERIFY(shrunk >= 128 * MiB - 2 * MiB); // its guard (and floor), ±2 % of the real balloon
        QCOMPARE(actualOf(m_saw.get()), sawBefore); // no opt-in: untouched
        // Every move is a marker with its reason.
        QVERIFY(bs::test::sqlInt(db, "SELECT count(*) FROM events WHERE source = 'autopilot' "
                                     "AND kind = 'balloon_target'") > 0);
        // The steady guest kept reporting while it was shrunk.
        QVERIFY(bs::test::sqlInt(db, "SELECT count(*) FROM samples s JOIN guests g ON "
                                     "g.id = s.guest_id WHERE s.available IS NOT NULL") > 0);

        // Stopped with --give-back: its maximum again.
        run = record(db, 8, {QStringLiteral("--give-back")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(actualOf(m_steady.get()) - m_maximum) <= m_maximum / 50,
                                 20000);
    }
};

BS_TEST_MAIN(TestE2eAutopilot)
#include "tst_e2e_autopilot.moc"
