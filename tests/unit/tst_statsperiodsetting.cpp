#include "TestMain.h"
#include "balloon/StatsPeriodSetting.h"

using namespace bs;

class TestStatsPeriodSetting : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("seconds"); // 0 = off
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("10") << "10" << true << 10 << "";
        QTest::newRow("1") << "1" << true << 1 << "";
        QTest::newRow("3600") << "3600" << true << 3600 << "";
        QTest::newRow("with unit") << " 30s " << true << 30 << "";
        QTest::newRow("off") << "off" << true << 0 << "";
        QTest::newRow("OFF") << "OFF" << true << 0 << "";
        QTest::newRow("0 is not off") << "0" << false << 0 << "choose \"off\" explicitly";
        QTest::newRow("-1") << "-1" << false << 0 << "1 to 3600";
        QTest::newRow("99999") << "99999" << false << 0 << "1 to 3600";
        QTest::newRow("huge") << "99999999999999999999" << false << 0 << "1 to 3600";
        QTest::newRow("abc") << "abc" << false << 0 << "not a stats period";
        QTest::newRow("empty") << "" << false << 0 << "not a stats period";
        QTest::newRow("decimal") << "2.5" << false << 0 << "not a stats period";
    }

    void parse() {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(int, seconds);
        QFETCH(QString, messagePart);
        const auto setting = StatsPeriodSetting::parse(text);
        QCOMPARE(setting.ok(), ok);
        if (ok) {
            QCOMPARE(setting->seconds(), seconds);
            QCOMPARE(setting->isOff(), seconds == 0);
        } else {
            QCOMPARE(setting.error().kind, Error::Kind::InvalidArgument);
            QVERIFY2(setting.error().message.contains(messagePart),
                     qPrintable(setting.error().message));
        }
    }

    void defaults() {
        QCOMPARE(StatsPeriodSetting().seconds(), 10);
        QVERIFY(!StatsPeriodSetting::seconds(0).ok());
        QVERIFY(StatsPeriodSetting::off().isOff());
        QCOMPARE(StatsPeriodSetting::off().toString(), QStringLiteral("off"));
        QCOMPARE(StatsPeriodSetting().toString(), QStringLiteral("10 s"));
        QCOMPARE(describePeriod(std::nullopt), QStringLiteral("off"));
        QCOMPARE(describePeriod(0), QStringLiteral("off"));
        QCOMPARE(describePeriod(5), QStringLiteral("5 s"));
    }
};

BS_TEST_MAIN(TestStatsPeriodSetting)
#include "tst_statsperiodsetting.moc"
