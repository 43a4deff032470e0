#include "TestMain.h"
#include "history/RangePresets.h"

using namespace bs;

class TestRangePresets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesDurations_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("plain seconds") << QStringLiteral("120") << qint64(120);
        QTest::newRow("seconds") << QStringLiteral("90s") << qint64(90);
        QTest::newRow("minutes") << QStringLiteral("15m") << qint64(900);
        QTest::newRow("hour") << QStringLiteral("1h") << qint64(3600);
        QTest::newRow("days, spaced") << QStringLiteral(" 7 d ") << qint64(7 * 86400);
        QTest::newRow("weeks") << QStringLiteral("2w") << qint64(14 * 86400);
        QTest::newRow("year") << QStringLiteral("1Y") << qint64(365 * 86400);
    }
    void parsesDurations() {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        QCOMPARE(parseDurationSeconds(text), std::optional<qint64>(seconds));
    }

    void rejectsNonsense() {
        for (const char *bad : {"", "h", "0", "-5m", "1.5h", "3 fortnights", "99999999999999999y"})
            QVERIFY2(!parseDurationSeconds(QString::fromLatin1(bad)), bad);
    }

    void presetsSpanFifteenMinutesToAYear() {
        const auto presets = rangePresets();
        QCOMPARE(presets.first().seconds, 15 * 60);
        QCOMPARE(presets.last().seconds, 365 * 86400);
        for (const RangePreset &p : presets) {
            QCOMPARE(parseDurationSeconds(p.key), std::optional<qint64>(p.seconds));
            QVERIFY(!p.label().isEmpty());
        }
    }
};

BS_TEST_MAIN(TestRangePresets)
#include "tst_rangepresets.moc"
