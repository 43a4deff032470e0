#include "TestMain.h"
#include "TestSupport.h"
#include "alerts/AlertsFeature.h"
#include "app/HostRegistry.h"
#include "autopilot/AutopilotFeature.h"
#include "autopilot/AutopilotPage.h"
#include "balloon/StatsPeriodDialog.h"
#include "balloon/StatsPeriodModel.h"
#include "charts/LiveChart.h"
#include "guests/GuestPanel.h"
#include "guests/GuestTableModel.h"
#include "history/HistoryFeature.h"
#include "hosts/HostListModel.h"
#include "mainwindow/MainWindow.h"
#include "policies/PoliciesFeature.h"
#include "policies/PoliciesPage.h"
#include "readiness/ChecklistModel.h"
#include "readiness/ReadinessDialog.h"
#include "readiness/ReadinessFeature.h"
#include "readiness/ReadinessPage.h"
#include "readiness/ReadinessTableModel.h"
#include "settings/SavedConnection.h"
#include "sizing/SizingFeature.h"
#include "sizing/SizingPage.h"
#include "workbench/Workbench.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<QSettings> freshSettings(const QString &name) {
        auto settings = std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat);
        // Each window's history in the test's own directory, never in the user's data dir.
        settings->setValue(QStringLiteral("history/path"),
                           m_dir.filePath(name + QStringLiteral(".sqlite")));
        return settings;
    }

private Q_SLOTS:
    void standardShortcutsAreBound() {
        auto settings = freshSettings(QStringLiteral("shortcuts.ini"));
        MainWindow window(*settings);
        QHash<QString, QString> bound; // shortcut -> action text, across every menu
        const auto menus = window.menuBar()->findChildren<QMenu *>();
        for (const QMenu *menu : menus) {
            for (const QAction *action : menu->actions()) {
                if (action->shortcut().isEmpty())
                    continue;
                const QString keys = action->shortcut().toString(QKeySequence::PortableText);
                QVERIFY2(!bound.contains(keys) || bound.value(keys) == action->text(),
                         qPrintable(keys + QStringLiteral(" bound twice")));
                bound.insert(keys, action->text());
            }
        }
        const QStringList expected = {
            QKeySequence(QKeySequence::New).toString(QKeySequence::PortableText),
            QKeySequence(QKeySequence::Refresh).toString(QKeySequence::PortableText),
            QKeySequence(QKeySequence::Find).toString(QKeySequence::PortableText),
            QStringLiteral("Ctrl+Q"),        // the platform's Quit, or Ctrl+Q where it has none
            QStringLiteral("Ctrl+E"),        // export the chart
            QStringLiteral("Ctrl+Shift+R")}; // report
        for (const QString &keys : expected)
            QVERIFY2(bound.contains(keys),
                     qPrintable(keys + QStringLiteral(" is not bound; bound: ") +
                                QStringList(bound.keys()).join(u' ')));
    }

    // What the features add (Features.cpp) is placed by the window: their pages after Guests and
    // Host, their guest actions in the Guest menu, their file actions above Quit, their status
    // widgets in the status bar.
    void featuresArePlaced() {
        auto settings = freshSettings(QStringLiteral("placed.ini"));
        MainWindow window(*settings);
        const Features &features = window.features();
        QTabWidget *pages = window.pages();
        QStringList titles;
        for (int i = 0; i < pages->count(); ++i)
            titles << pages->tabText(i);
        QCOMPARE(titles,
                 (QStringList{MainWindow::tr("Guests"), MainWindow::tr("Host"),
                              ReadinessFeature::tr("Readiness"), HistoryFeature::tr("History"),
                              SizingFeature::tr("Sizing"), PoliciesFeature::tr("Policies"),
                              AutopilotFeature::tr("Autopilot"), AlertsFeature::tr("Alerts")}));
        QCOMPARE(pages->indexOf(features.history->page()), 3);
        QCOMPARE(pages->indexOf(features.sizing->page()), 4);
        QCOMPARE(pages->indexOf(features.policies->page()), 5);
        QCOMPARE(pages->indexOf(features.autopilot->page()), 6);
        QMenu *guestMenu = nullptr;
        QMenu *fileMenu = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->menu() && menu->menu()->actions().contains(features.history->action()))
                guestMenu = menu->menu();
            if (menu->menu() && menu->text() == MainWindow::tr("&File"))
                fileMenu = menu->menu();
        }
        QVERIFY(guestMenu);
        QVERIFY(guestMenu->menuAction()->isVisible());
        for (QAction *action : window.workbench()->guestActions())
            QVERIFY(guestMenu->actions().contains(action));
        QVERIFY(fileMenu);
        const QList<QAction *> file = fileMenu->actions();
        for (QAction *action : window.workbench()->fileActions())
            QVERIFY(file.indexOf(action) >= 0 && file.indexOf(action) < file.size() - 2);
        QCOMPARE(file.constLast()->menuRole(), QAction::QuitRole);
        QVERIFY(window.statusBar()->isAncestorOf(features.history->statusLabel()));
    }

    void showsTheTestDriverGuestLive() {
        auto settings = freshSettings(QStringLiteral("a.ini"));
        MainWindow window(*settings);
        window.show();
        window.connectTemporary(QStringLiteral("test:///default"), false);
        QTRY_COMPARE_WITH_TIMEOUT(window.workbench()->guestModel()->rowCount(), 1, 10000);
        const auto *row = window.workbench()->guestModel()->rowAt(0);
        QCOMPARE(row->name, QStringLiteral("test"));
        QCOMPARE(row->stats.actual, std::optional<quint64>(2097152));
        QCOMPARE(window.workbench()->hostModel()->statusOf(QStringLiteral("test:///default")).state,
                 HostStatus::State::Connected);
        // the first guest is charted without the user asking
        QTRY_VERIFY_WITH_TIMEOUT(window.workbench()->liveChart()->pointCount(Metric::Actual) >= 1,
                                 5000);
    }

    void savedConnectionsConnectAtStart() {
        auto settings = freshSettings(QStringLiteral("b.ini"));
        SavedConnectionStore store(*settings);
        store.upsert({QStringLiteral("test:///default"), true, true});
        store.upsert({QStringLiteral("qemu:///session"), false, false}); // listed, not started
        MainWindow window(*settings);
        QCOMPARE(window.workbench()->hostModel()->rowCount(), 2);
        window.connectSaved();
        QVERIFY(window.workbench()->registry()->contains(QStringLiteral("test:///default")));
        QVERIFY(!window.workbench()->registry()->contains(QStringLiteral("qemu:///session")));
        QTRY_COMPARE_WITH_TIMEOUT(window.workbench()->guestModel()->rowCount(), 1, 10000);
        QVERIFY(
            window.workbench()->hostModel()->statusOf(QStringLiteral("test:///default")).readOnly);
    }

    // The readiness feature as the window assembles it: badge column, page, guest action,
    // dialog, and the stats-period request Features.cpp connects.
    void readinessIsWiredIn() {
        auto settings = freshSettings(QStringLiteral("r.ini"));
        MainWindow window(*settings);
        window.show();
        const QString uri = QStringLiteral("test://") +
                            test::fixturePath(QStringLiteral("testdriver/readiness-node.xml"));
        const QString noPeriod = QStringLiteral("11111111-1111-4111-8111-111111111111");
        window.connectTemporary(uri, true);
        QTRY_COMPARE_WITH_TIMEOUT(window.workbench()->guestModel()->rowCount(), 3, 10000);
        const auto badge = [&](const QString &uuid) {
            return window.workbench()->guestModel()->index(
                window.workbench()->guestModel()->rowOf(uri, uuid), GuestTableModel::Readiness);
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            !badge(noPeriod).data(GuestTableModel::VerdictProvisionalRole).toBool(), 10000);
        QCOMPARE(badge(noPeriod).data(GuestTableModel::VerdictKeyRole).toString(),
                 QStringLiteral("polling_off"));

        ReadinessFeature *readiness = window.features().readiness;
        QVERIFY(readiness);
        auto *pages = window.findChild<QTabWidget *>();
        QVERIFY(pages->indexOf(readiness->page()) > 0);
        QTRY_COMPARE_WITH_TIMEOUT(readiness->tableModel()->rowCount(), 3, 10000);
        bool inGuestMenu = false;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->menu() && menu->isVisible())
                inGuestMenu |= menu->menu()->actions().contains(readiness->action());
        }
        QVERIFY(inGuestMenu);

        // The guest action opens the selected guest's dialog, with its checklist.
        QTableView *guests = window.workbench()->guestPanel()->view();
        guests->selectRow(0);
        readiness->action()->trigger();
        auto dialogs = window.findChildren<ReadinessDialog *>();
        QCOMPARE(dialogs.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(dialogs.first()->checklist()->rowCount() > 0, 5000);

        // Features.cpp connects statsPeriodRequested to the stats-period dialog: the button works.
        QStringList requested;
        connect(readiness, &ReadinessFeature::statsPeriodRequested, this,
                [&](const QString &host, const QStringList &uuids) { requested << host << uuids; });
        ReadinessDialog *dialog = readiness->openDialog(uri, noPeriod);
        QVERIFY(dialog->statsPeriodButton()->isVisibleTo(dialog));
        QVERIFY(dialog->statsPeriodButton()->isEnabled());
        dialog->statsPeriodButton()->click();
        QCOMPARE(requested, (QStringList{uri, noPeriod}));
        const auto periods = window.findChildren<StatsPeriodDialog *>();
        QCOMPARE(periods.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(periods.constFirst()->model()->rowCount(), 1, 5000);
        QCOMPARE(periods.constFirst()->model()->row(0).info.uuid, noPeriod);
    }

    // A "host" that accepts the TCP connection and then never answers: libvirt's open blocks
    // on the host's worker thread. The GUI thread must not notice.
    void windowStaysResponsiveWhileAHostHangs() {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                held.append(s); // keep it open, say nothing
        });
        auto settings = freshSettings(QStringLiteral("c.ini"));
        auto window = std::make_unique<MainWindow>(*settings);
        window->show();
        const QString hung =
            QStringLiteral("qemu+tcp://127.0.0.1:%1/system").arg(silent.serverPort());
        window->connectTemporary(hung, false);
        window->connectTemporary(QStringLiteral("test:///default"), false);

        // Measure the GUI thread: the longest gap between 5 ms timer ticks over 3 s.
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 worst = 0;
        QTimer tick;
        tick.setInterval(5);
        connect(&tick, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
        });
        tick.start();
        QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() > 3000, 6000);
        tick.stop();
        QVERIFY2(worst < 100, qPrintable(QStringLiteral("GUI thread stalled %1 ms").arg(worst)));
        QVERIFY(!held.isEmpty()); // libvirt did reach the silent host...
        QCOMPARE(window->workbench()->hostModel()->statusOf(hung).state,
                 HostStatus::State::Connecting);                    // ...and still waits
        QCOMPARE(window->workbench()->guestModel()->rowCount(), 1); // while the other host works

        // Closing does not wait for the hung host either.
        QElapsedTimer closing;
        closing.start();
        window.reset();
        QVERIFY2(closing.elapsed() < 3000, qPrintable(QString::number(closing.elapsed())));
        qDeleteAll(held); // let the abandoned worker finish
    }
};

BS_GUI_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
