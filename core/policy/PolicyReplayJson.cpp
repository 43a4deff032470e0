#include "PolicyReplayJson.h"

#include <QJsonArray>

namespace bs {

namespace {

QJsonArray pairs(const QList<QPair<qint64, qint64>> &points) {
    QJsonArray a;
    for (const auto &[t, v] : points)
        a.append(QJsonArray{double(t), double(v)});
    return a;
}

} // namespace

QJsonObject policyReplayJson(const ReplayInput &input, const QList<PolicyReplay> &runs,
                             bool series) {
    QJsonArray policies;
    for (const PolicyReplay &run : runs) {
        QJsonArray squeezes;
        for (const Squeeze &s : run.squeezes) {
            squeezes.append(
                QJsonObject{{QStringLiteral("uuid"), s.uuid},
                            {QStringLiteral("name"), s.name},
                            {QStringLiteral("from_ms"), double(s.fromMs)},
                            {QStringLiteral("to_ms"), double(s.toMs)},
                            {QStringLiteral("worst_deficit_kib"), double(s.worstDeficitKiB)}});
        }
        QJsonArray guests;
        for (const ReplayedGuest &g : run.guests) {
            const auto count = std::count_if(run.squeezes.cbegin(), run.squeezes.cend(),
                                             [&](const Squeeze &s) { return s.uuid == g.uuid; });
            QJsonObject o{{QStringLiteral("uuid"), g.uuid},
                          {QStringLiteral("name"), g.name},
                          {QStringLiteral("changes"), g.changes},
                          {QStringLiteral("squeezes"), double(count)},
                          {QStringLiteral("squeezed_ms"), double(g.squeezedMs)},
                          {QStringLiteral("worst_deficit_kib"), double(g.worstDeficitKiB)}};
            if (!g.balloonKiB.isEmpty()) {
                o.insert(QStringLiteral("last_balloon_kib"), double(g.balloonKiB.last().second));
                if (series)
                    o.insert(QStringLiteral("balloon_kib"), pairs(g.balloonKiB));
            }
            guests.append(o);
        }
        QJsonObject p{{QStringLiteral("policy"), policyKey(run.policy)},
                      {QStringLiteral("name"), policyName(run.policy)},
                      {QStringLiteral("changes"), run.changes},
                      {QStringLiteral("squeeze_count"), double(run.squeezes.size())},
                      {QStringLiteral("squeezes"), squeezes},
                      {QStringLiteral("handed_back_mean_kib"), double(run.handedBackMeanKiB)},
                      {QStringLiteral("handed_back_peak_kib"), double(run.handedBackPeakKiB)},
                      {QStringLiteral("buckets_without_host"), run.bucketsWithoutHost},
                      {QStringLiteral("guests"), guests}};
        if (run.hostFreeLowestKiB)
            p.insert(QStringLiteral("host_free_lowest_kib"), double(*run.hostFreeLowestKiB));
        if (series)
            p.insert(QStringLiteral("host_free_kib"), pairs(run.hostFreeKiB));
        policies.append(p);
    }
    return QJsonObject{
        {QStringLiteral("host"), input.hostId},
        {QStringLiteral("from_ms"), double(input.timesMs.isEmpty() ? 0 : input.timesMs.first())},
        {QStringLiteral("to_ms"),
         double(input.timesMs.isEmpty() ? 0 : input.timesMs.last() + input.bucketMs)},
        {QStringLiteral("bucket_ms"), double(input.bucketMs)},
        {QStringLiteral("open_loop"), true},
        {QStringLiteral("policies"), policies},
    };
}

} // namespace bs
