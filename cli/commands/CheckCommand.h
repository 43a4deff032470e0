#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli check (--connect URI | --demo) [--rule SPEC]... [--domain NAME]...
//                        [--watch SEC] [--interval SEC] [--json]
// A monitoring plugin: watches a host for a few polls, runs the health rules, prints one status
// line with performance data and one line per finding, and exits 0 OK, 1 WARNING, 2 CRITICAL or
// 3 UNKNOWN (also for bad arguments and an unreachable host), as Nagios, Icinga and cron expect.
class CheckCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(CheckCommand)

public:
    QString name() const override { return QStringLiteral("check"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
};

} // namespace bs::cli
