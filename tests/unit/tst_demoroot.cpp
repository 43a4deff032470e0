#include "TestMain.h"
#include "demo/DemoRoot.h"

#include <QDir>

#include <unistd.h>

using namespace bs;

// Where the demo host lives and the URI it is recorded as: "record --demo" (through DemoWorker)
// and "history --demo" must name the same host without either starting anything.
class TestDemoRoot : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shortDataDirHoldsTheRoot() {
        QCOMPARE(DemoRoot::directory(QStringLiteral("/srv/bs")), QStringLiteral("/srv/bs/demo"));
        QCOMPARE(DemoRoot::uri(QStringLiteral("/srv/bs")),
                 QStringLiteral("qemu:///embed?root=/srv/bs/demo"));
    }

    void longDataDirFallsBackToTemp() {
        // 60 characters at most: QEMU's monitor sockets live below the root (108-byte limit).
        const QString longDir = QStringLiteral("/home/") + QString(60, QLatin1Char('x'));
        const QString expected =
            QDir::tempPath() + QStringLiteral("/balloonscope-demo-%1").arg(getuid());
        QCOMPARE(DemoRoot::directory(longDir), expected);
        QCOMPARE(DemoRoot::uri(longDir), QStringLiteral("qemu:///embed?root=") + expected);
        // The limit itself still fits.
        const QString fits =
            QStringLiteral("/") + QString(DemoRoot::MaxLength - 6, QLatin1Char('y'));
        QCOMPARE(DemoRoot::directory(fits).size(), DemoRoot::MaxLength);
    }

    void relativeDataDirIsMadeAbsolute() {
        const QString root = DemoRoot::directory(QStringLiteral("d"));
        QVERIFY2(QDir::isAbsolutePath(root), qPrintable(root));
    }

    void uriEncodesWhatAQueryCannotHold() {
        QCOMPARE(DemoRoot::uriForDirectory(QStringLiteral("/tmp/a b&c?d/demo")),
                 QStringLiteral("qemu:///embed?root=/tmp/a%20b%26c%3Fd/demo"));
    }
};

BS_TEST_MAIN(TestDemoRoot)
#include "tst_demoroot.moc"
