// One policy per guest across Balloonscopes (issue 15): the opt-in saved on the GUI's Autopilot
// page is what a headless recorder reads (`record --autopilot` counts the guest as opted in), and
// what a script or another Balloonscope writes into a guest's <metadata> is what the page shows.
// Real libvirtd and guests (scripts/testbed).
#include "HistoryTestSupport.h"
#include "TestBed.h"
#include "TestMain.h"
#include "autopilot/AutopilotFeature.h"
#include "autopilot/AutopilotPage.h"
#include "connection/Connections.h"
#include "libvirt/CredentialProvider.h"
#include "libvirt/LibvirtHandles.h"
#include "policy/GuestPolicySettings.h"
#include "workbench/Workbench.h"

#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

#include <libvirt/libvirt.h>

using namespace bs;
using namespace bs::e2e;
using namespace bs::gui;

namespace {

QString cli() {
    return qEnvironmentVariable("BS_BINARY_DIR") + QStringLiteral("/bin/balloonscope-cli");
}

int rowOf(QTableWidget *t, const QString &name) {
    for (int r = 0; r < t->rowCount(); ++r) {
        if (t->item(r, AutopilotPage::GuestColumn)->text() == name)
            return r;
    }
    return -1;
}

} // namespace

class TestE2eAutopilotGui : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;
    QTemporaryDir m_dir;
    ConnectHandle m_conn;

    DomainHandle guest(const char *role) {
        return DomainHandle(virDomainLookupByName(
            m_conn.get(), m_bed->guest(QLatin1String(role)).toUtf8().constData()));
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
        for (const char *role : {"steady", "sawtooth"})
            QVERIFY(writeGuestPolicy(guest(role).get(), std::nullopt, MetadataScope::Both));
    }

    void cleanupTestCase() {
        if (!m_conn)
            return;
        for (const char *role : {"steady", "sawtooth"}) {
            if (DomainHandle d = guest(role))
                (void)writeGuestPolicy(d.get(), std::nullopt, MetadataScope::Both);
        }
    }

    void optInCrossesInstances() {
        QSettings settings(m_dir.filePath(QStringLiteral("gui.ini")), QSettings::IniFormat);
        QWidget dialogs;
        Workbench bench(settings, std::make_shared<NoCredentials>());
        bench.setDialogParent(&dialogs);
        auto *feature = new AutopilotFeature(&bench, nullptr);
        AutopilotPage *page = feature->page();
        QSignalSpy shown(page, &AutopilotPage::guestsShown);
        bench.connections()->connectTemporary(m_bed->uri, false);
        const QString steady = m_bed->guest(QStringLiteral("steady"));
        const QString saw = m_bed->guest(QStringLiteral("sawtooth"));
        QTableWidget *t = page->guestTable();
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(t, steady) >= 0 && rowOf(t, saw) >= 0, 20000);
        QCOMPARE(t->item(rowOf(t, steady), AutopilotPage::EnabledColumn)->checkState(),
                 Qt::Unchecked);

        // The GUI opts the steady guest in...
        t->item(rowOf(t, steady), AutopilotPage::EnabledColumn)->setCheckState(Qt::Checked);
        t->item(rowOf(t, steady), AutopilotPage::FloorColumn)->setText(QStringLiteral("160"));
        shown.clear();
        page->saveButton()->click();
        QVERIFY(shown.wait(20000));
        QCOMPARE(t->item(rowOf(t, steady), AutopilotPage::EnabledColumn)->checkState(),
                 Qt::Checked);

        // ...and the headless recorder, another process on another connection, sees it.
        const ProgramRun record = runProgram(
            cli(),
            {QStringLiteral("record"), QStringLiteral("--connect"), m_bed->uri,
             QStringLiteral("--db"), m_dir.filePath(QStringLiteral("r.sqlite")),
             QStringLiteral("--interval"), QStringLiteral("1"), QStringLiteral("--duration"),
             QStringLiteral("5"), QStringLiteral("--autopilot"), QStringLiteral("balloonscope"),
             QStringLiteral("--dry-run")},
            90000);
        QVERIFY2(record.exitCode == 0, qPrintable(record.err));
        QVERIFY2(record.err.contains(QStringLiteral("1 guest(s) opted in")),
                 qPrintable(record.err));
        // Persistent too: the configuration holds the same element.
        const auto config = readGuestPolicy(guest("steady").get(), MetadataScope::Config);
        QVERIFY(config);
        QVERIFY(config->enabled);
        QCOMPARE(config->floorKiB, std::optional<qint64>(160 * 1024));

        // What a script writes (the saw-tooth in, the steady guest out), the page shows.
        GuestPolicySettings on;
        on.enabled = true;
        QVERIFY(writeGuestPolicy(guest("sawtooth").get(), on, MetadataScope::Both));
        QVERIFY(writeGuestPolicy(guest("steady").get(), std::nullopt, MetadataScope::Both));
        shown.clear();
        page->reloadButton()->click();
        QVERIFY(shown.wait(20000));
        QCOMPARE(t->item(rowOf(t, saw), AutopilotPage::EnabledColumn)->checkState(), Qt::Checked);
        QCOMPARE(t->item(rowOf(t, steady), AutopilotPage::EnabledColumn)->checkState(),
                 Qt::Unchecked);
    }
};

BS_GUI_TEST_MAIN(TestE2eAutopilotGui)
#include "tst_e2e_autopilot_gui.moc"
