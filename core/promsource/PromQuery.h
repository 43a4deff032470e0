#pragma once

#include "history/SeriesTypes.h"

#include <QHash>
#include <QJsonValue>
#include <QStringList>
#include <QUrlQuery>

namespace bs::prom {

// How a range is asked of the server: whole seconds, a step that gives about the chart's points
// (raised where the server's limit of points per series would refuse it, and said so), and the
// window each point summarises: at least MinWindowSeconds, so that a point between two scrapes
// has one, and no longer than that, so that a gap in the scrapes stays a gap instead of
// Prometheus' 5-minute look-back filling it.
struct StepPlan {
    qint64 from = 0; // s
    qint64 to = 0;   // s
    qint64 step = 1; // s
    qint64 window = 1;
    QString note; // why the step is coarser than asked; empty otherwise

    static constexpr int MaxPointsPerSeries = 11000; // Prometheus refuses more per query
    static constexpr int MinWindowSeconds = 30;

    static StepPlan forRange(qint64 fromMs, qint64 toMs, int points);
    // A plan with this step and a window of exactly the step (each scrape in one point).
    static StepPlan exact(qint64 fromMs, qint64 toMs, qint64 step);
    // exact(), ending a step later: each point summarises the step before it, so the newest
    // scrapes (after the last whole step) are in the last point.
    static StepPlan covering(qint64 fromMs, qint64 toMs, qint64 step);
    QUrlQuery rangeQuery(const QString &expression) const;
};

// A label selector: name{host="…"[,uuid=~"a|b"]} (uuids are hex and dashes: no regex escaping
// needed; anything else is refused by the caller).
QString selector(const QString &name, const QString &hostId, const QStringList &uuids = {});

// A query_range matrix by one label's value (empty label: the first series): time (s) → value.
using Values = QHash<qint64, double>;
QHash<QString, Values> valuesByLabel(const QJsonValue &data, const QString &label);
Values valuesOf(const QJsonValue &data);

// Envelope points from min/avg/max values per step time, times `factor`, a gap wherever a step
// is missing between two present ones.
QList<EnvelopePoint> envelopeOf(const Values &min, const Values &avg, const Values &max,
                                qint64 step, double factor);

bool isUuid(const QString &text);

} // namespace bs::prom
