#include "ReportFigures.h"

#include "ChartStyle.h"
#include "HistoryChart.h"
#include "metrics/DerivedMetrics.h"

#include <QHash>

#include <algorithm>

namespace bs {

namespace {

constexpr qint64 RollupBucketMs = 60 * 1000;
constexpr int MaxRollupPoints = 500000;

const Series *findSeries(const SeriesResult &result, Metric metric) {
    for (const Series &s : result.series) {
        if (s.metric == metric)
            return &s;
    }
    return nullptr;
}

void statsFromRaw(const GuestAnswers &in, GuestReport &out) {
    QList<double> used;
    QList<double> usedPercent;
    QList<double> usedExcl;
    QList<double> actual;
    for (const MemorySample &s : in.raw.samples) {
        if (s.stats.actual && isActive(s.state))
            actual.append(double(*s.stats.actual));
        if (!s.freshReport)
            continue;
        const DerivedMetrics d = deriveMetrics(s.stats);
        if (d.used)
            used.append(double(*d.used));
        if (d.usedPercentOfAvailable)
            usedPercent.append(*d.usedPercentOfAvailable);
        if (d.usedExcludingCache)
            usedExcl.append(double(*d.usedExcludingCache));
    }
    out.used = figureStats(used);
    out.usedPercent = figureStats(usedPercent);
    out.usedExclCache = figureStats(usedExcl);
    out.actual = figureStats(actual);
    out.basis.kind = StatsBasis::Kind::RawSamples;
    out.basis.count = out.used.count;
}

void statsFromRollup(const SeriesResult &rollup, GuestReport &out) {
    const Series *used = findSeries(rollup, Metric::Used);
    const Series *available = findSeries(rollup, Metric::Available);
    const Series *usedExcl = findSeries(rollup, Metric::UsedExcludingCache);
    const Series *actual = findSeries(rollup, Metric::Actual);
    if (used)
        out.used = envelopeStats(used->points);
    if (usedExcl)
        out.usedExclCache = envelopeStats(usedExcl->points);
    if (actual)
        out.actual = envelopeStats(actual->points);
    if (used && available) {
        // The metrics of one guest share their point times (Decimator.h).
        QHash<qint64, double> totals;
        for (const EnvelopePoint &p : available->points) {
            if (!p.isGap() && p.avg > 0)
                totals.insert(p.timeMs, p.avg);
        }
        QList<EnvelopePoint> percent;
        for (const EnvelopePoint &p : used->points) {
            const auto total = totals.constFind(p.timeMs);
            if (p.isGap() || total == totals.cend())
                continue;
            const double v = p.avg / *total * 100.0;
            percent.append(EnvelopePoint{p.timeMs, v, v, v});
        }
        out.usedPercent = envelopeStats(percent);
    }
    out.basis.kind = StatsBasis::Kind::Rollup;
    out.basis.count = out.used.count;
    out.basis.bucketMs = rollup.bucketMs;
    out.basis.tiers = rollup.tiers;
}

ChartSeries aggregateSeries(const AggregateResult &aggregate, Metric metric, const QString &name) {
    ChartSeries s = metricSeries(metric);
    s.key = QStringLiteral("sum_") + metricKey(metric);
    s.name = name;
    s.band = false; // Σ of minima and maxima bound the sum, they are not its range
    for (const AggregateSeries &a : aggregate.series) {
        if (a.metric == metric)
            s.points = a.points;
    }
    return s;
}

FigureStats sumStats(const AggregateResult &aggregate, Metric metric) {
    for (const AggregateSeries &a : aggregate.series) {
        if (a.metric != metric)
            continue;
        QList<double> sums;
        for (const EnvelopePoint &p : a.points) {
            if (!p.isGap())
                sums.append(p.avg);
        }
        return figureStats(sums);
    }
    return {};
}

const HostSeries *findHostSeries(const HostSeriesResult &result, HostMetric metric) {
    for (const HostSeries &s : result.series) {
        if (s.metric == metric)
            return &s;
    }
    return nullptr;
}

bool hasPoints(const HostSeries *s) {
    return s && std::any_of(s->points.cbegin(), s->points.cend(),
                            [](const EnvelopePoint &p) { return !p.isGap(); });
}

ChartSeries hostSeries(const HostSeries &in, const QString &key, const QString &name,
                       const QColor &colour, bool band) {
    ChartSeries s;
    s.key = key;
    s.name = name;
    s.colour = colour;
    s.widthPt = 1.2;
    s.band = band;
    s.points = in.points;
    return s;
}

// The host's free memory chart and figures from its recorded samples.
void fillHostSamples(const HostSeriesResult &r, const ReportRequest &request,
                     const QString &hostName, HostReport &out) {
    const HostSeries *free = findHostSeries(r, HostMetric::Free);
    const HostSeries *withCaches = findHostSeries(r, HostMetric::FreeWithCaches);
    const HostSeries *total = findHostSeries(r, HostMetric::Total);
    const HostSeries *ksm = findHostSeries(r, HostMetric::KsmSaved);
    if (!hasPoints(free) && !hasPoints(withCaches))
        return;
    out.hostSamplesRecorded = true;
    out.hostSamplesMissing.clear();
    out.freeKiB = envelopeStats(hasPoints(free) ? free->points : withCaches->points);
    if (hasPoints(ksm))
        out.ksmSavedKiB = envelopeStats(ksm->points);
    ChartData &chart = out.freeMemoryChart;
    chart.title = ReportFigures::tr("Host free memory on %1").arg(hostName);
    chart.fromMs = request.fromMs;
    chart.toMs = request.toMs;
    chart.provenance.source = QStringLiteral("history-host");
    chart.provenance.hostId = request.hostId;
    chart.provenance.bucketMs = r.bucketMs;
    chart.provenance.tiers = r.tiers;
    if (hasPoints(free))
        chart.series.append(hostSeries(*free, QStringLiteral("host_free"),
                                       ReportFigures::tr("Free"), QColor(0x2e, 0x7d, 0x32), true));
    if (hasPoints(withCaches))
        chart.series.append(hostSeries(*withCaches, QStringLiteral("host_free_with_caches"),
                                       ReportFigures::tr("Free incl. buffers and cache"),
                                       QColor(0x15, 0x65, 0xc0), false));
    if (hasPoints(ksm))
        chart.series.append(hostSeries(*ksm, QStringLiteral("host_ksm_saved"),
                                       ReportFigures::tr("KSM saved"), QColor(0x8e, 0x24, 0xaa),
                                       false));
    QList<EnvelopePoint> totalPoints = hasPoints(total) ? total->points : r.nodeMemory;
    if (!totalPoints.isEmpty()) {
        ChartSeries s;
        s.key = QStringLiteral("host_total");
        s.name = ReportFigures::tr("Host memory");
        s.colour = QColor(0x37, 0x47, 0x4f);
        s.widthPt = 1.6;
        s.step = true;
        s.points = totalPoints;
        chart.series.append(s);
    }
}

} // namespace

QList<HostMetric> ReportFigures::hostMetrics() {
    return {HostMetric::Free, HostMetric::FreeWithCaches, HostMetric::Total, HostMetric::KsmSaved};
}

QList<Metric> ReportFigures::rollupMetrics() {
    return {Metric::Used, Metric::Available, Metric::UsedExcludingCache, Metric::Actual};
}

int ReportFigures::rollupPoints(qint64 fromMs, qint64 toMs) {
    return int(std::clamp<qint64>((toMs - fromMs + RollupBucketMs - 1) / RollupBucketMs, 1,
                                  MaxRollupPoints));
}

QList<Metric> ReportFigures::aggregateMetrics() {
    return {Metric::Used, Metric::Actual, Metric::Maximum};
}

GuestReport ReportFigures::guest(const GuestAnswers &in, const ReportRequest &request) {
    GuestReport out;
    out.uuid = in.uuid;
    out.name = in.name;
    out.chart = HistoryChart::fromSeries(in.chart, {request.hostId, in.uuid, in.name},
                                         request.fromMs, request.toMs, in.events);
    out.rawSamples = int(in.raw.samples.size());
    if (in.rollup)
        statsFromRollup(*in.rollup, out);
    else
        statsFromRaw(in, out);
    for (auto it = in.raw.samples.crbegin(); it != in.raw.samples.crend(); ++it) {
        if (it->stats.maximum) {
            out.maximum = it->stats.maximum;
            break;
        }
    }
    out.coverageFromMs = std::max(request.fromMs, in.rawFromMs);
    if (out.coverageFromMs < request.toMs)
        out.coverage = statsCoverage(in.raw.samples, out.coverageFromMs, request.toMs, in.maxGapMs);
    out.readiness = RecordedReadiness::fromSamples(in.raw.samples);
    if (in.raw.samples.isEmpty() && in.rawFromMs >= request.toMs)
        out.readiness.reason = tr("The polls of this range are kept only as roll-ups, which do "
                                  "not hold the stats state.");
    return out;
}

QString ReportFigures::hostSamplesMissing() {
    return tr("Not recorded: this history holds no host samples (free memory, KSM) for this "
              "range.");
}

HostReport ReportFigures::host(const AggregateResult &aggregate,
                               const std::optional<HostSeriesResult> &hostSeries,
                               const ReportRequest &request, const QString &hostName) {
    HostReport out;
    out.sumUsed = sumStats(aggregate, Metric::Used);
    out.sumActual = sumStats(aggregate, Metric::Actual);
    out.sumMaximum = sumStats(aggregate, Metric::Maximum);
    for (auto it = aggregate.hostTotal.crbegin(); it != aggregate.hostTotal.crend(); ++it) {
        if (!it->isGap()) {
            out.totalKiB = quint64(it->avg);
            break;
        }
    }
    ChartData &chart = out.guestsChart;
    chart.title = tr("Guests' memory on %1").arg(hostName);
    chart.fromMs = request.fromMs;
    chart.toMs = request.toMs;
    chart.provenance.source = QStringLiteral("history-aggregate");
    chart.provenance.hostId = request.hostId;
    chart.provenance.bucketMs = aggregate.bucketMs;
    chart.series.append(aggregateSeries(aggregate, Metric::Used, tr("Σ used")));
    chart.series.append(aggregateSeries(aggregate, Metric::Actual, tr("Σ balloon size (actual)")));
    chart.series.append(aggregateSeries(aggregate, Metric::Maximum, tr("Σ maximum")));
    if (!aggregate.hostTotal.isEmpty()) {
        ChartSeries total;
        total.key = QStringLiteral("host_total");
        total.name = tr("Host memory");
        total.colour = QColor(0x37, 0x47, 0x4f);
        total.widthPt = 1.6;
        total.step = true;
        total.points = aggregate.hostTotal;
        chart.series.append(total);
    }
    out.hostSamplesRecorded = false;
    out.hostSamplesMissing = hostSamplesMissing();
    if (hostSeries)
        fillHostSamples(*hostSeries, request, hostName, out);
    return out;
}

} // namespace bs
