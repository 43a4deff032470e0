#include "TestMain.h"
#include "balloon/MemballoonDiff.h"

using namespace bs;
using namespace Qt::StringLiterals;

class TestMemballoonDiff : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lineDiff_data() {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("same") << QStringList{u"a"_s, u"b"_s} << QStringList{u"a"_s, u"b"_s}
                              << QStringList{u"  a"_s, u"  b"_s};
        QTest::newRow("inserted") << QStringList{u"<m>"_s, u"<addr/>"_s, u"</m>"_s}
                                  << QStringList{u"<m>"_s, u"<stats/>"_s, u"<addr/>"_s, u"</m>"_s}
                                  << QStringList{u"  <m>"_s, u"+ <stats/>"_s, u"  <addr/>"_s,
                                                 u"  </m>"_s};
        QTest::newRow("replaced") << QStringList{u"<m model='none'/>"_s}
                                  << QStringList{u"<m model='virtio'>"_s, u"  <s/>"_s, u"</m>"_s}
                                  << QStringList{u"- <m model='none'/>"_s,
                                                 u"+ <m model='virtio'>"_s, u"+   <s/>"_s,
                                                 u"+ </m>"_s};
        QTest::newRow("added") << QStringList{} << QStringList{u"<m/>"_s}
                               << QStringList{u"+ <m/>"_s};
        QTest::newRow("removed") << QStringList{u"x"_s} << QStringList{} << QStringList{u"- x"_s};
    }

    void lineDiff() {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(QStringList, expected);
        QCOMPARE(bs::lineDiff(before, after), expected);
    }

    void previewOfAPatch() {
        const QByteArray xml("<domain>\n  <devices>\n    <memballoon model='virtio'>\n"
                             "      <address type='pci'/>\n    </memballoon>\n  </devices>\n"
                             "</domain>\n");
        const auto patch = patchMemballoon(xml, MemballoonEdit::setPeriod(10));
        QVERIFY(patch.ok());
        const MemballoonPreview p = makePreview(*patch);
        QVERIFY(p.changed);
        QCOMPARE(p.before, QStringLiteral("<memballoon model='virtio'>\n  <address "
                                          "type='pci'/>\n</memballoon>"));
        QCOMPARE(p.diff,
                 (QStringList{u"  <memballoon model='virtio'>"_s, u"+   <stats period='10'/>"_s,
                              u"    <address type='pci'/>"_s, u"  </memballoon>"_s}));
    }

    void previewOfAnAddedBalloonWithCrlf() {
        const QByteArray xml("<domain>\r\n  <devices>\r\n    <disk/>\r\n  </devices>\r\n"
                             "</domain>\r\n");
        const auto patch = patchMemballoon(xml, MemballoonEdit::switchToVirtio(5));
        QVERIFY(patch.ok());
        const MemballoonPreview p = makePreview(*patch);
        QVERIFY(p.before.isEmpty());
        QCOMPARE(p.after, QStringLiteral("<memballoon model='virtio'>\n  <stats "
                                         "period='5'/>\n</memballoon>"));
        QCOMPARE(p.diffText(), QStringLiteral("+ <memballoon model='virtio'>\n+   <stats "
                                              "period='5'/>\n+ </memballoon>"));
    }

    void unchangedPreview() {
        const QByteArray xml("<domain><devices><memballoon model='virtio'><stats "
                             "period='10'/></memballoon></devices></domain>");
        const auto patch = patchMemballoon(xml, MemballoonEdit::setPeriod(10));
        QVERIFY(patch.ok());
        const MemballoonPreview p = makePreview(*patch);
        QVERIFY(!p.changed);
        QCOMPARE(p.before, p.after);
        QVERIFY(p.diffText().startsWith(QLatin1String("  ")));
    }
};

BS_TEST_MAIN(TestMemballoonDiff)
#include "tst_memballoondiff.moc"
