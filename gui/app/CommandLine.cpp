#include "CommandLine.h"

#include "Translations.h"
#include "cmdline/ManPage.h"
#include "cmdline/ShellCompletion.h"
#include "history/HistoryOptions.h"
#include "libvirt/ConnectionUri.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>

#include <cstring>

namespace bs::gui {

namespace {

const QString ManPageOption = QStringLiteral("manpage");
const QString CompletionOption = QStringLiteral("completion");

// The hidden options that make the installed manual page and completion.
QList<QCommandLineOption> generatorOptions() {
    QCommandLineOption manPage(ManPageOption);
    manPage.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption completion(CompletionOption, QString(), QStringLiteral("SHELL"));
    completion.setFlags(QCommandLineOption::HiddenFromHelp);
    return {manPage, completion};
}

// --manpage [--lang L] or --completion SHELL: the text, made with a core application only (no
// display); English unless --lang asks for another, whatever the builder's locale.
std::optional<CommandLine::Early> generated(int argc, char **argv) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCommandLineParser parser;
    for (const CommandOption &option : CommandLine::options())
        parser.addOption(option.option());
    parser.addOptions(generatorOptions());
    if (!parser.parse(arguments) ||
        (!parser.isSet(ManPageOption) && !parser.isSet(CompletionOption)))
        return std::nullopt;
    int count = 1;
    QCoreApplication app(count, argv);
    QCoreApplication::setApplicationVersion(QStringLiteral(BALLOONSCOPE_VERSION));
    const QString language = parser.value(QStringLiteral("lang"));
    installTranslations(app, language.isEmpty() ? QStringLiteral("en") : language);
    if (parser.isSet(ManPageOption))
        return CommandLine::Early{ManPage::render(CommandLine::programDoc(), ManPage::buildDate()),
                                  0};
    const QString script =
        ShellCompletion::script(CommandLine::programDoc(), parser.value(CompletionOption));
    if (script.isEmpty())
        return CommandLine::Early{
            CommandLine::tr("--completion takes bash or zsh.") + QLatin1Char('\n'), 2};
    return CommandLine::Early{script, 0};
}

} // namespace

QList<CommandOption> CommandLine::options() {
    return {
        QCommandLineOption(QStringList{QStringLiteral("c"), QStringLiteral("connect")},
                           tr("Connect to this libvirt URI (repeat for several hosts), e.g. "
                              "qemu:///system or qemu+ssh://root@kvm1/system."),
                           QStringLiteral("URI")),
        QCommandLineOption(QStringLiteral("readonly"),
                           tr("Open the connections given with --connect read-only.")),
        QCommandLineOption(QStringLiteral("demo"), tr("Show the built-in demo host.")),
        CommandOption(QCommandLineOption(QStringLiteral("lang"),
                                         tr("User interface language (en, zh_CN); default: the "
                                            "system's."),
                                         QStringLiteral("LANG")))
            .oneOf(QStringList{QStringLiteral("en")} + availableLanguages()),
        CommandOption(QCommandLineOption(QStringLiteral("settings"),
                                         tr("Keep settings in FILE instead of the user's "
                                            "settings."),
                                         QStringLiteral("FILE")))
            .file(),
        QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                           tr("Show this help.")),
        QCommandLineOption(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                           tr("Show the version.")),
    };
}

QString CommandLine::helpText() {
    QString text = tr("Usage: balloonscope [OPTIONS]") + QStringLiteral("\n\n") +
                   tr("Shows what the guests on KVM/libvirt hosts really do with their memory.") +
                   QStringLiteral("\n\n") + tr("Options:") + QLatin1Char('\n');
    QList<QPair<QString, QString>> rows;
    qsizetype width = 0;
    for (const CommandOption &option : options()) {
        QString names = option.spellings().join(QStringLiteral(", "));
        if (!option.option().valueName().isEmpty())
            names += QLatin1Char(' ') + option.option().valueName();
        width = qMax(width, names.size());
        rows.append({names, option.option().description()});
    }
    // Descriptions wrapped at word boundaries to fit 80 columns.
    const qsizetype room = qMax<qsizetype>(30, 80 - 4 - width);
    for (const auto &[names, description] : std::as_const(rows)) {
        QStringList lines{QString()};
        for (const QString &word : description.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!lines.constLast().isEmpty() && lines.constLast().size() + 1 + word.size() > room)
                lines.append(QString());
            lines.last() += (lines.constLast().isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        for (int i = 0; i < lines.size(); ++i)
            text += QStringLiteral("  %1  %2\n")
                        .arg(i == 0 ? names : QString(), -int(width))
                        .arg(lines.at(i));
    }
    return text;
}

ProgramDoc CommandLine::programDoc() {
    ProgramDoc doc;
    doc.name = QStringLiteral("balloonscope");
    doc.version = QCoreApplication::applicationVersion();
    doc.whatis = tr("guest memory monitor for KVM/libvirt hosts");
    doc.synopses = {QStringLiteral("[--connect URI]... [--readonly] [--demo] [--lang LANG] "
                                   "[--settings FILE]"),
                    QStringLiteral("--help | --version")};
    doc.description = {
        tr("Balloonscope shows what the guests on KVM/libvirt hosts really do with their memory: "
           "not only what the host gave them (the balloon size, actual) or what QEMU occupies on "
           "the host (rss), but what each guest itself reports as used, through the "
           "virtio-balloon statistics. It watches several hosts at once, local or remote over "
           "qemu+ssh, explains why a guest reports nothing, turns the statistics on, sets "
           "balloon targets, records a history and writes reports."),
        tr("Without --connect or --demo it reconnects the saved connections marked \"Connect "
           "when Balloonscope starts\". Hosts given with --connect are watched for this session "
           "only. balloonscope-cli(1) does the same without a display."),
    };
    doc.options = options();
    doc.exitStatus = {{0, tr("The window was closed.")},
                      {2, tr("Bad arguments; the usage is printed.")}};
    doc.examples = {
        {QStringLiteral("--connect qemu:///system"), tr("Watch the guests of this machine.")},
        {QStringLiteral("--connect qemu+ssh://root@kvm1/system --connect qemu:///system"),
         tr("Watch a remote host over SSH and this machine side by side.")},
        {QStringLiteral("--demo --lang zh_CN"), tr("The demo host, in Chinese.")},
    };
    doc.files = {
        {ManPage::homeRelative(
             QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
             QStringLiteral("/balloonscope/balloonscope.conf")),
         tr("Settings: saved connections (never with a password), preferences, window layout. "
            "--settings names another file.")},
        {ManPage::homeRelative(defaultHistoryPath()),
         tr("The history of every watched host (SQLite), shared with \"balloonscope-cli "
            "record\". $XDG_DATA_HOME moves it.")},
    };
    doc.seeAlso = {QStringLiteral("balloonscope-cli(1)"), QStringLiteral("virsh(1)"),
                   QStringLiteral("virt-manager(1)")};
    return doc;
}

std::optional<CommandLine::Early> CommandLine::early(int argc, char **argv) {
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-v"))
            return Early{
                QStringLiteral("balloonscope %1\n").arg(QStringLiteral(BALLOONSCOPE_VERSION)), 0};
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h"))
            return Early{helpText(), 0};
    }
    return generated(argc, argv);
}

bool CommandLine::asksForDemo(int argc, char **argv) {
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--demo"))
            return true;
    }
    return false;
}

std::variant<CommandLine, QString> CommandLine::parse(const QStringList &arguments) {
    QCommandLineParser parser;
    for (const CommandOption &option : options())
        parser.addOption(option.option());
    parser.addOptions(generatorOptions());
    // Qt's own options (-platform, -style, ...) were removed by QApplication already.
    if (!parser.parse(arguments))
        return parser.errorText();
    if (!parser.positionalArguments().isEmpty())
        return tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst());
    CommandLine line;
    line.readOnly = parser.isSet(QStringLiteral("readonly"));
    line.demo = parser.isSet(QStringLiteral("demo"));
    line.language = parser.value(QStringLiteral("lang"));
    line.settingsFile = parser.value(QStringLiteral("settings"));
    for (const QString &uri : parser.values(QStringLiteral("connect"))) {
        const auto parsed = ConnectionUri::parse(uri);
        if (const auto *error = std::get_if<ConnectionUri::ParseError>(&parsed))
            return tr("Invalid URI \"%1\": %2").arg(uri, error->message);
        line.connectUris.append(std::get<ConnectionUri>(parsed).toString());
    }
    return line;
}

} // namespace bs::gui
