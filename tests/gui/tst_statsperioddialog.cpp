#include "TestGuests.h"
#include "TestMain.h"
#include "balloon/InlineMessage.h"
#include "balloon/MemballoonDiffView.h"
#include "balloon/PeriodChooser.h"
#include "balloon/ScopeChooser.h"
#include "balloon/StatsPeriodDialog.h"
#include "balloon/StatsPeriodModel.h"
#include "ballooncontrol/BalloonControls.h"
#include "monitor/MonitoredHost.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace bs;
using namespace bs::gui;
using namespace bs::test;
using Col = StatsPeriodModel::Column;

namespace {

// The dialog's host as the application has it: test:///default behind a MonitoredHost (its own
// connection, on its own thread). The test checks libvirt through a second connection.
struct Host {
    explicit Host(bool readOnly = false)
        : host(config(readOnly), std::make_shared<NoCredentials>())
        , controls(&host) {}

    static MonitorConfig config(bool readOnly) {
        MonitorConfig c;
        c.uri = QStringLiteral("test:///default");
        c.intervalSeconds = 1;
        c.readOnly = readOnly;
        return c;
    }

    bool connect() {
        QSignalSpy status(host.worker(), &HostMonitor::statusChanged);
        host.start();
        for (int i = 0; i < 50; ++i) {
            for (const auto &args : std::as_const(status)) {
                if (args.at(0).value<HostStatus>().state == HostStatus::State::Connected)
                    return true;
            }
            status.wait(200);
        }
        return false;
    }

    MonitoredHost host;
    BalloonControls controls;
};

QString cell(const StatsPeriodDialog &dialog, int row, int column, int role = Qt::DisplayRole) {
    return dialog.model()->index(row, column).data(role).toString();
}

void typePeriod(StatsPeriodDialog &dialog, const QString &text) {
    QLineEdit *edit = dialog.periodChooser()->secondsEdit();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

bool readGuests(StatsPeriodDialog &dialog) {
    QSignalSpy read(&dialog, &StatsPeriodDialog::guestsRead);
    return read.wait(5000);
}

std::optional<int> periodOf(const QString &xml) {
    return parseBalloonConfig(xml).period;
}

const QString Off = QStringLiteral("off");

} // namespace

class TestStatsPeriodDialog : public QObject {
    Q_OBJECT

    ConnectHandle m_conn; // the test's own connection: what libvirt really has

private Q_SLOTS:
    void initTestCase() {
        m_conn.reset(virConnectOpen("test:///default"));
        QVERIFY(m_conn);
    }

    void showsTheFactsAndAppliesLiveAndPersistent() {
        ScopedTestGuest guest(m_conn.get(), {.name = QStringLiteral("bs-spd-both")});
        QVERIFY(guest.ok());
        Host h;
        QVERIFY(h.connect());
        StatsPeriodDialog dialog(&h.host, &h.controls, {guest.uuid()});
        dialog.show();
        QVERIFY(readGuests(dialog));
        QCOMPARE(dialog.model()->rowCount(), 1);
        QCOMPARE(cell(dialog, 0, Col::Guest), guest.name());
        QVERIFY(cell(dialog, 0, Col::State).contains(QLatin1String("running")));
        QVERIFY(cell(dialog, 0, Col::State).contains(QLatin1String("persistent")));
        QCOMPARE(cell(dialog, 0, Col::Balloon), QStringLiteral("virtio"));
        QCOMPARE(cell(dialog, 0, Col::LivePeriod), Off);
        QCOMPARE(cell(dialog, 0, Col::PersistentPeriod), Off);
        QVERIFY(dialog.windowTitle().contains(guest.name()));

        // Default 10 s, both scopes; the user types 5.
        QCOMPARE(dialog.periodChooser()->secondsEdit()->text(), QStringLiteral("10"));
        QVERIFY(dialog.scopeChooser()->live() && dialog.scopeChooser()->persistent());
        typePeriod(dialog, QStringLiteral("5"));
        const QString plan = cell(dialog, 0, Col::Plan);
        QVERIFY2(plan.contains(QStringLiteral("live stats period: off → 5 s")), qPrintable(plan));
        QVERIFY2(plan.contains(QStringLiteral("persistent stats period: off → 5 s")),
                 qPrintable(plan));
        // The preview is the persistent <memballoon> diff.
        const QString diff = dialog.previewView()->toPlainText();
        QVERIFY2(diff.contains(QLatin1String("- <memballoon model='virtio'/>")), qPrintable(diff));
        QVERIFY2(diff.contains(QLatin1String("+   <stats period='5'/>")), qPrintable(diff));
        QVERIFY(dialog.applyButton()->isEnabled());
        QVERIFY(!dialog.virtioSwitchBox()->isVisibleTo(&dialog)); // nothing to offer here

        QSignalSpy changes(&h.controls, &BalloonControls::changeRecorded);
        QSignalSpy reread(&dialog, &StatsPeriodDialog::guestsRead);
        dialog.applyButton()->click();
        QVERIFY(dialog.progressBar()->isVisibleTo(&dialog));
        QVERIFY(!dialog.applyButton()->isEnabled()); // no second apply while this one runs
        QTRY_COMPARE_WITH_TIMEOUT(cell(dialog, 0, Col::Guest, StatsPeriodModel::OutcomeKeyRole),
                                  QStringLiteral("applied"), 5000);
        QCOMPARE(dialog.progressBar()->value(), 1);

        // libvirt has it, live and persistent, as a second connection sees it.
        QCOMPARE(periodOf(guest.xml()), std::optional<int>(5));
        QCOMPARE(periodOf(guest.xml(VIR_DOMAIN_XML_INACTIVE)), std::optional<int>(5));
        QCOMPARE(changes.size(), 2);
        const auto first = changes.at(0).at(0).value<BalloonChangeEvent>();
        QCOMPARE(first.kind, BalloonChangeEvent::Kind::StatsPeriod);
        QCOMPARE(first.uuid, guest.uuid());
        QCOMPARE(first.after, std::optional<qint64>(5));

        // The guests are read again: the table shows the new periods, nothing left to do.
        QTRY_COMPARE_WITH_TIMEOUT(reread.size(), 1, 5000);
        QCOMPARE(cell(dialog, 0, Col::LivePeriod), QStringLiteral("5 s"));
        QCOMPARE(cell(dialog, 0, Col::PersistentPeriod), QStringLiteral("5 s"));
        QVERIFY(cell(dialog, 0, Col::Plan).contains(QLatin1String("already 5 s")));
        QVERIFY(!dialog.applyButton()->isEnabled());
        QCOMPARE(cell(dialog, 0, Col::Guest, StatsPeriodModel::OutcomeKeyRole),
                 QStringLiteral("applied")); // the result stays with its guest
        QVERIFY(dialog.statusLabel()->text().contains(QLatin1String("Finished: 1 changed.")));
        // The watch started on the live change.
        QVERIFY(dialog.model()->index(0, 0).data(StatsPeriodModel::FlowKindRole).toInt() >= 0);
    }

    // The test driver's statistics never move (last_update is from 1989): the watch must end
    // in "not flowing" with the reason, and the readiness button leads to that guest.
    void watchSaysWhyStatsDoNotFlow() {
        ScopedTestGuest guest(m_conn.get(), {.name = QStringLiteral("bs-spd-watch")});
        QVERIFY(guest.ok());
        Host h;
        QVERIFY(h.connect());
        StatsPeriodDialog dialog(&h.host, &h.controls, {guest.uuid()});
        QVERIFY(readGuests(dialog));
        dialog.scopeChooser()->setChoice(true, false);
        typePeriod(dialog, QStringLiteral("1"));
        dialog.applyButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(dialog.model()->index(0, 0).data(StatsPeriodModel::FlowKindRole),
                                  QVariant(int(StatsFlowVerdict::Kind::NotFlowing)), 15000);
        const QString stats = cell(dialog, 0, Col::Stats);
        QVERIFY2(stats.startsWith(QLatin1String("Not flowing: ")), qPrintable(stats));
        QVERIFY(stats.size() > 20); // and why

        QSignalSpy readiness(&dialog, &StatsPeriodDialog::readinessRequested);
        QVERIFY(dialog.readinessButton()->isEnabled());
        QVERIFY(dialog.readinessButton()->text().contains(guest.name()));
        dialog.readinessButton()->click();
        QCOMPARE(readiness.size(), 1);
        QCOMPARE(readiness.constFirst().at(0).toString(), QStringLiteral("test:///default"));
        QCOMPARE(readiness.constFirst().at(1).toString(), guest.uuid());
    }

    void modelNoneIsOfferedTheSwitchToVirtio() {
        ScopedTestGuest none(m_conn.get(),
                             {.name = QStringLiteral("bs-spd-none"),
                              .balloon = QStringLiteral("<memballoon model='none'/>")});
        QVERIFY(none.ok());
        Host h;
        QVERIFY(h.connect());
        StatsPeriodDialog dialog(&h.host, &h.controls, {none.uuid()});
        QVERIFY(readGuests(dialog));
        QCOMPARE(cell(dialog, 0, Col::Balloon), QStringLiteral("none"));
        QCOMPARE(cell(dialog, 0, Col::LivePeriod), QStringLiteral("—"));
        QString plan = cell(dialog, 0, Col::Plan);
        QVERIFY2(plan.contains(QLatin1String("Not possible live: The running guest has no "
                                             "balloon device")),
                 qPrintable(plan));
        // The GUI names its check box, not the CLI option.
        QVERIFY2(plan.contains(QLatin1String("Tick \"Switch to virtio\"")), qPrintable(plan));
        QVERIFY(!plan.contains(QLatin1String("--switch-to-virtio")));
        QVERIFY(dialog.virtioSwitchBox()->isVisibleTo(&dialog));
        QVERIFY(!dialog.applyButton()->isEnabled());

        // Unticking "persistent" unticks the switch; ticking the switch ticks it again.
        dialog.virtioSwitchBox()->setChecked(true);
        dialog.scopeChooser()->persistentBox()->setChecked(false);
        QVERIFY(!dialog.virtioSwitchBox()->isChecked());
        dialog.scopeChooser()->setChoice(false, false);
        dialog.virtioSwitchBox()->setChecked(true);
        QVERIFY(dialog.scopeChooser()->persistent());
        dialog.scopeChooser()->liveBox()->setChecked(true);

        plan = cell(dialog, 0, Col::Plan);
        QVERIFY2(plan.contains(
                     QStringLiteral("persistent balloon: none → virtio with stats period 10 s")),
                 qPrintable(plan));
        QVERIFY2(plan.contains(QLatin1String("next shutdown and start")), qPrintable(plan));
        QVERIFY(!plan.contains(QLatin1String("Not possible")));
        const QString diff = dialog.previewView()->toPlainText();
        QVERIFY2(diff.contains(QLatin1String("- <memballoon model='none'/>")), qPrintable(diff));
        QVERIFY2(diff.contains(QLatin1String("+ <memballoon model='virtio'>")), qPrintable(diff));
        QVERIFY(dialog.applyButton()->isEnabled());
        dialog.applyButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(cell(dialog, 0, Col::Guest, StatsPeriodModel::OutcomeKeyRole),
                                  QStringLiteral("applied"), 5000);
        const BalloonConfig persistent = parseBalloonConfig(none.xml(VIR_DOMAIN_XML_INACTIVE));
        QCOMPARE(persistent.model, BalloonModel::Virtio);
        QCOMPARE(persistent.period, std::optional<int>(10));
        QCOMPARE(parseBalloonConfig(none.xml()).model, BalloonModel::None); // runs without one
        QTRY_COMPARE_WITH_TIMEOUT(cell(dialog, 0, Col::Balloon),
                                  QStringLiteral("none (next start: virtio)"), 5000);
    }

    // Both scopes: each guest gets the part it has, and says which it lacks. One scope: a guest
    // without that part is refused, with the reason, and reported as failed when applied.
    void inactiveAndTransientGuests() {
        ScopedTestGuest off(m_conn.get(), {.name = QStringLiteral("bs-spd-off"), .running = false});
        ScopedTestGuest transient(
            m_conn.get(), {.name = QStringLiteral("bs-spd-transient"), .persistent = false});
        QVERIFY(off.ok() && transient.ok());
        Host h;
        QVERIFY(h.connect());
        StatsPeriodDialog dialog(&h.host, &h.controls, {off.uuid(), transient.uuid()});
        QVERIFY(readGuests(dialog));
        QCOMPARE(dialog.model()->rowCount(), 2);
        const int offRow = dialog.model()->rowOf(off.uuid());
        const int transientRow = dialog.model()->rowOf(transient.uuid());
        QVERIFY(cell(dialog, transientRow, Col::State).contains(QLatin1String("transient")));
        QCOMPARE(cell(dialog, offRow, Col::LivePeriod), QStringLiteral("—"));
        QCOMPARE(cell(dialog, transientRow, Col::PersistentPeriod), QStringLiteral("—"));

        QString plan = cell(dialog, offRow, Col::Plan);
        QVERIFY2(plan.startsWith(QLatin1String("Not running: only its persistent configuration")),
                 qPrintable(plan));
        QVERIFY(plan.contains(QStringLiteral("persistent stats period: off → 10 s")));
        QVERIFY(!plan.contains(QLatin1String("live stats period")));
        plan = cell(dialog, transientRow, Col::Plan);
        QVERIFY2(plan.startsWith(QLatin1String("Transient: only the running guest changes")),
                 qPrintable(plan));
        QVERIFY(plan.contains(QStringLiteral("live stats period: off → 10 s")));
        dialog.view()->setCurrentIndex(dialog.model()->index(transientRow, 0));
        QVERIFY(dialog.previewView()->toPlainText().contains(QLatin1String("transient")));

        // Live only: the guest that is not running cannot.
        dialog.scopeChooser()->setChoice(true, false);
        plan = cell(dialog, offRow, Col::Plan);
        QVERIFY2(plan.contains(QLatin1String("Not possible live: The guest is not running")),
                 qPrintable(plan));
        QVERIFY(dialog.applyButton()->isEnabled()); // the transient guest can
        dialog.applyButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(
            cell(dialog, offRow, Col::Guest, StatsPeriodModel::OutcomeKeyRole),
            QStringLiteral("failed"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            cell(dialog, transientRow, Col::Guest, StatsPeriodModel::OutcomeKeyRole),
            QStringLiteral("applied"), 5000);
        QTRY_VERIFY(dialog.statusLabel()->text().contains(QLatin1String("1 FAILED")));
        QVERIFY(!periodOf(off.xml(VIR_DOMAIN_XML_INACTIVE))); // untouched
        QCOMPARE(periodOf(transient.xml()), std::optional<int>(10));

        // Neither scope: nothing to apply, and the dialog says what is missing.
        dialog.scopeChooser()->setChoice(false, false);
        QVERIFY(!dialog.applyButton()->isEnabled());
        QVERIFY(dialog.findChild<InlineMessage *>(QStringLiteral("scopeMessage"))
                    ->text()
                    .contains(QLatin1String("Choose where")));
    }

    void readOnlyConnectionDisablesWithTheReason() {
        ScopedTestGuest guest(m_conn.get(), {.name = QStringLiteral("bs-spd-ro")});
        QVERIFY(guest.ok());
        Host h(true);
        QVERIFY(h.connect());
        StatsPeriodDialog dialog(&h.host, &h.controls, {guest.uuid()});
        dialog.setHostName(QStringLiteral("lab"));
        QVERIFY(readGuests(dialog));
        QVERIFY2(dialog.banner()->text().contains(QLatin1String("The connection to lab is "
                                                                "read-only")),
                 qPrintable(dialog.banner()->text()));
        QCOMPARE(dialog.banner()->kind(), InlineMessage::Kind::Error);
        QVERIFY(!dialog.applyButton()->isEnabled());
        QVERIFY(!dialog.periodChooser()->isEnabled());
        QVERIFY(!dialog.scopeChooser()->isEnabled());
        QVERIFY(cell(dialog, 0, Col::Plan).contains(QLatin1String("read-only")));
        QCOMPARE(cell(dialog, 0, Col::LivePeriod), Off); // the facts are still shown
        dialog.applyButton()->click();
        QTest::qWait(200);
        QVERIFY(!periodOf(guest.xml()));
    }

    void badPeriodInputIsRejectedWithAMessage_data() {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("message");
        QTest::newRow("0") << QStringLiteral("0") << QStringLiteral("choose \"off\" explicitly");
        QTest::newRow("-1") << QStringLiteral("-1") << QStringLiteral("1 to 3600 seconds, not -1");
        QTest::newRow("99999") << QStringLiteral("99999")
                               << QStringLiteral("1 to 3600 seconds, not 99999");
        QTest::newRow("abc") << QStringLiteral("abc")
                             << QStringLiteral("\"abc\" is not a stats period");
        QTest::newRow("empty") << QString() << QStringLiteral("is not a stats period");
        QTest::newRow("off typed") << QStringLiteral("off") << QStringLiteral("choose \"Off\"");
    }

    void badPeriodInputIsRejectedWithAMessage() {
        QFETCH(QString, typed);
        QFETCH(QString, message);
        ScopedTestGuest guest(m_conn.get(), {.name = QStringLiteral("bs-spd-bad")});
        QVERIFY(guest.ok());
        Host h;
        QVERIFY(h.connect());
        StatsPeriodDialog dialog(&h.host, &h.controls, {guest.uuid()});
        dialog.show();
        QVERIFY(readGuests(dialog));
        QVERIFY(dialog.applyButton()->isEnabled());
        typePeriod(dialog, typed);
        QVERIFY(!dialog.periodChooser()->setting());
        QVERIFY2(dialog.periodChooser()->error().contains(message),
                 qPrintable(dialog.periodChooser()->error()));
        auto *shown = dialog.periodChooser()->findChild<InlineMessage *>();
        QVERIFY(shown->isVisible());
        QCOMPARE(shown->text(), dialog.periodChooser()->error());
        QVERIFY(!dialog.applyButton()->isEnabled());
        QVERIFY(cell(dialog, 0, Col::Plan).contains(QLatin1String("No valid period")));
        // A good period clears the message.
        typePeriod(dialog, QStringLiteral("30"));
        QVERIFY(!shown->isVisible());
        QVERIFY(dialog.applyButton()->isEnabled());
    }

    // Off is a radio button of its own, and applying it asks first.
    void turningOffIsAnExplicitChoice() {
        ScopedTestGuest guest(
            m_conn.get(), {.name = QStringLiteral("bs-spd-turnoff"),
                           .balloon = QStringLiteral(
                               "<memballoon model='virtio'><stats period='10'/></memballoon>")});
        QVERIFY(guest.ok());
        QCOMPARE(periodOf(guest.xml()), std::optional<int>(10));
        Host h;
        QVERIFY(h.connect());
        StatsPeriodDialog dialog(&h.host, &h.controls, {guest.uuid()});
        QStringList asked;
        bool answer = false;
        dialog.setConfirmation([&](QWidget *, const QString &title, const QString &) {
            asked << title;
            return answer;
        });
        QVERIFY(readGuests(dialog));
        QVERIFY(cell(dialog, 0, Col::Plan).contains(QLatin1String("already 10 s")));
        QVERIFY(!dialog.applyButton()->isEnabled());
        dialog.periodChooser()->offButton()->click();
        QVERIFY(!dialog.periodChooser()->secondsEdit()->isEnabled());
        QVERIFY(dialog.periodChooser()->setting()->isOff());
        QVERIFY(
            cell(dialog, 0, Col::Plan).contains(QStringLiteral("live stats period: 10 s → off")));
        dialog.applyButton()->click();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.constFirst().contains(QLatin1String("off")));
        QTest::qWait(300);
        QCOMPARE(periodOf(guest.xml()), std::optional<int>(10)); // declined: nothing happened
        QCOMPARE(cell(dialog, 0, Col::Guest, StatsPeriodModel::OutcomeKeyRole), QString());

        answer = true;
        dialog.applyButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(cell(dialog, 0, Col::Guest, StatsPeriodModel::OutcomeKeyRole),
                                  QStringLiteral("applied"), 5000);
        QVERIFY(!parseBalloonConfig(guest.xml()).statsEnabled());
        QVERIFY(!parseBalloonConfig(guest.xml(VIR_DOMAIN_XML_INACTIVE)).statsEnabled());
    }

    void guestVanishingMidApplyIsReported() {
        ScopedTestGuest stays(m_conn.get(), {.name = QStringLiteral("bs-spd-stays")});
        ScopedTestGuest goes(m_conn.get(), {.name = QStringLiteral("bs-spd-goes")});
        QVERIFY(stays.ok() && goes.ok());
        Host h;
        QVERIFY(h.connect());
        // After the live change of the second guest, before its persistent one.
        h.controls.setBeforeStep([&](const GuestPlan &plan, int step) {
            if (plan.name == goes.name() && step == 1)
                goes.remove();
        });
        StatsPeriodDialog dialog(&h.host, &h.controls, {stays.uuid(), goes.uuid()});
        QVERIFY(readGuests(dialog));
        QSignalSpy reread(&dialog, &StatsPeriodDialog::guestsRead);
        dialog.applyButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(reread.size(), 1, 5000);
        const int goesRow = dialog.model()->rowOf(goes.uuid());
        QVERIFY(goesRow >= 0);
        const QString result = cell(dialog, goesRow, Col::Result);
        QVERIFY2(result.contains(QLatin1String("PARTIAL")), qPrintable(result));
        QVERIFY2(result.contains(QLatin1String("no longer exists")), qPrintable(result));
        QCOMPARE(cell(dialog, dialog.model()->rowOf(stays.uuid()), Col::Guest,
                      StatsPeriodModel::OutcomeKeyRole),
                 QStringLiteral("applied"));
        QTRY_VERIFY(dialog.statusLabel()->text().contains(QLatin1String("1 PARTLY changed")));
        // Read again: the vanished guest keeps its row, its name and its result, and says it is
        // gone.
        QCOMPARE(cell(dialog, goesRow, Col::State), QStringLiteral("gone"));
        QCOMPARE(cell(dialog, goesRow, Col::Guest), goes.name());
        QCOMPARE(cell(dialog, goesRow, Col::Guest, StatsPeriodModel::OutcomeKeyRole),
                 QStringLiteral("partial"));
        QVERIFY(cell(dialog, goesRow, Col::Plan).startsWith(QLatin1String("Not possible: ")));
    }

    // Close while applying stops after the guest being changed; the dialog stays until every
    // guest has its result.
    void closingWhileApplyingStopsAndReports() {
        ScopedTestGuest a(m_conn.get(), {.name = QStringLiteral("bs-spd-stop-a")});
        ScopedTestGuest b(m_conn.get(), {.name = QStringLiteral("bs-spd-stop-b")});
        QVERIFY(a.ok() && b.ok());
        Host h;
        QVERIFY(h.connect());
        QSemaphore started;
        QSemaphore proceed;
        h.controls.setBeforeStep([&](const GuestPlan &plan, int step) {
            if (plan.name == a.name() && step == 0) {
                started.release();
                proceed.acquire();
            }
        });
        StatsPeriodDialog dialog(&h.host, &h.controls, {a.uuid(), b.uuid()});
        dialog.show();
        QVERIFY(readGuests(dialog));
        dialog.applyButton()->click();
        QVERIFY(started.tryAcquire(1, 5000));
        QTRY_COMPARE(cell(dialog, 0, Col::Guest, StatsPeriodModel::OutcomeKeyRole),
                     QStringLiteral("applying"));
        dialog.reject();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.statusLabel()->text().contains(QLatin1String("Stopping")));
        proceed.release();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isApplying(), 5000);
        QCOMPARE(cell(dialog, dialog.model()->rowOf(a.uuid()), Col::Guest,
                      StatsPeriodModel::OutcomeKeyRole),
                 QStringLiteral("applied"));
        const int bRow = dialog.model()->rowOf(b.uuid());
        QCOMPARE(cell(dialog, bRow, Col::Guest, StatsPeriodModel::OutcomeKeyRole),
                 QStringLiteral("failed"));
        QVERIFY(cell(dialog, bRow, Col::Result).contains(QLatin1String("Cancelled")));
        QVERIFY(!periodOf(b.xml()));
        dialog.reject();
        QVERIFY(!dialog.isVisible());
    }

    // The host goes away while a guest is being changed: its result will never arrive, and the
    // dialog says so instead of waiting or pretending.
    void hostGoneWhileApplyingLeavesNoSilentGuest() {
        ScopedTestGuest a(m_conn.get(), {.name = QStringLiteral("bs-spd-gone")});
        QVERIFY(a.ok());
        Host h;
        QVERIFY(h.connect());
        QSemaphore started;
        QSemaphore proceed;
        h.controls.setBeforeStep([&](const GuestPlan &, int step) {
            if (step == 0) {
                started.release();
                proceed.acquire();
            }
        });
        StatsPeriodDialog dialog(&h.host, &h.controls, {a.uuid()});
        QVERIFY(readGuests(dialog));
        dialog.applyButton()->click();
        QVERIFY(started.tryAcquire(1, 5000));
        dialog.hostGone();
        QCOMPARE(cell(dialog, 0, Col::Guest, StatsPeriodModel::OutcomeKeyRole),
                 QStringLiteral("unknown"));
        QVERIFY(cell(dialog, 0, Col::Result).contains(QLatin1String("check the guest")));
        QVERIFY(!dialog.isApplying());
        QVERIFY(!dialog.applyButton()->isEnabled());
        QVERIFY(dialog.banner()->text().contains(QLatin1String("no longer watched")));
        proceed.release();
        QTest::qWait(300);
    }
};

BS_GUI_TEST_MAIN(TestStatsPeriodDialog)
#include "tst_statsperioddialog.moc"
