#include "TestMain.h"
#include "demo/DemoGuests.h"
#include "demo/GuestImages.h"
#include "model/BalloonConfig.h"

#include <QDomDocument>
#include <QFile>
#include <QTemporaryDir>
#include <QUuid>

using namespace bs;

class TestDemoGuests : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void oneGuestPerStatsStateTheDemoShows() {
        const QList<DemoGuestSpec> specs = demoGuestSpecs();
        QStringList names;
        for (const DemoGuestSpec &s : specs)
            names.append(s.name);
        QCOMPARE(names,
                 (QStringList{QStringLiteral("demo-sawtooth"), QStringLiteral("demo-steady"),
                              QStringLiteral("demo-nodriver"), QStringLiteral("demo-noperiod")}));
        QVERIFY(specs.at(0).reports());
        QVERIFY(specs.at(1).reports());
        QVERIFY(!specs.at(2).reports()); // the balloon is there, the driver never loads
        QVERIFY(!specs.at(3).reports());
    }

    void xmlCarriesRoleBalloonAndMarker() {
        DemoGuestFiles files{QStringLiteral("/d/images/kernel"),
                             QStringLiteral("/d/images/initrd.img"),
                             QStringLiteral("/d/log/serial/demo-sawtooth.log")};
        const QList<DemoGuestSpec> specs = demoGuestSpecs();
        const QString xml = demoGuestXml(specs.at(0), files, 160, 1);
        QDomDocument doc;
        QVERIFY(doc.setContent(xml));
        const QDomElement domain = doc.documentElement();
        QCOMPARE(domain.attribute(QStringLiteral("type")), QStringLiteral("qemu")); // TCG
        QCOMPARE(domain.firstChildElement(QStringLiteral("name")).text(),
                 QStringLiteral("demo-sawtooth"));
        const QDomElement os = domain.firstChildElement(QStringLiteral("os"));
        QCOMPARE(os.firstChildElement(QStringLiteral("kernel")).text(), files.kernel);
        QVERIFY(os.firstChildElement(QStringLiteral("cmdline"))
                    .text()
                    .contains(QLatin1String("bs.role=sawtooth")));
        QVERIFY(xml.contains(QLatin1String(DemoMarkerNamespace)));
        // The same UUID at every start, so the guest's history goes on across restarts.
        const QString uuid = domain.firstChildElement(QStringLiteral("uuid")).text();
        QCOMPARE(uuid, demoGuestUuid(QStringLiteral("demo-sawtooth")));
        QVERIFY(!QUuid::fromString(uuid).isNull());
        QCOMPARE(demoGuestXml(specs.at(0), files, 160, 1), xml);
        QVERIFY(demoGuestUuid(QStringLiteral("demo-steady")) != uuid);
        QVERIFY(xml.contains(files.serialLog));

        const BalloonConfig balloon = parseBalloonConfig(xml);
        QCOMPARE(balloon.model, BalloonModel::Virtio);
        QCOMPARE(balloon.period, std::optional<int>(1));
        QCOMPARE(parseBalloonConfig(demoGuestXml(specs.at(3), files, 160, 1)).period,
                 std::optional<int>());
        DemoGuestSpec none = specs.at(1);
        none.balloon = DemoGuestSpec::Balloon::None;
        QCOMPARE(parseBalloonConfig(demoGuestXml(none, files, 160, 1)).model, BalloonModel::None);
    }

    void pathsAreEscaped() {
        DemoGuestFiles files{QStringLiteral("/a&b/kernel"), QStringLiteral("/x/initrd.img"),
                             QStringLiteral("/x/'q'.log")};
        QDomDocument doc;
        QVERIFY(doc.setContent(demoGuestXml(demoGuestSpecs().at(1), files, 160, 1)));
        QCOMPARE(doc.documentElement()
                     .firstChildElement(QStringLiteral("os"))
                     .firstChildElement(QStringLiteral("kernel"))
                     .text(),
                 files.kernel);
    }

    void imagesAreFoundOrExplained() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto missing = findGuestImages(dir.path());
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QLatin1String("build-guest-images")));
        for (const char *name : {"kernel", "initrd.img"}) {
            QFile f(dir.filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
        }
        auto found = findGuestImages(dir.path());
        QVERIFY(found);
        QCOMPARE(found->kernel, dir.filePath(QStringLiteral("kernel")));
    }

    void imagesDirFollowsTheScript() {
        qputenv("BALLOONSCOPE_GUEST_IMAGES", "/somewhere/images");
        QCOMPARE(defaultGuestImagesDir(), QStringLiteral("/somewhere/images"));
        qunsetenv("BALLOONSCOPE_GUEST_IMAGES");
        qputenv("XDG_CACHE_HOME", "/cache");
        QCOMPARE(defaultGuestImagesDir(), QStringLiteral("/cache/balloonscope/guest-images"));
        qunsetenv("XDG_CACHE_HOME");
    }
};

BS_TEST_MAIN(TestDemoGuests)
#include "tst_demoguests.moc"
