#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "TestSupport.h"
#include "UiLanguage.h"
#include "guests/ColumnFit.h"
#include "guests/GuestColumns.h"
#include "guests/GuestPanel.h"
#include "guests/GuestTableModel.h"
#include "mainwindow/MainWindow.h"
#include "workbench/Workbench.h"

#include <QApplication>
#include <QHeaderView>
#include <QMenu>
#include <QMouseEvent>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;

namespace {

const QString DefaultHost = QStringLiteral("test:///default");

QString secondHost() {
    return QStringLiteral("test://") +
           test::fixturePath(QStringLiteral("testdriver/balloon-host.xml"));
}

// What is wrong with the table's columns as the user sees them, "" when nothing: a horizontal
// scroll bar, a header cut off, a column narrower than its content (`whole`: every column;
// otherwise only the figures, which must never elide).
QString columnProblems(QTableView *view, bool whole) {
    QStringList problems;
    if (view->horizontalScrollBar()->isVisible())
        problems << QStringLiteral("horizontal scroll bar");
    QHeaderView *header = view->horizontalHeader();
    for (int column = 0; column < GuestTableModel::ColumnCount; ++column) {
        if (view->isColumnHidden(column))
            continue;
        const int width = header->sectionSize(column);
        const int content = static_cast<QAbstractItemView *>(view)->sizeHintForColumn(column);
        const QString name = GuestTableModel::columnKey(column);
        if (width < header->sectionSizeHint(column))
            problems << QStringLiteral("%1 header cut: %2 < %3")
                            .arg(name)
                            .arg(width)
                            .arg(header->sectionSizeHint(column));
        if ((whole || GuestTableModel::isFigureColumn(column)) && width < content)
            problems << QStringLiteral("%1 content cut: %2 < %3").arg(name).arg(width).arg(content);
    }
    return problems.join(QStringLiteral("; "));
}

} // namespace

// The guest table's columns at the window's first start: they fit, Host only with several hosts,
// and the user's choices (the header's column chooser, dragged widths) are remembered.
class TestGuestColumns : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<QSettings> settings(const QString &name) {
        auto s = std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat);
        s->setValue(QStringLiteral("history/path"), m_dir.filePath(name + QStringLiteral(".db")));
        return s;
    }

    static QTableView *table(MainWindow &window) {
        return window.workbench()->guestPanel()->view();
    }

    static bool showAndConnect(MainWindow &window, const QString &uri, int rows) {
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return false;
        window.connectTemporary(uri, true);
        return QTest::qWaitFor([&] { return window.workbench()->guestModel()->rowCount() == rows; },
                               10000);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void naturalWidthsThatFitAreKept() {
        const QList<ColumnNeed> needs{{100, 50, false}, {80, 80, true}, {120, 60, false}};
        QCOMPARE(fitColumns(needs, 300), (QList<int>{100, 80, 120}));
        // Room to spare: a little for each column (the last stretches over the rest); a width
        // the user chose stays as it is.
        QCOMPARE(fitColumns(needs, 400, 10), (QList<int>{110, 80, 130}));
        QCOMPARE(fitColumns(needs, 306, 10), (QList<int>{103, 80, 123}));
    }

    void theWidestTextColumnsGiveWayFirst() {
        const QList<ColumnNeed> needs{{100, 50, false}, {80, 80, true}, {120, 60, false}};
        // 20 px too wide: only the widest column gives them; the user's width stays.
        QCOMPARE(fitColumns(needs, 280), (QList<int>{100, 80, 100}));
        // 40 px too wide: both text columns cut to one width.
        QCOMPARE(fitColumns(needs, 260), (QList<int>{90, 80, 90}));
        // An odd pixel goes to a column at the cap: the sum is exactly what is available.
        const QList<int> odd = fitColumns(needs, 261);
        QCOMPARE(odd.at(0) + odd.at(1) + odd.at(2), 261);
    }

    void neverBelowTheMinimum() {
        const QList<ColumnNeed> needs{{100, 50, false}, {80, 80, true}, {120, 60, false}};
        QCOMPARE(fitColumns(needs, 100), (QList<int>{50, 80, 60})); // the rest scrolls
        QCOMPARE(fitColumns({{30, 40, false}}, 10), QList<int>{40});
        QCOMPARE(fitColumns({}, 100), QList<int>{});
        // A figure (its minimum is its natural width) never gives way: the text column does.
        const QList<ColumnNeed> figure{{100, 50, false}, {70, 70, false}};
        QCOMPARE(fitColumns(figure, 150), (QList<int>{80, 70}));
        QCOMPARE(fitColumns(figure, 100), (QList<int>{50, 70}));
    }

    void everyColumnFitsTheFirstStart_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    // The window's first start: 1280 × 800, the host list beside the table, one host.
    void everyColumnFitsTheFirstStart() {
        QFETCH(QString, language);
        const test::UiLanguage ui(language);
        QCOMPARE(ui.used(), language);
        auto s = settings(QStringLiteral("first-") + language);
        MainWindow window(*s);
        QVERIFY(showAndConnect(window, DefaultHost, 1));
        QCOMPARE(window.size(), QSize(1280, 800));
        QVERIFY(window.findChild<QSplitter *>()->sizes().constFirst() >= 200); // the host list
        QTableView *view = table(window);
        QTRY_COMPARE(columnProblems(view, true), QString());
        QVERIFY(view->isColumnHidden(GuestTableModel::Host)); // one host: no Host column
        for (int c = GuestTableModel::Actual; c <= GuestTableModel::UsedPercent; ++c) {
            QVERIFY(!view->isColumnHidden(c));
            QCOMPARE(view->model()->index(0, c).data(Qt::TextAlignmentRole).toInt(),
                     int(Qt::AlignRight | Qt::AlignVCenter));
        }
        QVERIFY(!view->isColumnHidden(GuestTableModel::Stats));
        QVERIFY(!view->isColumnHidden(GuestTableModel::LastReport));
    }

    void hostColumnOnlyWithSeveralHosts_data() { everyColumnFitsTheFirstStart_data(); }

    void hostColumnOnlyWithSeveralHosts() {
        QFETCH(QString, language);
        const test::UiLanguage ui(language);
        auto s = settings(QStringLiteral("hosts-") + language);
        MainWindow window(*s);
        QVERIFY(showAndConnect(window, DefaultHost, 1));
        QTableView *view = table(window);
        QVERIFY(view->isColumnHidden(GuestTableModel::Host));
        window.connectTemporary(secondHost(), true);
        QTRY_VERIFY_WITH_TIMEOUT(window.workbench()->guestModel()->rowCount() > 1, 10000);
        QVERIFY(!view->isColumnHidden(GuestTableModel::Host));
        // Still no horizontal scroll bar with the Host column and the second host's guests;
        // text columns may be narrowed to their header (their text elides), figures never.
        QTRY_COMPARE(columnProblems(view, false), QString());
    }

    void chooserHidesAColumnAndRemembersIt() {
        auto s = settings(QStringLiteral("chooser"));
        {
            MainWindow window(*s);
            QVERIFY(showAndConnect(window, DefaultHost, 1));
            QTableView *view = table(window);
            QHeaderView *header = view->horizontalHeader();
            QMenu *menu = window.workbench()->guestPanel()->columns()->menu();
            Q_EMIT header->customContextMenuRequested(QPoint(10, 5));
            QTRY_VERIFY(menu->isVisible());
            const QList<QAction *> actions = menu->actions();
            // Every column with a check mark, Name always shown, then "Reset Columns".
            for (int c = 0; c < GuestTableModel::ColumnCount; ++c) {
                QCOMPARE(actions.at(c)->text(),
                         view->model()->headerData(c, Qt::Horizontal).toString());
                QVERIFY(actions.at(c)->isCheckable());
                QCOMPARE(actions.at(c)->isChecked(), !view->isColumnHidden(c));
            }
            QVERIFY(!actions.at(GuestTableModel::Name)->isEnabled());
            QVERIFY(actions.last()->text().contains(QStringLiteral("Reset")));
            actions.at(GuestTableModel::Rss)->trigger(); // hide RSS
            menu->close();
            QVERIFY(view->isColumnHidden(GuestTableModel::Rss));
            // Shown by the user with one host: the user's choice wins over the default.
            actions.at(GuestTableModel::Host)->trigger();
            QVERIFY(!view->isColumnHidden(GuestTableModel::Host));
            QTRY_COMPARE(columnProblems(view, true), QString());
        }
        MainWindow again(*s);
        QVERIFY(showAndConnect(again, DefaultHost, 1));
        QTableView *view = table(again);
        QVERIFY(view->isColumnHidden(GuestTableModel::Rss));
        QVERIFY(!view->isColumnHidden(GuestTableModel::Host));

        // "Reset Columns": the defaults again, and forgotten.
        again.workbench()->guestPanel()->columns()->menu()->actions().last()->trigger();
        QVERIFY(!view->isColumnHidden(GuestTableModel::Rss));
        QVERIFY(view->isColumnHidden(GuestTableModel::Host));
        QVERIFY(!s->contains(QStringLiteral("guestTable/shown/rss")));
    }

    void draggedWidthIsRemembered() {
        auto s = settings(QStringLiteral("drag"));
        int dragged = 0;
        {
            MainWindow window(*s);
            QVERIFY(showAndConnect(window, DefaultHost, 1));
            QTableView *view = table(window);
            QTRY_COMPARE(columnProblems(view, true), QString());
            QHeaderView *header = view->horizontalHeader();
            const int before = header->sectionSize(GuestTableModel::State);
            // Drag the right edge of the State column 50 px to the right, as a hand does.
            QWidget *area = header->viewport();
            const int edge = header->sectionViewportPosition(GuestTableModel::State) + before - 1;
            auto send = [area](QEvent::Type type, int x, Qt::MouseButtons buttons) {
                const QPointF at(x, area->height() / 2);
                QMouseEvent event(type, at, area->mapToGlobal(at), Qt::LeftButton, buttons,
                                  Qt::NoModifier);
                QApplication::sendEvent(area, &event);
            };
            send(QEvent::MouseMove, edge, Qt::NoButton);
            send(QEvent::MouseButtonPress, edge, Qt::LeftButton);
            for (int dx = 10; dx <= 50; dx += 10)
                send(QEvent::MouseMove, edge + dx, Qt::LeftButton);
            send(QEvent::MouseButtonRelease, edge + 50, Qt::NoButton);
            dragged = header->sectionSize(GuestTableModel::State);
            QCOMPARE(dragged, before + 50);
            // A refit (the table resized) keeps what the user chose.
            window.workbench()->guestPanel()->columns()->fitNow();
            QCOMPARE(header->sectionSize(GuestTableModel::State), dragged);
        }
        MainWindow again(*s);
        QVERIFY(showAndConnect(again, DefaultHost, 1));
        QTRY_COMPARE(table(again)->horizontalHeader()->sectionSize(GuestTableModel::State),
                     dragged);
    }

    // A poll that changes only figures and ages (every poll, every second) costs no refit;
    // a changed stats state (its text) does.
    void onlyNewTextIsRefitted() {
        GuestTableModel model;
        GuestPanel panel(&model, nullptr);
        panel.resize(1015, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const auto cycle = [](qint64 t, quint64 used, StatsState stats) {
            return test::pollCycle(
                DefaultHost, t,
                {test::guestPoll(QStringLiteral("u1"), QStringLiteral("web"), t, used, true, stats),
                 test::guestPoll(QStringLiteral("u2"), QStringLiteral("db"), t, 2 * used, true,
                                 stats)});
        };
        model.applyCycle(cycle(1000, 1000, StatsState::Reporting));
        QVERIFY(panel.columns()->fitPending()); // new rows
        panel.columns()->fitNow();
        model.applyCycle(cycle(2000, 900000, StatsState::Reporting));
        QVERIFY(!panel.columns()->fitPending());
        model.applyCycle(cycle(3000, 900000, StatsState::Stale));
        QVERIFY(panel.columns()->fitPending());
        // The refit measures again the columns whose text changed, not the names.
        panel.columns()->fitNow();
        const QList<int> measured = panel.columns()->lastMeasured();
        QVERIFY2(measured.contains(GuestTableModel::Stats),
                 qPrintable(QString::number(measured.size())));
        QVERIFY(!measured.contains(GuestTableModel::Name));
        // New rows: every text column shown is measured again, and a new longer name widens
        // its column.
        const int nameWidth = panel.view()->horizontalHeader()->sectionSize(GuestTableModel::Name);
        auto longer = cycle(4000, 900000, StatsState::Stale);
        longer.samples.append(test::guestPoll(QStringLiteral("u3"),
                                              QStringLiteral("a-guest-with-a-much-longer-name"),
                                              4000, 1000, true, StatsState::Stale));
        model.applyCycle(longer);
        QVERIFY(panel.columns()->fitPending());
        panel.columns()->fitNow();
        QVERIFY(panel.columns()->lastMeasured().contains(GuestTableModel::Name));
        QVERIFY(panel.view()->horizontalHeader()->sectionSize(GuestTableModel::Name) > nameWidth);
        QCOMPARE(columnProblems(panel.view(), false), QString());
    }

    // Earlier versions saved the header's state by column position; a version with other
    // columns must neither apply it nor trip over keys it does not know.
    void olderSavedColumnsDoNotBreakTheTable() {
        auto s = settings(QStringLiteral("old"));
        QHeaderView old(Qt::Horizontal);
        s->setValue(QStringLiteral("window/guestHeader"), old.saveState());
        s->setValue(QStringLiteral("window/guestColumns"), 9);
        s->setValue(QStringLiteral("guestTable/width/balloonTarget"), 900);
        s->setValue(QStringLiteral("guestTable/shown/balloonTarget"), true);
        s->setValue(QStringLiteral("guestTable/sortColumn"), QStringLiteral("balloonTarget"));
        MainWindow window(*s);
        QVERIFY(showAndConnect(window, DefaultHost, 1));
        QTRY_COMPARE(columnProblems(table(window), true), QString());
        QCOMPARE(table(window)->horizontalHeader()->sortIndicatorSection(),
                 int(GuestTableModel::Name));
        QVERIFY(!s->contains(QStringLiteral("window/guestHeader")));
    }
};

BS_GUI_TEST_MAIN(TestGuestColumns)
#include "tst_guestcolumns.moc"
