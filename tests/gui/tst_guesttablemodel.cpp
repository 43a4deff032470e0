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

// `n` reporting guests of host h1, guest i with `unused` 100000 + i·1000 (so Used sorts them).
QList<MemorySample> guests(int n, qint64 lastUpdate = 1764150000) {
    QList<MemorySample> out;
    for (int i = 0; i < n; ++i)
        out.append(sample(QStringLiteral("h1"), QStringLiteral("u%1").arg(i),
                          QStringLiteral("g%1").arg(i, 2, 10, QLatin1Char('0')), true,
                          100000 + quint64(i) * 1000, lastUpdate));
    return out;
}

struct Range {
    int top, left, bottom, right;
    bool operator==(const Range &) const = default;
};

QList<Range> rangesOf(const QSignalSpy &spy) {
    QList<Range> out;
    for (const QList<QVariant> &args : spy) {
        const QModelIndex from = args.at(0).toModelIndex();
        const QModelIndex to = args.at(1).toModelIndex();
        out.append({from.row(), from.column(), to.row(), to.column()});
    }
    return out;
}

} // namespace

namespace QTest {
template <>
char *toString(const Range &r) {
    return qstrdup(QByteArray("(" + QByteArray::number(r.top) + ',' + QByteArray::number(r.left) +
                              ")-(" + QByteArray::number(r.bottom) + ',' +
                              QByteArray::number(r.right) + ')')
                       .constData());
}
} // namespace QTest

namespace {} // namespace

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
        QCOMPARE(inserted.size(), 1); // a poll's new guests in one insertion, in its order
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 1);
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
        QCOMPARE(inserted.size(), 1);
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

        // Re-checked with the same verdict (the periodic re-check, mostly): nothing announced,
        // but the tooltip, asked for on hover, says the newer reason.
        changed.clear();
        checked.reason = QStringLiteral("still never reported");
        model.setReadiness(QStringLiteral("h"), QStringLiteral("u"), checked);
        QCOMPARE(changed.size(), 0);
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QLatin1String("still never")));
        // A new verdict is announced.
        checked.verdict = Verdict::Ready;
        model.setReadiness(QStringLiteral("h"), QStringLiteral("u"), checked);
        QCOMPARE(changed.size(), 1);
        checked.verdict = Verdict::NoBalloonDriver;
        model.setReadiness(QStringLiteral("h"), QStringLiteral("u"), checked);

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
        const qint64 recent = QDateTime::currentSecsSinceEpoch() - 10; // "10 s ago", then 11…
        model.applyCycle(
            cycleOf(QStringLiteral("h"), {sample(QStringLiteral("h"), QStringLiteral("u"),
                                                 QStringLiteral("g"), true, 1, recent)}));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(changed.wait(1500));
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(GuestTableModel::LastReport));
        QCOMPARE(changed.first().at(1).toModelIndex().column(), int(GuestTableModel::LastReport));
    }

    // The age column is announced only for the rows whose age text changes: "10 s ago" every
    // second, "2 h ago" once an hour, a date never.
    void ageTickAnnouncesOnlyChangedAges() {
        GuestTableModel model;
        qint64 now = qint64(1764150000) * 1000;
        model.setClock([&now] { return now; });
        model.applyCycle(cycleOf(
            QStringLiteral("h1"),
            {sample(QStringLiteral("h1"), QStringLiteral("a"), QStringLiteral("a"), true, 1,
                    1764150000 - 10),
             sample(QStringLiteral("h1"), QStringLiteral("b"), QStringLiteral("b"), true, 1,
                    1764150000 - 7300),
             sample(QStringLiteral("h1"), QStringLiteral("c"), QStringLiteral("c"), true, 1,
                    1764150000 - 10),
             sample(QStringLiteral("h1"), QStringLiteral("d"), QStringLiteral("d"), true, 1, 5)}));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        now += 1000;
        QVERIFY(changed.wait(1500)); // the model's one-second timer
        constexpr int Age = GuestTableModel::LastReport;
        QCOMPARE(rangesOf(changed), (QList<Range>{{0, Age, 0, Age}, {2, Age, 2, Age}}));
        QCOMPARE(model.index(0, Age).data().toString(), QStringLiteral("11 s ago"));
        QCOMPARE(model.index(1, Age).data().toString(), QStringLiteral("2 h ago"));
    }

    // A poll where one guest's one figure changed announces that cell alone.
    void onlyTheChangedCellIsAnnounced() {
        GuestTableModel model;
        model.applyCycle(cycleOf(QStringLiteral("h1"), guests(10)));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applyCycle(cycleOf(QStringLiteral("h1"), guests(10))); // the same figures
        QCOMPARE(changed.size(), 0);

        QList<MemorySample> next = guests(10);
        next[3].stats.rss = 123456;
        model.applyCycle(cycleOf(QStringLiteral("h1"), next));
        constexpr int Rss = GuestTableModel::Rss;
        QCOMPARE(rangesOf(changed), (QList<Range>{{3, Rss, 3, Rss}}));
        QCOMPARE(model.index(3, Rss).data(GuestTableModel::SortRole).toDouble(), 123456.0);

        // Its guest figures (used and used %) and its report time: three ranges (Stats between).
        changed.clear();
        next[3].stats.unused = 50000;
        next[3].stats.lastUpdate = *next[3].stats.lastUpdate + 5;
        model.applyCycle(cycleOf(QStringLiteral("h1"), next));
        QCOMPARE(rangesOf(changed),
                 (QList<Range>{{3, GuestTableModel::Used, 3, GuestTableModel::Used},
                               {3, GuestTableModel::UsedPercent, 3, GuestTableModel::UsedPercent},
                               {3, GuestTableModel::LastReport, 3, GuestTableModel::LastReport}}));
        QCOMPARE(model.index(3, GuestTableModel::Used).data(GuestTableModel::SortRole).toDouble(),
                 950000.0);
    }

    // A poll's figures are formatted when the view asks for them (rows on screen), not for
    // every guest at every poll; the text then is that of the newest figure.
    void figuresAreFormattedWhenShown() {
        GuestTableModel model;
        model.applyCycle(cycleOf(QStringLiteral("h1"), guests(10)));
        QList<MemorySample> next = guests(10);
        next[3].stats.rss = 123456;
        next[4].stats.rss = 654321;
        model.applyCycle(cycleOf(QStringLiteral("h1"), next));
        constexpr int Rss = GuestTableModel::Rss;
        QVERIFY(model.rowAt(3)->figureTextPending(Rss));
        QVERIFY(model.rowAt(4)->figureTextPending(Rss));
        QCOMPARE(model.index(3, Rss).data().toString(), units::formatKiB(123456, QLocale()));
        QVERIFY(!model.rowAt(3)->figureTextPending(Rss));
        QVERIFY(model.rowAt(4)->figureTextPending(Rss)); // not shown: not formatted
        next[4].stats.rss = 777777;
        model.applyCycle(cycleOf(QStringLiteral("h1"), next));
        QCOMPARE(model.index(4, Rss).data().toString(), units::formatKiB(777777, QLocale()));
        // Another unit redoes every figure's text.
        model.setUnit(units::SizeUnit::KiB);
        QVERIFY(model.rowAt(3)->figureTextPending(Rss));
        QCOMPARE(model.index(3, Rss).data().toString(),
                 units::formatKiB(123456, QLocale(), units::SizeUnit::KiB));
    }

    // When most rows changed: one range over them per run of changed columns.
    void mostRowsChangedIsOneRange() {
        GuestTableModel model;
        model.applyCycle(cycleOf(QStringLiteral("h1"), guests(5000)));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QList<MemorySample> next = guests(5000);
        for (int i = 0; i < next.size(); i += 2)
            next[i].stats.rss = 200000;
        for (int i = 1; i < next.size(); i += 2)
            next[i].stats.rss = 300000;
        model.applyCycle(cycleOf(QStringLiteral("h1"), next));
        constexpr int Rss = GuestTableModel::Rss;
        QCOMPARE(rangesOf(changed), (QList<Range>{{0, Rss, 4999, Rss}}));

        changed.clear();
        for (int i = 0; i < 4000; ++i)
            next[i].stats.unused = 10;
        model.applyCycle(cycleOf(QStringLiteral("h1"), next));
        QCOMPARE(
            rangesOf(changed),
            (QList<Range>{{0, GuestTableModel::Used, 3999, GuestTableModel::Used},
                          {0, GuestTableModel::UsedPercent, 3999, GuestTableModel::UsedPercent}}));
    }

    // Stats state changes: its column, the readiness badge, and the greyed guest figures.
    void statsStateChangeAnnouncesWhatItShows() {
        GuestTableModel model;
        model.applyCycle(cycleOf(QStringLiteral("h1"), guests(3)));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QList<MemorySample> next = guests(3);
        next[1].statsState = StatsState::Stale;
        model.applyCycle(cycleOf(QStringLiteral("h1"), next));
        QCOMPARE(rangesOf(changed),
                 (QList<Range>{{1, GuestTableModel::Readiness, 1, GuestTableModel::Readiness},
                               {1, GuestTableModel::Used, 1, GuestTableModel::Usable},
                               {1, GuestTableModel::UsedPercent, 1, GuestTableModel::Stats}}));
        QCOMPARE(model.index(1, GuestTableModel::Stats).data().toString(),
                 statsStateName(StatsState::Stale));
        QCOMPARE(model.index(1, GuestTableModel::Readiness).data().toString(),
                 verdictName(Verdict::NotDelivering));
        QVERIFY(model.index(1, GuestTableModel::Used).data(Qt::ForegroundRole).isValid());
    }

    // The guest → row hash follows insertions, removals (in runs) and renames.
    void rowHashFollowsInsertsRemovalsAndRenames() {
        GuestTableModel model;
        model.applyCycle(cycleOf(QStringLiteral("h1"), guests(20)));
        QList<MemorySample> other;
        for (int i = 0; i < 5; ++i)
            other.append(sample(QStringLiteral("h2"), QStringLiteral("u%1").arg(i),
                                QStringLiteral("o%1").arg(i), true, 1000, 5));
        model.applyCycle(cycleOf(QStringLiteral("h2"), other));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.removeGuests(QStringLiteral("h1"),
                           {QStringLiteral("u3"), QStringLiteral("u4"), QStringLiteral("u5"),
                            QStringLiteral("u10"), QStringLiteral("u19"), QStringLiteral("nope")});
        QCOMPARE(removed.size(), 3); // three runs of adjacent rows
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(model.guestCount(QStringLiteral("h1")), 15);
        QCOMPARE(model.guestCount(QStringLiteral("h2")), 5);
        const auto consistent = [&model] {
            for (int r = 0; r < model.rowCount(); ++r) {
                const auto *row = model.rowAt(r);
                if (model.rowOf(row->hostId, row->uuid) != r)
                    return false;
            }
            return true;
        };
        QVERIFY(consistent());
        QCOMPARE(model.rowOf(QStringLiteral("h1"), QStringLiteral("u4")), -1);
        QCOMPARE(model.rowOf(QStringLiteral("h2"), QStringLiteral("u4")), 19);

        // A rename keeps the row; a later poll updates the right one; a new guest is appended.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QList<MemorySample> next = guests(20);
        next.remove(19);
        next.remove(10);
        next.remove(3, 3);
        next[5].name = QStringLiteral("renamed"); // u8
        next.append(
            sample(QStringLiteral("h1"), QStringLiteral("new"), QStringLiteral("new"), true, 1, 5));
        model.applyCycle(cycleOf(QStringLiteral("h1"), next));
        const int renamed = model.rowOf(QStringLiteral("h1"), QStringLiteral("u8"));
        QCOMPARE(model.rowAt(renamed)->name, QStringLiteral("renamed"));
        QCOMPARE(rangesOf(changed), (QList<Range>{{renamed, 0, renamed, 0}}));
        QCOMPARE(model.rowOf(QStringLiteral("h1"), QStringLiteral("new")), 20);
        QVERIFY(consistent());

        model.removeHost(QStringLiteral("h1"));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.guestCount(QStringLiteral("h1")), 0);
        QVERIFY(consistent());
        QCOMPARE(model.rowOf(QStringLiteral("h2"), QStringLiteral("u4")), 4);
    }

    // dynamicSortFilter: a change in the sort column re-sorts; one elsewhere does not.
    void sortFollowsTheSortColumn() {
        GuestTableModel model;
        model.applyCycle(cycleOf(QStringLiteral("h1"), guests(50)));
        GuestFilterProxy proxy;
        proxy.setSourceModel(&model);
        proxy.sort(GuestTableModel::Used, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, GuestTableModel::Name).data().toString(), QStringLiteral("g00"));
        QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);

        QList<MemorySample> next = guests(50);
        for (MemorySample &s : next)
            s.stats.rss = 424242; // not the sort column
        model.applyCycle(cycleOf(QStringLiteral("h1"), next));
        QCOMPARE(layout.size(), 0);

        next[42].stats.unused = 10; // g42 uses the most now
        model.applyCycle(cycleOf(QStringLiteral("h1"), next));
        QCOMPARE(layout.size(), 1);
        QCOMPARE(proxy.index(0, GuestTableModel::Name).data().toString(), QStringLiteral("g42"));
        QCOMPARE(proxy.index(1, GuestTableModel::Name).data().toString(), QStringLiteral("g00"));

        // The filter follows a rename.
        proxy.setText(QStringLiteral("web"));
        QCOMPARE(proxy.rowCount(), 0);
        next[7].name = QStringLiteral("web-7");
        model.applyCycle(cycleOf(QStringLiteral("h1"), next));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, GuestTableModel::Name).data().toString(), QStringLiteral("web-7"));
        next[7].name = QStringLiteral("g07");
        model.applyCycle(cycleOf(QStringLiteral("h1"), next));
        QCOMPARE(proxy.rowCount(), 0);
        // And finds the state and the stats state as before.
        proxy.setText(statsStateName(StatsState::Reporting).toUpper());
        QCOMPARE(proxy.rowCount(), 50);
    }
};

BS_GUI_TEST_MAIN(TestGuestTableModel)
#include "tst_guesttablemodel.moc"
