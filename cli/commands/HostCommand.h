#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli host --connect URI [--json] [--count N] [--interval SEC]
// The host's memory overview: node memory, overcommit, KSM, huge pages and advice, from the
// same collector the GUI's host panel uses.
class HostCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(HostCommand)

public:
    QString name() const override { return QStringLiteral("host"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
};

} // namespace bs::cli
