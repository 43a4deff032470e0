#include "HostJson.h"

#include "common/Units.h"

#include <QDateTime>
#include <QJsonArray>

namespace bs {

namespace {

QJsonValue number(const std::optional<quint64> &v) {
    return v ? QJsonValue(qint64(*v)) : QJsonValue(QJsonValue::Null);
}

QJsonValue number(const std::optional<double> &v, int decimals = 2) {
    if (!v)
        return QJsonValue(QJsonValue::Null);
    double scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    return QJsonValue(qRound64(*v * scale) / scale);
}

QJsonValue flag(const std::optional<bool> &v) {
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject availability(const HostOverview &o) {
    QJsonObject out;
    for (int i = 0; i < HostFigureCount; ++i) {
        const auto figure = HostFigure(i);
        const FigureStatus &s = o.status(figure);
        QJsonObject entry;
        entry.insert(QStringLiteral("state"), availabilityKey(s.availability));
        entry.insert(QStringLiteral("text"), availabilityText(s.availability));
        if (!s.detail.isEmpty())
            entry.insert(QStringLiteral("detail"), s.detail);
        out.insert(hostFigureKey(figure), entry);
    }
    return out;
}

QJsonObject node(const HostOverview &o) {
    QJsonObject out;
    out.insert(QStringLiteral("total"), number(o.memory.total));
    out.insert(QStringLiteral("free"), number(o.memory.free));
    out.insert(QStringLiteral("buffers"), number(o.memory.buffers));
    out.insert(QStringLiteral("cached"), number(o.memory.cached));
    out.insert(QStringLiteral("free_with_caches"), number(o.memory.freeWithCaches()));
    out.insert(QStringLiteral("host_total"), number(o.hostTotal()));
    if (!o.info) {
        out.insert(QStringLiteral("info"), QJsonValue(QJsonValue::Null));
        return out;
    }
    QJsonObject info;
    info.insert(QStringLiteral("model"), o.info->model);
    info.insert(QStringLiteral("memory"), qint64(o.info->memory));
    info.insert(QStringLiteral("cpus"), int(o.info->cpus));
    info.insert(QStringLiteral("mhz"), int(o.info->mhz));
    info.insert(QStringLiteral("nodes"), int(o.info->nodes));
    info.insert(QStringLiteral("sockets"), int(o.info->sockets));
    info.insert(QStringLiteral("cores"), int(o.info->cores));
    info.insert(QStringLiteral("threads"), int(o.info->threads));
    out.insert(QStringLiteral("info"), info);
    return out;
}

QJsonObject overcommit(const OvercommitFigures &f) {
    QJsonObject out;
    out.insert(QStringLiteral("guests_defined"), f.guestsDefined);
    out.insert(QStringLiteral("guests_active"), f.guestsActive);
    out.insert(QStringLiteral("guests_with_maximum"), f.guestsWithMaximum);
    out.insert(QStringLiteral("guests_with_actual"), f.guestsWithActual);
    out.insert(QStringLiteral("guests_reporting"), f.guestsReporting);
    out.insert(QStringLiteral("host_total"), number(f.hostTotal));
    out.insert(QStringLiteral("maximum"), number(f.maximum));
    out.insert(QStringLiteral("actual"), number(f.actual));
    out.insert(QStringLiteral("defined_maximum"), number(f.definedMaximum));
    out.insert(QStringLiteral("used"), number(f.used));
    out.insert(QStringLiteral("used_excluding_cache"), number(f.usedExcludingCache));
    out.insert(QStringLiteral("reporting_available"), number(f.reportingAvailable));
    out.insert(QStringLiteral("maximum_ratio"), number(f.maximumRatio, 3));
    out.insert(QStringLiteral("actual_ratio"), number(f.actualRatio, 3));
    out.insert(QStringLiteral("defined_maximum_ratio"), number(f.definedMaximumRatio, 3));
    out.insert(QStringLiteral("used_percent_of_host"), number(f.usedPercentOfHost));
    out.insert(QStringLiteral("used_percent_of_guests"), number(f.usedPercentOfGuests));
    return out;
}

QJsonObject ksm(const HostOverview &o) {
    const KsmParameters &k = o.ksm;
    const KsmFigures &f = o.ksmFigures;
    QJsonObject out;
    out.insert(QStringLiteral("shm_pages_to_scan"), number(k.pagesToScan));
    out.insert(QStringLiteral("shm_sleep_millisecs"), number(k.sleepMillisecs));
    out.insert(QStringLiteral("shm_pages_shared"), number(k.pagesShared));
    out.insert(QStringLiteral("shm_pages_sharing"), number(k.pagesSharing));
    out.insert(QStringLiteral("shm_pages_unshared"), number(k.pagesUnshared));
    out.insert(QStringLiteral("shm_pages_volatile"), number(k.pagesVolatile));
    out.insert(QStringLiteral("shm_full_scans"), number(k.fullScans));
    out.insert(QStringLiteral("shm_merge_across_nodes"), flag(k.mergeAcrossNodes));
    out.insert(QStringLiteral("page_size"), number(f.pageSize));
    out.insert(QStringLiteral("saved"), number(f.saved));
    out.insert(QStringLiteral("saved_mib"),
               f.saved ? number(std::optional<double>(double(*f.saved) / units::KiBPerMiB))
                       : QJsonValue(QJsonValue::Null));
    out.insert(QStringLiteral("sharing_ratio"), number(f.sharingRatio));
    out.insert(QStringLiteral("unshared_per_saved"), number(f.unsharedPerSaved));
    out.insert(QStringLiteral("scanned"), number(f.scanned));
    out.insert(QStringLiteral("scan_pages_per_second"), number(f.scanPagesPerSecond, 0));
    out.insert(QStringLiteral("seconds_per_pass"), number(f.secondsPerPass, 0));
    out.insert(QStringLiteral("activity"), ksmActivityKey(f.activity));
    return out;
}

QJsonArray cells(const HostOverview &o) {
    QJsonArray out;
    for (const NumaCell &cell : o.topology.cells) {
        QJsonObject c;
        c.insert(QStringLiteral("id"), cell.id);
        c.insert(QStringLiteral("memory"), number(cell.memory));
        c.insert(QStringLiteral("cpus"), cell.cpus);
        QJsonArray pools;
        for (const HugePagePool &pool : o.hugePagePools) {
            if (pool.cell != cell.id)
                continue;
            QJsonObject p;
            p.insert(QStringLiteral("page_size"), qint64(pool.pageSize));
            p.insert(QStringLiteral("total"), number(pool.total));
            p.insert(QStringLiteral("free"), number(pool.free));
            p.insert(QStringLiteral("used"), number(pool.used()));
            p.insert(QStringLiteral("consistent"), pool.consistent());
            pools.append(p);
        }
        c.insert(QStringLiteral("huge_pages"), pools);
        out.append(c);
    }
    return out;
}

QJsonObject hugePages(const HostOverview &o) {
    QJsonObject out;
    QJsonArray sizes;
    for (const HugePageSize &s : o.hugePageSizes) {
        QJsonObject e;
        e.insert(QStringLiteral("page_size"), qint64(s.pageSize));
        e.insert(QStringLiteral("total"), number(s.total));
        e.insert(QStringLiteral("free"), number(s.free));
        e.insert(QStringLiteral("total_kib"), number(s.totalKiB()));
        e.insert(QStringLiteral("free_kib"), number(s.freeKiB()));
        e.insert(QStringLiteral("used_kib"), number(s.usedKiB()));
        e.insert(QStringLiteral("consistent"), s.consistent);
        sizes.append(e);
    }
    out.insert(QStringLiteral("sizes"), sizes);
    QJsonArray guests;
    for (const GuestBacking &g : o.guestBacking) {
        QJsonObject e;
        e.insert(QStringLiteral("uuid"), g.uuid);
        e.insert(QStringLiteral("name"), g.name);
        e.insert(QStringLiteral("active"), g.active);
        e.insert(QStringLiteral("huge_pages"), g.backing.hugePages);
        QJsonArray requested;
        for (quint64 size : g.backing.explicitSizes())
            requested.append(qint64(size));
        e.insert(QStringLiteral("page_sizes"), requested);
        e.insert(QStringLiteral("nosharepages"), g.backing.noSharePages);
        e.insert(QStringLiteral("locked"), g.backing.locked);
        e.insert(QStringLiteral("memory"), number(g.backing.memory));
        guests.append(e);
    }
    out.insert(QStringLiteral("guests"), guests);
    return out;
}

} // namespace

QJsonObject adviceToJson(const Advice &a) {
    QJsonObject out;
    out.insert(QStringLiteral("rule"), a.ruleId);
    out.insert(QStringLiteral("severity"), adviceSeverityKey(a.severity));
    out.insert(QStringLiteral("text"), a.text);
    QJsonObject figures;
    for (const AdviceFigure &f : a.figures) {
        QJsonObject e;
        e.insert(QStringLiteral("value"), f.value);
        e.insert(QStringLiteral("unit"), f.unit);
        figures.insert(f.key, e);
    }
    out.insert(QStringLiteral("figures"), figures);
    out.insert(QStringLiteral("guests"), QJsonArray::fromStringList(a.guestUuids));
    return out;
}

QJsonObject hostOverviewToJson(const HostOverview &o, const QList<Advice> &advice) {
    QJsonObject out;
    out.insert(QStringLiteral("host"), o.hostId);
    out.insert(QStringLiteral("time"), isoTime(o.timeMs));
    out.insert(QStringLiteral("connected"), o.connected);
    out.insert(QStringLiteral("availability"), availability(o));
    out.insert(QStringLiteral("node"), node(o));
    out.insert(QStringLiteral("page_size"), number(o.pageSize));
    out.insert(QStringLiteral("page_size_source"), pageSizeSourceKey(o.pageSizeSource));
    out.insert(QStringLiteral("overcommit"), overcommit(o.overcommit));
    out.insert(QStringLiteral("ksm"), ksm(o));
    out.insert(QStringLiteral("numa_cells"), cells(o));
    out.insert(QStringLiteral("huge_pages"), hugePages(o));
    QJsonArray lines;
    for (const Advice &a : advice)
        lines.append(adviceToJson(a));
    out.insert(QStringLiteral("advice"), lines);
    out.insert(QStringLiteral("libvirt_calls"), o.libvirtCalls);
    return out;
}

QJsonObject hostSampleToJson(const HostSample &s) {
    QJsonObject out;
    out.insert(QStringLiteral("host"), s.hostId);
    out.insert(QStringLiteral("time"), isoTime(s.timeMs));
    out.insert(QStringLiteral("total"), number(s.total));
    out.insert(QStringLiteral("free"), number(s.free));
    out.insert(QStringLiteral("buffers"), number(s.buffers));
    out.insert(QStringLiteral("cached"), number(s.cached));
    out.insert(QStringLiteral("guests_maximum"), number(s.guestsMaximum));
    out.insert(QStringLiteral("guests_actual"), number(s.guestsActual));
    out.insert(QStringLiteral("guests_used"), number(s.guestsUsed));
    out.insert(QStringLiteral("guests_active"), s.guestsActive);
    out.insert(QStringLiteral("guests_reporting"), s.guestsReporting);
    out.insert(QStringLiteral("ksm_saved"), number(s.ksmSaved));
    out.insert(QStringLiteral("ksm_pages_shared"), number(s.ksmPagesShared));
    out.insert(QStringLiteral("ksm_pages_sharing"), number(s.ksmPagesSharing));
    out.insert(QStringLiteral("ksm_pages_unshared"), number(s.ksmPagesUnshared));
    out.insert(QStringLiteral("ksm_pages_volatile"), number(s.ksmPagesVolatile));
    out.insert(QStringLiteral("ksm_full_scans"), number(s.ksmFullScans));
    out.insert(QStringLiteral("huge_pages_total"), number(s.hugePagesTotal));
    out.insert(QStringLiteral("huge_pages_free"), number(s.hugePagesFree));
    return out;
}

} // namespace bs
