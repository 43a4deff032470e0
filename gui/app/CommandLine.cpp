#include "CommandLine.h"

#include "libvirt/ConnectionUri.h"

#include <QCoreApplication>

#include <cstring>
#include <variant>

namespace bs::gui {

QString CommandLine::helpText() {
    return QCoreApplication::translate(
        "bs::gui::CommandLine",
        "Usage: balloonscope [OPTIONS]\n"
        "\n"
        "Shows what the guests on KVM/libvirt hosts really do with their memory.\n"
        "\n"
        "Options:\n"
        "  -c, --connect URI   connect to this libvirt URI (repeat for several hosts),\n"
        "                      e.g. qemu:///system or qemu+ssh://root@kvm1/system\n"
        "  --readonly          open the connections given with --connect read-only\n"
        "  --demo              show the built-in demo host\n"
        "  --lang LANG         user interface language (en, zh_CN); default: the system's\n"
        "  --settings FILE     keep settings in FILE instead of the user's settings\n"
        "  -h, --help          show this help\n"
        "  -v, --version       show the version\n");
}

std::optional<CommandLine::Early> CommandLine::early(int argc, char **argv) {
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--version") || !std::strcmp(argv[i], "-v"))
            return Early{
                QStringLiteral("balloonscope %1\n").arg(QStringLiteral(BALLOONSCOPE_VERSION)), 0};
        if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h"))
            return Early{helpText(), 0};
    }
    return std::nullopt;
}

bool CommandLine::asksForDemo(int argc, char **argv) {
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--demo"))
            return true;
    }
    return false;
}

std::variant<CommandLine, QString> CommandLine::parse(const QStringList &arguments) {
    CommandLine line;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        auto value = [&](const QString &option) -> std::optional<QString> {
            if (a.startsWith(option + QLatin1Char('=')))
                return a.mid(option.size() + 1);
            if (a == option && i + 1 < arguments.size())
                return arguments.at(++i);
            return std::nullopt;
        };
        if (a == QLatin1String("--readonly")) {
            line.readOnly = true;
        } else if (a == QLatin1String("--demo")) {
            line.demo = true;
        } else if (a == QLatin1String("-c") || a.startsWith(QLatin1String("--connect"))) {
            const auto uri = value(a == QLatin1String("-c") ? QStringLiteral("-c")
                                                            : QStringLiteral("--connect"));
            if (!uri)
                return QCoreApplication::translate("bs::gui::CommandLine",
                                                   "--connect needs a URI.");
            const auto parsed = ConnectionUri::parse(*uri);
            if (const auto *error = std::get_if<ConnectionUri::ParseError>(&parsed))
                return QCoreApplication::translate("bs::gui::CommandLine", "Invalid URI \"%1\": %2")
                    .arg(*uri, error->message);
            line.connectUris.append(std::get<ConnectionUri>(parsed).toString());
        } else if (a.startsWith(QLatin1String("--lang"))) {
            const auto lang = value(QStringLiteral("--lang"));
            if (!lang)
                return QCoreApplication::translate("bs::gui::CommandLine",
                                                   "--lang needs a language, e.g. zh_CN.");
            line.language = *lang;
        } else if (a.startsWith(QLatin1String("--settings"))) {
            const auto file = value(QStringLiteral("--settings"));
            if (!file)
                return QCoreApplication::translate("bs::gui::CommandLine",
                                                   "--settings needs a file name.");
            line.settingsFile = *file;
        } else if (a.startsWith(QLatin1Char('-'))) {
            // Qt's own options (-platform, -style, ...) were removed by QApplication already.
            return QCoreApplication::translate("bs::gui::CommandLine", "Unknown option \"%1\".")
                .arg(a);
        } else {
            return QCoreApplication::translate("bs::gui::CommandLine",
                                               "Unexpected argument \"%1\".")
                .arg(a);
        }
    }
    return line;
}

} // namespace bs::gui
