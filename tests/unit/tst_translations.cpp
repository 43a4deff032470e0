#include "TestMain.h"
#include "TestSupport.h"
#include "Translations.h"
#include "libvirt/ConnectionUri.h"
#include "model/DomainState.h"
#include "model/StatsState.h"
#include "monitor/HostStatus.h"

#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace bs;

namespace {

// The letter of a text's mnemonic ("SSH &key file:" → 'k'), or a null QChar: a single "&" before
// a letter; "&&" is an escaped ampersand and "&amp;" an entity in rich text.
QChar mnemonicOf(const QString &text) {
    static const QRegularExpression entity(QStringLiteral("&(#[0-9]+|#x[0-9a-fA-F]+|\\w+);"));
    const QString plain = QString(text).remove(entity);
    for (int i = 0; i + 1 < plain.size(); ++i) {
        if (plain.at(i) != QLatin1Char('&'))
            continue;
        if (plain.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return plain.at(i + 1).toLower();
    }
    return {};
}

} // namespace

// The zh_CN catalogue is complete, and what the code asks for at run time is found in it (a
// context mismatch between lupdate and tr() would leave English on screen with a "complete" file).
class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void catalogueIsComplete() {
        QFile ts(bs::test::sourceDir() + QStringLiteral("/translations/balloonscope_zh_CN.ts"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QXmlStreamReader xml(&ts);
        int messages = 0;
        QStringList unfinished;
        QString context;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"name")
                context = xml.readElementText();
            else if (xml.name() == u"source")
                source = xml.readElementText();
            else if (xml.name() == u"message")
                ++messages;
            else if (xml.name() == u"translation") {
                const auto type = xml.attributes().value(QLatin1String("type"));
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == u"unfinished" || text.trimmed().isEmpty())
                    unfinished.append(context + QStringLiteral(": ") + source);
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 100);
        QVERIFY2(unfinished.isEmpty(), qPrintable(unfinished.join(QLatin1Char('\n'))));
    }

    // A mnemonic stays one in Chinese, with the same letter ("SSH &key file:" → "SSH
    // 密钥文件(&K)："), so Alt+K works in both languages; and no translation adds an "&" the
    // English has not.
    void mnemonicsAreKept() {
        QFile ts(bs::test::sourceDir() + QStringLiteral("/translations/balloonscope_zh_CN.ts"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QXmlStreamReader xml(&ts);
        QString source;
        int mnemonics = 0;
        QStringList wrong;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"source") {
                source = xml.readElementText();
            } else if (xml.name() == u"translation") {
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                const QChar expected = mnemonicOf(source);
                if (!expected.isNull())
                    ++mnemonics;
                if (mnemonicOf(text) != expected)
                    wrong.append(source + QStringLiteral(" → ") + text);
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(mnemonics > 20);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    void runtimeLookupsAreTranslated() {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("balloonscope"),
                                QStringLiteral("_"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(&translator);
        const QStringList english{
            statsStateName(StatsState::Reporting), statsStateExplanation(StatsState::Off),
            domainStateName(DomainState::Running),
            HostStatus::stateName(HostStatus::State::Disconnected),
            std::get<ConnectionUri::ParseError>(ConnectionUri::parse(QString())).message};
        for (const QString &text : english) {
            bool hasCjk = false;
            for (const QChar c : text)
                hasCjk |= c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff;
            QVERIFY2(hasCjk, qPrintable(QStringLiteral("not translated: ") + text));
        }
        QCoreApplication::removeTranslator(&translator);
        QCOMPARE(statsStateName(StatsState::Reporting), QStringLiteral("reporting"));
    }

    void languageArguments() {
        const QStringList args{QStringLiteral("cli"), QStringLiteral("--lang"),
                               QStringLiteral("zh_CN"), QStringLiteral("sample")};
        QCOMPARE(languageFromArguments(args), QStringLiteral("zh_CN"));
        QCOMPARE(stripLanguageArgument(args),
                 (QStringList{QStringLiteral("cli"), QStringLiteral("sample")}));
        QCOMPARE(languageFromArguments({QStringLiteral("--lang=en")}), QStringLiteral("en"));
    }
};

BS_TEST_MAIN(TestTranslations)
#include "tst_translations.moc"
