#pragma once

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
    virtual ~CliCommand() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    virtual int run(const QStringList &arguments) = 0;
    // Whether run() paints (charts, reports): main() then makes a QGuiApplication, on Qt's
    // offscreen platform unless QT_QPA_PLATFORM says otherwise, so it works without a display.
    virtual bool paints() const { return false; }

    // The value of an --interval option when it lies within the monitor's limits (1-3600 s);
    // otherwise prints why and returns nullopt (exit code 2 for the caller).
    static std::optional<int> intervalSeconds(const QCommandLineParser &parser,
                                              const QCommandLineOption &option);

protected:
    // Parses with `parser`; on error prints the message and the usage to stderr and returns
    // false. "--help" prints the usage to stdout and returns false with helpShown set.
    bool parse(QCommandLineParser &parser, const QStringList &arguments, bool &helpShown) const;
};

QTextStream &out();
QTextStream &err();

// The connection options every host command shares.
struct ConnectOptions {
    static void add(QCommandLineParser &parser, bool multiple = false);
    // --demo: an embedded demo host instead of --connect (HostArguments::singleOrDemo).
    static void addDemo(QCommandLineParser &parser);
};

} // namespace bs::cli
