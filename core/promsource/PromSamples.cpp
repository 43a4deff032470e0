#include "PromSamples.h"

#include "PromMetricNames.h"
#include "PromQuery.h"
#include "history/Decimator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

namespace bs::prom {

namespace {

using Field = std::optional<quint64> BalloonStats::*;

struct FieldSource {
    Metric metric;
    Field field;
};

const FieldSource Fields[] = {
    {Metric::Actual, &BalloonStats::actual},
    {Metric::Maximum, &BalloonStats::maximum},
    {Metric::Rss, &BalloonStats::rss},
    {Metric::VmSwap, &BalloonStats::vmSwap},
    {Metric::PsiSome, &BalloonStats::psiSome},
    {Metric::PsiFull, &BalloonStats::psiFull},
    {Metric::Unused, &BalloonStats::unused},
    {Metric::Available, &BalloonStats::available},
    {Metric::Usable, &BalloonStats::usable},
    {Metric::DiskCaches, &BalloonStats::diskCaches},
    {Metric::SwapIn, &BalloonStats::swapIn},
    {Metric::SwapOut, &BalloonStats::swapOut},
    {Metric::MajorFault, &BalloonStats::majorFault},
    {Metric::MinorFault, &BalloonStats::minorFault},
    {Metric::HugetlbPgAlloc, &BalloonStats::hugetlbPgAlloc},
    {Metric::HugetlbPgFail, &BalloonStats::hugetlbPgFail},
};
constexpr int FieldCount = int(std::size(Fields));

QString lastIn(const QString &name, const SampleRequest &r, qint64 window) {
    return QStringLiteral("last_over_time(%1[%2s])")
        .arg(selector(name, r.hostId, r.uuids))
        .arg(window);
}

} // namespace

Result<SampleResult> readSamples(const PrometheusClient &client, const SampleRequest &request) {
    const qint64 spanS = std::max<qint64>(1, (request.toMs - request.fromMs) / 1000);
    const StepPlan plan =
        StepPlan::covering(request.fromMs, request.toMs,
                           std::max<qint64>(1, (spanS + StepPlan::MaxPointsPerSeries - 1) /
                                                   StepPlan::MaxPointsPerSeries));
    SampleResult out;
    out.rawFromMs = request.fromMs;
    if (plan.step > 1)
        out.note = QCoreApplication::translate("bs::prom::PrometheusHistory",
                                               "One sample per %1 s: the server returns at most "
                                               "%2 points per series.")
                       .arg(plan.step)
                       .arg(StepPlan::MaxPointsPerSeries);
    if (request.uuids.isEmpty())
        return out;

    QList<QUrlQuery> queries;
    for (const FieldSource &f : Fields)
        queries.append(plan.rangeQuery(lastIn(seriesFor(f.metric).name, request, plan.window)));
    queries.append(plan.rangeQuery(
        lastIn(QStringLiteral("libvirt_domain_memory_stats_last_update_timestamp_seconds"), request,
               plan.window)));
    queries.append(plan.rangeQuery(
        lastIn(QStringLiteral("balloonscope_guest_running"), request, plan.window)));
    queries.append(plan.rangeQuery(
        lastIn(QStringLiteral("balloonscope_guest_stats_state"), request, plan.window) +
        QStringLiteral(" == 1")));
    const auto answers = client.getAll(QStringLiteral("query_range"), queries);
    if (!answers)
        return answers.error();

    const QString uuidLabel = QStringLiteral("uuid");
    std::array<QHash<QString, Values>, FieldCount> fields;
    for (int i = 0; i < FieldCount; ++i)
        fields[size_t(i)] = valuesByLabel(answers->at(i), uuidLabel);
    const auto lastUpdate = valuesByLabel(answers->at(FieldCount), uuidLabel);
    const auto running = valuesByLabel(answers->at(FieldCount + 1), uuidLabel);
    // uuid → time → stats state, and the guests' names, from the labelled series.
    QHash<QString, QHash<qint64, StatsState>> states;
    QHash<QString, QString> names;
    for (const QJsonValue &v :
         answers->at(FieldCount + 2).toObject().value(QLatin1String("result")).toArray()) {
        const QJsonObject series = v.toObject();
        const QJsonObject labels = series.value(QLatin1String("metric")).toObject();
        const QString uuid = labels.value(uuidLabel).toString();
        names.insert(uuid, labels.value(QLatin1String("domain")).toString());
        StatsState state = StatsState::Unknown;
        for (int s = 0; s <= int(StatsState::Unknown); ++s) {
            if (statsStateKey(StatsState(s)) == labels.value(QLatin1String("state")).toString())
                state = StatsState(s);
        }
        for (const QJsonValue &pair : series.value(QLatin1String("values")).toArray())
            states[uuid].insert(qint64(std::llround(pair.toArray().at(0).toDouble())), state);
    }

    // The queries ran side by side while the server went on ingesting: a scrape that arrived
    // between two of them is in some answers and not in others. Every answer holds every scrape
    // up to the oldest of their newest times: samples stop there, none is half-filled.
    qint64 edge = std::numeric_limits<qint64>::max();
    const auto newest = [](const QHash<QString, Values> &byUuid) {
        qint64 t = -1;
        for (const Values &v : byUuid)
            for (auto it = v.keyBegin(); it != v.keyEnd(); ++it)
                t = std::max(t, *it);
        return t;
    };
    for (const QHash<QString, Values> *answer :
         {&std::as_const(fields[0]), &running}) { // the balloon and the domain state
        const qint64 t = newest(*answer);
        if (t >= 0)
            edge = std::min(edge, t);
    }
    std::vector<qint64> gaps;
    for (const QString &uuid : request.uuids) {
        GuestSamples guest;
        guest.uuid = uuid;
        guest.name = names.value(uuid);
        std::set<qint64> times;
        for (const auto &f : fields)
            for (auto it = f.value(uuid).keyBegin(); it != f.value(uuid).keyEnd(); ++it)
                times.insert(*it);
        for (auto it = running.value(uuid).keyBegin(); it != running.value(uuid).keyEnd(); ++it)
            times.insert(*it);
        std::optional<qint64> previousUpdate;
        qint64 previousTime = -1;
        for (qint64 t : times) {
            if (t > edge)
                break;
            MemorySample s;
            s.hostId = request.hostId;
            s.uuid = uuid;
            s.name = guest.name;
            s.timeMs = std::min(t * 1000, request.toMs); // the last point ends after `to`
            for (int i = 0; i < FieldCount; ++i) {
                const Values &v = fields[size_t(i)][uuid];
                const auto found = v.constFind(t);
                if (found != v.cend() && *found >= 0)
                    s.stats.*(Fields[i].field) =
                        quint64(std::llround(*found * seriesFor(Fields[i].metric).factor));
            }
            const Values &update = lastUpdate[uuid];
            if (const auto u = update.constFind(t); u != update.cend() && *u > 0)
                s.stats.lastUpdate = qint64(*u);
            const Values &run = running[uuid];
            if (const auto r = run.constFind(t); r != run.cend())
                s.state = *r > 0 ? DomainState::Running : DomainState::Shutoff;
            s.statsState = states.value(uuid).value(t, StatsState::Unknown);
            // Fresh where last_update advanced; a repeated report keeps only the host figures.
            s.freshReport = s.stats.hasGuestFields() && s.stats.lastUpdate &&
                            (!previousUpdate || *s.stats.lastUpdate > *previousUpdate);
            if (s.stats.lastUpdate)
                previousUpdate = s.stats.lastUpdate;
            if (!s.freshReport)
                s.stats.clearGuestFields();
            if (previousTime >= 0)
                gaps.push_back(t - previousTime);
            previousTime = t;
            guest.samples.append(s);
        }
        out.guests.append(guest);
    }
    // The scrape interval: the most common spacing (the median), as the local history takes
    // its polling interval.
    qint64 interval = plan.step;
    if (!gaps.empty()) {
        std::nth_element(gaps.begin(), gaps.begin() + qsizetype(gaps.size() / 2), gaps.end());
        interval = std::max(plan.step, gaps[gaps.size() / 2]);
    }
    out.maxGapMs = history::maxGapForInterval(int(interval)) * 1000;
    return out;
}

} // namespace bs::prom
