#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "app/HostRegistry.h"
#include "balloon/BalloonChangeEvent.h"
#include "balloon/BalloonFeature.h"
#include "connection/Connections.h"
#include "guests/GuestPanel.h"
#include "guests/GuestTableModel.h"
#include "history/EnvelopeChart.h"
#include "history/EventMarkers.h"
#include "history/GuestPicker.h"
#include "history/HistoryFeature.h"
#include "history/HistoryPage.h"
#include "history/HistoryService.h"
#include "libvirt/CredentialProvider.h"
#include "libvirt/LibvirtHandles.h"
#include "mainwindow/Features.h"
#include "workbench/Workbench.h"

#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>

#include <libvirt/libvirt.h>

using namespace bs;
using namespace bs::gui;
using namespace bs::test;

namespace {

const QString TestUri = QStringLiteral("test:///default");
const char *TransientXml = R"(<domain type='test'>
  <name>bs-history-transient</name>
  <memory unit='MiB'>512</memory>
  <currentMemory unit='MiB'>384</currentMemory>
  <os><type>hvm</type></os>
  <devices><memballoon model='virtio'><stats period='10'/></memballoon></devices>
</domain>)";

} // namespace

// The history with every feature installed as the window installs them (Features.cpp), on a
// workbench without the window, against libvirt's test driver: every poll and lifecycle event of
// a watched host is recorded into the history (a temporary file here), and the History page
// charts them back.
class TestHistoryFeature : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<QSettings> settings(const QString &name) {
        auto s = std::make_unique<QSettings>(m_dir.filePath(name + QStringLiteral(".ini")),
                                             QSettings::IniFormat);
        s->setValue(QStringLiteral("history/path"),
                    m_dir.filePath(name + QStringLiteral(".sqlite")));
        s->setValue(QStringLiteral("monitor/interval"), 1);
        return s;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void recordsAWatchedHostAndChartsIt() {
        auto s = settings(QStringLiteral("window"));
        QWidget dialogs;
        Workbench bench(*s, std::make_shared<NoCredentials>());
        bench.setDialogParent(&dialogs);
        const Features features = installFeatures(&bench);
        HistoryFeature *history = features.history;
        QVERIFY(history);
        HistoryPage *page = history->page();
        QVERIFY(bench.pages().contains(page));
        QCOMPARE(history->service()->store()->path(),
                 m_dir.filePath(QStringLiteral("window.sqlite")));

        bench.connections()->connectTemporary(TestUri, false);
        QTRY_COMPARE_WITH_TIMEOUT(bench.guestModel()->rowCount(), 1, 10000);
        const QString uuid = bench.guestModel()->rowAt(0)->uuid;
        // The window picks the first guest for its live chart; the History page follows the
        // guest table's selection.
        QTRY_COMPARE_WITH_TIMEOUT(page->guestPicker()->checkedUuids(), QStringList{uuid}, 10000);
        QCOMPARE(page->hostId(), TestUri);

        page->resize(1000, 700);
        page->show(); // what the window does when the page is chosen: it reads only when shown
        page->setMetric(Metric::Actual);
        page->showPreset(15 * 60);
        const QString key = QStringLiteral("guest:") + uuid;
        // Polls every second: the chart grows as they are recorded.
        QTRY_VERIFY_WITH_TIMEOUT(page->guestChart()->pointCount(key) >= 3, 15000);
        // The crosshair over the newest point drawn shows its value (the guest's 2 GiB). Read at
        // that point's time, not at "now": under load the page's coalesced refresh can draw the
        // newest poll seconds after it was taken.
        const ChartData drawn = page->guestChart()->exportChart();
        QCOMPARE(drawn.series.size(), 1);
        QVERIFY(!drawn.series.constFirst().points.isEmpty());
        const qint64 newest = drawn.series.constFirst().points.constLast().timeMs;
        QVERIFY2(page->guestChart()->valuesAt(newest).contains(units::formatKiB(2097152)),
                 qPrintable(page->guestChart()->valuesAt(newest)));
        // The host chart: the test driver has no node memory statistics, so the host total
        // comes from its node info, and Σ actual from the guests.
        QTRY_VERIFY_WITH_TIMEOUT(
            page->hostChart()->pointCount(QStringLiteral("host:guests_actual")) >= 2, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(page->hostChart()->pointCount(QStringLiteral("host:total")) >= 2,
                                 15000);
        QCOMPARE(sqlInt(history->service()->store()->path(), "SELECT count(*) FROM host_memory"),
                 1);

        // A lifecycle event on the host: recorded and drawn as a marker.
        ConnectHandle other(virConnectOpen("test:///default"));
        QVERIFY(other);
        DomainHandle transient(virDomainCreateXML(other.get(), TransientXml, 0));
        QVERIFY(transient);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto events = page->hostChart()->markers()->events();
                return std::any_of(events.cbegin(), events.cend(), [](const HistoryEvent &e) {
                    return e.kind == HistoryEvent::Kind::Lifecycle &&
                           e.name == QLatin1String("bs-history-transient");
                });
            }(),
            15000);
        QVERIFY(page->hostChart()->markers()->markerCount() >= 1);
        QCOMPARE(virDomainDestroy(transient.get()), 0);

        // A change the balloon dialogs made: Features.cpp hands it to the history, which draws
        // it on the guest's chart with the change itself in the tooltip.
        BalloonChangeEvent change;
        change.hostId = TestUri;
        change.uuid = uuid;
        change.name = bench.guestModel()->rowAt(0)->name;
        change.timeMs = QDateTime::currentMSecsSinceEpoch();
        change.kind = BalloonChangeEvent::Kind::StatsPeriod;
        change.before = 10;
        change.after = 5;
        Q_EMIT features.balloon->changeRecorded(change);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto events = page->guestChart()->markers()->events();
                return std::any_of(events.cbegin(), events.cend(), [&](const HistoryEvent &e) {
                    return e.kind == HistoryEvent::Kind::StatsPeriod && e.uuid == uuid &&
                           e.value == 5;
                });
            }(),
            15000);
        QCOMPARE(sqlInt(history->service()->store()->path(),
                        "SELECT count(*) FROM events WHERE kind = 'stats_period'"),
                 1);

        // Nothing to report about the history: no status-bar notice.
        QVERIFY(history->statusLabel()->isHidden());
        // The "History" guest action is offered on the selected guests.
        QVERIFY(bench.guestActions().contains(history->action()));
    }
};

BS_GUI_TEST_MAIN(TestHistoryFeature)
#include "tst_historyfeature.moc"
