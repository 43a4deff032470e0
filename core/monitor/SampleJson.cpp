#include "SampleJson.h"

#include "metrics/DerivedMetrics.h"

#include <QDateTime>
#include <QJsonValue>

namespace bs {

namespace {

QJsonValue number(const std::optional<quint64> &v) {
    return v ? QJsonValue(qint64(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonValue number(const std::optional<qint64> &v) {
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue number(const std::optional<double> &v) {
    return v ? QJsonValue(qRound(*v * 100.0) / 100.0) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject sampleToJson(const MemorySample &s) {
    const DerivedMetrics d = deriveMetrics(s.stats);
    QJsonObject o;
    o.insert(QStringLiteral("time"),
             QDateTime::fromMSecsSinceEpoch(s.timeMs, Qt::UTC).toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("host"), s.hostId);
    o.insert(QStringLiteral("uuid"), s.uuid);
    o.insert(QStringLiteral("name"), s.name);
    o.insert(QStringLiteral("state"), domainStateKey(s.state));
    o.insert(QStringLiteral("stats_state"), statsStateKey(s.statsState));
    o.insert(QStringLiteral("fresh_report"), s.freshReport);
    o.insert(QStringLiteral("balloon_model"), balloonModelKey(s.balloon.model));
    o.insert(QStringLiteral("stats_period"),
             s.balloon.period ? QJsonValue(*s.balloon.period) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("persistent"), s.persistent);
    o.insert(QStringLiteral("actual"), number(s.stats.actual));
    o.insert(QStringLiteral("maximum"), number(s.stats.maximum));
    o.insert(QStringLiteral("rss"), number(s.stats.rss));
    o.insert(QStringLiteral("unused"), number(s.stats.unused));
    o.insert(QStringLiteral("available"), number(s.stats.available));
    o.insert(QStringLiteral("usable"), number(s.stats.usable));
    o.insert(QStringLiteral("disk_caches"), number(s.stats.diskCaches));
    o.insert(QStringLiteral("swap_in"), number(s.stats.swapIn));
    o.insert(QStringLiteral("swap_out"), number(s.stats.swapOut));
    o.insert(QStringLiteral("major_fault"), number(s.stats.majorFault));
    o.insert(QStringLiteral("minor_fault"), number(s.stats.minorFault));
    o.insert(QStringLiteral("hugetlb_pgalloc"), number(s.stats.hugetlbPgAlloc));
    o.insert(QStringLiteral("hugetlb_pgfail"), number(s.stats.hugetlbPgFail));
    o.insert(QStringLiteral("last_update"), number(s.stats.lastUpdate));
    o.insert(QStringLiteral("vm_swap"), number(s.stats.vmSwap));
    o.insert(QStringLiteral("psi_some"), number(psiPercent(s.stats.psiSome)));
    o.insert(QStringLiteral("psi_full"), number(psiPercent(s.stats.psiFull)));
    o.insert(QStringLiteral("used"), number(d.used));
    o.insert(QStringLiteral("used_excluding_cache"), number(d.usedExcludingCache));
    o.insert(QStringLiteral("used_percent_of_available"), number(d.usedPercentOfAvailable));
    o.insert(QStringLiteral("used_percent_of_actual"), number(d.usedPercentOfActual));
    return o;
}

} // namespace bs
