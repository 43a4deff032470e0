#pragma once

#include "CliCommand.h"

namespace bs {
struct ReadinessReport;
}

namespace bs::cli {

// balloonscope-cli readiness --connect URI [--domain NAME]... [--agent] [--json]
// Exit 0 when every selected guest is ready, 1 otherwise.
class ReadinessCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(ReadinessCommand)

public:
    QString name() const override { return QStringLiteral("readiness"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;

private:
    static void printReport(const ReadinessReport &report);
};

} // namespace bs::cli
