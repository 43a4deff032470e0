#include "TestMain.h"
#include "TestSupport.h"
#include "autopilot/AutopilotFeature.h"
#include "autopilot/AutopilotPage.h"
#include "connection/Connections.h"
#include "guests/GuestTableModel.h"
#include "libvirt/CredentialProvider.h"
#include "workbench/Workbench.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;

// The Autopilot page on libvirt's test driver: the guests' opt-in read from their <metadata>,
// edited, saved and read back through the host's own connection; a bad floor is refused with a
// note; start and stop (the runner exists only while started, and stop takes effect at once).
namespace {

QString balloonHostUri() {
    return QStringLiteral("test://") +
           test::fixturePath(QStringLiteral("testdriver/balloon-host.xml"));
}

int rowOf(QTableWidget *t, const QString &name) {
    for (int r = 0; r < t->rowCount(); ++r) {
        if (t->item(r, AutopilotPage::GuestColumn)->text() == name)
            return r;
    }
    return -1;
}

} // namespace

class TestAutopilotPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void optInIsReadEditedAndSaved() {
        QSettings settings(m_dir.filePath(QStringLiteral("a.ini")), QSettings::IniFormat);
        QWidget dialogs;
        Workbench bench(settings, std::make_shared<NoCredentials>());
        bench.setDialogParent(&dialogs);
        auto *feature = new AutopilotFeature(&bench, nullptr);
        AutopilotPage *page = feature->page();
        QSignalSpy shown(page, &AutopilotPage::guestsShown);
        bench.connections()->connectTemporary(balloonHostUri(), false);
        QTRY_VERIFY_WITH_TIMEOUT(!page->hostId().isEmpty(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page->guestTable()->rowCount() > 0, 10000);
        QTableWidget *t = page->guestTable();
        const int row = 0;
        const QString name = t->item(row, AutopilotPage::GuestColumn)->text();
        QCOMPARE(t->item(row, AutopilotPage::EnabledColumn)->checkState(), Qt::Unchecked);

        // Opt in with a floor of 512 MiB, and save: read back as the guest now holds it.
        t->item(row, AutopilotPage::EnabledColumn)->setCheckState(Qt::Checked);
        t->item(row, AutopilotPage::FloorColumn)->setText(QStringLiteral("512"));
        shown.clear();
        page->saveButton()->click();
        QVERIFY(shown.wait(10000));
        const int again = rowOf(t, name);
        QVERIFY(again >= 0);
        QCOMPARE(t->item(again, AutopilotPage::EnabledColumn)->checkState(), Qt::Checked);
        QCOMPARE(t->item(again, AutopilotPage::FloorColumn)->text(), QStringLiteral("512"));

        // A floor under the balloon's safe minimum is refused, and said.
        t->item(again, AutopilotPage::FloorColumn)->setText(QStringLiteral("64"));
        page->saveButton()->click();
        QVERIFY2(t->item(again, AutopilotPage::NoteColumn)->text().contains(QStringLiteral("128")),
                 qPrintable(t->item(again, AutopilotPage::NoteColumn)->text()));

        // Opting out removes it.
        t->item(again, AutopilotPage::FloorColumn)->setText(QString());
        t->item(again, AutopilotPage::EnabledColumn)->setCheckState(Qt::Unchecked);
        shown.clear();
        page->saveButton()->click();
        QVERIFY(shown.wait(10000));
        QCOMPARE(t->item(rowOf(t, name), AutopilotPage::EnabledColumn)->checkState(),
                 Qt::Unchecked);
        QVERIFY(t->item(rowOf(t, name), AutopilotPage::FloorColumn)->text().isEmpty());
    }

    void startAndStop() {
        QSettings settings(m_dir.filePath(QStringLiteral("b.ini")), QSettings::IniFormat);
        QWidget dialogs;
        Workbench bench(settings, std::make_shared<NoCredentials>());
        bench.setDialogParent(&dialogs);
        auto *feature = new AutopilotFeature(&bench, nullptr);
        AutopilotPage *page = feature->page();
        QVERIFY(page->statusLabel()->text().contains(QStringLiteral("Choose a host")));
        QVERIFY(!page->startButton()->isEnabled());
        bench.connections()->connectTemporary(balloonHostUri(), false);
        QTRY_VERIFY_WITH_TIMEOUT(!page->hostId().isEmpty(), 10000);
        QVERIFY(page->dryRunBox()->isChecked()); // a dry run unless asked otherwise
        QVERIFY(page->startButton()->isEnabled());
        QVERIFY(!page->stopButton()->isEnabled());
        QVERIFY(page->statusLabel()->text().contains(QStringLiteral("Off")));
        // What it starts with: the boxes' values (headroom 15 % unless changed, as the CLI).
        QCOMPARE(page->headroomBox()->value(), 15);
        page->headroomBox()->setValue(40);
        page->targetBox()->setValue(70);
        QCOMPARE(page->config().balloonscope.headroom, 0.40);
        QCOMPARE(page->config().balloonscope.hostTargetShare, 0.70);
        QVERIFY(page->config().balloonscope.validationError().isEmpty());
        page->startButton()->click();
        QVERIFY(feature->isRunning(page->hostId()));
        QVERIFY(!page->startButton()->isEnabled());
        QVERIFY(page->stopButton()->isEnabled());
        QVERIFY(!page->dryRunBox()->isEnabled()); // not changed under a running autopilot
        QVERIFY(!page->headroomBox()->isEnabled());
        QVERIFY(page->statusLabel()->text().contains(QStringLiteral("dry run")));
        page->stopButton()->click();
        QVERIFY(!feature->isRunning(page->hostId())); // at once, before any next poll
        QVERIFY(page->startButton()->isEnabled());
        QVERIFY(page->statusLabel()->text().contains(QStringLiteral("Off")));
    }
};

BS_GUI_TEST_MAIN(TestAutopilotPage)
#include "tst_autopilotpage.moc"
