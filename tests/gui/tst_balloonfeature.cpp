#include "TestMain.h"
#include "TestSupport.h"
#include "app/HostRegistry.h"
#include "balloon/BalloonFeature.h"
#include "balloon/BalloonTargetDialog.h"
#include "balloon/ChangeMarkers.h"
#include "balloon/FreePageReportingDialog.h"
#include "balloon/InlineMessage.h"
#include "balloon/PeriodChooser.h"
#include "balloon/StatsPeriodDialog.h"
#include "balloon/StatsPeriodModel.h"
#include "connection/Connections.h"
#include "guests/GuestPanel.h"
#include "guests/GuestTableModel.h"
#include "libvirt/CredentialProvider.h"
#include "readiness/ReadinessDialog.h"
#include "readiness/ReadinessFeature.h"
#include "workbench/Workbench.h"

#include <QAction>
#include <QCheckBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;

namespace {

// tests/fixtures/testdriver/balloon-host.xml: web-01 (virtio, no period), db-01 (period 10),
// old-nova (model none, shut off), scratch (transient). Every connection to it gets these guests
// afresh, so what the window changes is seen through the window.
QString hostUri() {
    return QStringLiteral("test://") +
           test::fixturePath(QStringLiteral("testdriver/balloon-host.xml"));
}
const QString Web01 = QStringLiteral("a9da93b2-63c6-481d-9290-f1fc2a493f31");
const QString Db01 = QStringLiteral("8953275d-9253-4a4a-b617-a1550d0080ba");
const QString OldNova = QStringLiteral("bdbb7406-0119-4db6-bff3-5359b20c394a");

// The balloon feature on a workbench of its own, with the readiness feature it opens dialogs of,
// wired as Features.cpp wires them: no main window, no keyring, no history file. The dialogs'
// parent is a plain widget, so that they are found (and deleted) through it.
struct Bench {
    explicit Bench(QSettings &settings)
        : bench(settings, std::make_shared<NoCredentials>()) {
        bench.setDialogParent(&dialogs);
        readiness = new ReadinessFeature(&bench);
        balloon = new BalloonFeature(&bench);
        QObject::connect(readiness, &ReadinessFeature::statsPeriodRequested, balloon,
                         &BalloonFeature::openStatsPeriod);
        QObject::connect(balloon, &BalloonFeature::readinessRequested, readiness,
                         &ReadinessFeature::openDialog);
    }
    void connectHost(bool readOnly) { bench.connections()->connectTemporary(hostUri(), readOnly); }
    int guestRows() const { return bench.guestModel()->rowCount(); }

    QWidget dialogs;
    Workbench bench;
    ReadinessFeature *readiness;
    BalloonFeature *balloon;
};

// Selects these guests in the guest table, as a user would.
void select(Bench &b, const QStringList &uuids) {
    QTableView *view = b.bench.guestPanel()->view();
    QItemSelectionModel *selection = view->selectionModel();
    selection->clearSelection();
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        const QString uuid = index.data(GuestTableModel::UuidRole).toString();
        if (!uuids.contains(uuid))
            continue;
        selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        if (uuid == uuids.constFirst()) // the charted guest
            selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
    }
}

} // namespace

// The balloon feature without a main window: its guest actions follow the selection and the
// hosts' access, its dialogs open and record changes, a removed host's dialogs stop.
class TestBalloonFeature : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<QSettings> settings(const QString &name) {
        return std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat);
    }

private Q_SLOTS:
    // Guest → Free page reporting… on two guests: the virtio one gets the attribute in its
    // persistent XML (the preview shows that one line), the one without a balloon is refused
    // with the reason; the change is a marker; a read-only connection disables the action.
    void freePageReportingForTheSelection() {
        auto s = settings(QStringLiteral("fpr.ini"));
        Bench window(*s);
        window.connectHost(false);
        QTRY_COMPARE_WITH_TIMEOUT(window.guestRows(), 4, 10000);
        QAction *action = window.balloon->freePageReportingAction();
        QVERIFY(window.bench.guestActions().contains(action));
        select(window, {});
        QVERIFY(!action->isEnabled());
        select(window, {Web01, Db01});
        QVERIFY(action->isEnabled());
        const QString host = hostUri();
        FreePageReportingDialog *dialog =
            window.balloon->openFreePageReporting(host, {Web01, OldNova});
        QVERIFY(dialog);
        QSignalSpy planned(dialog, &FreePageReportingDialog::planned);
        QVERIFY(planned.wait(10000));
        const QString preview = dialog->preview()->toPlainText();
        QVERIFY2(preview.contains(QStringLiteral(
                     "+ <memballoon model='virtio' autodeflate='on' freePageReporting='on'")),
                 qPrintable(preview));
        QVERIFY2(preview.contains(QStringLiteral("no virtio balloon")), qPrintable(preview));
        // Without autodeflate: only the one attribute.
        dialog->autodeflateBox()->setChecked(false);
        QVERIFY(!dialog->preview()->toPlainText().contains(QStringLiteral("autodeflate='on'")));
        QVERIFY(dialog->applyButton()->isEnabled());
        QSignalSpy recorded(window.balloon, &BalloonFeature::changeRecorded);
        QSignalSpy applied(dialog, &FreePageReportingDialog::applied);
        dialog->applyButton()->click();
        QVERIFY(applied.wait(10000));
        QVERIFY2(dialog->resultLabel()->text().startsWith(QStringLiteral("1 changed, 0 failed")),
                 qPrintable(dialog->resultLabel()->text()));
        QCOMPARE(recorded.count(), 1);
        const auto change = recorded.at(0).at(0).value<BalloonChangeEvent>();
        QCOMPARE(change.kind, BalloonChangeEvent::Kind::BalloonOptions);
        QCOMPARE(change.uuid, Web01);
        QVERIFY(change.description().contains(QStringLiteral("free page reporting on")));
        dialog->close();

        auto r = settings(QStringLiteral("fpr-ro.ini"));
        Bench readOnly(*r);
        readOnly.connectHost(true);
        QTRY_COMPARE_WITH_TIMEOUT(readOnly.guestRows(), 4, 10000);
        select(readOnly, {Web01});
        QVERIFY(!readOnly.balloon->freePageReportingAction()->isEnabled());
        QVERIFY(readOnly.balloon->freePageReportingAction()->toolTip().contains(
            QLatin1String("read-only")));
    }

    void actionsFollowTheSelection() {
        auto s = settings(QStringLiteral("a.ini"));
        Bench window(*s);
        window.connectHost(false);
        QTRY_COMPARE_WITH_TIMEOUT(window.guestRows(), 4, 10000);
        BalloonFeature *balloon = window.balloon;
        QAction *period = balloon->statsPeriodAction();
        QAction *target = balloon->balloonTargetAction();
        // Guest actions: the window's Guest menu shows them (tst_mainwindow), and the table's
        // context menu.
        QVERIFY(window.bench.guestActions().contains(period));
        QVERIFY(window.bench.guestActions().contains(target));
        QVERIFY(window.bench.guestPanel()->view()->actions().contains(period));

        select(window, {});
        QVERIFY(!period->isEnabled());
        QVERIFY(period->toolTip().contains(QLatin1String("Select")));
        select(window, {Web01});
        QVERIFY(period->isEnabled());
        QVERIFY(target->isEnabled());
        select(window, {Web01, Db01});
        QVERIFY(period->isEnabled());
        QVERIFY(!target->isEnabled());
        QVERIFY(target->toolTip().contains(QLatin1String("exactly one")));

        // The stats-period action opens one dialog for the selected guests.
        period->trigger();
        auto dialogs = window.dialogs.findChildren<StatsPeriodDialog *>();
        QCOMPARE(dialogs.size(), 1);
        StatsPeriodDialog *dialog = dialogs.constFirst();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->model()->rowCount(), 2, 5000);
        QCOMPARE(dialog->periodChooser()->setting()->seconds(),
                 window.bench.preferences().defaultStatsPeriod);
        QVERIFY(dialog->windowTitle().contains(QLatin1String("2 guests")));

        // Its readiness button opens the readiness dialog of the guest.
        dialog->view()->setCurrentIndex(dialog->model()->index(dialog->model()->rowOf(Web01), 0));
        dialog->readinessButton()->click();
        QTRY_COMPARE(window.dialogs.findChildren<ReadinessDialog *>().size(), 1);
        QCOMPARE(window.dialogs.findChildren<ReadinessDialog *>().constFirst()->uuid(), Web01);
    }

    void readOnlyHostDisablesTheActionsWithTheReason() {
        auto s = settings(QStringLiteral("ro.ini"));
        Bench window(*s);
        window.connectHost(true);
        QTRY_COMPARE_WITH_TIMEOUT(window.guestRows(), 4, 10000);
        select(window, {Web01});
        QAction *period = window.balloon->statsPeriodAction();
        QAction *target = window.balloon->balloonTargetAction();
        QTRY_VERIFY(!period->isEnabled());
        QVERIFY(!target->isEnabled());
        QVERIFY2(period->toolTip().contains(QLatin1String("read-only")),
                 qPrintable(period->toolTip()));
        QVERIFY(target->toolTip().contains(QLatin1String("read-only")));
        QVERIFY(period->statusTip().contains(QLatin1String("read-only")));

        // From the readiness dialog the stats-period dialog still opens, and says why it
        // cannot change anything.
        ReadinessDialog *readiness = window.readiness->openDialog(hostUri(), Web01);
        QVERIFY(readiness->statsPeriodButton()->isEnabled()); // connected now
        readiness->statsPeriodButton()->click();
        const auto dialogs = window.dialogs.findChildren<StatsPeriodDialog *>();
        QCOMPARE(dialogs.size(), 1);
        StatsPeriodDialog *dialog = dialogs.constFirst();
        QTRY_COMPARE_WITH_TIMEOUT(dialog->model()->rowCount(), 1, 5000);
        QVERIFY(dialog->banner()->isVisibleTo(dialog));
        QVERIFY(!dialog->applyButton()->isEnabled());
    }

    // A change made in a dialog comes out of the feature (for the history) and appears as a
    // marker on the live chart of that guest.
    void changesAreRecordedAndMarked() {
        auto s = settings(QStringLiteral("c.ini"));
        Bench window(*s);
        window.connectHost(false);
        QTRY_COMPARE_WITH_TIMEOUT(window.guestRows(), 4, 10000);
        select(window, {Web01});
        BalloonFeature *balloon = window.balloon;
        QSignalSpy recorded(balloon, &BalloonFeature::changeRecorded);

        balloon->balloonTargetAction()->trigger();
        BalloonTargetDialog *dialog = balloon->openBalloonTarget(hostUri(), Web01);
        QCOMPARE(window.dialogs.findChildren<BalloonTargetDialog *>().size(),
                 1); // raised, not twice
        QTRY_VERIFY_WITH_TIMEOUT(dialog->spinBox()->isEnabled(), 5000);
        dialog->setConfirmation([](QWidget *, const QString &, const QString &) { return true; });
        dialog->setTargetMiB(1536);
        QVERIFY2(dialog->applyButton()->isEnabled(), qPrintable(dialog->refusalMessage()->text()));
        dialog->applyButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 2, 5000);
        for (const auto &args : std::as_const(recorded)) {
            const auto event = args.at(0).value<BalloonChangeEvent>();
            QCOMPARE(event.hostId, hostUri());
            QCOMPARE(event.uuid, Web01);
            QCOMPARE(event.kind, BalloonChangeEvent::Kind::BalloonTarget);
        }
        // web-01 is charted (it is the current guest): one marker for the two changes.
        QTRY_COMPARE(balloon->markers()->markerCount(), 1);
        const QString label = balloon->markers()->labels().constFirst();
        QVERIFY2(label.contains(QLatin1String("Balloon target (live)")), qPrintable(label));
        QVERIFY(label.contains(QLatin1String("Balloon target (persistent)")));

        // Another guest charted: its own markers (none); back: the marker is there again.
        select(window, {Db01});
        QCOMPARE(balloon->markers()->markerCount(), 0);
        select(window, {Web01});
        QCOMPARE(balloon->markers()->markerCount(), 1);

        // The stats period from the feature's dialog is recorded too.
        StatsPeriodDialog *periods = balloon->openStatsPeriod(hostUri(), {Web01});
        QSignalSpy read(periods, &StatsPeriodDialog::guestsRead);
        QVERIFY(read.wait(5000));
        periods->applyButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 4, 5000);
        QCOMPARE(recorded.at(2).at(0).value<BalloonChangeEvent>().kind,
                 BalloonChangeEvent::Kind::StatsPeriod);
    }

    // Removing the host while its dialogs are open: they say so and stop offering changes.
    void hostRemovedWhileDialogsAreOpen() {
        auto s = settings(QStringLiteral("r.ini"));
        Bench window(*s);
        window.connectHost(false);
        QTRY_COMPARE_WITH_TIMEOUT(window.guestRows(), 4, 10000);
        StatsPeriodDialog *periods = window.balloon->openStatsPeriod(hostUri(), {Web01});
        BalloonTargetDialog *target = window.balloon->openBalloonTarget(hostUri(), Web01);
        QTRY_VERIFY_WITH_TIMEOUT(periods->applyButton()->isEnabled(), 5000);
        window.bench.registry()->removeHost(hostUri());
        QVERIFY(!periods->applyButton()->isEnabled());
        QVERIFY(periods->banner()->isVisibleTo(periods));
        QVERIFY(!target->applyButton()->isEnabled());
        QVERIFY(window.balloon->controlsFor(hostUri()) == nullptr);
    }
};

BS_GUI_TEST_MAIN(TestBalloonFeature)
#include "tst_balloonfeature.moc"
