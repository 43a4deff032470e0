#include "SetBalloonCommand.h"

#include "BalloonSession.h"
#include "DemoSession.h"
#include "ExitCodes.h"
#include "HostArguments.h"
#include "balloon/BalloonTargetPlanner.h"

namespace bs::cli {

namespace {

QString size(const std::optional<quint64> &kib) {
    return kib ? units::formatKiB(*kib) : CliCommand::tr("unknown");
}

} // namespace

QString SetBalloonCommand::summary() const {
    return tr("Set a guest's balloon target (its current memory), live and/or persistent, "
              "within a safe floor and its maximum.");
}

QList<CommandOption> SetBalloonCommand::options() const {
    return ConnectOptions::connect() +
           QList<CommandOption>{
               ConnectOptions::demo(),
               QCommandLineOption(QStringList{QStringLiteral("d"), QStringLiteral("domain")},
                                  tr("The guest, by name or UUID."), QStringLiteral("NAME")),
               QCommandLineOption(QStringLiteral("target"),
                                  tr("The memory the guest gets, e.g. 512MiB, 1.5GiB, 2G (binary "
                                     "units; a plain number is KiB)."),
                                  QStringLiteral("SIZE")),
               QCommandLineOption(
                   QStringLiteral("force"),
                   tr("Apply although the target leaves the guest less than 10% above what it "
                      "uses, or its use is unknown. Never goes below what it uses or above its "
                      "maximum.")),
               QCommandLineOption(QStringLiteral("dry-run"),
                                  tr("Show the limits and what would change; change nothing.")),
           } +
           scopeOptions();
}

QStringList SetBalloonCommand::synopses() const {
    return {QStringLiteral("(--connect URI | --demo) --domain NAME --target SIZE [--live] "
                           "[--config] [--force] [--dry-run]")};
}

QList<UsageExample> SetBalloonCommand::examples() const {
    return {{QStringLiteral("set-balloon --connect qemu:///system --domain web1 --target 2GiB "
                            "--dry-run"),
             tr("The guest's limits (safe floor, maximum) and what a 2 GiB target would "
                "change.")},
            {QStringLiteral("set-balloon --connect qemu:///system --domain web1 --target 1536MiB "
                            "--live"),
             tr("Give the running guest 1.5 GiB now, until it restarts.")}};
}

QList<ExitStatusDoc> SetBalloonCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk),
            ExitCodes::describe(ExitNotAllGood, tr("Refused (outside the limits, or a warning "
                                                   "not accepted with --force) or failed.")),
            ExitCodes::describe(ExitUsage), ExitCodes::describe(ExitConnection),
            ExitCodes::describe(ExitFailure)};
}

int SetBalloonCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;

    const QString domain = QStringLiteral("domain");
    const QString target = QStringLiteral("target");
    if (parser.values(domain).size() != 1) {
        err() << tr("Name one guest with --domain NAME.") << Qt::endl;
        return ExitUsage;
    }
    if (!parser.isSet(target)) {
        err() << tr("Missing --target SIZE (for example --target 2GiB).") << Qt::endl;
        return ExitUsage;
    }
    const auto kib = units::parseSize(parser.value(target));
    if (!kib) {
        err() << kib.error().message << Qt::endl;
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
    const auto guests = session.inspect({parser.values(domain), false});
    if (!guests) {
        err() << guests.error().message << Qt::endl;
        return ExitFailure;
    }
    const GuestBalloonInfo &guest = guests->constFirst();
    if (guest.error) {
        err() << guest.error->message << Qt::endl;
        return ExitNotAllGood;
    }

    const BalloonTargetLimits limits = balloonTargetLimits(guest);
    const QString use =
        limits.usedKiB ? tr("uses %1 (usable %2)").arg(size(limits.usedKiB), size(limits.usableKiB))
                       : tr("its use is unknown (no fresh statistics)");
    out() << tr("%1: maximum %2, now %3; %4; safe floor %5; persistent: maximum %6, at boot "
                "%7.")
                 .arg(guest.name, size(limits.maximumKiB), size(limits.actualKiB), use,
                      units::formatKiB(limits.floorKiB), size(limits.persistentMaximumKiB),
                      size(limits.persistentCurrentKiB))
          << Qt::endl;

    BalloonTargetRequest request;
    request.targetKiB = *kib;
    request.scope = scopeFromOptions(parser);
    request.acceptWarnings = parser.isSet(QStringLiteral("force"));
    const GuestPlan plan = planBalloonTarget(guest, request);
    if (parser.isSet(QStringLiteral("dry-run")) || plan.needsConfirmation()) {
        printPlan(plan, false);
        if (plan.needsConfirmation()) {
            err() << tr("Not applied: rerun with --force to accept the warning.") << Qt::endl;
            return ExitNotAllGood;
        }
        return plan.refusals.isEmpty() ? ExitOk : ExitNotAllGood;
    }
    for (const QString &warning : plan.warnings)
        out() << tr("warning (accepted with --force): %1").arg(warning) << Qt::endl;

    const ApplySummary summary = session.apply({plan}, printResult);
    return summary.allGood() ? ExitOk : ExitNotAllGood;
}

} // namespace bs::cli
