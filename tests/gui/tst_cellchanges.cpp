#include "TestMain.h"
#include "guests/CellChanges.h"

using namespace bs::gui;

using Range = CellChanges::Range;
using Mark = QPair<int, CellChanges::Columns>;
Q_DECLARE_METATYPE(QList<Mark>)
Q_DECLARE_METATYPE(QList<Range>)

namespace QTest {
template <>
char *toString(const Range &r) {
    return qstrdup(QByteArray("(" + QByteArray::number(r.top) + ',' + QByteArray::number(r.left) +
                              ")-(" + QByteArray::number(r.bottom) + ',' +
                              QByteArray::number(r.right) + ')')
                       .constData());
}
} // namespace QTest

class TestCellChanges : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ranges_data() {
        QTest::addColumn<int>("rowCount");
        QTest::addColumn<QList<Mark>>("marks");
        QTest::addColumn<QList<Range>>("expected");
        constexpr auto c = CellChanges::column;
        constexpr auto span = CellChanges::span;
        QTest::newRow("nothing") << 10 << QList<Mark>{} << QList<Range>{};
        QTest::newRow("one cell") << 10 << QList<Mark>{{3, c(7)}} << QList<Range>{{3, 7, 3, 7}};
        QTest::newRow("a row's two runs of columns") << 10 << QList<Mark>{{3, span(4, 8) | c(10)}}
                                                     << QList<Range>{{3, 4, 3, 8}, {3, 10, 3, 10}};
        QTest::newRow("adjacent rows, same columns: one range")
            << 10 << QList<Mark>{{2, c(5)}, {3, c(5)}, {4, c(5)}} << QList<Range>{{2, 5, 4, 5}};
        QTest::newRow("adjacent rows, other columns: apart")
            << 10 << QList<Mark>{{2, c(5)}, {3, c(6)}} << QList<Range>{{2, 5, 2, 5}, {3, 6, 3, 6}};
        QTest::newRow("a gap between rows: apart")
            << 10 << QList<Mark>{{2, c(5)}, {4, c(5)}} << QList<Range>{{2, 5, 2, 5}, {4, 5, 4, 5}};
        QTest::newRow("marks out of order and repeated are merged per row")
            << 10 << QList<Mark>{{4, c(5)}, {2, c(5)}, {3, c(5)}, {2, c(6)}}
            << QList<Range>{{2, 5, 2, 6}, {3, 5, 4, 5}};
        QTest::newRow("half the rows is not most")
            << 4 << QList<Mark>{{0, c(1)}, {2, c(1)}} << QList<Range>{{0, 1, 0, 1}, {2, 1, 2, 1}};
        QTest::newRow("most rows: one range over them per run of columns")
            << 5 << QList<Mark>{{0, c(5)}, {1, c(7)}, {3, c(5) | c(8)}}
            << QList<Range>{{0, 5, 3, 5}, {0, 7, 3, 8}};
        QTest::newRow("column 31") << 2 << QList<Mark>{{1, c(31)}} << QList<Range>{{1, 31, 1, 31}};
    }
    void ranges() {
        QFETCH(int, rowCount);
        QFETCH(QList<Mark>, marks);
        QFETCH(QList<Range>, expected);
        CellChanges changes;
        for (const Mark &m : marks)
            changes.mark(m.first, m.second);
        QCOMPARE(changes.ranges(rowCount), expected);
    }

    void spans() {
        QCOMPARE(CellChanges::span(0, 0), 1u);
        QCOMPARE(CellChanges::span(2, 4), 0b11100u);
        QCOMPARE(CellChanges::span(0, 31), ~0u);
        QCOMPARE(CellChanges::span(31, 31), 1u << 31);
    }

    // Five thousand rows that all changed: a handful of signals, not thousands.
    void manyRowsFewRanges() {
        CellChanges changes;
        for (int row = 0; row < 5000; ++row)
            changes.mark(row, row % 3 == 0 ? CellChanges::span(4, 8) : CellChanges::column(7));
        QCOMPARE(changes.changedRows(), 5000);
        QCOMPARE(changes.ranges(5000), (QList<Range>{{0, 4, 4999, 8}}));
    }
};

BS_GUI_TEST_MAIN(TestCellChanges)
#include "tst_cellchanges.moc"
