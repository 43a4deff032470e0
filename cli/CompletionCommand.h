#pragma once

#include "CliCommand.h"

#include <functional>

namespace bs::cli {

// balloonscope-cli completion bash|zsh: prints the shell completion script, made from the
// commands' own option declarations (the package installs the same scripts).
class CompletionCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(CompletionCommand)

public:
    explicit CompletionCommand(std::function<ProgramDoc()> program)
        : m_program(std::move(program)) {}

    QString name() const override { return QStringLiteral("completion"); }
    QString summary() const override;
    QList<CommandOption> options() const override { return {}; }
    std::optional<Argument> argument() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;

private:
    std::function<ProgramDoc()> m_program;
};

} // namespace bs::cli
