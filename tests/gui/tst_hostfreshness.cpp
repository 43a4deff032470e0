// A host that does not answer is shown as such (HostFreshness, through the Workbench): past two
// poll intervals without a poll, or while not connected, its guests' rows are greyed with the
// reason in their tooltips and the readiness "as of" then, the chart says so, and the balloon
// actions are disabled with the reason; live again when it answers. Against libvirt's test
// driver, with the freshness clock moved forward instead of waiting.
#include "TestMain.h"
#include "app/HostRegistry.h"
#include "balloon/BalloonFeature.h"
#include "charts/LiveChart.h"
#include "connection/Connections.h"
#include "guests/GuestPanel.h"
#include "guests/GuestTableModel.h"
#include "hosts/HostFreshness.h"
#include "hosts/HostListModel.h"
#include "libvirt/CredentialProvider.h"
#include "workbench/Workbench.h"

#include <QAction>
#include <QDateTime>
#include <QItemSelectionModel>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;

namespace {

const QString Uri = QStringLiteral("test:///default");

} // namespace

class TestHostFreshness : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void overdueAndDisconnectedHostsAreStale() {
        QSettings settings(m_dir.filePath(QStringLiteral("f.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("monitor/interval"), 1);
        QWidget dialogs;
        Workbench bench(settings, std::make_shared<NoCredentials>());
        bench.setDialogParent(&dialogs);
        auto *balloon = new BalloonFeature(&bench);
        HostFreshness *freshness = bench.freshness();
        GuestTableModel *model = bench.guestModel();
        bench.connections()->connectTemporary(Uri, false);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(freshness->lastAnswerMs(Uri) > 0, 10000);
        QTableView *view = bench.guestPanel()->view();
        view->selectionModel()->setCurrentIndex(view->model()->index(0, 0),
                                                QItemSelectionModel::ClearAndSelect |
                                                    QItemSelectionModel::Rows);
        QAction *period = balloon->statsPeriodAction();
        QTRY_VERIFY(period->isEnabled());
        const auto cell = [&](int column, int role = Qt::DisplayRole) {
            return model->index(0, column).data(role);
        };
        QVERIFY(!cell(0, GuestTableModel::StaleRole).toBool());
        QVERIFY(!cell(GuestTableModel::Actual, Qt::ForegroundRole).isValid());

        // Two intervals and a bit without an answer: overdue.
        qint64 now = freshness->lastAnswerMs(Uri) + 1500;
        freshness->setClock([&] { return now; });
        freshness->evaluate();
        QVERIFY(!freshness->isStale(Uri)); // one late poll is only late
        now = freshness->lastAnswerMs(Uri) + 2001;
        freshness->evaluate();
        QVERIFY(freshness->isStale(Uri));
        const QString since =
            QDateTime::fromMSecsSinceEpoch(freshness->lastAnswerMs(Uri)).toString(u"HH:mm:ss");
        QVERIFY2(freshness->reason(Uri).contains(QStringLiteral("No answer from")) &&
                     freshness->reason(Uri).contains(since),
                 qPrintable(freshness->reason(Uri)));
        QVERIFY(cell(0, GuestTableModel::StaleRole).toBool());
        QVERIFY(cell(GuestTableModel::Actual, Qt::ForegroundRole).isValid()); // greyed
        QVERIFY(cell(GuestTableModel::Name, Qt::ForegroundRole).isValid());
        const QString tip = cell(GuestTableModel::Actual, Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(freshness->reason(Uri)), qPrintable(tip));
        QVERIFY2(cell(GuestTableModel::Readiness)
                     .toString()
                     .endsWith(QStringLiteral("(as of %1)").arg(since)),
                 qPrintable(cell(GuestTableModel::Readiness).toString()));
        QCOMPARE(freshness->asOf(Uri), QStringLiteral("as of %1, host not answering").arg(since));
        // The host list says it does not answer, though libvirt still calls it connected.
        const QString status = bench.hostModel()->index(0, 0).data().toString();
        QVERIFY2(status.endsWith(freshness->reason(Uri)), qPrintable(status));
        QVERIFY(!period->isEnabled());
        QVERIFY2(period->toolTip().contains(freshness->reason(Uri)), qPrintable(period->toolTip()));
        QVERIFY2(bench.liveChart()->notice().contains(QStringLiteral("No answer from")),
                 qPrintable(bench.liveChart()->notice()));

        // The host answers again (the clock is right again, polls keep coming): live.
        freshness->setClock([] { return QDateTime::currentMSecsSinceEpoch(); });
        QTRY_VERIFY_WITH_TIMEOUT(!freshness->isStale(Uri), 5000);
        QVERIFY(!cell(0, GuestTableModel::StaleRole).toBool());
        QVERIFY(!cell(GuestTableModel::Actual, Qt::ForegroundRole).isValid());
        QVERIFY(!cell(GuestTableModel::Readiness).toString().contains(QStringLiteral("as of")));
        QTRY_VERIFY(period->isEnabled());
        QVERIFY(!bench.liveChart()->notice().contains(QStringLiteral("No answer from")));

        // Disconnected by the user: stale at once, with the state in the reason; and the host
        // list shows the status in full under the name.
        bench.connections()->disconnectHost(Uri);
        QTRY_VERIFY_WITH_TIMEOUT(freshness->isStale(Uri), 5000);
        const HostStatus stopped = bench.hostModel()->statusOf(Uri);
        QCOMPARE(stopped.state, HostStatus::State::Stopped);
        QVERIFY2(freshness->reason(Uri).contains(stopped.summary(0)),
                 qPrintable(freshness->reason(Uri)));
        QVERIFY(cell(0, GuestTableModel::StaleRole).toBool());
        QVERIFY(!period->isEnabled());
        const QString listed = bench.hostModel()->index(0, 0).data().toString();
        QVERIFY2(listed.contains(QLatin1Char('\n')) && listed.endsWith(stopped.summary(0)),
                 qPrintable(listed));
        bench.connections()->connectHost(Uri);
        QTRY_VERIFY_WITH_TIMEOUT(!freshness->isStale(Uri), 10000);
        QVERIFY(!cell(0, GuestTableModel::StaleRole).toBool());

        // Forgotten while stale, then added again: nothing of the old state is left.
        bench.connections()->disconnectHost(Uri);
        QTRY_VERIFY_WITH_TIMEOUT(freshness->isStale(Uri), 5000);
        QVERIFY(bench.liveChart()->notice().contains(QStringLiteral("No answer from")));
        QSignalSpy changed(freshness, &HostFreshness::changed);
        bench.connections()->forget(Uri);
        QVERIFY(!freshness->isStale(Uri));
        QCOMPARE(changed.size(), 1);
        bench.connections()->connectTemporary(Uri, false);
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        QVERIFY(!cell(0, GuestTableModel::StaleRole).toBool());
        QTRY_VERIFY(!bench.liveChart()->notice().contains(QStringLiteral("No answer from")));
    }
};

BS_GUI_TEST_MAIN(TestHostFreshness)
#include "tst_hostfreshness.moc"
