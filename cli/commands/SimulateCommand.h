#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli simulate [--db FILE] (--host URI | --demo) [--range D | --from ISO [--to ISO]]
//                           [--policy mom,proxmox,balloonscope] [--floor SIZE]
//                           [--host-target SIZE|PERCENT] [--headroom H] [--points N]
//                           [--series] [--json]
// Replays a host's recorded history through balloon policies (core/policy/PolicyReplay.h):
// the balloons each would have set, squeezes, memory handed back. Open-loop.
class SimulateCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(SimulateCommand)

public:
    QString name() const override { return QStringLiteral("simulate"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
};

} // namespace bs::cli
