#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli report [--db FILE] --host URI (--range 24h | --from ISO [--to ISO])
//                         --out FILE.pdf [--domains a,b]
//                         [--sections cover,host,sizing,policies,guests]
//                         [--title NAME] [--lang zh_CN]
// Writes the PDF report of a host from the history, without a display (for cron).
class ReportCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)

public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
    bool paints() const override { return true; }
};

} // namespace bs::cli
