#include "HistoryOutput.h"

#include "CliCommand.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <cmath>

namespace bs::cli {

namespace {

QString isoUtc(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString number(double v) {
    return QString::number(v, 'f', v == std::floor(v) ? 0 : 2);
}

// One row per point time, each metric's point at that time (if any).
QMap<qint64, QList<const EnvelopePoint *>> rowsByTime(const SeriesResult &result) {
    QMap<qint64, QList<const EnvelopePoint *>> rows;
    for (int i = 0; i < result.series.size(); ++i) {
        for (const EnvelopePoint &p : result.series[i].points) {
            auto &row = rows[p.timeMs];
            row.resize(result.series.size(), nullptr);
            row[i] = &p;
        }
    }
    return rows;
}

} // namespace

GuestMatch findGuest(const QList<GuestInfo> &guests, const QString &text) {
    GuestMatch match;
    QList<GuestInfo> byName;
    QList<GuestInfo> byOldName;
    for (const GuestInfo &g : guests) {
        if (g.uuid.compare(text, Qt::CaseInsensitive) == 0) {
            match.guest = g;
            return match;
        }
        if (g.name == text)
            byName.append(g);
        else if (std::any_of(g.names.cbegin(), g.names.cend(),
                             [&](const GuestInfo::Name &n) { return n.name == text; }))
            byOldName.append(g);
    }
    const QList<GuestInfo> &found = byName.isEmpty() ? byOldName : byName;
    if (found.size() == 1) {
        match.guest = found.first();
        return match;
    }
    if (found.isEmpty()) {
        match.error = CliCommand::tr("The history has no guest named \"%1\" or with that UUID on "
                                     "this host.")
                          .arg(text);
        return match;
    }
    QStringList candidates;
    for (const GuestInfo &g : found)
        candidates.append(QStringLiteral("%1 (%2)").arg(g.name, g.uuid));
    match.error = CliCommand::tr("Several guests were called \"%1\"; give the UUID: %2")
                      .arg(text, candidates.join(QStringLiteral(", ")));
    match.ambiguous = true;
    return match;
}

QString HistoryOutput::json() const {
    QJsonObject o;
    o.insert(QStringLiteral("host"), request.hostId);
    o.insert(QStringLiteral("uuid"), guest.uuid);
    o.insert(QStringLiteral("name"), guest.name);
    o.insert(QStringLiteral("from"), isoUtc(request.fromMs));
    o.insert(QStringLiteral("to"), isoUtc(request.toMs));
    o.insert(QStringLiteral("from_ms"), request.fromMs);
    o.insert(QStringLiteral("to_ms"), request.toMs);
    o.insert(QStringLiteral("points_requested"), request.points);
    o.insert(QStringLiteral("bucket_ms"), result.bucketMs);
    if (!server.isEmpty())
        o.insert(QStringLiteral("source"), server);
    if (!result.note.isEmpty())
        o.insert(QStringLiteral("note"), result.note);
    QJsonArray tiers;
    for (const TierSpan &t : result.tiers) {
        tiers.append(QJsonObject{{QStringLiteral("tier"), tierKey(t.tier)},
                                 {QStringLiteral("from"), isoUtc(t.fromMs)},
                                 {QStringLiteral("to"), isoUtc(t.toMs)}});
    }
    o.insert(QStringLiteral("tiers"), tiers);
    QJsonArray series;
    for (const Series &s : result.series) {
        QJsonArray points;
        for (const EnvelopePoint &p : s.points) {
            QJsonObject point{{QStringLiteral("t_ms"), p.timeMs},
                              {QStringLiteral("time"), isoUtc(p.timeMs)}};
            if (p.isGap()) {
                point.insert(QStringLiteral("gap"), true);
            } else {
                point.insert(QStringLiteral("min"), p.min);
                point.insert(QStringLiteral("avg"), p.avg);
                point.insert(QStringLiteral("max"), p.max);
            }
            points.append(point);
        }
        series.append(QJsonObject{{QStringLiteral("metric"), metricKey(s.metric)},
                                  {QStringLiteral("unit"), metricUnitKey(s.metric)},
                                  {QStringLiteral("points"), points}});
    }
    o.insert(QStringLiteral("series"), series);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
}

QString HistoryOutput::csv() const {
    QString out = QStringLiteral("time,t_ms");
    for (const Series &s : result.series) {
        const QString k = metricKey(s.metric);
        out += QStringLiteral(",%1_min,%1_avg,%1_max").arg(k);
    }
    out += QStringLiteral(",gaps\n");
    const auto rows = rowsByTime(result);
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        out += isoUtc(it.key()) + QLatin1Char(',') + QString::number(it.key());
        QStringList gaps;
        for (int i = 0; i < it->size(); ++i) {
            const EnvelopePoint *p = it->at(i);
            if (!p || p->isGap()) {
                out += QStringLiteral(",,,");
                if (p)
                    gaps.append(metricKey(result.series[i].metric));
                continue;
            }
            out += QStringLiteral(",%1,%2,%3").arg(number(p->min), number(p->avg), number(p->max));
        }
        out += QLatin1Char(',') + gaps.join(QLatin1Char(';')) + QLatin1Char('\n');
    }
    return out;
}

QString HistoryOutput::text() const {
    QStringList tierNames;
    for (const TierSpan &t : result.tiers)
        tierNames.append(tierKey(t.tier));
    QString out =
        CliCommand::tr("%1 (%2) on %3\n%4 to %5, one point per %6 s (%7); KiB, avg [min..max]\n")
            .arg(guest.name, guest.uuid, request.hostId,
                 QDateTime::fromMSecsSinceEpoch(request.fromMs)
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                 QDateTime::fromMSecsSinceEpoch(request.toMs)
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
            .arg(result.bucketMs / 1000)
            .arg(!server.isEmpty()     ? CliCommand::tr("from %1").arg(server)
                 : tierNames.isEmpty() ? CliCommand::tr("no data")
                                       : tierNames.join(QLatin1Char('+')));
    out += QStringLiteral("%1").arg(CliCommand::tr("TIME"), -20);
    for (const Series &s : result.series)
        out += QStringLiteral("  %1").arg(metricKey(s.metric).toUpper(), -30);
    out += QLatin1Char('\n');
    const auto rows = rowsByTime(result);
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        out += QStringLiteral("%1").arg(QDateTime::fromMSecsSinceEpoch(it.key()).toString(
                                            QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                        -20);
        for (const EnvelopePoint *p : *it) {
            QString cell = QStringLiteral("-");
            if (p && p->isGap())
                cell = CliCommand::tr("(gap)");
            else if (p && p->min == p->max)
                cell = number(p->avg);
            else if (p)
                cell = QStringLiteral("%1 [%2..%3]")
                           .arg(number(p->avg), number(p->min), number(p->max));
            out += QStringLiteral("  %1").arg(cell, -30);
        }
        out += QLatin1Char('\n');
    }
    if (rows.isEmpty())
        out += CliCommand::tr("Nothing was recorded for this guest in this range.\n");
    return out;
}

} // namespace bs::cli
