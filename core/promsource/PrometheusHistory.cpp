#include "PrometheusHistory.h"

#include "PromMetricNames.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <array>
#include <cmath>

namespace bs::prom {

namespace {

QString selector(const QString &name, const QString &hostId, const QString &uuid = {}) {
    QString s = name + QStringLiteral("{host=") + quoted(hostId);
    if (!uuid.isEmpty())
        s += QStringLiteral(",uuid=") + quoted(uuid);
    return s + QLatin1Char('}');
}

// query_range's matrix, merged to one series by the query: time (s) → value.
QHash<qint64, double> valuesOf(const QJsonValue &data) {
    QHash<qint64, double> out;
    const QJsonArray result = data.toObject().value(QLatin1String("result")).toArray();
    if (result.isEmpty())
        return out;
    for (const QJsonValue &pair :
         result.first().toObject().value(QLatin1String("values")).toArray()) {
        const QJsonArray p = pair.toArray();
        bool ok = false;
        const double v = p.at(1).toString().toDouble(&ok);
        if (ok && std::isfinite(v))
            out.insert(qint64(std::llround(p.at(0).toDouble())), v);
    }
    return out;
}

} // namespace

PrometheusHistory::PrometheusHistory(QUrl server, int timeoutMs)
    : m_client(std::move(server), timeoutMs) {}

Result<QList<GuestInfo>> PrometheusHistory::guests(const QString &hostId, qint64 fromMs,
                                                   qint64 toMs) const {
    QUrlQuery q;
    q.addQueryItem(
        QStringLiteral("match[]"),
        selector(QStringLiteral("libvirt_domain_memory_stats_current_balloon_bytes"), hostId));
    q.addQueryItem(QStringLiteral("start"), QString::number(fromMs / 1000));
    q.addQueryItem(QStringLiteral("end"), QString::number((toMs + 999) / 1000));
    const auto data = m_client.get(QStringLiteral("series"), q);
    if (!data)
        return data.error();
    QHash<QString, GuestInfo> byUuid;
    for (const QJsonValue &v : data->toArray()) {
        const QJsonObject labels = v.toObject();
        GuestInfo g;
        g.hostId = hostId;
        g.uuid = labels.value(QLatin1String("uuid")).toString();
        g.name = labels.value(QLatin1String("domain")).toString();
        if (g.uuid.isEmpty())
            continue;
        if (!byUuid.contains(g.uuid)) {
            g.names = {GuestInfo::Name{fromMs, g.name}};
            byUuid.insert(g.uuid, g);
        } else if (!std::any_of(byUuid[g.uuid].names.cbegin(), byUuid[g.uuid].names.cend(),
                                [&](const GuestInfo::Name &n) { return n.name == g.name; })) {
            byUuid[g.uuid].names.append(GuestInfo::Name{fromMs, g.name}); // renamed in range
        }
    }
    QList<GuestInfo> out = byUuid.values();
    std::sort(out.begin(), out.end(),
              [](const GuestInfo &a, const GuestInfo &b) { return a.name < b.name; });
    return out;
}

Result<SeriesResult> PrometheusHistory::series(const SeriesRequest &request) const {
    m_note.clear();
    const qint64 from = request.fromMs / 1000;
    const qint64 to = (request.toMs + 999) / 1000;
    const qint64 span = std::max<qint64>(1, to - from);
    qint64 step = std::max<qint64>(1, (span + request.points - 1) / std::max(1, request.points));
    if (span / step > MaxPointsPerSeries) {
        step = (span + MaxPointsPerSeries - 1) / MaxPointsPerSeries;
        m_note = QCoreApplication::translate("bs::prom::PrometheusHistory",
                                             "One point per %1 s: the server returns at most "
                                             "%2 points per series.")
                     .arg(step)
                     .arg(MaxPointsPerSeries);
    }
    const qint64 window = std::max<qint64>(step, MinWindowSeconds);
    SeriesResult out;
    out.bucketMs = step * 1000;
    for (const QString &uuid : request.uuids) {
        for (Metric metric : request.metrics) {
            const MetricSeries m = seriesFor(metric);
            const QString sel = selector(m.name, request.hostId, uuid);
            std::array<QHash<qint64, double>, 3> v; // min, avg, max
            const char *functions[] = {"min", "avg", "max"};
            for (int i = 0; i < 3; ++i) {
                QUrlQuery q;
                // min/avg/max over the window, then merged across duplicate series.
                q.addQueryItem(QStringLiteral("query"), QStringLiteral("%1(%1_over_time(%2[%3s]))")
                                                            .arg(QLatin1String(functions[i]), sel)
                                                            .arg(window));
                q.addQueryItem(QStringLiteral("start"), QString::number(from));
                q.addQueryItem(QStringLiteral("end"), QString::number(to));
                q.addQueryItem(QStringLiteral("step"), QString::number(step));
                const auto data = m_client.get(QStringLiteral("query_range"), q);
                if (!data)
                    return data.error();
                v[size_t(i)] = valuesOf(*data);
            }
            Series s;
            s.hostId = request.hostId;
            s.uuid = uuid;
            s.metric = metric;
            // The server's own step times (VictoriaMetrics aligns them to the step, Prometheus
            // to the start); a missing step between two present ones is a gap.
            QList<qint64> times = v[1].keys();
            std::sort(times.begin(), times.end());
            qint64 previous = -1;
            for (qint64 t : std::as_const(times)) {
                if (previous >= 0 && t - previous > step + step / 2)
                    s.points.append(EnvelopePoint::gap((previous + step) * 1000));
                previous = t;
                const double avg = v[1].value(t);
                EnvelopePoint p;
                p.timeMs = t * 1000;
                p.avg = avg * m.factor;
                p.min = v[0].value(t, avg) * m.factor;
                p.max = v[2].value(t, avg) * m.factor;
                p.samples = p.min == p.max ? 1 : 2;
                s.points.append(p);
            }
            out.series.append(s);
        }
    }
    return out;
}

} // namespace bs::prom
