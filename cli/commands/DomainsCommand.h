#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli domains --connect URI [--json]
class DomainsCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(DomainsCommand)

public:
    QString name() const override { return QStringLiteral("domains"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
};

} // namespace bs::cli
