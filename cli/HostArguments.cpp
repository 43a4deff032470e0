#include "HostArguments.h"

#include "CliCommand.h"
#include "DemoSession.h"
#include "TerminalCredentials.h"
#include "libvirt/ConnectionUri.h"

namespace bs::cli {

namespace {

std::optional<HostArguments> fromUri(const QString &text, const QCommandLineParser &parser) {
    const bool readOnly = parser.isSet(QStringLiteral("readonly"));
    const auto parsed = ConnectionUri::parse(text);
    if (const auto *error = std::get_if<ConnectionUri::ParseError>(&parsed)) {
        err() << CliCommand::tr("Invalid --connect URI \"%1\": %2").arg(text, error->message)
              << Qt::endl;
        return std::nullopt;
    }
    HostArguments host;
    host.config.uri = std::get<ConnectionUri>(parsed).toString();
    host.config.readOnly = readOnly;
    host.config.sshProcessFigures = parser.isSet(QStringLiteral("ssh-process-figures"));
    host.credentials = std::make_shared<TerminalCredentials>();
    return host;
}

} // namespace

std::optional<HostArguments> HostArguments::single(const QCommandLineParser &parser) {
    const QStringList uris = parser.values(QStringLiteral("connect"));
    if (uris.isEmpty()) {
        err() << CliCommand::tr("Missing --connect URI (for example --connect qemu:///system).")
              << Qt::endl;
        return std::nullopt;
    }
    if (uris.size() > 1) {
        err() << CliCommand::tr("This command takes one --connect URI.") << Qt::endl;
        return std::nullopt;
    }
    return fromUri(uris.constFirst(), parser);
}

std::optional<HostArguments> HostArguments::singleOrDemo(const QCommandLineParser &parser,
                                                         DemoSession &demo) {
    if (!parser.isSet(QStringLiteral("demo")))
        return single(parser);
    if (parser.isSet(QStringLiteral("connect"))) {
        err() << CliCommand::tr("Use either --demo or --connect, not both.") << Qt::endl;
        return std::nullopt;
    }
    const auto uri = demo.start();
    if (!uri)
        return std::nullopt;
    return fromUri(*uri, parser);
}

std::optional<QList<HostArguments>> HostArguments::multiple(const QCommandLineParser &parser) {
    const QStringList uris = parser.values(QStringLiteral("connect"));
    if (uris.isEmpty()) {
        err() << CliCommand::tr("Missing --connect URI (for example --connect qemu:///system).")
              << Qt::endl;
        return std::nullopt;
    }
    QList<HostArguments> hosts;
    for (const QString &uri : uris) {
        auto host = fromUri(uri, parser);
        if (!host)
            return std::nullopt;
        hosts.append(*host);
    }
    return hosts;
}

std::optional<QList<HostArguments>> HostArguments::multipleOrDemo(const QCommandLineParser &parser,
                                                                  DemoSession &demo) {
    if (!parser.isSet(QStringLiteral("demo")))
        return multiple(parser);
    const auto host = singleOrDemo(parser, demo);
    if (!host)
        return std::nullopt;
    return QList<HostArguments>{*host};
}

} // namespace bs::cli
