// While a remote host does not answer, the window must not look live. The test bed's sshd is
// stopped (SIGSTOP, listener and sessions) under a workbench watching qemu+ssh at 1 s, as the
// window does: within three poll intervals every guest of that host is shown stale, in the
// model and in what a user reads (greyed figures, the reason in the tooltip, the readiness
// verdict "as of", the chart's notice), and the actions that change a guest are disabled with
// the reason. After SIGCONT the rows are live again within three intervals. The pause is
// shorter than libvirt's keepalive (5 s x 3), so the connection itself survives it.
#include "TestBed.h"
#include "TestMain.h"
#include "app/HostRegistry.h"
#include "balloon/BalloonFeature.h"
#include "charts/LiveChart.h"
#include "connection/Connections.h"
#include "guests/GuestPanel.h"
#include "guests/GuestTableModel.h"
#include "hosts/HostFreshness.h"
#include "workbench/Workbench.h"

#include <QAction>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QPalette>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;
using namespace bs::e2e;

namespace {

constexpr int PollSeconds = 1;
constexpr int ThreeIntervalsMs = 3 * PollSeconds * 1000;

} // namespace

class TestE2eStale : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;
    bool m_paused = false;
    QTemporaryDir m_dir;

    // The rows of the bed's guests on the watched host.
    QList<int> bedRows(const GuestTableModel *model) const {
        QList<int> rows;
        for (int r = 0; r < model->rowCount(); ++r) {
            const GuestTableModel::Row *row = model->rowAt(r);
            if (row->hostId == m_bed->sshUri && row->name.startsWith(m_bed->prefix))
                rows << r;
        }
        return rows;
    }

    // Whether every row of the bed's guests reads stale (`stale`) or live, as a user sees it.
    QString mismatch(const GuestTableModel *model, bool stale) const {
        const QColor greyed =
            QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text).color();
        const QList<int> rows = bedRows(model);
        if (rows.isEmpty())
            return QStringLiteral("no rows");
        for (int r : rows) {
            const QString name = model->rowAt(r)->name;
            const QModelIndex actual = model->index(r, GuestTableModel::Actual);
            if (actual.data(GuestTableModel::StaleRole).toBool() != stale)
                return name + QStringLiteral(": StaleRole");
            const QString tip = actual.data(Qt::ToolTipRole).toString();
            if (tip.contains(QLatin1String("No answer from")) != stale)
                return name + QStringLiteral(": tooltip ") + tip;
            const QVariant colour = actual.data(Qt::ForegroundRole);
            if (stale && (!colour.isValid() || colour.value<QBrush>().color() != greyed))
                return name + QStringLiteral(": not greyed");
            const QString readiness = model->index(r, GuestTableModel::Readiness).data().toString();
            if (readiness.contains(QLatin1String("(as of ")) != stale)
                return name + QStringLiteral(": readiness ") + readiness;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        if (!m_bed)
            QFAIL(qPrintable(why));
        QVERIFY(m_dir.isValid());
    }

    void cleanupTestCase() {
        if (m_paused)
            runTestBedScript(*m_bed, QStringLiteral("sshd-resume"));
    }

    void pausedHostIsShownStale() {
        QSettings settings(m_dir.filePath(QStringLiteral("stale.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("monitor/interval"), PollSeconds);
        QWidget dialogs;
        Workbench bench(settings, std::make_shared<NoCredentials>());
        bench.setDialogParent(&dialogs);
        auto *balloon = new BalloonFeature(&bench);
        QCOMPARE(bench.registry()->intervalSeconds(), PollSeconds);
        bench.connections()->connectTemporary(m_bed->sshUri, false);
        GuestTableModel *model = bench.guestModel();
        QTRY_VERIFY_WITH_TIMEOUT(bedRows(model).size() >= 3, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(mismatch(model, false), QString(), 10000);

        // A guest selected, charted, and its actions available.
        QTableView *view = bench.guestPanel()->view();
        const QModelIndex first = view->model()->index(0, 0);
        view->selectionModel()->setCurrentIndex(first, QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
        QAction *period = balloon->statsPeriodAction();
        QTRY_VERIFY(period->isEnabled());

        if (const auto failure = runTestBedScript(*m_bed, QStringLiteral("sshd-pause")))
            QFAIL(qPrintable(*failure));
        m_paused = true;
        QElapsedTimer paused;
        paused.start();
        QTRY_COMPARE_WITH_TIMEOUT(mismatch(model, true), QString(), 10000);
        const qint64 staleAfter = paused.elapsed();
        qInfo("every guest shown stale %lld ms after sshd stopped", staleAfter);
        QVERIFY2(staleAfter <= ThreeIntervalsMs,
                 qPrintable(QStringLiteral("stale after %1 ms").arg(staleAfter)));
        QVERIFY(bench.freshness()->isStale(m_bed->sshUri));
        QVERIFY(!period->isEnabled());
        QVERIFY2(period->toolTip().contains(QLatin1String("No answer from")),
                 qPrintable(period->toolTip()));
        QVERIFY2(bench.liveChart()->notice().contains(QLatin1String("No answer from")),
                 qPrintable(bench.liveChart()->notice()));

        QTest::qWait(2000); // a while without answers; still shown stale, the ages counting up
        QCOMPARE(mismatch(model, true), QString());

        if (const auto failure = runTestBedScript(*m_bed, QStringLiteral("sshd-resume")))
            QFAIL(qPrintable(*failure));
        m_paused = false;
        QElapsedTimer resumed;
        resumed.start();
        QTRY_COMPARE_WITH_TIMEOUT(mismatch(model, false), QString(), 10000);
        const qint64 liveAfter = resumed.elapsed();
        qInfo("every guest live again %lld ms after sshd resumed", liveAfter);
        QVERIFY2(liveAfter <= ThreeIntervalsMs,
                 qPrintable(QStringLiteral("live after %1 ms").arg(liveAfter)));
        QTRY_VERIFY(period->isEnabled());
        QVERIFY(!bench.liveChart()->notice().contains(QLatin1String("No answer from")));
    }
};

BS_GUI_TEST_MAIN(TestE2eStale)
#include "tst_e2e_stale.moc"
