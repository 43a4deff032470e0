#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace bs::gui {

// What `balloonscope [--connect URI]... [--readonly] [--demo] [--lang L]` asks for.
struct CommandLine {
    QStringList connectUris;
    bool readOnly = false;
    bool demo = false;
    QString language;
    QString settingsFile; // --settings FILE: a separate settings file (tests, demos)

    // --help and --version are answered before any display is needed: returns the text to print
    // and the exit code, or nullopt to go on.
    struct Early {
        QString text;
        int exitCode = 0;
    };
    static std::optional<Early> early(int argc, char **argv);
    // Whether --demo is among the arguments, read before the application object exists.
    static bool asksForDemo(int argc, char **argv);
    // Parses after the application object exists; errors are returned as a message.
    static std::variant<CommandLine, QString> parse(const QStringList &arguments);
    static QString helpText();
};

} // namespace bs::gui
