#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli sample --connect URI [--json] [--count N] [--interval SEC]
class SampleCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(SampleCommand)

public:
    QString name() const override { return QStringLiteral("sample"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
};

} // namespace bs::cli
