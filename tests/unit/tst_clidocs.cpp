#include "CliRunner.h"
#include "TestMain.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>

// The manual pages and shell completion the build made (packaging/CMakeLists.txt) against what
// the programs' parsers accept, as --help shows it: every command and every option of every
// command is in the page and completes, and nothing else is. They are made from the same
// declarations, so this fails only when that stops being true (an option parsed but not
// declared, a generator that skips some), which is the point.
namespace {

using Options = QSet<QString>;

QString docsDir() {
    return qEnvironmentVariable("BS_BINARY_DIR") + QStringLiteral("/packaging/docs");
}

QString readFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// "  -c, --connect <URI>   text" -> {-c, --connect}: the option lines of a --help text.
Options helpOptions(const QString &help) {
    static const QRegularExpression line(QStringLiteral(R"(^  (-[^ ,]+(?:, -[^ ,]+)*))"),
                                         QRegularExpression::MultilineOption);
    Options out;
    auto it = line.globalMatch(help);
    while (it.hasNext()) {
        for (const QString &name : it.next().captured(1).split(QStringLiteral(", ")))
            out.insert(name);
    }
    return out;
}

// The commands of "balloonscope-cli --help": the first word of the lines under "Commands:".
QStringList helpCommands(const QString &help) {
    QStringList out;
    const QStringList lines = help.split(QLatin1Char('\n'));
    const qsizetype start = lines.indexOf(QStringLiteral("Commands:"));
    for (qsizetype i = start + 1; start >= 0 && i < lines.size() && !lines.at(i).isEmpty(); ++i)
        out.append(lines.at(i).trimmed().section(QLatin1Char(' '), 0, 0));
    return out;
}

// A manual page's option tags (.TP lines naming options), by section: "OPTIONS" for the
// program's own, the command's name for those of a command (.SS).
struct ManOptions {
    QMap<QString, Options> bySection;
    QStringList commands;
};

ManOptions manOptions(const QString &roff) {
    static const QRegularExpression font(QStringLiteral(R"(\\f[BIR])"));
    static const QRegularExpression option(QStringLiteral(R"((?:^|[ ,])(--?[A-Za-z][\w-]*))"));
    ManOptions out;
    QString where;
    const QStringList lines = roff.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &l = lines.at(i);
        if (l.startsWith(QLatin1String(".SH "))) {
            where = l.mid(4).remove(QLatin1Char('"'));
        } else if (l.startsWith(QLatin1String(".SS "))) {
            where = l.mid(4).remove(QLatin1Char('"'));
            out.commands.append(where);
            out.bySection[where]; // a command without options still has its section
        } else if (l == QLatin1String(".TP") && i + 1 < lines.size()) {
            QString tag = lines.at(i + 1);
            tag.replace(QStringLiteral("\\-"), QStringLiteral("-")).remove(font);
            auto it = option.globalMatch(tag);
            while (it.hasNext())
                out.bySection[where].insert(it.next().captured(1));
        }
    }
    return out;
}

// What bash offers after `words` (the last one being completed), with the generated script.
QStringList bashComplete(const QString &script, const QString &function, const QStringList &words) {
    QProcess bash;
    QStringList args{QStringLiteral("-c"),
                     QStringLiteral("source \"$0\"; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); "
                                    "%1; printf '%s\\n' \"${COMPREPLY[@]}\"")
                         .arg(function),
                     script};
    bash.start(QStringLiteral("bash"), args + words);
    if (!bash.waitForFinished(20000))
        return {QStringLiteral("bash did not finish")};
    return QString::fromUtf8(bash.readAllStandardOutput())
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

Options dashed(const QStringList &words) {
    Options out;
    for (const QString &w : words) {
        if (w.startsWith(QLatin1Char('-')))
            out.insert(w);
    }
    return out;
}

QString listed(const Options &options) {
    QStringList l = options.values();
    l.sort();
    return l.join(QLatin1Char(' '));
}

[[maybe_unused]] CliRun runGui(const QStringList &arguments) {
    QProcess process;
    process.start(qEnvironmentVariable("BS_BINARY_DIR") + QStringLiteral("/bin/balloonscope"),
                  arguments);
    CliRun run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCliDocs : public QObject {
    Q_OBJECT

    QString m_script;
    ManOptions m_man;
    ManOptions m_manZh;
    CliRun m_help;

private Q_SLOTS:
    void initTestCase() {
        m_script = docsDir() + QStringLiteral("/balloonscope-cli.bash");
        QVERIFY2(QFile::exists(m_script), qPrintable(m_script));
        m_man = manOptions(readFile(docsDir() + QStringLiteral("/balloonscope-cli.1")));
        m_manZh = manOptions(readFile(docsDir() + QStringLiteral("/zh_CN/balloonscope-cli.1")));
        m_help = runCli({QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en")});
        QCOMPARE(m_help.exitCode, 0);
    }

    void everyCommandIsDocumentedAndCompletes() {
        const QStringList commands = helpCommands(m_help.out);
        QVERIFY2(commands.size() >= 11, qPrintable(m_help.out));
        QVERIFY(commands.contains(QStringLiteral("completion")));
        QCOMPARE(m_man.commands, commands);
        QCOMPARE(m_manZh.commands, commands);
        QStringList offered = bashComplete(m_script, QStringLiteral("_balloonscope_cli"),
                                           {QStringLiteral("balloonscope-cli"), QString()});
        offered.removeIf([](const QString &w) { return w.startsWith(QLatin1Char('-')); });
        QCOMPARE(offered, commands);
    }

    void programOptionsAreDocumentedAndComplete() {
        const Options help = helpOptions(m_help.out.section(QStringLiteral("Options:"), 1));
        QVERIFY(help.contains(QStringLiteral("--lang")) &&
                help.contains(QStringLiteral("--version")));
        QCOMPARE(listed(m_man.bySection.value(QStringLiteral("OPTIONS"))), listed(help));
        QCOMPARE(listed(dashed(bashComplete(m_script, QStringLiteral("_balloonscope_cli"),
                                            {QStringLiteral("balloonscope-cli"), QString()}))),
                 listed(help));
    }

    void commandOptionsAreDocumentedAndComplete_data() {
        QTest::addColumn<QString>("command");
        for (const QString &c : helpCommands(runCli({QStringLiteral("--help")}).out))
            QTest::newRow(qPrintable(c)) << c;
    }

    void commandOptionsAreDocumentedAndComplete() {
        QFETCH(QString, command);
        const CliRun help = runCli({command, QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        const Options parsed = helpOptions(help.out.section(QStringLiteral("Examples:"), 0, 0));
        QVERIFY2(parsed.contains(QStringLiteral("--help")), qPrintable(help.out));
        QCOMPARE(listed(m_man.bySection.value(command)), listed(parsed));
        QCOMPARE(listed(m_manZh.bySection.value(command)), listed(parsed));
        // Completion offers the command's options and --lang, which every command takes.
        Options expected = parsed;
        expected.insert(QStringLiteral("--lang"));
        QCOMPARE(listed(dashed(bashComplete(
                     m_script, QStringLiteral("_balloonscope_cli"),
                     {QStringLiteral("balloonscope-cli"), command, QStringLiteral("-")}))),
                 listed(expected));
    }

    void completionScriptIsTheOneTheCommandPrints() {
        const CliRun bash = runCli({QStringLiteral("completion"), QStringLiteral("bash")});
        QCOMPARE(bash.exitCode, 0);
        QCOMPARE(bash.out, readFile(m_script));
        const CliRun zsh = runCli({QStringLiteral("completion"), QStringLiteral("zsh")});
        QCOMPARE(zsh.exitCode, 0);
        QVERIFY(zsh.out.startsWith(QStringLiteral("#compdef balloonscope-cli\n")));
        const CliRun none = runCli({QStringLiteral("completion")});
        QCOMPARE(none.exitCode, 2);
        QCOMPARE(runCli({QStringLiteral("completion"), QStringLiteral("fish")}).exitCode, 2);
        QCOMPARE(
            runCli({QStringLiteral("completion"), QStringLiteral("bash"), QStringLiteral("zsh")})
                .exitCode,
            2);
    }

    void valuesFromFixedSetsComplete() {
        const auto complete = [&](const QStringList &words) {
            return bashComplete(m_script, QStringLiteral("_balloonscope_cli"),
                                QStringList{QStringLiteral("balloonscope-cli")} + words);
        };
        QCOMPARE(complete({QStringLiteral("--lang"), QString()}),
                 (QStringList{QStringLiteral("en"), QStringLiteral("zh_CN")}));
        QCOMPARE(
            complete({QStringLiteral("history"), QStringLiteral("--lang"), QStringLiteral("zh")}),
            QStringList{QStringLiteral("zh_CN")});
        QCOMPARE(complete({QStringLiteral("history"), QStringLiteral("--metric"),
                           QStringLiteral("used,used_e")}),
                 QStringList{QStringLiteral("used,used_excluding_cache")});
        // The range presets of the history page.
        QVERIFY(complete({QStringLiteral("report"), QStringLiteral("--range"), QString()})
                    .contains(QStringLiteral("7d")));
        QCOMPARE(complete({QStringLiteral("report"), QStringLiteral("--sections"),
                           QStringLiteral("cover,h")}),
                 QStringList{QStringLiteral("cover,host")});
        QCOMPARE(complete({QStringLiteral("completion"), QStringLiteral("z")}),
                 QStringList{QStringLiteral("zsh")});
        // --option=value: bash hands the '=' over as a word of its own.
        QCOMPARE(complete({QStringLiteral("export"), QStringLiteral("--metric"),
                           QStringLiteral("="), QStringLiteral("rs")}),
                 QStringList{QStringLiteral("rss")});
        // A URI is free text: nothing to offer.
        QCOMPARE(complete({QStringLiteral("domains"), QStringLiteral("--connect"), QString()}),
                 QStringList());
    }

    void filesCompleteByExtension() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        for (const char *name : {"a.pdf", "b.png", "c.sqlite"}) {
            QFile f(dir.filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
        const QString prefix = dir.path() + QLatin1Char('/');
        const auto complete = [&](const QString &command, const QString &option) {
            QStringList got =
                bashComplete(m_script, QStringLiteral("_balloonscope_cli"),
                             {QStringLiteral("balloonscope-cli"), command, option, prefix});
            got.sort();
            return got;
        };
        QCOMPARE(complete(QStringLiteral("report"), QStringLiteral("--out")),
                 (QStringList{prefix + QStringLiteral("a.pdf"), prefix + QStringLiteral("sub")}));
        QCOMPARE(complete(QStringLiteral("export"), QStringLiteral("--out")),
                 (QStringList{prefix + QStringLiteral("a.pdf"), prefix + QStringLiteral("b.png"),
                              prefix + QStringLiteral("sub")}));
        QCOMPARE(
            complete(QStringLiteral("record"), QStringLiteral("--db")),
            (QStringList{prefix + QStringLiteral("c.sqlite"), prefix + QStringLiteral("sub")}));
    }

    void pagesRenderWithoutWarnings_data() {
        QTest::addColumn<QString>("page");
        QStringList pages{QStringLiteral("balloonscope-cli.1"),
                          QStringLiteral("zh_CN/balloonscope-cli.1")};
#ifdef BS_HAVE_GUI
        pages += {QStringLiteral("balloonscope.1"), QStringLiteral("zh_CN/balloonscope.1")};
#endif
        for (const QString &page : std::as_const(pages))
            QTest::newRow(qPrintable(page)) << docsDir() + QLatin1Char('/') + page;
    }

    void pagesRenderWithoutWarnings() {
        QFETCH(QString, page);
        QVERIFY2(QFile::exists(page), qPrintable(page));
        QProcess groff;
        groff.start(QStringLiteral("groff"),
                    {QStringLiteral("-ww"), QStringLiteral("-man"), QStringLiteral("-Tutf8"),
                     QStringLiteral("-k"), QStringLiteral("-z"), page});
        QVERIFY2(groff.waitForFinished(30000), "groff is missing: scripts/install-deps --tests");
        QCOMPARE(QString::fromUtf8(groff.readAllStandardError()), QString());
        QCOMPARE(groff.exitCode(), 0);
    }

#ifdef BS_HAVE_GUI
    void guiOptionsAreDocumentedAndComplete() {
        const CliRun help = runGui({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        const Options parsed = helpOptions(help.out);
        QVERIFY2(parsed.contains(QStringLiteral("--connect")), qPrintable(help.out));
        const ManOptions man = manOptions(readFile(docsDir() + QStringLiteral("/balloonscope.1")));
        QCOMPARE(listed(man.bySection.value(QStringLiteral("OPTIONS"))), listed(parsed));
        QCOMPARE(
            listed(dashed(bashComplete(docsDir() + QStringLiteral("/balloonscope.bash"),
                                       QStringLiteral("_balloonscope"),
                                       {QStringLiteral("balloonscope"), QStringLiteral("-")}))),
            listed(parsed));
        // The page the GUI prints is the one the build installed (English by default).
        const CliRun page = runGui({QStringLiteral("--manpage")});
        QCOMPARE(page.exitCode, 0);
        QCOMPARE(
            page.out.section(QLatin1Char('\n'), 3),
            readFile(docsDir() + QStringLiteral("/balloonscope.1")).section(QLatin1Char('\n'), 3));
    }
#endif
};

BS_TEST_MAIN(TestCliDocs)
#include "tst_clidocs.moc"
