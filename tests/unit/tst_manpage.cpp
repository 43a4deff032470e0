#include "TestMain.h"
#include "cmdline/ManPage.h"
#include "cmdline/ShellCompletion.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace bs;

// The roff that ManPage writes: what must be escaped is, what must not be is not, and a page
// made from a small program renders without a warning from groff (when groff is installed: the
// test packages have it; the page tests of the package do the same on the installed pages).
class TestManPage : public QObject {
    Q_OBJECT

    static ProgramDoc sample() {
        ProgramDoc doc;
        doc.name = QStringLiteral("tool-cli");
        doc.version = QStringLiteral("1.2.3");
        doc.whatis = QStringLiteral("does things");
        doc.synopses = {QStringLiteral("COMMAND [OPTIONS]")};
        doc.description = {QStringLiteral(".starts with a dot"), QStringLiteral("read-only \\o/")};
        doc.options = {QCommandLineOption(QStringLiteral("lang"), QStringLiteral("Language."),
                                          QStringLiteral("LANG"))};
        CommandDoc run;
        run.name = QStringLiteral("run");
        run.summary = QStringLiteral("Runs it; sizes are KiB, 1-3600 s, \u2265 0.");
        run.synopses = {QStringLiteral("--target URI [--json] [--count N]...")};
        run.options = {
            QCommandLineOption(QStringList{QStringLiteral("t"), QStringLiteral("target")},
                               QStringLiteral("Where, e.g. qemu+ssh://root@kvm1/system."),
                               QStringLiteral("URI")),
            QCommandLineOption(QStringLiteral("json"), QStringLiteral("Print JSON.")),
        };
        run.exitStatus = {{0, QStringLiteral("Fine.")}, {2, QStringLiteral("Bad arguments.")}};
        run.examples = {{QStringLiteral("run --target qemu+ssh://root@kvm1.example.com/system "
                                        "--json --count 3 --interval 10"),
                         QStringLiteral("A long one.")}};
        doc.commands = {run};
        doc.exitStatus = run.exitStatus;
        doc.files = {
            {QStringLiteral("~/.local/share/tool/history.sqlite"), QStringLiteral("The history.")}};
        doc.seeAlso = {QStringLiteral("virsh(1)"), QStringLiteral("libvirtd(8)")};
        return doc;
    }

private Q_SLOTS:
    void escapesWhatRoffWouldMisread() {
        QCOMPARE(ManPage::escape(QStringLiteral("--connect and -c")),
                 QStringLiteral("\\-\\-connect and \\-c"));
        QCOMPARE(ManPage::escape(QStringLiteral("read-only, 1-3600")),
                 QStringLiteral("read-only, 1-3600")); // hyphens inside words stay hyphens
        QCOMPARE(ManPage::escape(QStringLiteral("a\\b")), QStringLiteral("a\\eb"));
        QCOMPARE(ManPage::escape(QStringLiteral(".dot")), QStringLiteral("\\&.dot"));
        QCOMPARE(ManPage::escape(QStringLiteral("'quote")), QStringLiteral("\\&'quote"));
        QCOMPARE(ManPage::escape(QStringLiteral("x.y 'z'")), QStringLiteral("x.y 'z'"));
        QCOMPARE(ManPage::escape(QStringLiteral("\u2264 \u2026")), QStringLiteral("\u2264 \u2026"));
        // Chinese: a break point after each character (groff would not break the line).
        QCOMPARE(ManPage::escape(QStringLiteral("\u5ba2\u6237\u673a")),
                 QStringLiteral("\u5ba2\\:\u6237\\:\u673a\\:"));
        QCOMPARE(ManPage::escape(QStringLiteral("a\n.b")), QStringLiteral("a\n.br\n\\&.b"));
        // Paths, URIs and lists are never hyphenated ("his-tory.sqlite"); words that merely end
        // in a comma are left alone.
        QCOMPARE(ManPage::escape(QStringLiteral("in ~/.local/x.sqlite, used,rss and test:///x")),
                 QStringLiteral("in \\%~/.local/x.sqlite, \\%used,rss and \\%test:///x"));
    }

    void synopsisMarksOptionsAndPlaceholders() {
        QCOMPARE(ManPage::synopsis(QStringLiteral("(--connect URI | --demo) [--json]...")),
                 QStringLiteral("(\\fB\\-\\-connect\\fR \\fIURI\\fR | \\fB\\-\\-demo\\fR) "
                                "[\\fB\\-\\-json\\fR]\\&..."));
        QCOMPARE(ManPage::synopsis(QStringLiteral("bash|zsh")),
                 QStringLiteral("\\fBbash\\fR|\\fBzsh\\fR"));
    }

    void pageHasTheSectionsAndAWhatisLine() {
        const QString page = ManPage::render(sample(), QDate(2025, 1, 31));
        QVERIFY(page.startsWith(QStringLiteral(".\\\" -*- coding: UTF-8 -*-\n")));
        QVERIFY(page.contains(QStringLiteral(
            ".TH \"TOOL-CLI\" 1 \"2025-01-31\" \"tool-cli 1.2.3\" \"User Commands\"\n")));
        QVERIFY(page.contains(QStringLiteral(".SH \"NAME\"\ntool-cli \\- does things\n")));
        for (const char *section :
             {"SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "FILES", "SEE ALSO"})
            QVERIFY2(page.contains(QStringLiteral(".SH \"%1\"\n").arg(QLatin1String(section))),
                     section);
        QVERIFY(page.contains(QStringLiteral(".SS \"run\"\n")));
        QVERIFY(page.contains(QStringLiteral(".TP\n\\fB\\-t\\fR, \\fB\\-\\-target\\fR \\fIURI\\fR\n"
                                             "Where, e.g. \\%qemu+ssh://root@kvm1/system.\n")));
        QVERIFY(page.contains(QStringLiteral(".BR virsh (1),\n.BR libvirtd (8)\n")));
        QVERIFY(page.contains(QStringLiteral("\n.ad l\n.nh\n"))); // ragged, unhyphenated
        // The example is broken before options, with shell continuations, into lines of at
        // most 56 characters (80 columns less the page's indentation); an option keeps its value.
        QVERIFY2(page.contains(QStringLiteral(
                     ".nf\n\\fBtool-cli run \\e\\fR\n"
                     "\\fB    \\-\\-target \\%qemu+ssh://root@kvm1.example.com/system \\e\\fR\n"
                     "\\fB    \\-\\-json \\-\\-count 3 \\-\\-interval 10\\fR\n.fi\n")),
                 qPrintable(page));
    }

    void pageRendersWithoutWarnings() {
        if (QStandardPaths::findExecutable(QStringLiteral("groff")).isEmpty())
            QFAIL("groff is missing: install groff-base (scripts/install-deps --tests)");
        QProcess groff;
        groff.start(QStringLiteral("groff"),
                    {QStringLiteral("-ww"), QStringLiteral("-man"), QStringLiteral("-Tutf8"),
                     QStringLiteral("-k"), QStringLiteral("-z")});
        QVERIFY(groff.waitForStarted());
        groff.write(ManPage::render(sample(), QDate(2025, 1, 31)).toUtf8());
        groff.closeWriteChannel();
        QVERIFY(groff.waitForFinished());
        QCOMPARE(QString::fromUtf8(groff.readAllStandardError()), QString());
        QCOMPARE(groff.exitCode(), 0);
    }

    void homeIsSpelledTilde() {
        const QString home = QDir::homePath();
        if (home != QLatin1String("/")) {
            QCOMPARE(ManPage::homeRelative(home + QStringLiteral("/.local/x")),
                     QStringLiteral("~/.local/x"));
        }
        QCOMPARE(ManPage::homeRelative(home + QStringLiteral("x/y")), home + QStringLiteral("x/y"));
        QCOMPARE(ManPage::homeRelative(QStringLiteral("/etc/x")), QStringLiteral("/etc/x"));
    }

    void dateFollowsSourceDateEpoch() {
        qputenv("SOURCE_DATE_EPOCH", "1738281600"); // 2025-01-31 00:00 UTC
        QCOMPARE(ManPage::buildDate(), QDate(2025, 1, 31));
        qunsetenv("SOURCE_DATE_EPOCH");
        QCOMPARE(ManPage::buildDate(), QDateTime::currentDateTimeUtc().date());
    }

    void completionNamesItsFunctions() {
        QCOMPARE(ShellCompletion::functionName(QStringLiteral("tool-cli")),
                 QStringLiteral("_tool_cli"));
        QVERIFY(ShellCompletion::script(sample(), QStringLiteral("fish")).isEmpty());
        const QString zsh = ShellCompletion::zsh(sample());
        QVERIFY(zsh.startsWith(QStringLiteral("#compdef tool-cli\n")));
        QVERIFY(zsh.contains(QStringLiteral("_tool-cli() {")));
    }
};

BS_TEST_MAIN(TestManPage)
#include "tst_manpage.moc"
