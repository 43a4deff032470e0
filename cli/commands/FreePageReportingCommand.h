#pragma once

#include "CliCommand.h"

namespace bs::cli {

// balloonscope-cli free-page-reporting (--connect URI | --demo) (--domain NAME... | --all)
//                                      [--no-autodeflate] [--dry-run]
// Turns free page reporting (and autodeflate) on in guests' persistent <memballoon>, the fix for
// stranded memory `check` and the Alerts page point to; takes effect at the next boot.
class FreePageReportingCommand final : public CliCommand {
    Q_DECLARE_TR_FUNCTIONS(FreePageReportingCommand)

public:
    QString name() const override { return QStringLiteral("free-page-reporting"); }
    QString summary() const override;
    QList<CommandOption> options() const override;
    QStringList synopses() const override;
    QList<UsageExample> examples() const override;
    QList<ExitStatusDoc> exitStatus() const override;
    int run(const QStringList &arguments) override;
};

} // namespace bs::cli
