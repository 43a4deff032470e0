#include "CompletionCommand.h"

#include "ExitCodes.h"
#include "cmdline/ShellCompletion.h"

namespace bs::cli {

QString CompletionCommand::summary() const {
    return tr("Print the shell completion script for bash or zsh: the commands, their options, "
              "and the values of options that take files or a fixed set of words.");
}

std::optional<CliCommand::Argument> CompletionCommand::argument() const {
    return Argument{QStringLiteral("SHELL"), tr("bash or zsh."), ShellCompletion::shells()};
}

QStringList CompletionCommand::synopses() const {
    return {ShellCompletion::shells().join(QLatin1Char('|'))};
}

QList<UsageExample> CompletionCommand::examples() const {
    return {{QStringLiteral("completion bash > ~/.local/share/bash-completion/completions/"
                            "balloonscope-cli"),
             tr("Complete balloonscope-cli in bash for your user only (the Debian package "
                "installs the completion for everyone).")},
            {QStringLiteral("completion zsh > ~/.zfunc/_balloonscope-cli"),
             tr("The same for zsh, in a folder of your fpath.")}};
}

QList<ExitStatusDoc> CompletionCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk),
            ExitCodes::describe(ExitUsage, tr("No shell named, or one it does not know."))};
}

int CompletionCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;
    const QString shell = parser.positionalArguments().value(0);
    const QString script = ShellCompletion::script(m_program(), shell);
    if (script.isEmpty()) {
        err() << tr("Name the shell: %1.").arg(ShellCompletion::shells().join(QStringLiteral(", ")))
              << Qt::endl;
        return ExitUsage;
    }
    out() << script << Qt::flush;
    return ExitOk;
}

} // namespace bs::cli
