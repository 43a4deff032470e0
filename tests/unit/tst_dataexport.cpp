#include "FleetHistory.h"
#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "history/HistoryStore.h"
#include "report/DataExport.h"
#include "report/HistoryChart.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::test;

// CSV and JSON exports, read back by an independent parser, equal the points of the history
// query they came from: times, min/avg/max, and the gaps.
namespace {

const QString Host = QStringLiteral("qemu:///system");
constexpr qint64 T0 = 1735689600000; // 2025-01-01 00:00:00 UTC

struct Csv {
    QStringList header;
    QList<QStringList> rows;
};

Csv parseCsv(const QByteArray &bytes) {
    Csv csv;
    QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
    if (lines.last().isEmpty())
        lines.removeLast();
    csv.header = lines.takeFirst().split(QLatin1Char(','));
    for (const QString &line : std::as_const(lines))
        csv.rows.append(line.split(QLatin1Char(',')));
    return csv;
}

double cellValue(const QString &cell) {
    bool ok = false;
    const double v = cell.toDouble(&ok);
    return ok ? v : std::numeric_limits<double>::quiet_NaN();
}

// The points of one series as the CSV holds them, in time order.
QList<EnvelopePoint> csvPoints(const Csv &csv, const QString &key, bool decimated) {
    QList<EnvelopePoint> out;
    const int gaps = int(csv.header.indexOf(QStringLiteral("gaps")));
    const int first = int(csv.header.indexOf(decimated ? key + QStringLiteral("_min") : key));
    for (const QStringList &row : csv.rows) {
        const qint64 t = row[1].toLongLong();
        // The time column says the same instant as t_ms.
        if (QDateTime::fromString(row[0], Qt::ISODateWithMs).toMSecsSinceEpoch() != t)
            return {};
        if (row[gaps].split(QLatin1Char(';')).contains(key)) {
            out.append(EnvelopePoint::gap(t));
            continue;
        }
        if (row[first].isEmpty())
            continue; // this series has no point at this time
        if (decimated)
            out.append(EnvelopePoint{t, cellValue(row[first]), cellValue(row[first + 1]),
                                     cellValue(row[first + 2]), row[first + 3].toInt()});
        else
            out.append(EnvelopePoint{t, cellValue(row[first]), cellValue(row[first]),
                                     cellValue(row[first])});
    }
    return out;
}

QList<EnvelopePoint> jsonPoints(const QJsonObject &series, bool decimated) {
    QList<EnvelopePoint> out;
    for (const QJsonValue &v : series.value(QStringLiteral("points")).toArray()) {
        const QJsonObject p = v.toObject();
        const qint64 t = qint64(p.value(QStringLiteral("t_ms")).toDouble());
        if (p.value(QStringLiteral("gap")).toBool())
            out.append(EnvelopePoint::gap(t));
        else if (decimated)
            out.append(EnvelopePoint{t, p.value(QStringLiteral("min")).toDouble(),
                                     p.value(QStringLiteral("avg")).toDouble(),
                                     p.value(QStringLiteral("max")).toDouble(),
                                     p.value(QStringLiteral("polls")).toInt()});
        else {
            const double value = p.value(QStringLiteral("value")).toDouble();
            out.append(EnvelopePoint{t, value, value, value});
        }
    }
    return out;
}

} // namespace

class TestDataExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;
    std::unique_ptr<HistoryStore> m_store;
    QList<FleetGuest> m_guests;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock.set(T0 + 6 * 3600000);
        HistoryOptions o;
        o.path = m_dir.filePath(QStringLiteral("export.sqlite"));
        o.backgroundCompaction = false;
        o.clockMs = m_clock.function();
        m_store = std::make_unique<HistoryStore>(o);
        QVERIFY(openAndWait(*m_store));
        // Seven guests for 6 hours: "mail" (index 6) is off for 45 minutes in the middle.
        m_guests = fleetGuests(7, T0, T0 + 6 * 3600000);
        recordFleet(*m_store, Host, m_guests, T0, T0 + 6 * 3600000, 10);
        QVERIFY(m_store->waitForIdle());
        m_store->compactNow();
        QVERIFY(m_store->waitForIdle());
    }

    void csvAndJsonHoldTheQuerysPoints_data() {
        QTest::addColumn<int>("points");
        QTest::newRow("decimated, 300 buckets (minute roll-ups)") << 300;
        QTest::newRow("one bucket per poll (raw tier)") << 2160;
    }
    void csvAndJsonHoldTheQuerysPoints() {
        QFETCH(int, points);
        const FleetGuest &mail = m_guests[6];
        const SeriesResult result = querySeries(
            *m_store,
            SeriesRequest{
                Host, {mail.uuid}, HistoryChart::defaultMetrics(), T0, T0 + 6 * 3600000, points});
        const ChartData chart =
            HistoryChart::fromSeries(result, {Host, mail.uuid, mail.name}, T0, T0 + 6 * 3600000);
        QCOMPARE(chart.series.size(), 4);
        QVERIFY(gapCount(chart.series[0].points) >= 1); // the stop shows as a gap
        QVERIFY(valueCount(chart.series[0].points) > 100);

        const Csv csv = parseCsv(CsvExporter::chart(chart));
        QCOMPARE(
            csv.header.mid(0, 5),
            (QStringList{QStringLiteral("time"), QStringLiteral("t_ms"), QStringLiteral("used_min"),
                         QStringLiteral("used_avg"), QStringLiteral("used_max")}));
        QCOMPARE(csv.header.last(), QStringLiteral("gaps"));
        const QJsonObject json = QJsonDocument::fromJson(JsonExporter::chart(chart)).object();
        QCOMPARE(json.value(QStringLiteral("bucket_ms")).toInteger(), result.bucketMs);
        QCOMPARE(json.value(QStringLiteral("unit")).toString(), QStringLiteral("KiB"));
        const QJsonArray series = json.value(QStringLiteral("series")).toArray();
        QCOMPARE(series.size(), chart.series.size());
        for (int i = 0; i < chart.series.size(); ++i) {
            const ChartSeries &s = chart.series[i];
            QCOMPARE(csvPoints(csv, s.key, true), s.points);
            QCOMPARE(series[i].toObject().value(QStringLiteral("key")).toString(), s.key);
            QCOMPARE(jsonPoints(series[i].toObject(), true), s.points);
        }
        // One row per distinct point time.
        QSet<qint64> times;
        for (const ChartSeries &s : chart.series) {
            for (const EnvelopePoint &p : s.points)
                times.insert(p.timeMs);
        }
        QCOMPARE(csv.rows.size(), times.size());
    }

    void undecimatedPointsHaveOneColumnPerField() {
        ChartData chart;
        chart.provenance.source = QStringLiteral("live");
        ChartSeries used;
        used.key = QStringLiteral("used");
        used.points = {EnvelopePoint{T0, 1.5, 1.5, 1.5}, EnvelopePoint::gap(T0 + 5000),
                       EnvelopePoint{T0 + 10000, 1234567.125, 1234567.125, 1234567.125}};
        ChartSeries actual;
        actual.key = QStringLiteral("actual");
        actual.points = {EnvelopePoint{T0, 4194304, 4194304, 4194304},
                         EnvelopePoint{T0 + 7000, 4194304, 4194304, 4194304}};
        chart.series = {used, actual};
        const QByteArray bytes = CsvExporter::chart(chart);
        const Csv csv = parseCsv(bytes);
        QCOMPARE(csv.header, (QStringList{QStringLiteral("time"), QStringLiteral("t_ms"),
                                          QStringLiteral("used"), QStringLiteral("actual"),
                                          QStringLiteral("gaps")}));
        QCOMPARE(csvPoints(csv, QStringLiteral("used"), false), used.points);
        QCOMPARE(csvPoints(csv, QStringLiteral("actual"), false), actual.points);
        QVERIFY(bytes.contains(",4194304,")); // plain integers, never 4.194304e+06
        QVERIFY(bytes.startsWith("time,t_ms,used,actual,gaps\n2025-01-01T00:00:00.000Z,"));
        const QJsonArray series = QJsonDocument::fromJson(JsonExporter::chart(chart))
                                      .object()[QStringLiteral("series")]
                                      .toArray();
        QCOMPARE(jsonPoints(series[0].toObject(), false), used.points);
    }

    void rawSamplesReadBackAsRecorded() {
        const FleetGuest &web = m_guests[0];
        const SampleResult result =
            querySamples(*m_store, SampleRequest{Host, {web.uuid}, T0, T0 + 3600000});
        const RawSamples raw{
            Host, web.uuid, web.name, T0, T0 + 3600000, result.rawFromMs, result.guests[0].samples};
        QCOMPARE(raw.samples.size(), 361); // every 10 s, both ends inclusive
        const Csv csv = parseCsv(CsvExporter::samples(raw));
        QCOMPARE(csv.rows.size(), raw.samples.size());
        const int used = int(csv.header.indexOf(QStringLiteral("used")));
        const int available = int(csv.header.indexOf(QStringLiteral("available")));
        const int state = int(csv.header.indexOf(QStringLiteral("stats_state")));
        for (int i = 0; i < raw.samples.size(); ++i) {
            const MemorySample expected = fleetPoll(web, raw.samples[i].timeMs);
            QCOMPARE(csv.rows[i][1].toLongLong(), expected.timeMs);
            QCOMPARE(csv.rows[i][available].toULongLong(), *expected.stats.available);
            QCOMPARE(csv.rows[i][used].toULongLong(),
                     *expected.stats.available - *expected.stats.unused);
            QCOMPARE(csv.rows[i][state], QStringLiteral("reporting"));
        }
        const QJsonArray samples = QJsonDocument::fromJson(JsonExporter::samples(raw))
                                       .object()[QStringLiteral("samples")]
                                       .toArray();
        QCOMPARE(samples.size(), raw.samples.size());
        QCOMPARE(samples[5].toObject()[QStringLiteral("unused")].toInteger(),
                 qint64(*raw.samples[5].stats.unused));
        QVERIFY(!samples[5].toObject().contains(QStringLiteral("balloon_model"))); // not recorded
    }
};

BS_TEST_MAIN(TestDataExport)
#include "tst_dataexport.moc"
