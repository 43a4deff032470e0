#include "CliCommand.h"
#include "CliDoc.h"
#include "CompletionCommand.h"
#include "ExitCodes.h"
#include "Translations.h"
#include "commands/AdviseCommand.h"
#include "commands/CheckCommand.h"
#include "commands/DomainsCommand.h"
#include "commands/EnableStatsCommand.h"
#include "commands/ExportCommand.h"
#include "commands/FreePageReportingCommand.h"
#include "commands/HistoryCommand.h"
#include "commands/HostCommand.h"
#include "commands/ReadinessCommand.h"
#include "commands/RecordCommand.h"
#include "commands/ReportCommand.h"
#include "commands/SampleCommand.h"
#include "commands/SetBalloonCommand.h"
#include "commands/SimulateCommand.h"
#include "demo/DemoProcess.h"
#include "libvirt/LibvirtRuntime.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <algorithm>
#include <csignal>
#include <cstring>

using namespace bs::cli;

namespace {

std::vector<std::unique_ptr<CliCommand>> makeCommands() {
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(std::make_unique<DomainsCommand>());
    commands.push_back(std::make_unique<SampleCommand>());
    commands.push_back(std::make_unique<ReadinessCommand>());
    commands.push_back(std::make_unique<HostCommand>());
    commands.push_back(std::make_unique<EnableStatsCommand>());
    commands.push_back(std::make_unique<SetBalloonCommand>());
    commands.push_back(std::make_unique<FreePageReportingCommand>());
    commands.push_back(std::make_unique<RecordCommand>());
    commands.push_back(std::make_unique<HistoryCommand>());
    commands.push_back(std::make_unique<ReportCommand>());
    commands.push_back(std::make_unique<ExportCommand>());
    commands.push_back(std::make_unique<AdviseCommand>());
    commands.push_back(std::make_unique<SimulateCommand>());
    commands.push_back(std::make_unique<CheckCommand>());
    return commands;
}

void printUsage(QTextStream &stream, const std::vector<std::unique_ptr<CliCommand>> &commands) {
    stream << QCoreApplication::translate("main", "Usage: balloonscope-cli COMMAND [OPTIONS]")
           << Qt::endl
           << Qt::endl
           << QCoreApplication::translate("main", "Commands:") << Qt::endl;
    for (const auto &command : commands)
        stream << QStringLiteral("  %1  %2").arg(command->name(), -14).arg(command->summary())
               << Qt::endl;
    stream << Qt::endl << QCoreApplication::translate("main", "Options:") << Qt::endl;
    for (const bs::CommandOption &option : CliDoc::globalOptions()) {
        QString names = option.spellings().join(QStringLiteral(", "));
        if (!option.option().valueName().isEmpty())
            names += QLatin1Char(' ') + option.option().valueName();
        stream << QStringLiteral("  %1  %2").arg(names, -14).arg(option.option().description())
               << Qt::endl;
    }
    stream << Qt::endl
           << QCoreApplication::translate(
                  "main", "Run \"balloonscope-cli COMMAND --help\" for a command's options.")
           << Qt::endl
           << QCoreApplication::translate(
                  "main", "Exit codes: 0 ok, 1 not all good, 2 bad arguments, 3 connection or "
                          "authentication failure, 4 other failure.")
           << Qt::endl;
}

// The command named on the command line (the first argument that is not --lang and its value).
QString commandName(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--lang") {
            ++i;
            continue;
        }
        if (!arg.startsWith("--lang="))
            return QString::fromLocal8Bit(arg);
    }
    return {};
}

// Commands that paint (report, export) get a QGuiApplication for fonts and QPainter, on Qt's
// offscreen platform unless QT_QPA_PLATFORM names another: cron and ssh have no display. The
// others stay on QCoreApplication.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[], bool paints) {
    if (!paints)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[]) {
    // Before any thread: as root on a machine without libvirt's QEMU account, --demo runs this
    // program again under nss_wrapper (DemoProcess.h says why).
    if (std::any_of(argv + 1, argv + argc, [](const char *a) { return !std::strcmp(a, "--demo"); }))
        bs::DemoProcess::reexecIfNeeded(argv);
    bs::LibvirtRuntime::prepareProcess();
    auto commands = makeCommands();
    // "completion" describes every command, itself included.
    commands.push_back(
        std::make_unique<CompletionCommand>([&commands] { return CliDoc::program(commands); }));
    const QString requested = commandName(argc, argv);
    const bool paints = std::any_of(commands.cbegin(), commands.cend(), [&](const auto &c) {
        return c->name() == requested && c->paints();
    });
    const auto application = makeApplication(argc, argv, paints);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("balloonscope"));
    QCoreApplication::setOrganizationName(QStringLiteral("balloonscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BALLOONSCOPE_VERSION));
    QStringList args = app.arguments().mid(1);
    const QString language = bs::languageFromArguments(args);
    args = bs::stripLanguageArgument(args);
    // --manpage (hidden; the build makes the installed page with it): English unless --lang
    // asks for another, whatever the builder's locale.
    const bool manPage = args == QStringList{QStringLiteral("--manpage")};
    bs::installTranslations(app, manPage && language.isEmpty() ? QStringLiteral("en") : language);
    if (manPage) {
        out() << CliDoc::manPage(commands) << Qt::flush;
        return ExitOk;
    }
    if (args.isEmpty() || args.constFirst() == QLatin1String("--help") ||
        args.constFirst() == QLatin1String("-h") || args.constFirst() == QLatin1String("help")) {
        printUsage(args.isEmpty() ? err() : out(), commands);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.constFirst() == QLatin1String("--version")) {
        out() << QStringLiteral("balloonscope-cli %1").arg(QCoreApplication::applicationVersion())
              << Qt::endl;
        return ExitOk;
    }
    const QString name = args.takeFirst();
    for (const auto &command : commands) {
        if (command->name() == name) {
            bs::LibvirtRuntime runtime;
            return command->run(args);
        }
    }
    err() << QCoreApplication::translate("main", "Unknown command \"%1\".").arg(name) << Qt::endl
          << Qt::endl;
    printUsage(err(), commands);
    return ExitUsage;
}
