#include "SizingJson.h"

#include <QDateTime>
#include <QJsonArray>

namespace bs {

namespace {

QJsonValue kib(const std::optional<qint64> &v) {
    return v ? QJsonValue(double(*v)) : QJsonValue(QJsonValue::Null);
}

QString iso(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

QJsonArray tiersJson(const QList<Tier> &tiers) {
    QJsonArray out;
    for (Tier t : tiers)
        out.append(tierSourceKey(t));
    return out;
}

} // namespace

QJsonObject guestAdviceToJson(const GuestAdvice &a) {
    QJsonArray evidence;
    for (const PressureEvidence &e : a.evidence) {
        evidence.append(QJsonObject{{QStringLiteral("from"), iso(e.fromMs)},
                                    {QStringLiteral("to"), iso(e.toMs)},
                                    {QStringLiteral("swap_in_kib"), double(e.swapInKiB)},
                                    {QStringLiteral("major_faults"), double(e.majorFaults)}});
    }
    return QJsonObject{
        {QStringLiteral("uuid"), a.uuid},
        {QStringLiteral("name"), a.name},
        {QStringLiteral("status"), adviceStatusKey(a.status)},
        {QStringLiteral("reason"), adviceReason(a)},
        {QStringLiteral("stats_state"), statsStateKey(a.statsState)},
        {QStringLiteral("running"), a.running},
        {QStringLiteral("actual_kib"), kib(a.actualKiB)},
        {QStringLiteral("maximum_kib"), kib(a.maximumKiB)},
        {QStringLiteral("need_p50_kib"), kib(a.needP50)},
        {QStringLiteral("need_p95_kib"), kib(a.needP95)},
        {QStringLiteral("need_p99_kib"), kib(a.needP99)},
        {QStringLiteral("need_at_percentile_kib"), kib(a.needAtPercentile)},
        {QStringLiteral("need_highest_kib"), kib(a.needHighest)},
        {QStringLiteral("floor_kib"), double(a.floorKiB)},
        {QStringLiteral("kernel_overhead_kib"), double(a.overheadKiB)},
        {QStringLiteral("recommended_kib"), kib(a.recommendedKiB)},
        {QStringLiteral("reclaimable_kib"), double(a.reclaimableKiB)},
        {QStringLiteral("short_kib"), double(a.shortKiB)},
        {QStringLiteral("cache_counted"), a.cacheCounted},
        {QStringLiteral("tiers"), tiersJson(a.tiers)},
        {QStringLiteral("need_points"), double(a.needPoints)},
        {QStringLiteral("vetoed"), a.vetoed},
        {QStringLiteral("evidence"), evidence},
        {QStringLiteral("swap_in_kib"), double(a.swapInKiB)},
        {QStringLiteral("major_faults"), double(a.majorFaults)},
        {QStringLiteral("confidence"), confidenceKey(a.confidence)},
        {QStringLiteral("coverage"), a.coverage.share},
        {QStringLiteral("days_covered"), a.coverage.daysCovered},
        {QStringLiteral("last_report"), iso(a.lastReportMs)},
    };
}

QJsonObject hostAdviceToJson(const HostAdvice &advice) {
    QJsonArray guests;
    for (const GuestAdvice &g : advice.guests)
        guests.append(guestAdviceToJson(g));
    const HostWhatIf &w = advice.whatIf;
    QJsonObject whatIf{
        {QStringLiteral("host_memory_known"), w.known},
        {QStringLiteral("host_total_kib"), double(w.hostTotalKiB)},
        {QStringLiteral("reserve_kib"), double(w.reserveKiB)},
        {QStringLiteral("capacity_kib"), double(w.capacityKiB)},
        {QStringLiteral("hours"), w.hours},
        {QStringLiteral("peak_kib"), double(w.peakKiB)},
        {QStringLiteral("peak_hour"), iso(w.peakHourMs)},
        {QStringLiteral("peak_today_kib"), double(w.peakTodayKiB)},
        {QStringLiteral("peak_today_hour"), iso(w.peakTodayHourMs)},
        {QStringLiteral("ksm_saved_kib"), kib(w.ksmSavedKiB)},
        {QStringLiteral("ksm_counted"), w.ksmCounted},
        {QStringLiteral("new_guest_kib"), double(w.newGuestKiB)},
        {QStringLiteral("fits"), w.fits},
        {QStringLiteral("fits_today"), w.fitsToday},
        {QStringLiteral("margin_kib"), double(w.marginKiB)},
        {QStringLiteral("worst_hour"), iso(w.worstHourMs)},
        {QStringLiteral("must_apply"), QJsonArray::fromStringList(w.mustApply)},
    };
    const SizingPolicy &p = advice.policy;
    return QJsonObject{
        {QStringLiteral("host"), advice.hostId},
        {QStringLiteral("policy"),
         QJsonObject{{QStringLiteral("preset"), sizingPresetKey(p.preset)},
                     {QStringLiteral("percentile"), p.percentile},
                     {QStringLiteral("headroom"), p.headroom},
                     {QStringLiteral("window_seconds"), double(p.windowSeconds)},
                     {QStringLiteral("floor_kib"), double(p.floorKiB)}}},
        {QStringLiteral("from"), iso(advice.fromMs)},
        {QStringLiteral("to"), iso(advice.toMs)},
        {QStringLiteral("interval_seconds"), advice.intervalSeconds},
        {QStringLiteral("tiers"), tiersJson(advice.tiers)},
        {QStringLiteral("reclaimable_kib"), double(advice.reclaimableKiB)},
        {QStringLiteral("guests"), guests},
        {QStringLiteral("what_if"), whatIf},
    };
}

} // namespace bs
