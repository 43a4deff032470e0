#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli export [--db FILE] --host URI --domain NAME|UUID (--range 1h | --from/--to)
//                         --out FILE.(csv|json|png|svg|pdf) [--raw] [--points N]
//                         [--metric used,...] [--width PX] [--height PX] [--dpi N]
// One guest's chart as an image or PDF, or the data behind it: exactly the points the chart
// draws (the same query), or with --raw every recorded poll.
class ExportCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
    bool paints() const override { return true; }
};

} // namespace bs::cli
