#include "TestMain.h"
#include "history/Decimator.h"

#include <cmath>

using namespace bs;
using namespace bs::history;

namespace {

QList<EnvelopePoint> decimate(const QList<SourceRow> &rows, qint64 bucket, qint64 maxGap) {
    Decimator d(bucket, maxGap);
    for (const SourceRow &r : rows)
        d.add(r);
    return Decimator::points(d.finish());
}

int gapCount(const QList<EnvelopePoint> &points) {
    return int(std::count_if(points.cbegin(), points.cend(),
                             [](const EnvelopePoint &p) { return p.isGap(); }));
}

bool sortedByTime(const QList<EnvelopePoint> &points) {
    for (int i = 1; i < points.size(); ++i) {
        if (points[i].timeMs <= points[i - 1].timeMs)
            return false;
    }
    return true;
}

} // namespace

class TestDecimator : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bucketsKeepMinAvgMax() {
        // 10 s samples, 60 s buckets: six samples per bucket.
        QList<SourceRow> rows;
        for (int i = 0; i < 12; ++i)
            rows.append(SourceRow::value(600 + i * 10, i < 6 ? 100 + i : 200 + i));
        const auto points = decimate(rows, 60, 32);
        QCOMPARE(points.size(), 2);
        QCOMPARE(points[0].min, 100.0);
        QCOMPARE(points[0].max, 105.0);
        QCOMPARE(points[0].avg, 102.5);
        QCOMPARE(points[1].min, 206.0);
        QCOMPARE(points[1].max, 211.0);
        QCOMPARE(points[0].timeMs, 625000); // middle of 600..650
    }

    void sparseSamplesKeepTheirTime() {
        // Buckets narrower than the poll interval: each sample is its own point, at its time.
        const auto points = decimate({SourceRow::value(1003, 1), SourceRow::value(1008, 2)}, 1, 17);
        QCOMPARE(points.size(), 2);
        QCOMPARE(points[0].timeMs, 1003000);
        QCOMPARE(points[1].timeMs, 1008000);
        QCOMPARE(points[1].avg, 2.0);
    }

    void spikeVisibleAtEveryZoom() {
        // A week of 10 s samples at 1000 KiB with a single 10-second spike to 9999 KiB.
        const qint64 start = 1735689600;
        const qint64 spikeAt = start + 3 * 86400 + 4321 * 10;
        QList<SourceRow> rows;
        for (qint64 t = start; t < start + 7 * 86400; t += 10)
            rows.append(SourceRow::value(t, t == spikeAt ? 9999 : 1000));
        for (qint64 bucket : {1LL, 10LL, 60LL, 600LL, 3600LL, 86400LL, 7 * 86400LL}) {
            const auto points = decimate(rows, bucket, 32);
            int spikes = 0;
            for (const EnvelopePoint &p : points) {
                if (p.max == 9999) {
                    ++spikes;
                    QVERIFY(p.timeMs / 1000 / bucket == spikeAt / bucket ||
                            p.timeMs / 1000 >= spikeAt - bucket);
                }
                QCOMPARE(p.min, p.max == 9999 && bucket <= 10 ? 9999.0 : 1000.0);
            }
            QVERIFY2(spikes == 1, qPrintable(QStringLiteral("bucket %1 s").arg(bucket)));
            QCOMPARE(gapCount(points), 0);
        }
    }

    void nothingRecordedIsAGap() {
        // Two stretches of 5 s polls ten minutes apart.
        QList<SourceRow> rows;
        for (int i = 0; i < 24; ++i)
            rows.append(SourceRow::value(1000 + i * 5, 1));
        for (int i = 0; i < 24; ++i)
            rows.append(SourceRow::value(1800 + i * 5, 2));
        const auto fine = decimate(rows, 5, 17);
        QCOMPARE(gapCount(fine), 1);
        QVERIFY(sortedByTime(fine));
        const auto gapIndex = std::find_if(fine.cbegin(), fine.cend(),
                                           [](const EnvelopePoint &p) { return p.isGap(); }) -
                              fine.cbegin();
        QCOMPARE(fine[gapIndex - 1].avg, 1.0);
        QCOMPARE(fine[gapIndex + 1].avg, 2.0);
        QVERIFY(fine[gapIndex].timeMs > 1115000 && fine[gapIndex].timeMs < 1800000);
        // At a zoom where one bucket spans the whole pause, the gap is narrower than a pixel.
        QCOMPARE(gapCount(decimate(rows, 3600, 17)), 0);
        // Jitter within the limit is no gap.
        QCOMPARE(gapCount(decimate({SourceRow::value(0, 1), SourceRow::value(17, 1)}, 1, 17)), 0);
        QCOMPARE(gapCount(decimate({SourceRow::value(0, 1), SourceRow::value(18, 1)}, 1, 17)), 1);
    }

    void guestOffIsAGap() {
        const auto points = decimate(
            {SourceRow::value(100, 5), SourceRow::gap(105), SourceRow::value(110, 6)}, 1, 17);
        QCOMPARE(points.size(), 3);
        QVERIFY(points[1].isGap());
        QCOMPARE(points[1].timeMs, 105000);
    }

    void repeatedReportsHoldTheLine() {
        // Guest reports every 30 s, polled every 5 s: holds in between, no gap.
        QList<SourceRow> rows;
        for (int i = 0; i < 60; ++i)
            rows.append(i % 6 == 0 ? SourceRow::value(i * 5, i) : SourceRow::hold(i * 5));
        const auto points = decimate(rows, 1, 17);
        QCOMPARE(points.size(), 10);
        QCOMPARE(gapCount(points), 0);
    }

    void leadingAndTrailingGapsAreNotMarked() {
        const auto points =
            decimate({SourceRow::gap(0), SourceRow::hold(5), SourceRow::value(10, 1),
                      SourceRow::gap(15), SourceRow::gap(20)},
                     1, 17);
        QCOMPARE(points.size(), 1);
        QVERIFY(!points[0].isGap());
    }

    void rollupRowsWeighAverages() {
        // Two minutes: 6 samples averaging 10, then 2 samples averaging 40.
        QList<SourceRow> rows;
        rows.append({0, 60, SourceRow::Kind::Value, 5, 10, 20, 6});
        rows.append({60, 60, SourceRow::Kind::Value, 30, 40, 50, 2});
        const auto points = decimate(rows, 120, 17);
        QCOMPARE(points.size(), 1);
        QCOMPARE(points[0].min, 5.0);
        QCOMPARE(points[0].max, 50.0);
        QCOMPARE(points[0].avg, 17.5); // (6·10 + 2·40) / 8
        QCOMPARE(points[0].timeMs, 60000);
        // A missing minute between roll-up rows is a gap when polls were 5 s apart.
        const auto gapped = decimate({{0, 60, SourceRow::Kind::Value, 1, 1, 1, 12},
                                      {120, 60, SourceRow::Kind::Value, 1, 1, 1, 12}},
                                     60, 17);
        QCOMPARE(gapCount(gapped), 1);
    }

    void hostAggregateSumsGuests() {
        Decimator a(10, 17);
        Decimator b(10, 17);
        for (int t = 0; t < 30; t += 5) {
            a.add(SourceRow::value(t, 100));
            if (t < 20)
                b.add(SourceRow::value(t, 50));
        }
        const auto sum = sumBuckets({a.finish(), b.finish()}, 10, 17);
        QCOMPARE(sum.size(), 3);
        QCOMPARE(sum[0].point.avg, 150.0);
        QCOMPARE(sum[0].guests, 2);
        QCOMPARE(sum[2].point.avg, 100.0);
        QCOMPARE(sum[2].guests, 1);
        // A stretch no guest covers is a gap.
        Decimator c(10, 17);
        c.add(SourceRow::value(0, 1));
        c.add(SourceRow::value(100, 1));
        const auto gapped = sumBuckets({c.finish()}, 10, 17);
        QCOMPARE(gapped.size(), 3);
        QVERIFY(gapped[1].point.isGap());
    }

    void metricsOfOneGuestShareTheirTimes() {
        // The same rows seen by a host-side metric (a value every poll) and a guest-side one
        // (a report every third poll): one point per bucket each, at the same time.
        Decimator host(4, 5);
        Decimator guest(4, 5);
        for (int t = 37; t < 45; ++t) {
            host.add(SourceRow::value(t, 100));
            guest.add(t % 3 == 1 ? SourceRow::value(t, 7) : SourceRow::hold(t));
        }
        const auto a = Decimator::points(host.finish());
        const auto b = Decimator::points(guest.finish());
        QCOMPARE(a.size(), 3); // buckets 36.., 40.., 44..
        QCOMPARE(b.size(), 2); // reports at 37, 40 and 43; the 44.. bucket only holds
        for (int i = 0; i < b.size(); ++i)
            QCOMPARE(a[i].timeMs, b[i].timeMs);
        QCOMPARE(a[0].timeMs, 38000); // rows 37..39 of bucket [36, 40)
    }

    void gapInsideTheLastBucketStillFollowsIt() {
        // A guest shut off right after a report, in the same bucket: the gap marker comes after
        // that bucket's point, never before it.
        const auto points =
            decimate({SourceRow::value(36, 1), SourceRow::gap(37), SourceRow::gap(38),
                      SourceRow::gap(39), SourceRow::value(50, 2)},
                     4, 5);
        QCOMPARE(points.size(), 3);
        QVERIFY(points[1].isGap());
        QVERIFY(sortedByTime(points));
    }

    void maxGapFollowsInterval() {
        QCOMPARE(maxGapForInterval(1), 5);
        QCOMPARE(maxGapForInterval(5), 17);
        QCOMPARE(maxGapForInterval(10), 32);
        QCOMPARE(maxGapForInterval(0), 5);
    }
};

BS_TEST_MAIN(TestDecimator)
#include "tst_decimator.moc"
