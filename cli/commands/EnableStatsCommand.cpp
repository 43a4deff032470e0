#include "EnableStatsCommand.h"

#include "BalloonSession.h"
#include "DemoSession.h"
#include "ExitCodes.h"
#include "HostArguments.h"
#include "balloon/StatsPeriodPlanner.h"

namespace bs::cli {

QString EnableStatsCommand::summary() const {
    return tr("Set the balloon stats period of guests (live, persistent or both) and report "
              "per guest.");
}

QList<CommandOption> EnableStatsCommand::options() const {
    return ConnectOptions::connect() +
           QList<CommandOption>{
               ConnectOptions::demo(),
               QCommandLineOption(QStringList{QStringLiteral("d"), QStringLiteral("domain")},
                                  tr("A guest, by name or UUID (repeat for several)."),
                                  QStringLiteral("NAME")),
               QCommandLineOption(QStringLiteral("all"), tr("Every guest of the host.")),
               CommandOption(
                   QCommandLineOption(QStringLiteral("period"),
                                      tr("Stats period in seconds, 1-3600 (10 is a good value), or "
                                         "\"off\" to stop the statistics. 0 is refused: turning "
                                         "statistics off must be said with \"off\"."),
                                      QStringLiteral("SEC|off")))
                   .oneOf({QStringLiteral("10"), QStringLiteral("off")}),
               QCommandLineOption(
                   QStringLiteral("switch-to-virtio"),
                   tr("For guests without a balloon device (<memballoon model='none'/> or none "
                      "at all): give the persistent configuration a virtio balloon with the "
                      "period. It takes effect after the guest's next shutdown and start; "
                      "everything else in the XML is kept.")),
               QCommandLineOption(QStringLiteral("dry-run"),
                                  tr("Show what would change, with the persistent "
                                     "<memballoon> as a diff, and change nothing.")),
               QCommandLineOption(
                   QStringLiteral("watch"),
                   tr("After a live change, wait for the guests' next reports (up to two "
                      "periods) and say whether the stats flow, or why not. Exit code 1 if any "
                      "do not.")),
           } +
           scopeOptions();
}

QStringList EnableStatsCommand::synopses() const {
    return {QStringLiteral("(--connect URI | --demo) (--domain NAME... | --all) --period SEC|off "
                           "[--live] [--config] [--switch-to-virtio] [--dry-run] [--watch]")};
}

QList<UsageExample> EnableStatsCommand::examples() const {
    return {{QStringLiteral("enable-stats --connect qemu:///system --all --period 10 --dry-run"),
             tr("What setting a 10-second period on every guest would change, changing "
                "nothing.")},
            {QStringLiteral("enable-stats --connect qemu:///system --domain web1 --period 10 "
                            "--live --config --watch"),
             tr("Turn the statistics on for one guest, now and after restarts, and wait until "
                "they flow.")}};
}

QList<ExitStatusDoc> EnableStatsCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk, tr("Every guest got its period (and, with --watch, "
                                           "reports).")),
            ExitCodes::describe(ExitNotAllGood, tr("A guest was refused or failed, or its "
                                                   "stats do not flow.")),
            ExitCodes::describe(ExitUsage), ExitCodes::describe(ExitConnection),
            ExitCodes::describe(ExitFailure)};
}

int EnableStatsCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;

    const QString period = QStringLiteral("period");
    if (!parser.isSet(period)) {
        err() << tr("Missing --period SEC (1-3600) or --period off.") << Qt::endl;
        return ExitUsage;
    }
    const auto setting = StatsPeriodSetting::parse(parser.value(period));
    if (!setting) {
        err() << setting.error().message << Qt::endl;
        return ExitUsage;
    }
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
    host->config.intervalSeconds = 1; // only matters for --watch: see reports promptly

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
    printGuests(*guests);
    out() << Qt::endl;

    StatsPeriodRequest request;
    request.period = *setting;
    request.scope = scopeFromOptions(parser);
    request.switchToVirtio = parser.isSet(QStringLiteral("switch-to-virtio"));
    QList<GuestPlan> plans;
    bool anyRefused = false;
    for (const GuestBalloonInfo &guest : *guests) {
        plans.append(planStatsPeriod(guest, request));
        anyRefused = anyRefused || !plans.constLast().refusals.isEmpty();
    }
    if (parser.isSet(QStringLiteral("dry-run"))) {
        for (const GuestPlan &plan : std::as_const(plans))
            printPlan(plan, true);
        return anyRefused ? ExitNotAllGood : ExitOk;
    }

    QList<GuestApplyResult> results;
    const ApplySummary summary = session.apply(plans, [&](const GuestApplyResult &result) {
        printResult(result);
        results.append(result);
    });
    for (const GuestPlan &plan : std::as_const(plans)) {
        if (plan.needsRestart && plan.hasWork())
            out() << tr("%1: the new balloon takes effect after its next shutdown and start.")
                         .arg(plan.name)
                  << Qt::endl;
    }
    printSummary(summary);
    bool flowing = true;
    if (parser.isSet(QStringLiteral("watch"))) {
        flowing = session.watch(results, [](const StatsFlowVerdict &v) {
            out() << QStringLiteral("%1: %2").arg(v.name, v.message) << Qt::endl;
        });
    }
    return summary.allGood() && flowing ? ExitOk : ExitNotAllGood;
}

} // namespace bs::cli
