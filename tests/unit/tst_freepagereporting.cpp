#include "CliRunner.h"
#include "TestMain.h"
#include "balloon/FreePageReportingPlanner.h"
#include "model/BalloonConfig.h"

#include <QTest>

using namespace bs;

// Free page reporting turned on in the persistent configuration: the plan per guest (one
// define of the patched <memballoon>, or why not), and `balloonscope-cli free-page-reporting` on
// libvirt's test driver (its guest has a virtio balloon without it).
namespace {

GuestBalloonInfo guest(const QString &memballoon, bool persistent = true) {
    GuestBalloonInfo g;
    g.hostId = QStringLiteral("qemu:///system");
    g.uuid = QStringLiteral("0d342b80-9e16-43df-b75b-6e189527ff32");
    g.name = QStringLiteral("web-01");
    g.state = DomainState::Running;
    g.persistent = persistent;
    g.domainType = QStringLiteral("kvm");
    g.persistentXml = QStringLiteral("<domain type='kvm'>\n  <name>web-01</name>\n  <devices>\n"
                                     "    <disk/>\n%1  </devices>\n</domain>\n")
                          .arg(memballoon);
    g.persistentBalloon = parseBalloonConfig(g.persistentXml);
    return g;
}

} // namespace

class TestFreePageReporting : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void onePatchAndADefine() {
        const GuestPlan plan =
            planFreePageReporting(guest(QStringLiteral("    <memballoon model='virtio'>\n"
                                                       "      <stats period='5'/>\n"
                                                       "    </memballoon>\n")),
                                  true);
        QCOMPARE(plan.steps.size(), 1);
        QCOMPARE(plan.steps[0].kind, BalloonStep::Kind::PersistentOptions);
        QCOMPARE(plan.steps[0].edit.freePageReporting, std::optional<bool>(true));
        QCOMPARE(plan.steps[0].edit.autodeflate, std::optional<bool>(true));
        QVERIFY(plan.needsRestart);
        QVERIFY(plan.refusals.isEmpty());
        // The preview: the start tag gains the two attributes, the rest of the element stays.
        QVERIFY(plan.preview.changed);
        QCOMPARE(plan.preview.diff,
                 (QStringList{QStringLiteral("- <memballoon model='virtio'>"),
                              QStringLiteral("+ <memballoon model='virtio' autodeflate='on' "
                                             "freePageReporting='on'>"),
                              QStringLiteral("    <stats period='5'/>"),
                              QStringLiteral("  </memballoon>")}));
        QVERIFY(plan.steps[0].describe().contains(QStringLiteral("free page reporting on")));
    }

    void autodeflateLeftAlone() {
        const GuestPlan plan = planFreePageReporting(
            guest(QStringLiteral("    <memballoon model='virtio' autodeflate='off'/>\n")), false);
        QCOMPARE(plan.steps.size(), 1);
        QVERIFY(!plan.steps[0].edit.autodeflate);
        QVERIFY(plan.preview.diffText().contains(QStringLiteral(
            "+ <memballoon model='virtio' freePageReporting='on' autodeflate='off'/>")));
    }

    void nothingToDoOrRefused_data() {
        QTest::addColumn<QString>("memballoon");
        QTest::addColumn<bool>("persistent");
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<QString>("says");
        QTest::newRow("already on")
            << "    <memballoon model='virtio' freePageReporting='on' autodeflate='on'/>\n"
            << true << false << "already on";
        QTest::newRow("no balloon") << "    <memballoon model='none'/>\n"
                                    << true << false << "no virtio balloon";
        QTest::newRow("no element") << "" << true << false << "no virtio balloon";
        QTest::newRow("transient") << "    <memballoon model='virtio'/>\n"
                                   << false << false << "transient";
        QTest::newRow("read-only") << "    <memballoon model='virtio'/>\n"
                                   << true << true << "read-only";
    }
    void nothingToDoOrRefused() {
        QFETCH(QString, memballoon);
        QFETCH(bool, persistent);
        QFETCH(bool, readOnly);
        QFETCH(QString, says);
        GuestBalloonInfo g = guest(memballoon, persistent);
        g.readOnly = readOnly;
        const GuestPlan plan = planFreePageReporting(g, true);
        QVERIFY(plan.steps.isEmpty());
        QStringList words = plan.notes;
        for (const StepRefusal &r : plan.refusals)
            words << r.reason;
        QVERIFY2(words.join(QLatin1Char(' ')).contains(says), qPrintable(words.join(u'|')));
    }

    void cliOnTheTestDriver() {
        const CliRun dry = runCli({QStringLiteral("free-page-reporting"),
                                   QStringLiteral("--connect"), QStringLiteral("test:///default"),
                                   QStringLiteral("--all"), QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(QStringLiteral(
                     "+ <memballoon model='virtio' autodeflate='on' freePageReporting='on'>")),
                 qPrintable(dry.out));
        QVERIFY(!dry.out.contains(QStringLiteral("applied")));
        const CliRun applied =
            runCli({QStringLiteral("free-page-reporting"), QStringLiteral("--connect"),
                    QStringLiteral("test:///default"), QStringLiteral("--domain"),
                    QStringLiteral("test"), QStringLiteral("--no-autodeflate")});
        QCOMPARE(applied.exitCode, 0);
        QVERIFY2(
            applied.out.contains(QStringLiteral("1 applied, 0 unchanged, 0 partial, 0 failed.")),
            qPrintable(applied.out));
        QVERIFY(!applied.out.contains(QStringLiteral("autodeflate on")));
        const CliRun readOnly =
            runCli({QStringLiteral("free-page-reporting"), QStringLiteral("--connect"),
                    QStringLiteral("test:///default"), QStringLiteral("--readonly"),
                    QStringLiteral("--all")});
        QCOMPARE(readOnly.exitCode, 1);
        const CliRun usage =
            runCli({QStringLiteral("free-page-reporting"), QStringLiteral("--connect"),
                    QStringLiteral("test:///default")});
        QCOMPARE(usage.exitCode, 2);
    }
};

BS_TEST_MAIN(TestFreePageReporting)
#include "tst_freepagereporting.moc"
