#include "DataExport.h"

#include "metrics/DerivedMetrics.h"
#include "monitor/SampleJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMap>

namespace bs {

namespace {

QString isoUtc(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString unitKey(ValueUnit unit) {
    switch (unit) {
    case ValueUnit::KiB:
        return QStringLiteral("KiB");
    case ValueUnit::Percent:
        return QStringLiteral("percent");
    case ValueUnit::Count:
        return QStringLiteral("count");
    }
    return {};
}

template <class T>
QString cell(const std::optional<T> &v) {
    return v ? QString::number(*v) : QString();
}

QString cell(const std::optional<double> &v) {
    return v ? exactNumber(*v) : QString();
}

// Every series' point at each time (nullptr where a series has none).
QMap<qint64, QList<const EnvelopePoint *>> rowsByTime(const ChartData &chart) {
    QMap<qint64, QList<const EnvelopePoint *>> rows;
    for (int i = 0; i < chart.series.size(); ++i) {
        for (const EnvelopePoint &p : chart.series[i].points) {
            auto &row = rows[p.timeMs];
            row.resize(chart.series.size(), nullptr);
            row[i] = &p;
        }
    }
    return rows;
}

} // namespace

QString exactNumber(double value) {
    return QString::number(value, 'f', QLocale::FloatingPointShortest);
}

QByteArray CsvExporter::chart(const ChartData &chart) {
    const bool decimated = chart.provenance.bucketMs > 0;
    QString out = QStringLiteral("time,t_ms");
    for (const ChartSeries &s : chart.series) {
        if (decimated)
            out += QStringLiteral(",%1_min,%1_avg,%1_max,%1_polls").arg(s.key);
        else
            out += QLatin1Char(',') + s.key;
    }
    out += QStringLiteral(",gaps\n");
    const auto rows = rowsByTime(chart);
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        out += isoUtc(it.key()) + QLatin1Char(',') + QString::number(it.key());
        QStringList gaps;
        for (int i = 0; i < it->size(); ++i) {
            const EnvelopePoint *p = it->at(i);
            if (!p || p->isGap()) {
                out += decimated ? QStringLiteral(",,,,") : QStringLiteral(",");
                if (p)
                    gaps.append(chart.series[i].key);
            } else if (decimated) {
                out += QLatin1Char(',') + exactNumber(p->min) + QLatin1Char(',') +
                       exactNumber(p->avg) + QLatin1Char(',') + exactNumber(p->max) +
                       QLatin1Char(',') + QString::number(p->samples);
            } else {
                out += QLatin1Char(',') + exactNumber(p->avg);
            }
        }
        out += QLatin1Char(',') + gaps.join(QLatin1Char(';')) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray CsvExporter::samples(const RawSamples &raw) {
    QString out = QStringLiteral(
        "time,t_ms,state,stats_state,fresh_report,actual,maximum,rss,available,unused,usable,"
        "disk_caches,swap_in,swap_out,major_fault,minor_fault,hugetlb_pgalloc,hugetlb_pgfail,"
        "last_update,used,used_excluding_cache,used_percent_of_available,vm_swap,psi_some,psi_"
        "full\n");
    for (const MemorySample &s : raw.samples) {
        const BalloonStats &b = s.stats;
        const DerivedMetrics d = deriveMetrics(b);
        const QStringList cells{isoUtc(s.timeMs),
                                QString::number(s.timeMs),
                                domainStateKey(s.state),
                                statsStateKey(s.statsState),
                                s.freshReport ? QStringLiteral("1") : QStringLiteral("0"),
                                cell(b.actual),
                                cell(b.maximum),
                                cell(b.rss),
                                cell(b.available),
                                cell(b.unused),
                                cell(b.usable),
                                cell(b.diskCaches),
                                cell(b.swapIn),
                                cell(b.swapOut),
                                cell(b.majorFault),
                                cell(b.minorFault),
                                cell(b.hugetlbPgAlloc),
                                cell(b.hugetlbPgFail),
                                cell(b.lastUpdate),
                                cell(d.used),
                                cell(d.usedExcludingCache),
                                cell(d.usedPercentOfAvailable),
                                cell(b.vmSwap),
                                cell(psiPercent(b.psiSome)),
                                cell(psiPercent(b.psiFull))};
        out += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray JsonExporter::chart(const ChartData &chart) {
    const ChartProvenance &p = chart.provenance;
    const bool decimated = p.bucketMs > 0;
    QJsonObject o;
    o.insert(QStringLiteral("source"), p.source);
    o.insert(QStringLiteral("host"), p.hostId);
    o.insert(QStringLiteral("uuid"), p.uuid);
    o.insert(QStringLiteral("name"), p.guestName);
    o.insert(QStringLiteral("title"), chart.title);
    o.insert(QStringLiteral("from"), isoUtc(chart.fromMs));
    o.insert(QStringLiteral("to"), isoUtc(chart.toMs));
    o.insert(QStringLiteral("from_ms"), chart.fromMs);
    o.insert(QStringLiteral("to_ms"), chart.toMs);
    o.insert(QStringLiteral("bucket_ms"), p.bucketMs);
    o.insert(QStringLiteral("unit"), unitKey(chart.unit));
    QJsonArray tiers;
    for (const TierSpan &t : p.tiers) {
        tiers.append(QJsonObject{{QStringLiteral("tier"), tierKey(t.tier)},
                                 {QStringLiteral("from"), isoUtc(t.fromMs)},
                                 {QStringLiteral("to"), isoUtc(t.toMs)}});
    }
    o.insert(QStringLiteral("tiers"), tiers);
    QJsonArray series;
    for (const ChartSeries &s : chart.series) {
        QJsonArray points;
        for (const EnvelopePoint &e : s.points) {
            QJsonObject point{{QStringLiteral("t_ms"), e.timeMs},
                              {QStringLiteral("time"), isoUtc(e.timeMs)}};
            if (e.isGap()) {
                point.insert(QStringLiteral("gap"), true);
            } else if (decimated) {
                point.insert(QStringLiteral("min"), e.min);
                point.insert(QStringLiteral("avg"), e.avg);
                point.insert(QStringLiteral("max"), e.max);
                point.insert(QStringLiteral("polls"), e.samples);
            } else {
                point.insert(QStringLiteral("value"), e.avg);
            }
            points.append(point);
        }
        series.append(QJsonObject{{QStringLiteral("key"), s.key},
                                  {QStringLiteral("name"), s.name},
                                  {QStringLiteral("points"), points}});
    }
    o.insert(QStringLiteral("series"), series);
    QJsonArray markers;
    for (const ChartMarker &m : chart.markers) {
        markers.append(QJsonObject{{QStringLiteral("t_ms"), m.timeMs},
                                   {QStringLiteral("time"), isoUtc(m.timeMs)},
                                   {QStringLiteral("kind"), m.kind},
                                   {QStringLiteral("label"), m.label}});
    }
    o.insert(QStringLiteral("markers"), markers);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QByteArray JsonExporter::samples(const RawSamples &raw) {
    QJsonObject o;
    o.insert(QStringLiteral("source"), QStringLiteral("history-raw"));
    o.insert(QStringLiteral("host"), raw.hostId);
    o.insert(QStringLiteral("uuid"), raw.uuid);
    o.insert(QStringLiteral("name"), raw.name);
    o.insert(QStringLiteral("from"), isoUtc(raw.fromMs));
    o.insert(QStringLiteral("to"), isoUtc(raw.toMs));
    o.insert(QStringLiteral("raw_from"), isoUtc(raw.rawFromMs));
    o.insert(QStringLiteral("unit"), QStringLiteral("KiB"));
    QJsonArray samples;
    for (const MemorySample &s : raw.samples) {
        QJsonObject j = sampleToJson(s);
        // Not part of the history: the live XML is not recorded with each poll.
        j.remove(QStringLiteral("balloon_model"));
        j.remove(QStringLiteral("stats_period"));
        j.remove(QStringLiteral("persistent"));
        j.insert(QStringLiteral("t_ms"), s.timeMs);
        samples.append(j);
    }
    o.insert(QStringLiteral("samples"), samples);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace bs
