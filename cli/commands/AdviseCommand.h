#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli advise (--connect URI | [--db FILE] (--host URI | --demo))
//                         [--preset NAME | --percentile P --headroom H --window D]
//                         [--floor SIZE] [--fit SIZE] [--count-ksm] [--to ISO] [--json]
// The sizing advice (core/sizing) from the recorded history: per guest its need, the
// recommendation, what it would give back; per host what still fits. The same function the
// Sizing tab and the report use (adviseHost), so the numbers agree.
class AdviseCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(AdviseCommand)

public:
    QString name() const override { return QStringLiteral("advise"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
};

} // namespace bs::cli
