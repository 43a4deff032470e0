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

bool CliCommand::parse(QCommandLineParser &parser, const QStringList &arguments,
                       bool &helpShown) const {
    helpShown = false;
    parser.setApplicationDescription(summary());
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help."));
    parser.addOption(help);
    QStringList args = arguments;
    args.prepend(QStringLiteral("balloonscope-cli %1").arg(name()));
    if (!parser.parse(args)) {
        err() << parser.errorText() << Qt::endl << Qt::endl << parser.helpText() << Qt::flush;
        return false;
    }
    if (parser.isSet(help)) {
        out() << parser.helpText() << Qt::flush;
        helpShown = true;
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst())
              << Qt::endl
              << Qt::endl
              << parser.helpText() << Qt::flush;
        return false;
    }
    return true;
}

void ConnectOptions::add(QCommandLineParser &parser, bool multiple) {
    parser.addOption(QCommandLineOption(
        QStringList{QStringLiteral("c"), QStringLiteral("connect")},
        multiple ? CliCommand::tr("libvirt URI of a host (repeat for several hosts).")
                 : CliCommand::tr("libvirt URI of the host, e.g. qemu:///system."),
        QStringLiteral("URI")));
    parser.addOption(QCommandLineOption(QStringLiteral("readonly"),
                                        CliCommand::tr("Open a read-only connection.")));
}

void ConnectOptions::addDemo(QCommandLineParser &parser) {
    parser.addOption(QCommandLineOption(
        QStringLiteral("demo"),
        CliCommand::tr("Instead of --connect: a demo host inside this process (libvirt's QEMU "
                       "driver embedded, four small guests; test:///default where QEMU or the "
                       "guest images are missing). The demo guests stop when the command ends.")));
}

std::optional<int> CliCommand::intervalSeconds(const QCommandLineParser &parser,
                                               const QCommandLineOption &option) {
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
