#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli set-balloon --connect URI --domain NAME --target SIZE [--live] [--config]
//                              [--force] [--dry-run]
class SetBalloonCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(SetBalloonCommand)

public:
    QString name() const override { return QStringLiteral("set-balloon"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
};

} // namespace bs::cli
