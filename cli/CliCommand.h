#pragma once

#include "cmdline/CommandLineDoc.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>
#include <optional>
#include <vector>

namespace bs::cli {

// One sub-command ("domains", "sample", ...). run() gets the arguments after the command name
// and returns an exit code (ExitCodes.h).
class CliCommand {
    Q_DECLARE_TR_FUNCTIONS(CliCommand)

public:
    // A command's single positional argument ("completion SHELL").
    struct Argument {
        QString name;
        QString description;
        QStringList words; // the values it takes
    };

    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // The options run() parses, declared without running: parse() builds its parser from them
    // (and adds --help), and the manual page and the shell completion read the same list. Built
    // when asked for, so that the descriptions are in the language installed by then.
    virtual QList<CommandOption> options() const = 0;
    virtual std::optional<Argument> argument() const { return std::nullopt; }
    // Its forms, after the command's name: "--connect URI [--json]".
    virtual QStringList synopses() const = 0;
    virtual QList<UsageExample> examples() const = 0;
    // The exit codes it ends with, and what each means for it.
    virtual QList<ExitStatusDoc> exitStatus() const = 0;
    virtual int run(const QStringList &arguments) = 0;
    // Whether run() paints (charts, reports): main() then makes a QGuiApplication, on Qt's
    // offscreen platform unless QT_QPA_PLATFORM says otherwise, so it works without a display.
    virtual bool paints() const { return false; }

    // Everything above, with --help, for the manual page and the shell completion.
    CommandDoc doc() const;
    static CommandOption helpOption();

    // The value of an --interval option when it lies within the monitor's limits (1-3600 s);
    // otherwise prints why and returns nullopt (exit code 2 for the caller).
    static std::optional<int> intervalSeconds(const QCommandLineParser &parser,
                                              const QString &option = QStringLiteral("interval"));

protected:
    // Builds `parser` from options() and parses; on error prints the message and the usage to
    // stderr and returns false. "--help" prints the usage and the examples to stdout and returns
    // false with helpShown set.
    bool parse(QCommandLineParser &parser, const QStringList &arguments, bool &helpShown) const;

private:
    QString helpText(const QCommandLineParser &parser) const;
};

QTextStream &out();
QTextStream &err();

// The connection options the host commands share.
struct ConnectOptions {
    // --connect URI (once, or repeatable with `multiple`) and --readonly.
    static QList<CommandOption> connect(bool multiple = false);
    // --demo: an embedded demo host instead of --connect (HostArguments::singleOrDemo).
    static CommandOption demo();
};

} // namespace bs::cli
