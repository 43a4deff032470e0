#include "monitor/PointRing.h"

#include <QTest>

#include <iterator>
#include <limits>
#include <vector>

using namespace bs;

namespace {

std::vector<int> contents(const PointRing<int> &ring) {
    return std::vector<int>(ring.begin(), ring.end());
}

std::vector<int> range(int from, int to) {
    std::vector<int> out;
    for (int i = from; i < to; ++i)
        out.push_back(i);
    return out;
}

} // namespace

class TestPointRing : public QObject {
    Q_OBJECT

private slots:
    void holdsTheNewestInOrder() {
        PointRing<int> ring;
        QVERIFY(ring.empty());
        for (int i = 0; i < 1000; ++i) {
            ring.push(i, 60);
            QVERIFY(ring.size() <= 60);
            QVERIFY(ring.allocated() <= 60);
            QCOMPARE(ring.back(), i);
        }
        QCOMPARE(ring.size(), 60);
        QCOMPARE(ring.front(), 940);
        QCOMPARE(contents(ring), range(940, 1000));
        for (qsizetype i = 0; i < ring.size(); ++i)
            QCOMPARE(ring.at(i), 940 + int(i));
    }

    void growsByDoublingUpToItsCapacity() {
        PointRing<int> ring;
        std::vector<qsizetype> sizes;
        for (int i = 0; i < 100; ++i) {
            ring.push(i, 60);
            if (sizes.empty() || sizes.back() != ring.allocated())
                sizes.push_back(ring.allocated());
        }
        QCOMPARE(sizes, (std::vector<qsizetype>{8, 16, 32, 60}));
    }

    // The health window's ring: bounded by its owner, grows by a quarter (at most a quarter more
    // than it ever held), drops several polls at once from its front, wrapped or not.
    void growsByAQuarterAndDropsFromTheFront() {
        PointRing<int> ring;
        constexpr qsizetype Unbounded = std::numeric_limits<qsizetype>::max();
        std::vector<qsizetype> sizes;
        for (int i = 0; i < 40; ++i) {
            ring.push(i, Unbounded, PointRing<int>::Growth::Quarter);
            if (sizes.empty() || sizes.back() != ring.allocated())
                sizes.push_back(ring.allocated());
        }
        QCOMPARE(sizes, (std::vector<qsizetype>{8, 10, 12, 15, 18, 22, 27, 33, 41}));
        ring.dropFront(25);
        QCOMPARE(contents(ring), range(25, 40));
        for (int i = 40; i < 60; ++i) // wraps around the block without growing it
            ring.push(i, Unbounded, PointRing<int>::Growth::Quarter);
        QCOMPARE(ring.allocated(), 41);
        QCOMPARE(contents(ring), range(25, 60));
        ring.dropFront(20); // across the wrap
        QCOMPARE(contents(ring), range(45, 60));
        ring.dropFront(0);
        ring.dropFront(-3);
        QCOMPARE(ring.size(), 15);
        ring.dropFront(100);
        QVERIFY(ring.empty());
        QCOMPARE(ring.allocated(), 41); // the block stays for the polls to come
        ring.push(7, Unbounded, PointRing<int>::Growth::Quarter);
        QCOMPARE(contents(ring), std::vector<int>{7});
    }

    void iteratesBackwardsFromTheEnd() {
        // The live chart walks back from the end to the first point it has not drawn.
        PointRing<int> ring;
        for (int i = 0; i < 75; ++i) // wrapped around: head in the middle of the block
            ring.push(i, 50);
        auto from = ring.cend();
        while (from != ring.cbegin() && *std::prev(from) > 70)
            --from;
        QCOMPARE(ring.cend() - from, 4);
        QCOMPARE(*from, 71);
        QCOMPARE(from[3], 74);
        QCOMPARE(*(ring.cbegin() + 10), 35);
        QVERIFY(ring.cbegin() < from);
    }

    void keepAtMostDropsTheOldestAndGivesBackABlockTooLarge() {
        PointRing<int> ring;
        for (int i = 0; i < 1440; ++i)
            ring.push(i, 1440);
        QCOMPARE(ring.allocated(), 1440);
        ring.keepAtMost(1000); // smaller, not by much: the block stays
        QCOMPARE(ring.size(), 1000);
        QCOMPARE(ring.allocated(), 1440);
        ring.keepAtMost(60);
        QCOMPARE(contents(ring), range(1380, 1440));
        QCOMPARE(ring.allocated(), 60);
        ring.push(1440, 60);
        QCOMPARE(contents(ring), range(1381, 1441));
    }

    void aSmallerCapacityDropsBeforeItAppends() {
        PointRing<int> ring;
        for (int i = 0; i < 10; ++i)
            ring.push(i, 10);
        ring.push(10, 4);
        QCOMPARE(contents(ring), range(7, 11));
        ring.clear();
        QVERIFY(ring.empty());
        QCOMPARE(ring.allocated(), 0);
        ring.push(1, 0); // a capacity below one still keeps the newest point
        QCOMPARE(contents(ring), std::vector<int>{1});
    }
};

QTEST_APPLESS_MAIN(TestPointRing)
#include "tst_pointring.moc"
