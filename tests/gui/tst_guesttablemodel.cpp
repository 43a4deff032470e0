#include "TestMain.h"
#include "guests/GuestFilterProxy.h"
#include "guests/GuestTableModel.h"

#include <QApplication>
#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <QSignalSpy>

using namespace bs;
using namespace bs::gui;

namespace {

MemorySample sample(const QString &host, const QString &uuid, const QString &name, bool fresh,
                    std::optional<quint64> unused, qint64 lastUpdate, quint64 actual = 1048576) {
    MemorySample s;
    s.hostId = host;
    s.uuid = uuid;
    s.name = name;
    s.timeMs = lastUpdate * 1000;
    s.state = DomainState::Running;
    s.freshReport = fresh;
    s.statsState = StatsState::Reporting;
    s.stats.actual = actual;
    s.stats.rss = 100000;
    s.stats.lastUpdate = lastUpdate;
    if (fresh) {
        s.stats.available = 1000000;
        s.stats.unused = unused;
        s.stats.usable = 600000;
    }
    return s;
}

PollCycle cycleOf(const QString &host, QList<MemorySample> samples) {
    PollCycle c;
    c.hostId = host;
    c.samples = std::move(samples);
    return c;
}

} // namespace

class TestGuestTableModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // How old the last report is; past a month, its date (the test driver reports from 1989).
    void lastReportAge_data() {
        QTest::addColumn<qint64>("secondsAgo");
        QTest::addColumn<QString>("shown");
        QTest::newRow("seconds") << qint64(10) << QStringLiteral("10 s ago");
        QTest::newRow("minutes") << qint64(600) << QStringLiteral("10 min ago");
        QTest::newRow("hours") << qint64(5 * 3600) << QStringLiteral("5 h ago");
        QTest::newRow("days") << qint64(3 * 86400) << QStringLiteral("3 days ago");
        QTest::newRow("a month: the date")
            << qint64(1764150000 - 627319920)
            << QStringLiteral("on ") +
                   QLocale().toString(QDateTime::fromSecsSinceEpoch(627319920).date(),
                                      QLocale::ShortFormat);
    }
    void lastReportAge() {
        QFETCH(qint64, secondsAgo);
        QFETCH(QString, shown);
        GuestTableModel model;
        model.setClock([] { return qint64(1764150000) * 1000; });
        model.applyCycle(
            cycleOf(QStringLiteral("h1"),
                    {sample(QStringLiteral("h1"), QStringLiteral("u1"), QStringLiteral("web"), true,
                            400000, 1764150000 - secondsAgo)}));
        QCOMPARE(model.index(0, GuestTableModel::LastReport).data().toString(), shown);
    }

    void rowsArriveAndUpdateInPlace() {
        GuestTableModel model;
        model.setClock([] { return qint64(1764150010) * 1000; });
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyCycle(cycleOf(QStringLiteral("h1"),
                                 {sample(QStringLiteral("h1"), QStringLiteral("u1"),
                                         QStringLiteral("web"), true, 400000, 1764150000),
                                  sample(QStringLiteral("h1"), QStringLiteral("u2"),
                                         QStringLiteral("db"), true, 100000, 1764150000)}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.index(0, GuestTableModel::Name).data().toString(), QStringLiteral("web"));
        QCOMPARE(model.index(0, GuestTableModel::Used).data(GuestTableModel::SortRole).toDouble(),
                 600000.0);
        QCOMPARE(model.index(0, GuestTableModel::LastReport).data().toString(),
                 QStringLiteral("10 s ago"));

        // A repeated report keeps the last guest figures and takes the new actual.
        changed.clear();
        model.applyCycle(
            cycleOf(QStringLiteral("h1"),
                    {sample(QStringLiteral("h1"), QStringLiteral("u1"), QStringLiteral("web"),
                            false, std::nullopt, 1764150000, 524288)}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(model.index(0, GuestTableModel::Used).data(GuestTableModel::SortRole).toDouble(),
                 600000.0);
        QCOMPARE(model.index(0, GuestTableModel::Actual).data(GuestTableModel::SortRole).toDouble(),
                 524288.0);
        // exactly that row changed, and of it only the figures and the report's age (the name,
        // state and stats state are the same)
        QVERIFY(!changed.isEmpty());
        for (const QList<QVariant> &args : std::as_const(changed)) {
            const QModelIndex from = args.at(0).toModelIndex();
            const QModelIndex to = args.at(1).toModelIndex();
            QCOMPARE(from.row(), 0);
            QCOMPARE(to.row(), 0);
            QVERIFY(from.column() >= GuestTableModel::Actual);
            QVERIFY(to.column() <= GuestTableModel::UsedPercent ||
                    from.column() == GuestTableModel::LastReport);
        }
    }

    void absentIsShownAsDashNotZero() {
        GuestTableModel model;
        MemorySample s = sample(QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("g"),
                                false, std::nullopt, 0);
        s.stats.lastUpdate.reset();
        s.statsState = StatsState::Off;
        model.applyCycle(cycleOf(QStringLiteral("h"), {s}));
        QCOMPARE(model.index(0, GuestTableModel::Used).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(0, GuestTableModel::LastReport).data().toString(),
                 QStringLiteral("never"));
        QCOMPARE(model.index(0, GuestTableModel::Stats).data().toString(),
                 statsStateName(StatsState::Off));
        QVERIFY(!model.index(0, GuestTableModel::Stats).data(Qt::ToolTipRole).toString().isEmpty());
    }

    void removalAndHosts() {
        GuestTableModel model;
        model.applyCycle(cycleOf(
            QStringLiteral("h1"),
            {sample(QStringLiteral("h1"), QStringLiteral("a"), QStringLiteral("a"), true, 1, 1)}));
        model.applyCycle(cycleOf(
            QStringLiteral("h2"),
            {sample(QStringLiteral("h2"), QStringLiteral("a"), QStringLiteral("a2"), true, 1, 1),
             sample(QStringLiteral("h2"), QStringLiteral("b"), QStringLiteral("b"), true, 1, 1)}));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.guestCount(QStringLiteral("h2")), 2);
        model.removeGuests(QStringLiteral("h2"), {QStringLiteral("a")});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("h1"), QStringLiteral("a")),
                 0); // same uuid, other host: kept
        model.removeHost(QStringLiteral("h1"));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowAt(0)->name, QStringLiteral("b"));
    }

    void proxySortsNumbersAndFilters() {
        GuestTableModel model;
        model.applyCycle(
            cycleOf(QStringLiteral("h1"), {sample(QStringLiteral("h1"), QStringLiteral("1"),
                                                  QStringLiteral("small"), true, 900000, 5),
                                           sample(QStringLiteral("h1"), QStringLiteral("2"),
                                                  QStringLiteral("big"), true, 50000, 5),
                                           sample(QStringLiteral("h1"), QStringLiteral("3"),
                                                  QStringLiteral("mid"), true, 500000, 5)}));
        model.applyCycle(
            cycleOf(QStringLiteral("h2"), {sample(QStringLiteral("h2"), QStringLiteral("4"),
                                                  QStringLiteral("other"), true, 10, 5)}));
        GuestFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(GuestTableModel::Used, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, GuestTableModel::Name).data().toString(), QStringLiteral("other"));
        QCOMPARE(proxy.index(1, GuestTableModel::Name).data().toString(), QStringLiteral("big"));
        QCOMPARE(proxy.index(3, GuestTableModel::Name).data().toString(), QStringLiteral("small"));

        proxy.setHostFilter(QStringLiteral("h1"));
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setText(QStringLiteral("MI"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, GuestTableModel::Name).data().toString(), QStringLiteral("mid"));
        proxy.setHostFilter({});
        proxy.setText({});
        QCOMPARE(proxy.rowCount(), 4);
    }

    void readinessColumnProvisionalThenChecked() {
        GuestTableModel model;
        MemorySample s = sample(QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("g"),
                                false, std::nullopt, 5);
        s.statsState = StatsState::Stale;
        model.applyCycle(cycleOf(QStringLiteral("h"), {s}));
        const QModelIndex cell = model.index(0, GuestTableModel::Readiness);
        // No check yet: derived from the stats state, and marked provisional.
        QCOMPARE(cell.data().toString(), verdictName(Verdict::NotDelivering));
        QCOMPARE(cell.data(GuestTableModel::VerdictKeyRole).toString(),
                 QStringLiteral("not_delivering"));
        QVERIFY(cell.data(GuestTableModel::VerdictProvisionalRole).toBool());
        QVERIFY(cell.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QLatin1String("Provisional")));
        QVERIFY(!cell.data(Qt::DecorationRole).isNull());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ReadinessSummary checked;
        checked.verdict = Verdict::NoBalloonDriver;
        checked.reason = QStringLiteral("never reported");
        model.setReadiness(QStringLiteral("h"), QStringLiteral("u"), checked);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), cell);
        QCOMPARE(changed.first().at(1).toModelIndex(), cell);
        QCOMPARE(cell.data(GuestTableModel::VerdictKeyRole).toString(),
                 QStringLiteral("no_balloon_driver"));
        QVERIFY(!cell.data(GuestTableModel::VerdictProvisionalRole).toBool());
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QLatin1String("never reported")));

        // The filter box finds guests by their readiness.
        GuestFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.setText(verdictName(Verdict::NoBalloonDriver));
        QCOMPARE(proxy.rowCount(), 1);

        model.clearReadiness(QStringLiteral("h"), {});
        QVERIFY(cell.data(GuestTableModel::VerdictProvisionalRole).toBool());
    }

    void ageColumnTicksAlone() {
        GuestTableModel model;
        model.applyCycle(cycleOf(
            QStringLiteral("h"),
            {sample(QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("g"), true, 1, 1)}));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(changed.wait(1500));
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(GuestTableModel::LastReport));
        QCOMPARE(changed.first().at(1).toModelIndex().column(), int(GuestTableModel::LastReport));
    }
};

BS_GUI_TEST_MAIN(TestGuestTableModel)
#include "tst_guesttablemodel.moc"
