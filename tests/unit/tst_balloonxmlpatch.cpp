#include "TestMain.h"
#include "TestSupport.h"
#include "balloon/BalloonConfig.h"
#include "balloon/BalloonXmlPatch.h"
#include "balloon/BalloonXmlPatchCheck.h"
#include "libvirt/LibvirtHandles.h"

#include <QDir>
#include <QRegularExpression>

using namespace bs;

namespace {

using Stats = MemballoonEdit::Stats;

QByteArray devicesDoc(const char *devices) {
    return QByteArray("<domain type='kvm'>\n  <name>g</name>\n  <devices>\n") + devices +
           QByteArray("  </devices>\n</domain>\n");
}

} // namespace

class TestBalloonXmlPatch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Exact results: the text the user will see in the preview and libvirt will get.
    void exact_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<MemballoonEdit>("edit");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("virt-install balloon: stats go first, indented like address")
            << devicesDoc("    <memballoon model='virtio'>\n"
                          "      <address type='pci' domain='0x0000' bus='0x05'/>\n"
                          "    </memballoon>\n")
            << MemballoonEdit::setPeriod(10)
            << devicesDoc("    <memballoon model='virtio'>\n"
                          "      <stats period='10'/>\n"
                          "      <address type='pci' domain='0x0000' bus='0x05'/>\n"
                          "    </memballoon>\n");
        QTest::newRow("self-closing balloon opens up")
            << devicesDoc("    <disk/>\n    <memballoon model='virtio'/>\n")
            << MemballoonEdit::setPeriod(5)
            << devicesDoc("    <disk/>\n    <memballoon model='virtio'>\n"
                          "      <stats period='5'/>\n    </memballoon>\n");
        QTest::newRow("model none switched to virtio with a period")
            << devicesDoc("    <memballoon model='none'/>\n") << MemballoonEdit::switchToVirtio(10)
            << devicesDoc("    <memballoon model='virtio'>\n"
                          "      <stats period='10'/>\n    </memballoon>\n");
        QTest::newRow("model none switched, spaces before /> dropped, double quotes kept")
            << devicesDoc("    <memballoon model=\"none\"   />\n")
            << MemballoonEdit::switchToVirtio(10)
            << devicesDoc("    <memballoon model=\"virtio\">\n"
                          "      <stats period=\"10\"/>\n    </memballoon>\n");
        QTest::newRow("model switch without period keeps stats alone")
            << devicesDoc("    <memballoon model='none'/>\n") << MemballoonEdit::switchToVirtio(0)
            << devicesDoc("    <memballoon model='virtio'/>\n");
        QTest::newRow("existing period: only the value changes")
            << devicesDoc("    <memballoon model='virtio' autodeflate='on'>\n"
                          "      <stats   period = \"5\" />\n    </memballoon>\n")
            << MemballoonEdit::setPeriod(30)
            << devicesDoc("    <memballoon model='virtio' autodeflate='on'>\n"
                          "      <stats   period = \"30\" />\n    </memballoon>\n");
        QTest::newRow("KubeVirt's open <stats></stats>")
            << devicesDoc("    <memballoon model=\"virtio-non-transitional\" "
                          "freePageReporting=\"on\">\n      <stats period=\"10\"></stats>\n"
                          "    </memballoon>\n")
            << MemballoonEdit::setPeriod(2)
            << devicesDoc("    <memballoon model=\"virtio-non-transitional\" "
                          "freePageReporting=\"on\">\n      <stats period=\"2\"></stats>\n"
                          "    </memballoon>\n");
        QTest::newRow("<stats> without period gets one")
            << devicesDoc("    <memballoon model='virtio'>\n      <stats/>\n    </memballoon>\n")
            << MemballoonEdit::setPeriod(10)
            << devicesDoc("    <memballoon model='virtio'>\n      <stats period='10'/>\n"
                          "    </memballoon>\n");
        QTest::newRow("remove the only child: element closes")
            << devicesDoc("    <memballoon model='virtio'>\n      <stats period='10'/>\n"
                          "    </memballoon>\n")
            << MemballoonEdit::removePeriod() << devicesDoc("    <memballoon model='virtio'/>\n");
        QTest::newRow("remove with address: the stats line goes")
            << devicesDoc("    <memballoon model='virtio'>\n      <stats period='10'/>\n"
                          "      <address type='pci'/>\n    </memballoon>\n")
            << MemballoonEdit::removePeriod()
            << devicesDoc("    <memballoon model='virtio'>\n      <address type='pci'/>\n"
                          "    </memballoon>\n");
        QTest::newRow("remove when there is none: unchanged")
            << devicesDoc("    <memballoon model='virtio'/>\n") << MemballoonEdit::removePeriod()
            << devicesDoc("    <memballoon model='virtio'/>\n");
        QTest::newRow("same period: unchanged")
            << devicesDoc("    <memballoon model='virtio'><stats period='10'/></memballoon>\n")
            << MemballoonEdit::setPeriod(10)
            << devicesDoc("    <memballoon model='virtio'><stats period='10'/></memballoon>\n");
        QTest::newRow("no balloon: added after the last device")
            << devicesDoc("    <disk type='file'/>\n    <rng model='virtio'/>\n")
            << MemballoonEdit::switchToVirtio(10)
            << devicesDoc("    <disk type='file'/>\n    <rng model='virtio'/>\n"
                          "    <memballoon model='virtio'>\n      <stats period='10'/>\n"
                          "    </memballoon>\n");
        QTest::newRow("no balloon, empty <devices/>")
            << QByteArray("<domain>\n  <name>g</name>\n  <devices/>\n</domain>\n")
            << MemballoonEdit::switchToVirtio(10)
            << QByteArray("<domain>\n  <name>g</name>\n  <devices>\n"
                          "    <memballoon model='virtio'>\n      <stats period='10'/>\n"
                          "    </memballoon>\n  </devices>\n</domain>\n");
        QTest::newRow("no <devices> at all")
            << QByteArray("<domain type=\"kvm\">\n  <name>g</name>\n</domain>")
            << MemballoonEdit::switchToVirtio(0)
            << QByteArray("<domain type=\"kvm\">\n  <name>g</name>\n  <devices>\n"
                          "    <memballoon model=\"virtio\"/>\n  </devices>\n</domain>");
        QTest::newRow("one line, as a script would write it")
            << QByteArray("<domain type='kvm'><name>g</name><devices><disk/><memballoon "
                          "model='virtio'/></devices></domain>")
            << MemballoonEdit::setPeriod(10)
            << QByteArray("<domain type='kvm'><name>g</name><devices><disk/><memballoon "
                          "model='virtio'><stats period='10'/></memballoon></devices></domain>");
        QTest::newRow("CRLF and tabs")
            << QByteArray("<domain>\r\n\t<devices>\r\n\t\t<disk/>\r\n\t\t<memballoon "
                          "model='virtio'/>\r\n\t</devices>\r\n</domain>\r\n")
            << MemballoonEdit::setPeriod(10)
            << QByteArray("<domain>\r\n\t<devices>\r\n\t\t<disk/>\r\n\t\t<memballoon "
                          "model='virtio'>\r\n\t\t\t<stats period='10'/>\r\n\t\t</memballoon>\r\n"
                          "\t</devices>\r\n</domain>\r\n");
        QTest::newRow("commented-out balloon is not the balloon")
            << devicesDoc("    <!-- <memballoon model='none'/> -->\n"
                          "    <memballoon model='virtio'/>\n")
            << MemballoonEdit::setPeriod(10)
            << devicesDoc("    <!-- <memballoon model='none'/> -->\n"
                          "    <memballoon model='virtio'>\n      <stats period='10'/>\n"
                          "    </memballoon>\n");
        QTest::newRow("whitespace-only content, as libvirt writes after period 0")
            << devicesDoc("    <memballoon model='virtio'>\n    </memballoon>\n")
            << MemballoonEdit::setPeriod(10)
            << devicesDoc("    <memballoon model='virtio'>\n      <stats period='10'/>\n"
                          "    </memballoon>\n");
        QTest::newRow("missing model attribute is added")
            << devicesDoc("    <memballoon/>\n") << MemballoonEdit::switchToVirtio(0)
            << devicesDoc("    <memballoon model='virtio'/>\n");
        QTest::newRow("non-ASCII and astral text before the balloon")
            << QByteArray("<domain><description>caf\xc3\xa9 \xf0\x9f\x8e\x88 "
                          "\xe4\xbe\xaf\xe8\xb6\x85</description>\n  <devices>\n"
                          "    <memballoon model='virtio'/>\n  </devices>\n</domain>")
            << MemballoonEdit::setPeriod(7)
            << QByteArray("<domain><description>caf\xc3\xa9 \xf0\x9f\x8e\x88 "
                          "\xe4\xbe\xaf\xe8\xb6\x85</description>\n  <devices>\n"
                          "    <memballoon model='virtio'>\n      <stats period='7'/>\n"
                          "    </memballoon>\n  </devices>\n</domain>");
        QTest::newRow("comment inside the balloon stays")
            << devicesDoc("    <memballoon model='virtio'>\n      <!-- keep me -->\n"
                          "      <stats period='10'/>\n    </memballoon>\n")
            << MemballoonEdit::removePeriod()
            << devicesDoc("    <memballoon model='virtio'>\n      <!-- keep me -->\n"
                          "    </memballoon>\n");
    }

    void exact() {
        QFETCH(QByteArray, input);
        QFETCH(MemballoonEdit, edit);
        QFETCH(QByteArray, expected);
        const auto patch = patchMemballoon(input, edit);
        QVERIFY2(patch.ok(), patch.ok() ? "" : qPrintable(patch.error().message));
        QCOMPARE(patch->xml, expected);
        QCOMPARE(patch->changed, input != expected);
        const QString problem = checkMemballoonPatch(input, edit, *patch);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void refused_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<MemballoonEdit>("edit");
        QTest::addColumn<QString>("messagePart");

        QTest::newRow("two balloons") << devicesDoc("    <memballoon model='virtio'/>\n"
                                                    "    <memballoon model='none'/>\n")
                                      << MemballoonEdit::setPeriod(10) << "more than one";
        QTest::newRow("two stats") << devicesDoc("    <memballoon model='virtio'><stats "
                                                 "period='1'/><stats period='2'/></memballoon>\n")
                                   << MemballoonEdit::setPeriod(10) << "more than one";
        QTest::newRow("malformed") << QByteArray("<domain><devices><memballoon model='virtio'>")
                                   << MemballoonEdit::setPeriod(10) << "not well-formed";
        QTest::newRow("not a domain") << QByteArray("<network><name>default</name></network>")
                                      << MemballoonEdit::setPeriod(10) << "<network>";
        QTest::newRow("document type declaration")
            << QByteArray("<!DOCTYPE domain [<!ENTITY b \"<memballoon model='none'/>\">]>"
                          "<domain><devices>&b;</devices></domain>")
            << MemballoonEdit::setPeriod(10) << "document type";
        QTest::newRow("invalid UTF-8")
            << QByteArray("<domain><name>\xff\xfe</name><devices/></domain>")
            << MemballoonEdit::setPeriod(10) << "UTF-8";
        QTest::newRow("period 0 through Set") << devicesDoc("    <memballoon model='virtio'/>\n")
                                              << MemballoonEdit::setPeriod(0) << "at least 1";
        QTest::newRow("period without a model when there is no balloon")
            << devicesDoc("    <disk/>\n") << MemballoonEdit::setPeriod(10) << "model";
        QTest::newRow("bad model name")
            << devicesDoc("    <memballoon model='none'/>\n")
            << MemballoonEdit{QStringLiteral("virtio' evil='1"), Stats::Keep, 0} << "not a balloon";
        QTest::newRow("empty") << QByteArray() << MemballoonEdit::setPeriod(10) << "empty";
    }

    void refused() {
        QFETCH(QByteArray, input);
        QFETCH(MemballoonEdit, edit);
        QFETCH(QString, messagePart);
        const auto patch = patchMemballoon(input, edit);
        QVERIFY(!patch.ok());
        QVERIFY2(patch.error().message.contains(messagePart), qPrintable(patch.error().message));
    }

    void beforeAndAfterAreTheElements() {
        const QByteArray in = devicesDoc("    <memballoon model='none'/>\n");
        const auto patch = patchMemballoon(in, MemballoonEdit::switchToVirtio(10));
        QVERIFY(patch.ok());
        QCOMPARE(patch->before, QStringLiteral("<memballoon model='none'/>"));
        QCOMPARE(patch->after, QStringLiteral("<memballoon model='virtio'>\n"
                                              "      <stats period='10'/>\n    </memballoon>"));
        QCOMPARE(patch->beforeIndent, QStringLiteral("    "));
        QCOMPARE(patch->afterIndent, QStringLiteral("    "));
    }
};

BS_TEST_MAIN(TestBalloonXmlPatch)
#include "tst_balloonxmlpatch.moc"
