#include "PromQuery.h"

#include "PromMetricNames.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace bs::prom {

StepPlan StepPlan::forRange(qint64 fromMs, qint64 toMs, int points) {
    StepPlan p;
    p.from = fromMs / 1000;
    p.to = (toMs + 999) / 1000;
    const qint64 span = std::max<qint64>(1, (toMs - fromMs + 999) / 1000);
    p.step = std::max<qint64>(1, (span + points - 1) / std::max(1, points));
    if (span / p.step > MaxPointsPerSeries) {
        p.step = (span + MaxPointsPerSeries - 1) / MaxPointsPerSeries;
        p.note = QCoreApplication::translate("bs::prom::PrometheusHistory",
                                             "One point per %1 s: the server returns at most "
                                             "%2 points per series.")
                     .arg(p.step)
                     .arg(MaxPointsPerSeries);
    }
    p.window = std::max<qint64>(p.step, MinWindowSeconds);
    return p;
}

StepPlan StepPlan::exact(qint64 fromMs, qint64 toMs, qint64 step) {
    StepPlan p = forRange(fromMs, toMs, int(std::max<qint64>(1, (toMs - fromMs) / 1000 / step)));
    if (p.note.isEmpty())
        p.step = std::max<qint64>(1, step);
    p.window = p.step;
    return p;
}

StepPlan StepPlan::covering(qint64 fromMs, qint64 toMs, qint64 step) {
    StepPlan p = exact(fromMs, toMs, step);
    p.to += p.step;
    return p;
}

QUrlQuery StepPlan::rangeQuery(const QString &expression) const {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), expression);
    q.addQueryItem(QStringLiteral("start"), QString::number(from));
    q.addQueryItem(QStringLiteral("end"), QString::number(to));
    q.addQueryItem(QStringLiteral("step"), QString::number(step));
    return q;
}

QString selector(const QString &name, const QString &hostId, const QStringList &uuids) {
    QString s = name + QStringLiteral("{host=") + quoted(hostId);
    if (uuids.size() == 1)
        s += QStringLiteral(",uuid=") + quoted(uuids.first());
    else if (!uuids.isEmpty())
        s += QStringLiteral(",uuid=~") + quoted(uuids.join(QLatin1Char('|')));
    return s + QLatin1Char('}');
}

namespace {

Values pointsOf(const QJsonObject &series) {
    Values out;
    for (const QJsonValue &pair : series.value(QLatin1String("values")).toArray()) {
        const QJsonArray p = pair.toArray();
        bool ok = false;
        const double v = p.at(1).toString().toDouble(&ok);
        if (ok && std::isfinite(v))
            out.insert(qint64(std::llround(p.at(0).toDouble())), v);
    }
    return out;
}

} // namespace

QHash<QString, Values> valuesByLabel(const QJsonValue &data, const QString &label) {
    QHash<QString, Values> out;
    for (const QJsonValue &v : data.toObject().value(QLatin1String("result")).toArray()) {
        const QJsonObject series = v.toObject();
        const QString key =
            series.value(QLatin1String("metric")).toObject().value(label).toString();
        Values &values = out[key];
        const Values points = pointsOf(series);
        for (auto it = points.cbegin(); it != points.cend(); ++it)
            values.insert(it.key(), it.value());
    }
    return out;
}

Values valuesOf(const QJsonValue &data) {
    const QJsonArray result = data.toObject().value(QLatin1String("result")).toArray();
    return result.isEmpty() ? Values() : pointsOf(result.first().toObject());
}

QList<EnvelopePoint> envelopeOf(const Values &min, const Values &avg, const Values &max,
                                qint64 step, double factor) {
    QList<qint64> times = avg.keys();
    std::sort(times.begin(), times.end());
    QList<EnvelopePoint> out;
    out.reserve(times.size());
    qint64 previous = -1;
    for (qint64 t : std::as_const(times)) {
        // The server's own step times (VictoriaMetrics aligns them to the step, Prometheus to
        // the start); a missing step between two present ones is a gap.
        if (previous >= 0 && t - previous > step + step / 2)
            out.append(EnvelopePoint::gap((previous + step) * 1000));
        previous = t;
        const double a = avg.value(t);
        EnvelopePoint p;
        p.timeMs = t * 1000;
        p.avg = a * factor;
        p.min = min.value(t, a) * factor;
        p.max = max.value(t, a) * factor;
        p.samples = p.min == p.max ? 1 : 2;
        out.append(p);
    }
    return out;
}

bool isUuid(const QString &text) {
    static const QRegularExpression re(QStringLiteral("^[0-9A-Fa-f-]{1,64}$"));
    return re.match(text).hasMatch();
}

} // namespace bs::prom
