#include "TestMain.h"
#include "app/HostRegistry.h"
#include "charts/LiveChart.h"
#include "guests/GuestTableModel.h"
#include "hosts/HostListModel.h"
#include "mainwindow/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;

class TestMainWindow : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<QSettings> freshSettings(const QString &name) {
        return std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat);
    }

private Q_SLOTS:
    void showsTheTestDriverGuestLive() {
        auto settings = freshSettings(QStringLiteral("a.ini"));
        MainWindow window(*settings);
        window.show();
        window.connectTemporary(QStringLiteral("test:///default"), false);
        QTRY_COMPARE_WITH_TIMEOUT(window.guestModel()->rowCount(), 1, 10000);
        const auto *row = window.guestModel()->rowAt(0);
        QCOMPARE(row->name, QStringLiteral("test"));
        QCOMPARE(row->stats.actual, std::optional<quint64>(2097152));
        QCOMPARE(window.hostModel()->statusOf(QStringLiteral("test:///default")).state,
                 HostStatus::State::Connected);
        // the first guest is charted without the user asking
        QTRY_VERIFY_WITH_TIMEOUT(window.chart()->pointCount(RecentSeries::Metric::Actual) >= 1,
                                 5000);
    }

    void savedConnectionsConnectAtStart() {
        auto settings = freshSettings(QStringLiteral("b.ini"));
        SavedConnectionStore store(*settings);
        store.upsert({QStringLiteral("test:///default"), true, true});
        store.upsert({QStringLiteral("qemu:///session"), false, false}); // listed, not started
        MainWindow window(*settings);
        QCOMPARE(window.hostModel()->rowCount(), 2);
        window.connectSaved();
        QVERIFY(window.registry()->contains(QStringLiteral("test:///default")));
        QVERIFY(!window.registry()->contains(QStringLiteral("qemu:///session")));
        QTRY_COMPARE_WITH_TIMEOUT(window.guestModel()->rowCount(), 1, 10000);
        QVERIFY(window.hostModel()->statusOf(QStringLiteral("test:///default")).readOnly);
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
        QCOMPARE(window->hostModel()->statusOf(hung).state,
                 HostStatus::State::Connecting);       // ...and still waits
        QCOMPARE(window->guestModel()->rowCount(), 1); // while the other host works

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
