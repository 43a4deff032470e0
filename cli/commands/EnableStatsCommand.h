#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli enable-stats --connect URI (--domain NAME ... | --all) --period SEC|off
//                               [--live] [--config] [--switch-to-virtio] [--dry-run] [--watch]
class EnableStatsCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(EnableStatsCommand)

public:
    QString name() const override { return QStringLiteral("enable-stats"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
};

} // namespace bs::cli
