#include "TestMain.h"
#include "TestSupport.h"
#include "balloon/BalloonXmlPatch.h"
#include "balloon/BalloonXmlPatchCheck.h"
#include "balloon/MemballoonLocator.h"
#include "libvirt/LibvirtHandles.h"
#include "model/BalloonConfig.h"

#include <QDir>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace bs;

namespace {

using Stats = MemballoonEdit::Stats;

QStringList corpus() {
    return QDir(bs::test::fixturePath(QStringLiteral("domains")))
        .entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name);
}

QByteArray fixture(const QString &name) {
    return bs::test::readFixture(QStringLiteral("domains/") + name);
}

struct NamedEdit {
    const char *name;
    MemballoonEdit edit;
};

const NamedEdit Edits[] = {
    {"period 10", MemballoonEdit::setPeriod(10)},
    {"period 3600", MemballoonEdit::setPeriod(3600)},
    {"period off", MemballoonEdit::removePeriod()},
    {"virtio + period 10", MemballoonEdit::switchToVirtio(10)},
    {"virtio, stats kept", MemballoonEdit::switchToVirtio(0)},
    {"free page reporting", MemballoonEdit::reportFreePages(false)},
    {"free page reporting + autodeflate", MemballoonEdit::reportFreePages(true)},
};

// The test driver defines only <domain type='test'>: the copy handed to libvirt has its type
// changed, and nothing else. The patch itself is made and checked on the fixture as it is.
QByteArray asTestDriverDomain(const QByteArray &xml) {
    QString doc = QString::fromUtf8(xml);
    const auto loc = locateMemballoon(doc);
    if (!loc)
        return {};
    const TagAttribute *type = loc->domain.startTag.attribute(u"type");
    if (!type)
        return {};
    doc.replace(type->valueSpan.begin, type->valueSpan.size(), QStringLiteral("test"));
    return doc.toUtf8();
}

// libvirt's rendering without <memballoon>, and without what libvirt invents afresh at every
// define when the XML leaves it out (a MAC address, an Open vSwitch interface id): two defines of
// the same XML differ in those, whatever we did to the balloon.
QString withoutBalloon(const QString &xml) {
    static const QRegularExpression generated(
        QStringLiteral("(<mac address=|interfaceid=)'[^']*'"));
    QString out = xml;
    if (const auto loc = locateMemballoon(xml); loc && loc->memballoon) {
        const TextSpan e = loc->memballoon->element;
        out = xml.left(skipSpaceBackward(xml, e.begin, 0)) + xml.mid(e.end);
    }
    return out.replace(generated, QStringLiteral("\\1'(generated)'"));
}

// Defines `xml` on the test driver and returns libvirt's own persistent XML of it, then
// undefines it again (the driver's state is shared by every connection in this process).
Result<QString> canonical(virConnectPtr conn, const QByteArray &xml) {
    DomainHandle dom(virDomainDefineXML(conn, xml.constData()));
    if (!dom) {
        virErrorPtr e = virGetLastError();
        return Error::invalidArgument(QString::fromUtf8(e && e->message ? e->message : "?"));
    }
    LibvirtString text(
        virDomainGetXMLDesc(dom.get(), VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE));
    virDomainUndefine(dom.get());
    if (!text)
        return Error::invalidArgument(QStringLiteral("no XML"));
    return QString::fromUtf8(text.get());
}

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
        QTest::newRow("free page reporting: added after the model, nothing else")
            << devicesDoc("    <memballoon model='virtio'>\n"
                          "      <stats period='10'/>\n    </memballoon>\n")
            << MemballoonEdit::reportFreePages(false)
            << devicesDoc("    <memballoon model='virtio' freePageReporting='on'>\n"
                          "      <stats period='10'/>\n    </memballoon>\n");
        QTest::newRow("free page reporting and autodeflate, double quotes kept")
            << devicesDoc("    <memballoon model=\"virtio\" autodeflate=\"off\"/>\n")
            << MemballoonEdit::reportFreePages(true)
            << devicesDoc("    <memballoon model=\"virtio\" freePageReporting=\"on\" "
                          "autodeflate=\"on\"/>\n");
        QTest::newRow("free page reporting off where written: only its value")
            << devicesDoc("    <memballoon freePageReporting='off' model='virtio'/>\n")
            << MemballoonEdit::reportFreePages(false)
            << devicesDoc("    <memballoon freePageReporting='on' model='virtio'/>\n");
        QTest::newRow("free page reporting already on: unchanged")
            << devicesDoc("    <memballoon model='virtio' freePageReporting='on'/>\n")
            << MemballoonEdit::reportFreePages(false)
            << devicesDoc("    <memballoon model='virtio' freePageReporting='on'/>\n");
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

        QTest::newRow("free page reporting without a balloon")
            << devicesDoc("    <disk/>\n") << MemballoonEdit::reportFreePages(true)
            << "virtio balloon first";
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
            << MemballoonEdit::switchToVirtio(0).withModel(QStringLiteral("virtio' evil='1"))
            << "not a balloon";
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

    void corpusIsVaried() {
        const QStringList files = corpus();
        QVERIFY2(files.size() >= 30, qPrintable(QString::number(files.size())));
        QHash<QString, int> models;
        int withPeriod = 0;
        for (const QString &file : files) {
            const BalloonConfig c = parseBalloonConfig(QString::fromUtf8(fixture(file)));
            QVERIFY2(c.model != BalloonModel::Unknown, qPrintable(file));
            ++models[balloonModelKey(c.model)];
            withPeriod += c.period.has_value() ? 1 : 0;
        }
        for (const char *model :
             {"virtio", "virtio-transitional", "virtio-non-transitional", "none", "absent", "xen"})
            QVERIFY2(models.value(QLatin1String(model)) > 0, model);
        QVERIFY(withPeriod >= 5);
    }

    // Every fixture with every edit: the properties of checkMemballoonPatch hold.
    void corpusProperties_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<MemballoonEdit>("edit");
        for (const QString &file : corpus()) {
            for (const NamedEdit &e : Edits)
                QTest::addRow("%s, %s", qPrintable(file), e.name) << file << e.edit;
        }
    }

    void corpusProperties() {
        QFETCH(QString, file);
        QFETCH(MemballoonEdit, edit);
        const QByteArray in = fixture(file);
        QVERIFY(!in.isEmpty());
        const auto patch = patchMemballoon(in, edit);
        const BalloonConfig before = parseBalloonConfig(QString::fromUtf8(in));
        if (before.model == BalloonModel::Absent && !edit.model && edit.stats == Stats::Set) {
            QVERIFY(!patch.ok()); // a period alone cannot create a balloon
            QVERIFY(patch.error().message.contains(QLatin1String("model")));
            return;
        }
        if (before.model == BalloonModel::Absent && !edit.model && edit.editsAttributes()) {
            QVERIFY(!patch.ok()); // nor can free page reporting
            QVERIFY(patch.error().message.contains(QLatin1String("virtio balloon first")));
            return;
        }
        QVERIFY2(patch.ok(), patch.ok() ? "" : qPrintable(patch.error().message));
        const QString problem = checkMemballoonPatch(in, edit, *patch);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // What Balloonscope can send to libvirt (a period on a virtio balloon, a switch to virtio)
    // is accepted by libvirt's parser, and libvirt's own rendering of the result differs from
    // its rendering of the original only in <memballoon>.
    void corpusAcceptedByLibvirt_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<MemballoonEdit>("edit");
        for (const QString &file : corpus()) {
            const BalloonModel model = parseBalloonConfig(QString::fromUtf8(fixture(file))).model;
            for (const NamedEdit &e : Edits) {
                const bool producible = e.edit.model ? !canReport(model) : canReport(model);
                if (producible)
                    QTest::addRow("%s, %s", qPrintable(file), e.name) << file << e.edit;
            }
        }
    }

    void corpusAcceptedByLibvirt() {
        QFETCH(QString, file);
        QFETCH(MemballoonEdit, edit);
        ConnectHandle conn(virConnectOpen("test:///default"));
        QVERIFY(conn);
        const QByteArray in = fixture(file);
        const auto patch = patchMemballoon(in, edit);
        QVERIFY2(patch.ok(), patch.ok() ? "" : qPrintable(patch.error().message));

        const auto original = canonical(conn.get(), asTestDriverDomain(in));
        QVERIFY2(original.ok(), original.ok() ? "" : qPrintable(original.error().message));
        const auto patched = canonical(conn.get(), asTestDriverDomain(patch->xml));
        QVERIFY2(patched.ok(), patched.ok() ? "" : qPrintable(patched.error().message));

        QCOMPARE(withoutBalloon(*patched), withoutBalloon(*original));
        const BalloonConfig seen = parseBalloonConfig(*patched);
        const BalloonConfig asked = parseBalloonConfig(QString::fromUtf8(patch->xml));
        QCOMPARE(seen.modelName, asked.modelName);
        QCOMPARE(seen.period.value_or(0), asked.period.value_or(0)); // libvirt omits period 0
        QCOMPARE(seen.autodeflate, asked.autodeflate);
        QCOMPARE(seen.freePageReporting, asked.freePageReporting);
    }

    // A deterministic stand-in for the fuzzer: the corpus cut, spliced and salted with the
    // markup that matters, through the same entry point a libFuzzer target calls.
    void mutatedCorpusKeepsProperties() {
        static const char *const salt[] = {"<memballoon model='none'/>",
                                           "<stats period='5'/>",
                                           "<!--",
                                           "-->",
                                           "<![CDATA[",
                                           "]]>",
                                           "<devices>",
                                           "</devices>",
                                           "</memballoon>",
                                           "'",
                                           "\"",
                                           "\r\n",
                                           "&amp;",
                                           "<?pi x?>",
                                           "<memballoon>",
                                           "<stats/>",
                                           "\t",
                                           "\xf0\x9f\x8e\x88"};
        QRandomGenerator random(20240611);
        int patched = 0;
        for (const QString &file : corpus()) {
            const QByteArray base = fixture(file);
            for (int round = 0; round < 200; ++round) {
                QByteArray m = base;
                const int edits = 1 + int(random.bounded(3));
                for (int k = 0; k < edits; ++k) {
                    const qsizetype at = random.bounded(int(m.size()) + 1);
                    const int op = int(random.bounded(20));
                    if (op < 10) {
                        m.insert(at, salt[random.bounded(int(std::size(salt)))]);
                    } else if (op < 14) {
                        m.remove(at, random.bounded(40));
                    } else if (op < 19) {
                        if (at < m.size())
                            m[at] =
                                char(random.bounded(0x20, 0x7f)); // invalid UTF-8: see 'refused'
                    } else {
                        m.truncate(at);
                    }
                }
                const MemballoonEdit edit = Edits[random.bounded(int(std::size(Edits)))].edit;
                const auto patch = patchMemballoon(m, edit);
                if (!patch)
                    continue; // refusing is a fine answer; most of these are not well-formed
                ++patched;
                const QString problem = checkMemballoonPatch(m, edit, *patch);
                QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1 round %2: %3\n%4")
                                                           .arg(file)
                                                           .arg(round)
                                                           .arg(problem, QString::fromUtf8(m))));
            }
        }
        QVERIFY2(patched > 1000, qPrintable(QString::number(patched))); // not all refused
    }

    void fuzzEntryPointTakesRawBytes() {
        const QByteArray xml = devicesDoc("    <memballoon model='none'/>\n");
        QByteArray input("\x04\x00\x0a", 3); // Set (4 % 3 == 1) and virtio (bit 2), period 1 + 10
        input += xml;
        const MemballoonFuzzCase c = memballoonFuzzCase(
            reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
        QCOMPARE(c.edit.model, std::optional<QString>(QStringLiteral("virtio")));
        QCOMPARE(c.edit.stats, Stats::Set);
        QCOMPARE(c.edit.period, 11);
        QCOMPARE(c.xml, xml);
        QCOMPARE(fuzzMemballoonPatch(reinterpret_cast<const uint8_t *>(input.constData()),
                                     size_t(input.size())),
                 0);
        QCOMPARE(fuzzMemballoonPatch(nullptr, 0), 0);
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
