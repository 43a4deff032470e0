#include "FreePageReportingCommand.h"

#include "BalloonSession.h"
#include "DemoSession.h"
#include "ExitCodes.h"
#include "HostArguments.h"
#include "balloon/FreePageReportingPlanner.h"

namespace bs::cli {

QString FreePageReportingCommand::summary() const {
    return tr("Turn free page reporting on in guests' persistent configuration (and autodeflate, "
              "unless told not to), so that memory a guest frees goes back to the host. Shows the "
              "<memballoon> change as a diff; takes effect after each guest's next shutdown and "
              "start.");
}

QList<CommandOption> FreePageReportingCommand::options() const {
    return ConnectOptions::connect() +
           QList<CommandOption>{
               ConnectOptions::demo(),
               QCommandLineOption(QStringList{QStringLiteral("d"), QStringLiteral("domain")},
                                  tr("A guest, by name or UUID (repeat for several)."),
                                  QStringLiteral("NAME")),
               QCommandLineOption(QStringLiteral("all"), tr("Every guest of the host.")),
               QCommandLineOption(QStringLiteral("no-autodeflate"),
                                  tr("Leave autodeflate as it is (by default it is turned on "
                                     "too: under OOM the guest may take balloon pages back).")),
               QCommandLineOption(QStringLiteral("dry-run"),
                                  tr("Show what would change, with the persistent "
                                     "<memballoon> as a diff, and change nothing.")),
           };
}

QStringList FreePageReportingCommand::synopses() const {
    return {QStringLiteral("(--connect URI | --demo) (--domain NAME... | --all) "
                           "[--no-autodeflate] [--dry-run]")};
}

QList<UsageExample> FreePageReportingCommand::examples() const {
    return {{QStringLiteral("free-page-reporting --connect qemu:///system --all --dry-run"),
             tr("Which guests lack free page reporting, and the change for each, changing "
                "nothing.")},
            {QStringLiteral("free-page-reporting --connect qemu+ssh://root@kvm1/system --domain "
                            "web1 --domain web2"),
             tr("Turn it on for two guests, from their next boot.")}};
}

QList<ExitStatusDoc> FreePageReportingCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk, tr("Every guest has it on now (or had it already).")),
            ExitCodes::describe(ExitNotAllGood, tr("A guest was refused or failed.")),
            ExitCodes::describe(ExitUsage), ExitCodes::describe(ExitConnection),
            ExitCodes::describe(ExitFailure)};
}

int FreePageReportingCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;
    GuestSelection selection;
    selection.all = parser.isSet(QStringLiteral("all"));
    selection.guests = parser.values(QStringLiteral("domain"));
    if (selection.all == !selection.guests.isEmpty()) {
        err() << tr("Name the guests with --domain NAME (repeatable), or give --all.") << Qt::endl;
        return ExitUsage;
    }
    DemoSession demo; // outlives the session below: the demo guests stop after it
    auto host = HostArguments::singleOrDemo(parser, demo);
    if (!host)
        return ExitUsage;
    BalloonSession session(host->config, host->credentials);
    if (const auto failure = session.connect()) {
        err() << tr("Could not connect to %1: %2").arg(host->config.uri, *failure) << Qt::endl;
        return ExitConnection;
    }
    const auto guests = session.inspect(selection);
    if (!guests) {
        err() << guests.error().message << Qt::endl;
        return ExitFailure;
    }
    const bool autodeflate = !parser.isSet(QStringLiteral("no-autodeflate"));
    QList<GuestPlan> plans;
    bool anyRefused = false;
    for (const GuestBalloonInfo &guest : *guests) {
        plans.append(planFreePageReporting(guest, autodeflate));
        anyRefused = anyRefused || !plans.constLast().refusals.isEmpty();
    }
    if (parser.isSet(QStringLiteral("dry-run"))) {
        for (const GuestPlan &plan : std::as_const(plans))
            printPlan(plan, true);
        return anyRefused ? ExitNotAllGood : ExitOk;
    }
    for (const GuestPlan &plan : std::as_const(plans))
        printPlan(plan, true);
    const ApplySummary summary =
        session.apply(plans, [](const GuestApplyResult &result) { printResult(result); });
    printSummary(summary);
    return summary.allGood() && !anyRefused ? ExitOk : ExitNotAllGood;
}

} // namespace bs::cli
