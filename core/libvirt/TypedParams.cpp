#include "TypedParams.h"

#include <limits>

namespace bs {

std::optional<quint64> TypedParam::asUnsigned() const {
    if (const auto *u = std::get_if<quint64>(&value))
        return *u;
    if (const auto *i = std::get_if<qint64>(&value); i && *i >= 0)
        return quint64(*i);
    if (const auto *d = std::get_if<double>(&value); d && *d >= 0 && *d < 1.8e19)
        return quint64(*d);
    return std::nullopt;
}

std::optional<qint64> TypedParam::asSigned() const {
    if (const auto *i = std::get_if<qint64>(&value))
        return *i;
    if (const auto *u = std::get_if<quint64>(&value);
        u && *u <= quint64(std::numeric_limits<qint64>::max()))
        return qint64(*u);
    return std::nullopt;
}

QList<TypedParam> copyTypedParams(const virTypedParameter *params, int count) {
    QList<TypedParam> out;
    if (!params || count <= 0)
        return out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        const virTypedParameter &p = params[i];
        TypedParam param;
        param.name =
            QString::fromUtf8(p.field, int(qstrnlen(p.field, VIR_TYPED_PARAM_FIELD_LENGTH)));
        switch (p.type) {
        case VIR_TYPED_PARAM_INT:
            param.value = qint64(p.value.i);
            break;
        case VIR_TYPED_PARAM_UINT:
            param.value = quint64(p.value.ui);
            break;
        case VIR_TYPED_PARAM_LLONG:
            param.value = qint64(p.value.l);
            break;
        case VIR_TYPED_PARAM_ULLONG:
            param.value = quint64(p.value.ul);
            break;
        case VIR_TYPED_PARAM_DOUBLE:
            param.value = p.value.d;
            break;
        case VIR_TYPED_PARAM_BOOLEAN:
            param.value = p.value.b != 0;
            break;
        case VIR_TYPED_PARAM_STRING:
            param.value = QString::fromUtf8(p.value.s ? p.value.s : "");
            break;
        default:
            continue; // a type newer than us: skip it rather than guess
        }
        out.append(std::move(param));
    }
    return out;
}

BalloonStats balloonStatsFromDomainStats(const QList<TypedParam> &params) {
    BalloonStats stats;
    for (const TypedParam &p : params) {
        if (!p.name.startsWith(QLatin1String("balloon.")))
            continue;
        const QStringView key = QStringView(p.name).mid(8);
        if (key == u"last-update") {
            stats.lastUpdate = p.asSigned();
            continue;
        }
        const std::optional<quint64> v = p.asUnsigned();
        if (key == u"current")
            stats.actual = v;
        else if (key == u"maximum")
            stats.maximum = v;
        else if (key == u"rss")
            stats.rss = v;
        else if (key == u"unused")
            stats.unused = v;
        else if (key == u"available")
            stats.available = v;
        else if (key == u"usable")
            stats.usable = v;
        else if (key == u"disk_caches")
            stats.diskCaches = v;
        else if (key == u"swap_in")
            stats.swapIn = v;
        else if (key == u"swap_out")
            stats.swapOut = v;
        else if (key == u"major_fault")
            stats.majorFault = v;
        else if (key == u"minor_fault")
            stats.minorFault = v;
        else if (key == u"hugetlb_pgalloc")
            stats.hugetlbPgAlloc = v;
        else if (key == u"hugetlb_pgfail")
            stats.hugetlbPgFail = v;
    }
    return stats;
}

DomainState stateFromDomainStats(const QList<TypedParam> &params) {
    for (const TypedParam &p : params) {
        if (p.name == QLatin1String("state.state")) {
            if (const auto v = p.asSigned())
                return domainStateFromLibvirt(int(*v));
        }
    }
    return DomainState::Unknown;
}

BalloonStats balloonStatsFromMemoryStats(const virDomainMemoryStatStruct *stats, int count) {
    BalloonStats out;
    if (!stats)
        return out;
    for (int i = 0; i < count; ++i) {
        const quint64 v = stats[i].val;
        switch (stats[i].tag) {
        case VIR_DOMAIN_MEMORY_STAT_SWAP_IN:
            out.swapIn = v;
            break;
        case VIR_DOMAIN_MEMORY_STAT_SWAP_OUT:
            out.swapOut = v;
            break;
        case VIR_DOMAIN_MEMORY_STAT_MAJOR_FAULT:
            out.majorFault = v;
            break;
        case VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT:
            out.minorFault = v;
            break;
        case VIR_DOMAIN_MEMORY_STAT_UNUSED:
            out.unused = v;
            break;
        case VIR_DOMAIN_MEMORY_STAT_AVAILABLE:
            out.available = v;
            break;
        case VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON:
            out.actual = v;
            break;
        case VIR_DOMAIN_MEMORY_STAT_RSS:
            out.rss = v;
            break;
        case VIR_DOMAIN_MEMORY_STAT_USABLE:
            out.usable = v;
            break;
        case VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE:
            out.lastUpdate = qint64(v);
            break;
        case VIR_DOMAIN_MEMORY_STAT_DISK_CACHES:
            out.diskCaches = v;
            break;
        case VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGALLOC:
            out.hugetlbPgAlloc = v;
            break;
        case VIR_DOMAIN_MEMORY_STAT_HUGETLB_PGFAIL:
            out.hugetlbPgFail = v;
            break;
        default:
            break; // a newer tag: ignore
        }
    }
    return out;
}

} // namespace bs
