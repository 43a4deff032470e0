#include "PromNeeds.h"

#include "PromMetricNames.h"
#include "PromQuery.h"
#include "PromSamples.h"
#include "history/NeedAccumulator.h"

#include <QMap>

#include <algorithm>
#include <cmath>

namespace bs::prom {

namespace {

constexpr qint64 HourS = 3600;

Tier tierForStep(qint64 step) {
    if (step < 60)
        return Tier::Raw;
    return step < HourS ? Tier::Minute : Tier::Hour;
}

qint64 kib(double bytes) {
    return qint64(std::llround(bytes / 1024.0));
}

void fillFromSamples(const GuestSamples &samples, GuestNeedHistory &guest) {
    const MemorySample *previousCounters = nullptr;
    QMap<qint64, qint64> hours;
    for (const MemorySample &s : samples.samples) {
        guest.lastPollMs = s.timeMs;
        guest.lastState = s.state;
        guest.lastStatsState = s.statsState;
        if (s.statsState == StatsState::Reporting)
            ++guest.reportingPolls;
        if (s.stats.actual)
            guest.actualKiB = qint64(*s.stats.actual);
        if (s.stats.maximum)
            guest.maximumKiB = qint64(*s.stats.maximum);
        if (s.state == DomainState::Running && s.stats.actual) {
            qint64 &hour = hours[s.timeMs / (HourS * 1000) * HourS * 1000];
            hour = std::max(hour, qint64(*s.stats.actual));
        }
        if (!s.freshReport)
            continue;
        guest.lastReportMs = s.timeMs;
        guest.overheadKiB = kernelOverheadKiB(
            s.stats.actual ? std::optional<qint64>(qint64(*s.stats.actual)) : std::nullopt,
            s.stats.available ? std::optional<qint64>(qint64(*s.stats.available)) : std::nullopt);
        if (!s.stats.swapIn || !s.stats.majorFault)
            continue;
        if (previousCounters && *s.stats.swapIn >= *previousCounters->stats.swapIn &&
            *s.stats.majorFault >= *previousCounters->stats.majorFault) {
            PressurePoint p{previousCounters->timeMs, s.timeMs,
                            qint64(*s.stats.swapIn - *previousCounters->stats.swapIn),
                            qint64(*s.stats.majorFault - *previousCounters->stats.majorFault)};
            if (p.swapInKiB > 0 || p.majorFaults > 0)
                guest.pressure.append(p);
        } // a drop is a reboot: not counted
        previousCounters = &s;
    }
    for (auto it = hours.cbegin(); it != hours.cend(); ++it)
        guest.hours.append(GuestHour{it.key(), it.value()});
}

} // namespace

Result<NeedResult> readNeeds(const PrometheusClient &client, const NeedRequest &request) {
    const qint64 spanS = std::max<qint64>(1, (request.toMs - request.fromMs) / 1000);
    const qint64 step = std::max<qint64>(1, (spanS + StepPlan::MaxPointsPerSeries - 1) /
                                                StepPlan::MaxPointsPerSeries);
    const StepPlan plan = StepPlan::covering(request.fromMs, request.toMs, step);
    const StepPlan hourly = StepPlan::covering(request.fromMs, request.toMs, HourS);
    NeedResult out;
    out.hostId = request.hostId;
    out.fromMs = request.fromMs;
    out.toMs = request.toMs;
    out.intervalSeconds = int(plan.step);
    out.tiers = {tierForStep(plan.step)};

    const auto perStep = [&](const char *outer, const char *inner, Metric metric) {
        return plan.rangeQuery(
            QStringLiteral("%1 by (uuid) (%2_over_time(%3[%4s]))")
                .arg(QLatin1String(outer), QLatin1String(inner),
                     selector(seriesFor(metric).name, request.hostId, request.uuids))
                .arg(plan.window));
    };
    const auto hostPerHour = [&](const char *fn, HostMetric metric) {
        return hourly.rangeQuery(
            QStringLiteral("%1(%1_over_time(%2[%3s]))")
                .arg(QLatin1String(fn), selector(hostSeriesFor(metric).name, request.hostId))
                .arg(HourS));
    };
    QList<QUrlQuery> queries = {hostPerHour("max", HostMetric::Total),
                                hostPerHour("min", HostMetric::KsmSaved)};
    if (!request.uuids.isEmpty())
        queries += {perStep("max", "max", Metric::UsedExcludingCache),
                    perStep("max", "max", Metric::Used), perStep("max", "count", Metric::Used)};
    const auto answers = client.getAll(QStringLiteral("query_range"), queries);
    if (!answers)
        return answers.error();

    const Values totals = valuesOf(answers->at(0));
    const Values ksm = valuesOf(answers->at(1));
    QList<qint64> hourTimes = totals.keys() + ksm.keys();
    std::sort(hourTimes.begin(), hourTimes.end());
    hourTimes.erase(std::unique(hourTimes.begin(), hourTimes.end()), hourTimes.end());
    for (qint64 t : std::as_const(hourTimes)) {
        HostHour h;
        h.hourMs = (t - HourS) / HourS * HourS * 1000; // the window (t − 1 h, t]
        if (totals.contains(t))
            h.totalKiB = kib(totals.value(t));
        if (ksm.contains(t))
            h.ksmSavedKiB = kib(ksm.value(t));
        out.hostHours.append(h);
        if (h.totalKiB)
            out.hostTotalKiB = h.totalKiB;
    }
    if (request.uuids.isEmpty())
        return out;

    const QString uuid = QStringLiteral("uuid");
    const auto needExcluding = valuesByLabel(answers->at(2), uuid);
    const auto needWithCache = valuesByLabel(answers->at(3), uuid);
    const auto weights = valuesByLabel(answers->at(4), uuid);
    const auto samples = readSamples(
        client, SampleRequest{request.hostId, request.uuids, request.fromMs, request.toMs});
    if (!samples)
        return samples.error();
    const Tier tier = tierForStep(plan.step);
    for (qsizetype i = 0; i < request.uuids.size(); ++i) {
        const QString &id = request.uuids.at(i);
        GuestNeedHistory guest;
        guest.uuid = id;
        guest.name = samples->guests.value(i).name;
        NeedAccumulator acc;
        const Values &excluding = needExcluding[id];
        const Values &withCache = needWithCache[id];
        const Values &weight = weights[id];
        QList<qint64> times = excluding.keys() + withCache.keys();
        std::sort(times.begin(), times.end());
        times.erase(std::unique(times.begin(), times.end()), times.end());
        for (qint64 t : std::as_const(times)) {
            const qint64 reports = std::max<qint64>(1, qint64(weight.value(t, 1)));
            if (const auto e = excluding.constFind(t); e != excluding.cend())
                acc.addRollup(kib(*e), reports, tier, false);
            else
                acc.addRollup(kib(withCache.value(t)), reports, tier, true);
        }
        guest.need = acc.summary(request.percentiles);
        fillFromSamples(samples->guests.value(i), guest);
        out.guests.append(guest);
    }
    return out;
}

} // namespace bs::prom
