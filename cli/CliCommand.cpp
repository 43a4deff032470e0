#include "CliCommand.h"

#include "monitor/HostMonitor.h"

#include <cstdio>

namespace bs::cli {

QTextStream &out() {
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err() {
    static QTextStream stream(stderr);
    return stream;
}

CommandOption CliCommand::helpOption() {
    return QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                              tr("Show this help."));
}

CommandDoc CliCommand::doc() const {
    CommandDoc d;
    d.name = name();
    d.summary = summary();
    d.synopses = synopses();
    d.options = options();
    d.options.append(helpOption());
    if (const auto arg = argument()) {
        d.argument = arg->name;
        d.argumentWords = arg->words;
    }
    d.exitStatus = exitStatus();
    d.examples = examples();
    return d;
}

QString CliCommand::helpText(const QCommandLineParser &parser) const {
    QString text = parser.helpText();
    const QList<UsageExample> list = examples();
    if (list.isEmpty())
        return text;
    text += QLatin1Char('\n') + tr("Examples:") + QLatin1Char('\n');
    for (const UsageExample &example : list) {
        text += QStringLiteral("  balloonscope-cli %1\n      %2\n")
                    .arg(example.arguments, example.description);
    }
    return text;
}

bool CliCommand::parse(QCommandLineParser &parser, const QStringList &arguments,
                       bool &helpShown) const {
    helpShown = false;
    parser.setApplicationDescription(summary());
    for (const CommandOption &option : options())
        parser.addOption(option.option());
    const CommandOption help = helpOption();
    parser.addOption(help.option());
    const auto arg = argument();
    if (arg)
        parser.addPositionalArgument(arg->name, arg->description);
    QStringList args = arguments;
    args.prepend(QStringLiteral("balloonscope-cli %1").arg(name()));
    if (!parser.parse(args)) {
        err() << parser.errorText() << Qt::endl << Qt::endl << helpText(parser) << Qt::flush;
        return false;
    }
    if (parser.isSet(help.option())) {
        out() << helpText(parser) << Qt::flush;
        helpShown = true;
        return false;
    }
    if (parser.positionalArguments().size() > (arg ? 1 : 0)) {
        err() << tr("Unexpected argument: %1").arg(parser.positionalArguments().at(arg ? 1 : 0))
              << Qt::endl
              << Qt::endl
              << helpText(parser) << Qt::flush;
        return false;
    }
    return true;
}

QList<CommandOption> ConnectOptions::connect(bool multiple) {
    return {
        QCommandLineOption(QStringList{QStringLiteral("c"), QStringLiteral("connect")},
                           multiple
                               ? CliCommand::tr("libvirt URI of a host (repeat for several hosts).")
                               : CliCommand::tr("libvirt URI of the host, e.g. qemu:///system."),
                           QStringLiteral("URI")),
        QCommandLineOption(QStringLiteral("readonly"),
                           CliCommand::tr("Open a read-only connection.")),
        QCommandLineOption(
            QStringLiteral("ssh-process-figures"),
            CliCommand::tr("For qemu+ssh hosts: also read each guest's swap (VmSwap) and memory "
                           "pressure (PSI) by running one fixed read-only shell command over "
                           "SSH (BatchMode). Local hosts are always read.")),
    };
}

CommandOption ConnectOptions::demo() {
    return QCommandLineOption(
        QStringLiteral("demo"),
        CliCommand::tr("Instead of --connect: a demo host inside this process (libvirt's QEMU "
                       "driver embedded, four small guests; test:///default where QEMU or the "
                       "guest images are missing). The demo guests stop when the command ends."));
}

std::optional<int> CliCommand::intervalSeconds(const QCommandLineParser &parser,
                                               const QString &option) {
    bool ok = false;
    const int seconds = parser.value(option).toInt(&ok);
    if (!ok || seconds < HostMonitor::MinInterval || seconds > HostMonitor::MaxInterval) {
        err() << tr("--interval must be 1 to 3600 seconds, not \"%1\".").arg(parser.value(option))
              << Qt::endl;
        return std::nullopt;
    }
    return seconds;
}

} // namespace bs::cli
