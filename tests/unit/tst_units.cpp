#include "TestMain.h"
#include "common/Units.h"

using namespace bs;

class TestUnits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<quint64>("kib");
        QTest::newRow("MiB") << "512MiB" << true << quint64(524288);
        QTest::newRow("GiB") << "2GiB" << true << quint64(2097152);
        QTest::newRow("spaced") << " 2 GiB " << true << quint64(2097152);
        QTest::newRow("fraction") << "1.5G" << true << quint64(1572864);
        QTest::newRow("KiB") << "1048576KiB" << true << quint64(1048576);
        QTest::newRow("bare number is KiB") << "1048576" << true << quint64(1048576);
        QTest::newRow("lower case") << "512mib" << true << quint64(524288);
        QTest::newRow("TiB") << "1TiB" << true << quint64(1073741824);
        QTest::newRow("negative") << "-5MiB" << false << quint64(0);
        QTest::newRow("words") << "lots" << false << quint64(0);
        QTest::newRow("empty") << "" << false << quint64(0);
        QTest::newRow("unit only") << "MiB" << false << quint64(0);
        QTest::newRow("huge") << "99999999999999TiB" << false << quint64(0);
    }
    void parse() {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(quint64, kib);
        const auto r = units::parseSize(text);
        QCOMPARE(r.ok(), ok);
        if (ok)
            QCOMPARE(r.value(), kib);
        else
            QVERIFY(!r.error().message.isEmpty());
    }

    void format() {
        const QLocale c(QLocale::C);
        QCOMPARE(units::formatKiB(1048576, c), QStringLiteral("1024 MiB"));
        QCOMPARE(units::formatKiB(524288, c), QStringLiteral("512 MiB"));
        QCOMPARE(units::formatKiB(20 * 1048576ULL, c), QStringLiteral("20.0 GiB"));
        QCOMPARE(units::formatKiB(1536, c), QStringLiteral("1536 KiB"));
        QCOMPARE(units::formatKiB(1048576, c, units::SizeUnit::GiB), QStringLiteral("1.0 GiB"));
        const QLocale de(QLocale::German);
        QCOMPARE(units::formatKiB(1572864, de, units::SizeUnit::GiB), QStringLiteral("1,5 GiB"));
    }
};

BS_TEST_MAIN(TestUnits)
#include "tst_units.moc"
