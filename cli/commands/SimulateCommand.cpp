#include "SimulateCommand.h"

#include "ExitCodes.h"
#include "HistoryQueries.h"
#include "PolicyOptions.h"
#include "common/Units.h"
#include "history/HistoryReader.h"
#include "policy/PolicyReplay.h"
#include "policy/PolicyReplayJson.h"

#include <QDateTime>
#include <QJsonDocument>

namespace bs::cli {

namespace {

const QString DefaultRange = QStringLiteral("24h");

QStringList policyKeys() {
    QStringList keys;
    for (PolicyKind k : allPolicies())
        keys.append(policyKey(k));
    return keys;
}

QString size(qint64 kib) {
    return kib < 0 ? QLatin1Char('-') + units::formatKiB(quint64(-kib))
                   : units::formatKiB(quint64(kib));
}

QString when(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// --policy, --floor, --host-target, --headroom. Prints the error and returns nullopt.
std::optional<ReplaySettings> readSettings(const QCommandLineParser &parser) {
    ReplaySettings s;
    s.policies.clear();
    for (const QString &key :
         parser.value(QStringLiteral("policy")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto kind = policyFromKey(key);
        if (!kind) {
            err() << SimulateCommand::tr("Unknown policy \"%1\": use %2.")
                         .arg(key, policyKeys().join(QStringLiteral(", ")))
                  << Qt::endl;
            return std::nullopt;
        }
        if (!s.policies.contains(*kind))
            s.policies.append(*kind);
    }
    if (s.policies.isEmpty()) {
        err() << SimulateCommand::tr("--policy names no policy.") << Qt::endl;
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("floor"))) {
        const auto floor = units::parseSize(parser.value(QStringLiteral("floor")));
        if (!floor) {
            err() << floor.error().message << Qt::endl;
            return std::nullopt;
        }
        s.balloonscope.floorKiB = qint64(*floor);
    }
    if (parser.isSet(QStringLiteral("host-target")) &&
        !readHostTarget(parser.value(QStringLiteral("host-target")), s.balloonscope, s.proxmox))
        return std::nullopt;
    if (parser.isSet(QStringLiteral("headroom")))
        readHeadroom(parser.value(QStringLiteral("headroom")), s.balloonscope);
    if (const QString error = s.balloonscope.validationError(); !error.isEmpty()) {
        err() << error << Qt::endl;
        return std::nullopt;
    }
    return s;
}

QString text(const ReplayInput &input, const QList<PolicyReplay> &runs) {
    QString o;
    QTextStream s(&o);
    s << SimulateCommand::tr("Replay of %1, %2 to %3, in buckets of %4 s.")
             .arg(input.hostId, when(input.timesMs.first()),
                  when(input.timesMs.last() + input.bucketMs))
             .arg(input.bucketMs / 1000)
      << '\n';
    s << SimulateCommand::tr("Open-loop: the guests' need is taken as recorded; under another "
                             "balloon they would have behaved differently.")
      << "\n\n";
    for (const PolicyReplay &run : runs) {
        s << policyName(run.policy) << '\n';
        s << "  " << SimulateCommand::tr("balloon changes: %1").arg(run.changes) << '\n';
        s << "  "
          << SimulateCommand::tr("squeezes (balloon below the need): %1").arg(run.squeezes.size())
          << '\n';
        s << "  "
          << SimulateCommand::tr("handed back to the host: %1 on average, %2 at most")
                 .arg(size(run.handedBackMeanKiB), size(run.handedBackPeakKiB))
          << '\n';
        if (run.bucketsWithoutHost > 0)
            s << "  "
              << SimulateCommand::tr("%1 of %2 buckets without the host's own figures: no "
                                     "evaluation there, the balloons held.")
                     .arg(run.bucketsWithoutHost)
                     .arg(input.timesMs.size())
              << '\n';
        if (run.hostFreeLowestKiB)
            s << "  "
              << SimulateCommand::tr("host free memory at its lowest: %1")
                     .arg(size(*run.hostFreeLowestKiB))
              << '\n';
        for (const Squeeze &q : run.squeezes) {
            s << "    "
              << SimulateCommand::tr("%1: %2 to %3, up to %4 below its need")
                     .arg(q.name, when(q.fromMs), when(q.toMs), size(q.worstDeficitKiB))
              << '\n';
        }
        s << '\n';
    }
    return o;
}

} // namespace

QString SimulateCommand::summary() const {
    return tr("Replay a host's recorded history through balloon policies (oVirt MOM, Proxmox, "
              "Balloonscope): the balloons each would have set, the squeezes (a balloon below "
              "the guest's need) and the memory handed back. Open-loop; from the history file "
              "alone.");
}

QList<CommandOption> SimulateCommand::options() const {
    return HistoryArguments(DefaultRange).options() +
           QList<CommandOption>{
               CommandOption(QCommandLineOption(QStringLiteral("policy"),
                                                tr("Comma-separated policies (default all): %1.")
                                                    .arg(policyKeys().join(QStringLiteral(", "))),
                                                QStringLiteral("LIST"),
                                                policyKeys().join(QLatin1Char(','))))
                   .listOf(policyKeys()),
               QCommandLineOption(QStringLiteral("floor"),
                                  tr("Balloonscope's floor and Proxmox's minimum for every guest "
                                     "(default 256MiB)."),
                                  QStringLiteral("SIZE")),
               QCommandLineOption(QStringLiteral("host-target"),
                                  tr("The host's memory in use to stay under: a size (48GiB, "
                                     "Balloonscope) or a share of its RAM (80%, Balloonscope and "
                                     "Proxmox; default 80%)."),
                                  QStringLiteral("SIZE|PERCENT")),
               QCommandLineOption(QStringLiteral("headroom"),
                                  tr("Balloonscope's headroom over the need (default 15%)."),
                                  QStringLiteral("H")),
               QCommandLineOption(QStringLiteral("points"),
                                  tr("At most this many buckets (default 2000)."),
                                  QStringLiteral("N"), QStringLiteral("2000")),
               QCommandLineOption(QStringLiteral("series"),
                                  tr("With --json: every guest's balloon and the host's "
                                     "projected free memory per bucket.")),
               QCommandLineOption(QStringLiteral("json"), tr("Print JSON.")),
           };
}

QStringList SimulateCommand::synopses() const {
    return {QStringLiteral("(--host URI | --demo) [--range DURATION | --from ISO [--to ISO]] "
                           "[--db FILE] [--policy LIST] [--floor SIZE] "
                           "[--host-target SIZE|PERCENT] [--headroom H] [--points N] "
                           "[--json [--series]]")};
}

QList<UsageExample> SimulateCommand::examples() const {
    return {{QStringLiteral("simulate --host qemu:///system --range 7d"),
             tr("What each policy would have done over the last week.")},
            {QStringLiteral("simulate --demo --range 1h --policy balloonscope --host-target 50% "
                            "--json"),
             tr("Balloonscope's policy on the demo host's last hour, with a host target low "
                "enough to make it act, as JSON.")}};
}

QList<ExitStatusDoc> SimulateCommand::exitStatus() const {
    return {
        ExitCodes::describe(ExitOk),
        ExitCodes::describe(ExitNotAllGood, tr("Nothing was recorded of the host in the range.")),
        ExitCodes::describe(ExitUsage), ExitCodes::describe(ExitFailure)};
}

int SimulateCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;
    HistoryArguments history(DefaultRange);
    if (!history.read(parser))
        return ExitUsage;
    const auto settings = readSettings(parser);
    if (!settings)
        return ExitUsage;
    bool ok = false;
    const QString pointsText = parser.value(QStringLiteral("points"));
    const int points = pointsText.toInt(&ok);
    if (!ok || points < 1 || points > 100000) {
        err() << tr("--points must be 1 to 100000, not \"%1\".").arg(pointsText) << Qt::endl;
        return ExitUsage;
    }

    const auto store = history.openReader();
    if (!store)
        return ExitFailure;
    Error error;
    const auto guests = awaitAnswer<QList<GuestInfo>>(*store, store->queryGuests(history.hostId),
                                                      &HistoryReader::guestsReady, &error);
    if (!guests) {
        err() << error.message << Qt::endl;
        return ExitFailure;
    }
    QStringList uuids;
    QHash<QString, QString> names;
    for (const GuestInfo &g : *guests) {
        uuids.append(g.uuid);
        names.insert(g.uuid, g.name);
    }
    std::optional<SeriesResult> series;
    if (!uuids.isEmpty()) {
        series = awaitAnswer<SeriesResult>(
            *store,
            store->querySeries(
                replaySeriesRequest(history.hostId, uuids, history.fromMs, history.toMs, points)),
            &HistoryReader::seriesReady, &error);
        if (!series) {
            err() << error.message << Qt::endl;
            return ExitFailure;
        }
    }
    const auto host =
        awaitAnswer<HostSeriesResult>(*store,
                                      store->queryHostSeries(replayHostRequest(
                                          history.hostId, history.fromMs, history.toMs, points)),
                                      &HistoryReader::hostSeriesReady, &error);
    if (!host) {
        err() << error.message << Qt::endl;
        return ExitFailure;
    }
    const ReplayInput input = replayInputFrom(series.value_or(SeriesResult{}), *host, names);
    const bool any = std::any_of(
        input.guests.cbegin(), input.guests.cend(), [](const QList<RecordedGuest> &rows) {
            return std::any_of(rows.cbegin(), rows.cend(),
                               [](const RecordedGuest &r) { return r.running; });
        });
    if (!any) {
        err() << tr("Nothing was recorded of %1 in that range.").arg(history.hostId) << Qt::endl;
        if (!history.demoHint().isEmpty())
            err() << history.demoHint() << Qt::endl;
        return ExitNotAllGood;
    }
    const QList<PolicyReplay> runs = replayPolicies(input, *settings);
    if (parser.isSet(QStringLiteral("json")))
        out() << QJsonDocument(
                     policyReplayJson(input, runs, parser.isSet(QStringLiteral("series"))))
                     .toJson();
    else
        out() << text(input, runs);
    out() << Qt::flush;
    return ExitOk;
}

} // namespace bs::cli
