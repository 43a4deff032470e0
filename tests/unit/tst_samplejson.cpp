#include "TestMain.h"
#include "monitor/SampleJson.h"

using namespace bs;

class TestSampleJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void absentIsNullNotZero() {
        MemorySample s;
        s.hostId = QStringLiteral("qemu:///system");
        s.uuid = QStringLiteral("u");
        s.name = QStringLiteral("web1");
        s.timeMs = 1764150000123;
        s.state = DomainState::Running;
        s.statsState = StatsState::Off;
        s.stats.actual = 1048576;
        s.stats.rss = 200000;
        const QJsonObject o = sampleToJson(s);
        QCOMPARE(o.value(QStringLiteral("actual")).toInteger(), 1048576);
        QVERIFY(o.value(QStringLiteral("unused")).isNull());
        QVERIFY(o.value(QStringLiteral("used")).isNull());
        QVERIFY(o.contains(QStringLiteral("available")));
        QCOMPARE(o.value(QStringLiteral("stats_state")).toString(), QStringLiteral("off"));
        QCOMPARE(o.value(QStringLiteral("time")).toString(),
                 QStringLiteral("2025-11-26T09:40:00.123Z"));
    }

    void derivedFigures() {
        MemorySample s;
        s.stats.actual = 2097152;
        s.stats.available = 2097152;
        s.stats.unused = 1048576;
        s.stats.usable = 1572864;
        const QJsonObject o = sampleToJson(s);
        QCOMPARE(o.value(QStringLiteral("used")).toInteger(), 1048576);
        QCOMPARE(o.value(QStringLiteral("used_excluding_cache")).toInteger(), 524288);
        QCOMPARE(o.value(QStringLiteral("used_percent_of_available")).toDouble(), 50.0);
    }
};

BS_TEST_MAIN(TestSampleJson)
#include "tst_samplejson.moc"
