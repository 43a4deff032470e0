// The History page reading from a real Prometheus (Debian's 2.42, loopback, temporary storage)
// that scrapes a recorder of libvirt's test driver: the saved server chosen again at start, its
// hosts listed, a guest charted with the file's figures; the server hung mid-query (SIGSTOP)
// while the GUI thread's stalls are measured; back to this computer's history; and the server
// dialog's Test, off the GUI thread.
#include "ScrapeServer.h"
#include "TestMain.h"
#include "app/StallMonitor.h"
#include "history/EnvelopeChart.h"
#include "history/GuestPicker.h"
#include "history/HistoryBanner.h"
#include "history/HistoryPage.h"
#include "history/HistoryServerDialog.h"
#include "history/HistoryService.h"
#include "history/HistorySourceBar.h"
#include "history/RangeBar.h"
#include "history/SeriesTypes.h"
#include "report/ChartData.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace bs;
using namespace bs::gui;
using namespace bs::test;

namespace {

const QString Host = QStringLiteral("test:///default");
const QString TestUuid = QStringLiteral("6695eb01-f6a4-8304-79aa-97f2502e193f"); // its guest "test"

// The values of the chart's line for guest "test" (no gaps).
QList<double> chartValues(const EnvelopeChart *chart) {
    QList<double> out;
    for (const ChartSeries &s : chart->exportChart().series) {
        for (const EnvelopePoint &p : s.points) {
            if (!p.isGap())
                out.append(p.avg);
        }
    }
    return out;
}

} // namespace

class TestHistorySources : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_recorder;
    std::unique_ptr<ScrapeServer> m_server;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const quint16 port =
            startRecorder(m_recorder, Host, m_dir.filePath(QStringLiteral("rec.sqlite")));
        QVERIFY(port != 0);
        m_server = std::make_unique<ScrapeServer>(ScrapeServer::Kind::Prometheus);
        QString why;
        QVERIFY2(m_server->start({QStringLiteral("127.0.0.1:%1").arg(port)}, &why),
                 qPrintable(why));
    }

    void cleanupTestCase() {
        m_server.reset();
        m_recorder.terminate();
        m_recorder.waitForFinished(20000);
    }

    void chartsAGuestFromTheSavedServer() {
        QSettings settings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        HistoryServers::save(settings, {HistoryServer{QStringLiteral("Lab"), m_server->url(), {}}});
        settings.setValue(QStringLiteral("history/source"), m_server->url().toString());
        HistoryOptions options;
        options.path = m_dir.filePath(QStringLiteral("window.sqlite"));
        HistoryService service(options);
        HistoryPage page(&service);
        page.setServerTimeoutMs(3000);
        page.setServerRefreshMs(1000);
        page.setHost(QStringLiteral("qemu:///system"), QStringLiteral("this host"));
        page.enableSources(settings);
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        HistorySourceBar *bar = page.sourceBar();
        QVERIFY(bar);
        QCOMPARE(bar->sourceBox()->currentText(), QStringLiteral("Lab"));
        // The saved choice is read again (queued), then the server lists its hosts: the
        // window's host is not among them, so its first is charted.
        QTRY_VERIFY_WITH_TIMEOUT(page.readsServer(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(page.hostId(), Host, 30000);
        QVERIFY(bar->hostBox()->isVisible());
        QCOMPARE(bar->currentHost(), Host);
        QTRY_VERIFY_WITH_TIMEOUT(page.guestPicker()->contains(TestUuid), 30000);
        QCOMPARE(page.guestPicker()->nameOf(TestUuid), QStringLiteral("test"));
        page.setMetric(Metric::Actual);
        page.showGuests({TestUuid});
        page.showPreset(900);
        QTRY_VERIFY_WITH_TIMEOUT(chartValues(page.guestChart()).size() >= 3, 30000);
        for (double kib : chartValues(page.guestChart()))
            QCOMPARE(kib, 2097152.0); // the test driver's balloon, as the recorder's file has it
        QVERIFY2(page.rangeBar()->resolution().contains(QLatin1String("from the server")),
                 qPrintable(page.rangeBar()->resolution()));

        // The server stops answering in the middle of the page's queries: the window goes on
        // (GUI-thread stalls measured), and says so once the timeout passes.
        const QString stallLog = m_dir.filePath(QStringLiteral("stall.json"));
        auto stalls = std::make_unique<StallMonitor>(stallLog);
        const auto pid = pid_t(m_server->process().processId());
        QCOMPARE(::kill(pid, SIGSTOP), 0);
        page.showPreset(3600);
        QTRY_VERIFY_WITH_TIMEOUT(!page.banner()->isHidden() &&
                                     page.banner()
                                         ->texts()
                                         .join(QLatin1Char(' '))
                                         .contains(QLatin1String("did not answer within 3 s")),
                                 15000);
        // Switching back to this computer while the server still hangs: at once.
        bar->chooseServer(-1);
        QVERIFY(!page.readsServer());
        QCOMPARE(page.hostId(), QStringLiteral("qemu:///system"));
        QVERIFY(!bar->hostBox()->isVisible());
        QCOMPARE(settings.value(QStringLiteral("history/source")).toString(), QString());
        stalls.reset(); // writes its figures
        QCOMPARE(::kill(pid, SIGCONT), 0);
        QFile f(stallLog);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject figures = QJsonDocument::fromJson(f.readAll()).object();
        qInfo("GUI stalls while the server hung: p99 %.1f ms, worst %.1f ms over %d ticks",
              figures.value(QLatin1String("p99Ms")).toDouble(),
              figures.value(QLatin1String("maxMs")).toDouble(),
              figures.value(QLatin1String("ticks")).toInt());
        QVERIFY(figures.value(QLatin1String("ticks")).toInt() > 100);
        QVERIFY2(figures.value(QLatin1String("maxMs")).toDouble() < 250,
                 qPrintable(QString::number(figures.value(QLatin1String("maxMs")).toDouble())));
    }

    void serverDialogTestsOffTheGuiThread() {
        HistoryServerDialog dialog;
        QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        dialog.urlEdit()->setText(QStringLiteral("ftp://x"));
        QVERIFY(!ok->isEnabled());
        QVERIFY(!dialog.testButton()->isEnabled());
        QVERIFY(dialog.testResult()->text().contains(QLatin1String("http://")));
        dialog.urlEdit()->setText(m_server->url().toString() + QStringLiteral("?junk#x"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog.server().url, m_server->url()); // query and fragment dropped
        QCOMPARE(dialog.server().name, QStringLiteral("127.0.0.1"));
        QSignalSpy tested(&dialog, &HistoryServerDialog::tested);
        dialog.testButton()->click();
        QVERIFY(tested.wait(15000));
        QCOMPARE(tested.at(0).at(0).toBool(), true);
        QVERIFY2(dialog.testResult()->text().contains(QLatin1String("1 host")),
                 qPrintable(dialog.testResult()->text()));
        // A server that is not there: its error, not a frozen dialog.
        dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1:1"));
        dialog.testButton()->click();
        QVERIFY(tested.wait(15000));
        QCOMPARE(tested.at(1).at(0).toBool(), false);
        QVERIFY2(dialog.testResult()->text().contains(QLatin1String("Cannot reach")),
                 qPrintable(dialog.testResult()->text()));
    }
};

BS_GUI_TEST_MAIN(TestHistorySources)
#include "tst_historysources.moc"
