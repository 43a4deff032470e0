#include "AdviseCommand.h"

#include "ExitCodes.h"
#include "HistoryQueries.h"
#include "HostArguments.h"
#include "PollSession.h"
#include "common/Units.h"
#include "demo/DemoRoot.h"
#include "history/RangePresets.h"
#include "libvirt/ConnectionUri.h"
#include "sizing/HostAdvice.h"
#include "sizing/SizingJson.h"

#include <QDateTime>
#include <QJsonDocument>

namespace bs::cli {

namespace {

QString size(std::optional<qint64> kib) {
    return kib ? units::formatKiB(quint64(qMax<qint64>(0, *kib))) : QStringLiteral("-");
}

QString when(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString normalizedUri(const QString &text) {
    const auto parsed = ConnectionUri::parse(text);
    if (const auto *uri = std::get_if<ConnectionUri>(&parsed))
        return uri->toString();
    return text;
}

// The policy from --preset or --percentile/--headroom/--window (a custom one, starting from
// Balanced), and --floor. Prints the error and returns nullopt on bad input.
std::optional<SizingPolicy> readPolicy(const QCommandLineParser &parser) {
    const QString presetOpt = QStringLiteral("preset");
    const bool custom = parser.isSet(QStringLiteral("percentile")) ||
                        parser.isSet(QStringLiteral("headroom")) ||
                        parser.isSet(QStringLiteral("window"));
    SizingPolicy policy = SizingPolicy::fromPreset(SizingPreset::Balanced);
    if (parser.isSet(presetOpt)) {
        const auto preset = sizingPresetFromKey(parser.value(presetOpt));
        if (!preset || *preset == SizingPreset::Custom) {
            err() << AdviseCommand::tr("Unknown preset \"%1\": use conservative, balanced or "
                                       "aggressive.")
                         .arg(parser.value(presetOpt))
                  << Qt::endl;
            return std::nullopt;
        }
        policy = SizingPolicy::fromPreset(*preset);
    }
    if (custom) {
        policy.preset = SizingPreset::Custom;
        bool ok = true;
        if (parser.isSet(QStringLiteral("percentile"))) {
            QString text = parser.value(QStringLiteral("percentile")).trimmed();
            if (text.startsWith(QLatin1Char('p'), Qt::CaseInsensitive))
                text = text.mid(1);
            policy.percentile = text.toDouble(&ok);
            if (!ok) {
                err() << AdviseCommand::tr("--percentile must be a number such as 95, not "
                                           "\"%1\".")
                             .arg(parser.value(QStringLiteral("percentile")))
                      << Qt::endl;
                return std::nullopt;
            }
        }
        if (parser.isSet(QStringLiteral("headroom"))) {
            QString text = parser.value(QStringLiteral("headroom")).trimmed();
            if (text.endsWith(QLatin1Char('%')))
                text.chop(1);
            policy.headroom = text.trimmed().toDouble(&ok) / 100.0;
            if (!ok) {
                err() << AdviseCommand::tr("--headroom must be a percentage such as 15, not "
                                           "\"%1\".")
                             .arg(parser.value(QStringLiteral("headroom")))
                      << Qt::endl;
                return std::nullopt;
            }
        }
        if (parser.isSet(QStringLiteral("window"))) {
            const QString text = parser.value(QStringLiteral("window")).trimmed();
            bool plain = false;
            const double days = text.toDouble(&plain);
            // Days beyond any window (or not finite) are left to the policy's range check.
            const bool sane = plain && days > 0 && days <= 3 * 366;
            const auto seconds = sane    ? std::optional<qint64>(qint64(days * 86400))
                                 : plain ? std::optional<qint64>(0)
                                         : parseDurationSeconds(text);
            if (!seconds) {
                err() << AdviseCommand::tr("--window must be days (14) or a duration such as "
                                           "14d or 12h, not \"%1\".")
                             .arg(text)
                      << Qt::endl;
                return std::nullopt;
            }
            policy.windowSeconds = *seconds;
        }
    }
    if (parser.isSet(QStringLiteral("floor"))) {
        const auto floor = units::parseSize(parser.value(QStringLiteral("floor")));
        if (!floor) {
            err() << floor.error().message << Qt::endl;
            return std::nullopt;
        }
        policy.floorKiB = qint64(*floor);
    }
    if (const QString error = policy.validationError(); !error.isEmpty()) {
        err() << error << Qt::endl;
        return std::nullopt;
    }
    return policy;
}

// The live state of the guests from one poll (--connect): their balloon now, their maximum and
// whether they report, over what the history last recorded. A stats state the first poll cannot
// know yet (waiting, unknown) leaves the recorded one.
void applyLivePoll(const PollCycle &cycle, NeedResult &history) {
    for (const MemorySample &s : cycle.samples) {
        auto it = std::find_if(history.guests.begin(), history.guests.end(),
                               [&](const GuestNeedHistory &g) { return g.uuid == s.uuid; });
        if (it == history.guests.end()) {
            GuestNeedHistory g;
            g.uuid = s.uuid;
            g.name = s.name;
            history.guests.append(g);
            it = history.guests.end() - 1;
        }
        it->name = s.name;
        it->lastPollMs = s.timeMs;
        it->lastState = s.state;
        if (s.statsState != StatsState::Waiting && s.statsState != StatsState::Unknown)
            it->lastStatsState = s.statsState;
        if (s.stats.actual)
            it->actualKiB = qint64(*s.stats.actual);
        if (s.stats.maximum)
            it->maximumKiB = qint64(*s.stats.maximum);
    }
}

void printText(const HostAdvice &advice) {
    QTextStream &o = out();
    o << AdviseCommand::tr("Sizing advice for %1: %2, %3 (%4 to %5)")
             .arg(advice.hostId, sizingPresetName(advice.policy.preset),
                  sizingPolicySummary(advice.policy), when(advice.fromMs), when(advice.toMs))
      << Qt::endl;
    QStringList tiers;
    for (Tier t : advice.tiers)
        tiers.append(tierSourceName(t));
    if (!tiers.isEmpty())
        o << AdviseCommand::tr("Need from: %1.").arg(tiers.join(QStringLiteral(", "))) << Qt::endl;
    o << AdviseCommand::tr("Need = available − usable: what the guest could not give back "
                           "without swapping.")
      << Qt::endl
      << Qt::endl;
    o << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
             .arg(AdviseCommand::tr("GUEST"), -18)
             .arg(AdviseCommand::tr("MAXIMUM"), 10)
             .arg(AdviseCommand::tr("ACTUAL"), 10)
             .arg(AdviseCommand::tr("NEED P50"), 10)
             .arg(AdviseCommand::tr("P95"), 10)
             .arg(AdviseCommand::tr("P99"), 10)
             .arg(AdviseCommand::tr("ADVISED"), 10)
             .arg(AdviseCommand::tr("RECLAIM"), 10)
             .arg(AdviseCommand::tr("CONFIDENCE"))
      << Qt::endl;
    for (const GuestAdvice &g : advice.guests) {
        const QString confidence =
            g.status == AdviceStatus::Advised
                ? AdviseCommand::tr("%1 (%2 % of the window)")
                      .arg(confidenceName(g.confidence))
                      .arg(QLocale().toString(g.coverage.share * 100, 'f', 1))
                : confidenceName(Confidence::None);
        o << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9")
                 .arg(g.name.isEmpty() ? g.uuid : g.name, -18)
                 .arg(size(g.maximumKiB), 10)
                 .arg(size(g.actualKiB), 10)
                 .arg(size(g.needP50), 10)
                 .arg(size(g.needP95), 10)
                 .arg(size(g.needP99), 10)
                 .arg(size(g.recommendedKiB), 10)
                 .arg(g.recommendedKiB ? size(g.reclaimableKiB) : QStringLiteral("-"), 10)
                 .arg(confidence)
          << Qt::endl;
        if (g.status != AdviceStatus::Advised)
            o << QStringLiteral("    ") << adviceReason(g) << Qt::endl;
        if (g.shortKiB > 0) {
            o << QStringLiteral("    ")
              << AdviseCommand::tr("Short: the recommendation is %1 above the maximum memory; "
                                   "raise the maximum at the next boot.")
                     .arg(size(g.shortKiB))
              << Qt::endl;
        }
        if (g.cacheCounted) {
            o << QStringLiteral("    ")
              << AdviseCommand::tr("Cache counted as used: the guest does not report usable "
                                   "memory, so need = available − unused.")
              << Qt::endl;
        }
        if (g.vetoed) {
            o << QStringLiteral("    ")
              << AdviseCommand::tr("Not below today's balloon: it swapped in %1 and had %2 "
                                   "major faults in the window.")
                     .arg(size(g.swapInKiB))
                     .arg(g.majorFaults)
              << Qt::endl;
            for (const PressureEvidence &e : g.evidence) {
                o << QStringLiteral("      ")
                  << AdviseCommand::tr("%1: swap-in %2, %3 major faults")
                         .arg(when(e.toMs), size(e.swapInKiB))
                         .arg(e.majorFaults)
                  << Qt::endl;
            }
        }
    }
    o << Qt::endl
      << AdviseCommand::tr("Reclaimable in all: %1.").arg(size(advice.reclaimableKiB)) << Qt::endl;
    const HostWhatIf &w = advice.whatIf;
    if (!w.known) {
        o << AdviseCommand::tr("The host's memory size is not in the history: no what-if.")
          << Qt::endl;
        return;
    }
    o << AdviseCommand::tr("Host: %1, %2 kept free for the host: %3 for guests.")
             .arg(size(w.hostTotalKiB), size(w.reserveKiB), size(w.capacityKiB))
      << Qt::endl;
    o << AdviseCommand::tr("Worst hour as the guests are: %1 (%2); with the recommendations "
                           "applied: %3 (%4).")
             .arg(size(w.peakTodayKiB), when(w.peakTodayHourMs), size(w.peakKiB),
                  when(w.peakHourMs))
      << Qt::endl;
    if (w.ksmSavedKiB) {
        o << (w.ksmCounted ? AdviseCommand::tr("KSM saved %1 in that hour (counted).")
                           : AdviseCommand::tr("KSM saved %1 in that hour (not counted; "
                                               "--count-ksm counts it)."))
                 .arg(size(w.ksmSavedKiB))
          << Qt::endl;
    }
}

void printFit(const HostAdvice &advice) {
    const HostWhatIf &w = advice.whatIf;
    QStringList names;
    for (const QString &uuid : w.mustApply) {
        for (const GuestAdvice &g : advice.guests) {
            if (g.uuid == uuid)
                names.append(g.name.isEmpty() ? g.uuid : g.name);
        }
    }
    if (!w.known) {
        out() << AdviseCommand::tr("A guest of %1: unknown, the host's memory size is not "
                                   "recorded.")
                     .arg(size(w.newGuestKiB))
              << Qt::endl;
    } else if (w.fitsToday) {
        out() << AdviseCommand::tr("A guest of %1 fits as the guests are: %2 left in the worst "
                                   "hour (%3).")
                     .arg(size(w.newGuestKiB), size(w.marginKiB), when(w.worstHourMs))
              << Qt::endl;
    } else if (w.fits) {
        out() << AdviseCommand::tr("A guest of %1 fits once these recommendations are applied: "
                                   "%2. %3 left in the worst hour (%4).")
                     .arg(size(w.newGuestKiB), names.join(QStringLiteral(", ")), size(w.marginKiB),
                          when(w.worstHourMs))
              << Qt::endl;
    } else {
        out() << AdviseCommand::tr("A guest of %1 does not fit, even with every recommendation "
                                   "applied: %2 short in the worst hour (%3).")
                     .arg(size(w.newGuestKiB), size(-w.marginKiB), when(w.worstHourMs))
              << Qt::endl;
    }
}

} // namespace

QString AdviseCommand::summary() const {
    return tr("Recommend each guest's memory from its recorded need, say what can be reclaimed "
              "and whether another guest fits on the host.");
}

QList<CommandOption> AdviseCommand::options() const {
    return ConnectOptions::connect() +
           QList<CommandOption>{
               historyDatabaseOption(),
               historySourceOption(),
               QCommandLineOption(QStringLiteral("host"),
                                  tr("Instead of --connect: the recorded host's URI, from the "
                                     "history file alone."),
                                  QStringLiteral("URI")),
               QCommandLineOption(QStringLiteral("demo"),
                                  tr("Instead of --host: the demo host, as \"record --demo\" "
                                     "records it.")),
               CommandOption(QCommandLineOption(QStringLiteral("preset"),
                                                tr("conservative (P99 + 20 % over 30 days), "
                                                   "balanced (P95 + 15 % over 14 days, the "
                                                   "default) or aggressive (P90 + 10 % over 7 "
                                                   "days)."),
                                                QStringLiteral("NAME")))
                   .oneOf({QStringLiteral("conservative"), QStringLiteral("balanced"),
                           QStringLiteral("aggressive")}),
               QCommandLineOption(QStringLiteral("percentile"),
                                  tr("A custom policy's percentile of the need, 50 to 100."),
                                  QStringLiteral("P")),
               QCommandLineOption(QStringLiteral("headroom"),
                                  tr("A custom policy's headroom above it, in percent."),
                                  QStringLiteral("H")),
               QCommandLineOption(QStringLiteral("window"),
                                  tr("A custom policy's window: days, or a duration such as "
                                     "12h."),
                                  QStringLiteral("D")),
               QCommandLineOption(QStringLiteral("floor"),
                                  tr("Never recommend less than this (default 256 MiB)."),
                                  QStringLiteral("SIZE")),
               QCommandLineOption(QStringLiteral("guest-floor"),
                                  tr("A floor of its own for one guest, NAME=SIZE (its name or "
                                     "UUID; repeat for several)."),
                                  QStringLiteral("NAME=SIZE")),
               QCommandLineOption(QStringLiteral("fit"),
                                  tr("Whether a new guest of this size fits on the host, and "
                                     "which recommendations it takes."),
                                  QStringLiteral("SIZE")),
               QCommandLineOption(QStringLiteral("count-ksm"),
                                  tr("Count KSM's savings in the host what-if.")),
               QCommandLineOption(QStringLiteral("to"),
                                  tr("End of the window, ISO 8601 (default now)."),
                                  QStringLiteral("ISO")),
               QCommandLineOption(QStringLiteral("json"), tr("Print JSON.")),
           };
}

QStringList AdviseCommand::synopses() const {
    return {QStringLiteral("(--connect URI | [--db FILE | --source URL] (--host URI | --demo)) "
                           "[--preset NAME | "
                           "--percentile P --headroom H --window D] [--floor SIZE] "
                           "[--guest-floor NAME=SIZE]... [--fit SIZE] "
                           "[--count-ksm] [--to ISO] [--json]")};
}

QList<UsageExample> AdviseCommand::examples() const {
    return {{QStringLiteral("advise --host qemu:///system --fit 4GiB"),
             tr("The balanced advice from the default history file, and whether a 4 GiB guest "
                "fits.")},
            {QStringLiteral("advise --db lab.sqlite --host qemu+ssh://root@kvm1/system --preset "
                            "conservative --json"),
             tr("Conservative advice from a history file copied from another machine, as "
                "JSON.")},
            {QStringLiteral("advise --demo --percentile 99 --headroom 10 --window 1h"),
             tr("A custom policy over the demo's last hour.")}};
}

QList<ExitStatusDoc> AdviseCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk),
            ExitCodes::describe(ExitNotAllGood, tr("The guest of --fit does not fit, or nothing "
                                                   "was recorded for the host.")),
            ExitCodes::describe(ExitUsage), ExitCodes::describe(ExitConnection),
            ExitCodes::describe(ExitFailure)};
}

int AdviseCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;

    const bool live = parser.isSet(QStringLiteral("connect"));
    const bool demo = parser.isSet(QStringLiteral("demo"));
    const bool recorded = parser.isSet(QStringLiteral("host"));
    if (int(live) + int(demo) + int(recorded) != 1) {
        err() << tr("Give the host with one of --connect URI, --host URI or --demo.") << Qt::endl;
        return ExitUsage;
    }
    const auto policy = readPolicy(parser);
    if (!policy)
        return ExitUsage;
    WhatIfRequest whatIf;
    whatIf.countKsm = parser.isSet(QStringLiteral("count-ksm"));
    const bool fit = parser.isSet(QStringLiteral("fit"));
    if (fit) {
        const auto kib = units::parseSize(parser.value(QStringLiteral("fit")));
        if (!kib) {
            err() << kib.error().message << Qt::endl;
            return ExitUsage;
        }
        whatIf.newGuestKiB = qint64(*kib);
    }
    qint64 toMs = QDateTime::currentMSecsSinceEpoch();
    if (parser.isSet(QStringLiteral("to"))) {
        const QDateTime to = QDateTime::fromString(parser.value(QStringLiteral("to")), Qt::ISODate);
        if (!to.isValid()) {
            err() << tr("--to must be an ISO 8601 time, not \"%1\".")
                         .arg(parser.value(QStringLiteral("to")))
                  << Qt::endl;
            return ExitUsage;
        }
        toMs = to.toMSecsSinceEpoch();
    }

    std::optional<HostArguments> host;
    HistoryArguments history(QStringLiteral("1h"));
    history.db = parser.value(QStringLiteral("db"));
    history.demo = demo;
    if (!history.readSource(parser))
        return ExitUsage;
    if (live) {
        host = HostArguments::single(parser);
        if (!host)
            return ExitUsage;
        history.hostId = host->config.uri;
    } else {
        history.hostId =
            normalizedUri(demo ? DemoRoot::uri() : parser.value(QStringLiteral("host")));
    }

    const auto store = history.openReader();
    if (!store)
        return ExitFailure;
    Error error;
    auto needs = awaitAnswer<NeedResult>(
        *store, store->queryNeeds(needRequestFor(history.hostId, *policy, toMs)),
        &HistoryReader::needsReady, &error);
    if (!needs) {
        err() << error.message << Qt::endl;
        return ExitFailure;
    }
    if (live) {
        PollSession session(host->config, host->credentials);
        const auto failure =
            session.run(1, [&](const PollCycle &cycle) { applyLivePoll(cycle, *needs); });
        if (failure) {
            err() << *failure << Qt::endl;
            return ExitConnection;
        }
    }
    // --guest-floor NAME=SIZE, by the names the history knows.
    SizingPolicy withFloors = *policy;
    for (const QString &spec : parser.values(QStringLiteral("guest-floor"))) {
        const QString name = spec.section(QLatin1Char('='), 0, 0).trimmed();
        const auto size = units::parseSize(spec.section(QLatin1Char('='), 1));
        if (name.isEmpty() || !spec.contains(QLatin1Char('=')) || !size) {
            err()
                << tr("--guest-floor takes NAME=SIZE, for example web1=2GiB, not \"%1\".").arg(spec)
                << Qt::endl;
            return ExitUsage;
        }
        const auto it = std::find_if(
            needs->guests.cbegin(), needs->guests.cend(),
            [&](const GuestNeedHistory &g) { return g.name == name || g.uuid == name; });
        if (it == needs->guests.cend()) {
            err() << tr("--guest-floor: no guest \"%1\" in the history of %2.")
                         .arg(name, history.hostId)
                  << Qt::endl;
            return ExitUsage;
        }
        withFloors.guestFloorsKiB.insert(it->uuid, qint64(*size));
    }
    const HostAdvice advice = adviseHost(*needs, withFloors, whatIf);
    if (parser.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(hostAdviceToJson(advice)).toJson(QJsonDocument::Indented);
    } else {
        printText(advice);
        if (fit)
            printFit(advice);
    }
    out() << Qt::flush;
    if (advice.guests.isEmpty()) {
        err() << tr("Nothing was recorded for %1 in the window (%2 to %3).")
                     .arg(history.hostId, when(advice.fromMs), when(advice.toMs))
              << Qt::endl;
        if (!history.demoHint().isEmpty())
            err() << history.demoHint() << Qt::endl;
        return ExitNotAllGood;
    }
    return fit && !advice.whatIf.fits ? ExitNotAllGood : ExitOk;
}

} // namespace bs::cli
