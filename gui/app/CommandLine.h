#pragma once

#include "cmdline/CommandLineDoc.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace bs::gui {

// What `balloonscope [--connect URI]... [--readonly] [--demo] [--lang L]` asks for. The options
// are declared once, in options(): the parser, --help, the manual page and the shell completion
// read that table.
struct CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    QStringList connectUris;
    bool readOnly = false;
    bool demo = false;
    QString language;
    QString settingsFile; // --settings FILE: a separate settings file (tests, demos)

    static QList<CommandOption> options();

    // --help, --version, and the hidden --manpage and --completion SHELL (the build makes the
    // installed files with them) are answered before any display is needed: returns the text to
    // print and the exit code, or nullopt to go on.
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
    // The manual page's and the completion's description of the program.
    static ProgramDoc programDoc();
};

} // namespace bs::gui
