#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli record --connect URI [--connect URI ...] [--db FILE] [--interval SEC]
//                         [--duration SEC] [--keep-raw D] [--keep-minutes D] [--keep-hours D]
// Records the hosts' polls into the history without a display, until SIGTERM/SIGINT or the
// duration; stops cleanly (every poll handed to the history is committed, leases released).
class RecordCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(RecordCommand)

public:
    QString name() const override { return QStringLiteral("record"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
};

} // namespace bs::cli
