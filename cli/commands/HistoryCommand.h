#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli history [--db FILE] --host URI --domain NAME|UUID
//                          (--range 1h | --from ISO --to ISO) [--points N] [--metric M,...]
//                          [--json|--csv]
// Prints the same decimated series the history chart draws (HistoryStore::querySeries).
class HistoryCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)

public:
    QString name() const override { return QStringLiteral("history"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
};

} // namespace bs::cli
