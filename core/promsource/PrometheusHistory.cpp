#include "PrometheusHistory.h"

#include "PromMetricNames.h"
#include "PromNeeds.h"
#include "PromQuery.h"
#include "PromSamples.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace bs::prom {

namespace {

const QString BalloonName = QStringLiteral("libvirt_domain_memory_stats_current_balloon_bytes");

QString tr(const char *text) {
    return QCoreApplication::translate("bs::prom::PrometheusHistory", text);
}

Error notAUuid(const QString &uuid) {
    return Error::invalidArgument(tr("\"%1\" is not a guest UUID.").arg(uuid));
}

// "<fn> by (uuid) (<fn>_over_time(<sel>[<window>s]))"
QString perGuest(const char *fn, const QString &sel, qint64 window) {
    return QStringLiteral("%1 by (uuid) (%1_over_time(%2[%3s]))")
        .arg(QLatin1String(fn), sel)
        .arg(window);
}

} // namespace

PrometheusHistory::PrometheusHistory(QUrl server, int timeoutMs)
    : m_client(std::move(server), timeoutMs) {}

Result<QList<GuestInfo>> PrometheusHistory::guests(const QString &hostId, qint64 fromMs,
                                                   qint64 toMs) const {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("match[]"),
                   hostId.isEmpty() ? BalloonName : selector(BalloonName, hostId));
    q.addQueryItem(QStringLiteral("start"), QString::number(fromMs / 1000));
    q.addQueryItem(QStringLiteral("end"), QString::number((toMs + 999) / 1000));
    const auto data = m_client.get(QStringLiteral("series"), q);
    if (!data)
        return data.error();
    QHash<QString, GuestInfo> byKey;
    for (const QJsonValue &v : data->toArray()) {
        const QJsonObject labels = v.toObject();
        GuestInfo g;
        g.hostId = labels.value(QLatin1String("host")).toString();
        g.uuid = labels.value(QLatin1String("uuid")).toString();
        g.name = labels.value(QLatin1String("domain")).toString();
        if (g.uuid.isEmpty() || !isUuid(g.uuid))
            continue;
        const QString key = g.hostId + QLatin1Char('\n') + g.uuid;
        auto it = byKey.find(key);
        if (it == byKey.end()) {
            g.names = {GuestInfo::Name{fromMs, g.name}};
            byKey.insert(key, g);
        } else if (std::none_of(it->names.cbegin(), it->names.cend(),
                                [&](const GuestInfo::Name &n) { return n.name == g.name; })) {
            it->names.append(GuestInfo::Name{fromMs, g.name}); // renamed in range
        }
    }
    QList<GuestInfo> out = byKey.values();
    std::sort(out.begin(), out.end(), [](const GuestInfo &a, const GuestInfo &b) {
        return std::tie(a.hostId, a.name, a.uuid) < std::tie(b.hostId, b.name, b.uuid);
    });
    return out;
}

Result<QList<QString>> PrometheusHistory::uuidsOf(const QString &hostId, const QStringList &uuids,
                                                  qint64 fromMs, qint64 toMs) const {
    if (!uuids.isEmpty()) {
        for (const QString &uuid : uuids) {
            if (!isUuid(uuid))
                return notAUuid(uuid);
        }
        return QList<QString>(uuids);
    }
    const auto all = guests(hostId, fromMs, toMs);
    if (!all)
        return all.error();
    QList<QString> out;
    for (const GuestInfo &g : *all)
        out.append(g.uuid);
    return out;
}

Result<SeriesResult> PrometheusHistory::series(const SeriesRequest &request) const {
    for (const QString &uuid : request.uuids) {
        if (!isUuid(uuid))
            return notAUuid(uuid);
    }
    const StepPlan plan = StepPlan::forRange(request.fromMs, request.toMs, request.points);
    m_note = plan.note;
    SeriesResult out;
    out.bucketMs = plan.step * 1000;
    out.note = plan.note;
    if (request.uuids.isEmpty() || request.metrics.isEmpty())
        return out;
    // One query per metric and function for all the guests, sent at once.
    QList<QUrlQuery> queries;
    for (Metric metric : request.metrics) {
        const QString sel = selector(seriesFor(metric).name, request.hostId, request.uuids);
        for (const char *fn : {"min", "avg", "max"})
            queries.append(plan.rangeQuery(perGuest(fn, sel, plan.window)));
    }
    const auto answers = m_client.getAll(QStringLiteral("query_range"), queries);
    if (!answers)
        return answers.error();
    QList<std::array<QHash<QString, Values>, 3>> byMetric;
    for (qsizetype m = 0; m < request.metrics.size(); ++m) {
        std::array<QHash<QString, Values>, 3> v;
        for (int i = 0; i < 3; ++i)
            v[size_t(i)] = valuesByLabel(answers->at(m * 3 + i), QStringLiteral("uuid"));
        byMetric.append(std::move(v));
    }
    for (const QString &uuid : request.uuids) {
        for (qsizetype m = 0; m < request.metrics.size(); ++m) {
            const Metric metric = request.metrics.at(m);
            const auto &v = byMetric.at(m);
            Series s;
            s.hostId = request.hostId;
            s.uuid = uuid;
            s.metric = metric;
            s.points = envelopeOf(v[0].value(uuid), v[1].value(uuid), v[2].value(uuid), plan.step,
                                  seriesFor(metric).factor);
            out.series.append(s);
        }
    }
    return out;
}

Result<AggregateResult> PrometheusHistory::aggregate(const AggregateRequest &request) const {
    const StepPlan plan = StepPlan::forRange(request.fromMs, request.toMs, request.points);
    m_note = plan.note;
    AggregateResult out;
    out.hostId = request.hostId;
    out.bucketMs = plan.step * 1000;
    QList<QUrlQuery> queries;
    for (Metric metric : request.metrics) {
        const QString sel = selector(seriesFor(metric).name, request.hostId);
        // Each guest's envelope first (duplicates merged), then summed over the guests.
        for (const char *fn : {"min", "avg", "max"})
            queries.append(
                plan.rangeQuery(QStringLiteral("sum(%1)").arg(perGuest(fn, sel, plan.window))));
        queries.append(
            plan.rangeQuery(QStringLiteral("count(%1)").arg(perGuest("avg", sel, plan.window))));
    }
    const QString total = selector(hostSeriesFor(HostMetric::Total).name, request.hostId);
    queries.append(
        plan.rangeQuery(QStringLiteral("max(max_over_time(%1[%2s]))").arg(total).arg(plan.window)));
    const auto answers = m_client.getAll(QStringLiteral("query_range"), queries);
    if (!answers)
        return answers.error();
    for (qsizetype m = 0; m < request.metrics.size(); ++m) {
        AggregateSeries s;
        s.metric = request.metrics.at(m);
        const Values counts = valuesOf(answers->at(m * 4 + 3));
        s.points =
            envelopeOf(valuesOf(answers->at(m * 4)), valuesOf(answers->at(m * 4 + 1)),
                       valuesOf(answers->at(m * 4 + 2)), plan.step, seriesFor(s.metric).factor);
        for (const EnvelopePoint &p : std::as_const(s.points))
            s.guestCounts.append(p.isGap() ? 0 : int(counts.value(p.timeMs / 1000)));
        out.series.append(s);
    }
    const Values totals = valuesOf(answers->last());
    out.hostTotal = envelopeOf(totals, totals, totals, plan.step, 1.0 / 1024.0);
    return out;
}

Result<HostSeriesResult> PrometheusHistory::hostSeries(const HostSeriesRequest &request) const {
    const StepPlan plan = StepPlan::forRange(request.fromMs, request.toMs, request.points);
    m_note = plan.note;
    HostSeriesResult out;
    out.hostId = request.hostId;
    out.bucketMs = plan.step * 1000;
    QList<QUrlQuery> queries;
    QList<HostMetric> served;
    for (HostMetric metric : request.metrics) {
        const MetricSeries s = hostSeriesFor(metric);
        if (s.name.isEmpty())
            continue;
        served.append(metric);
        const QString sel = selector(s.name, request.hostId);
        for (const char *fn : {"min", "avg", "max"})
            queries.append(plan.rangeQuery(QStringLiteral("%1(%1_over_time(%2[%3s]))")
                                               .arg(QLatin1String(fn), sel)
                                               .arg(plan.window)));
    }
    QList<QJsonValue> answers;
    if (!queries.isEmpty()) {
        auto got = m_client.getAll(QStringLiteral("query_range"), queries);
        if (!got)
            return got.error();
        answers = std::move(*got);
    }
    // One series per requested metric, in request order; those the endpoint does not serve
    // stay empty: absent, not zero.
    for (HostMetric metric : request.metrics) {
        HostSeries s;
        s.metric = metric;
        const qsizetype i = served.indexOf(metric);
        if (i >= 0)
            s.points = envelopeOf(valuesOf(answers.at(i * 3)), valuesOf(answers.at(i * 3 + 1)),
                                  valuesOf(answers.at(i * 3 + 2)), plan.step,
                                  hostSeriesFor(metric).factor);
        out.series.append(s);
    }
    return out;
}

Result<SampleResult> PrometheusHistory::samples(const SampleRequest &request) const {
    auto uuids = uuidsOf(request.hostId, request.uuids, request.fromMs, request.toMs);
    if (!uuids)
        return uuids.error();
    SampleRequest r = request;
    r.uuids = *uuids;
    auto out = readSamples(m_client, r);
    if (out)
        m_note = out->note;
    return out;
}

Result<NeedResult> PrometheusHistory::needs(const NeedRequest &request) const {
    auto uuids = uuidsOf(request.hostId, request.uuids, request.fromMs, request.toMs);
    if (!uuids)
        return uuids.error();
    NeedRequest r = request;
    r.uuids = *uuids;
    return readNeeds(m_client, r);
}

Result<RecordedSpan> PrometheusHistory::recordedSpan(const RecordedSpanRequest &request,
                                                     qint64 nowMs) const {
    for (const QString &uuid : request.uuids) {
        if (!isUuid(uuid))
            return notAUuid(uuid);
    }
    const QString sel = request.uuids.isEmpty()
                            ? selector(QStringLiteral("balloonscope_host_up"), request.hostId)
                            : selector(BalloonName, request.hostId, request.uuids);
    const auto present = [&](qint64 window) {
        return QStringLiteral("count(count_over_time(%1[%2s]))").arg(sel).arg(window);
    };
    // By the hour over the look-back, then by the minute in the first and the last hour, then by
    // the second in the first minute. The
    // ranges end a step after now: VictoriaMetrics aligns them to the step, which would leave
    // the current hour out.
    const qint64 hour = 3600;
    const StepPlan hours =
        StepPlan::exact(nowMs - qint64(SpanLookBackDays) * 86400 * 1000, nowMs + hour * 1000, hour);
    const auto coarse =
        m_client.get(QStringLiteral("query_range"), hours.rangeQuery(present(hour)));
    if (!coarse)
        return coarse.error();
    const Values h = valuesOf(*coarse);
    if (h.isEmpty())
        return RecordedSpan{};
    const auto [firstHour, lastHour] = std::minmax_element(h.keyBegin(), h.keyEnd());
    const StepPlan head = StepPlan::exact((*firstHour - hour) * 1000, (*firstHour + 60) * 1000, 60);
    const StepPlan tail = StepPlan::exact((*lastHour - hour) * 1000, (*lastHour + 60) * 1000, 60);
    const auto fine = m_client.getAll(QStringLiteral("query_range"),
                                      {head.rangeQuery(present(60)), tail.rangeQuery(present(60))});
    if (!fine)
        return fine.error();
    const Values first = valuesOf(fine->at(0));
    const Values last = valuesOf(fine->at(1));
    RecordedSpan span;
    span.firstMs = (*firstHour - hour) * 1000;
    span.lastMs = *lastHour * 1000;
    if (!first.isEmpty()) {
        // And by the second in the first minute: "recording since" to the second.
        const qint64 minute = *std::min_element(first.keyBegin(), first.keyEnd());
        span.firstMs = (minute - 60) * 1000;
        const StepPlan seconds = StepPlan::exact((minute - 60) * 1000, minute * 1000, 1);
        const auto exact =
            m_client.get(QStringLiteral("query_range"), seconds.rangeQuery(present(1)));
        if (!exact)
            return exact.error();
        const Values s = valuesOf(*exact);
        if (!s.isEmpty())
            span.firstMs = (*std::min_element(s.keyBegin(), s.keyEnd()) - 1) * 1000;
    }
    if (!last.isEmpty())
        span.lastMs = *std::max_element(last.keyBegin(), last.keyEnd()) * 1000;
    span.firstMs = std::max<qint64>(1, span.firstMs);
    span.lastMs = std::min(span.lastMs, nowMs);
    return span;
}

} // namespace bs::prom
