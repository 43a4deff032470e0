#include "TypedParams.h"

#include <cstring>
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

namespace {

// As TypedParam::asUnsigned / asSigned, on libvirt's value in place.
std::optional<quint64> unsignedOf(const virTypedParameter &p) {
    switch (p.type) {
    case VIR_TYPED_PARAM_UINT:
        return quint64(p.value.ui);
    case VIR_TYPED_PARAM_ULLONG:
        return quint64(p.value.ul);
    case VIR_TYPED_PARAM_INT:
        return p.value.i >= 0 ? std::optional<quint64>(quint64(p.value.i)) : std::nullopt;
    case VIR_TYPED_PARAM_LLONG:
        return p.value.l >= 0 ? std::optional<quint64>(quint64(p.value.l)) : std::nullopt;
    case VIR_TYPED_PARAM_DOUBLE:
        return p.value.d >= 0 && p.value.d < 1.8e19 ? std::optional<quint64>(quint64(p.value.d))
                                                    : std::nullopt;
    default:
        return std::nullopt;
    }
}

std::optional<qint64> signedOf(const virTypedParameter &p) {
    switch (p.type) {
    case VIR_TYPED_PARAM_INT:
        return qint64(p.value.i);
    case VIR_TYPED_PARAM_UINT:
        return qint64(p.value.ui);
    case VIR_TYPED_PARAM_LLONG:
        return qint64(p.value.l);
    case VIR_TYPED_PARAM_ULLONG:
        return p.value.ul <= quint64(std::numeric_limits<qint64>::max())
                   ? std::optional<qint64>(qint64(p.value.ul))
                   : std::nullopt;
    default:
        return std::nullopt;
    }
}

// The field's name, bounded: libvirt's array need not end it with a NUL when it fills it.
bool named(const virTypedParameter &p, const char *name) {
    return std::strncmp(p.field, name, VIR_TYPED_PARAM_FIELD_LENGTH) == 0;
}

} // namespace

BalloonStats balloonStatsFromDomainStats(const virTypedParameter *params, int count) {
    BalloonStats stats;
    if (!params)
        return stats;
    static constexpr char Prefix[] = "balloon.";
    constexpr std::size_t PrefixLength = sizeof(Prefix) - 1;
    struct Key {
        const char *name;
        std::optional<quint64> BalloonStats::*field;
    };
    static constexpr Key Keys[] = {
        {"current", &BalloonStats::actual},
        {"maximum", &BalloonStats::maximum},
        {"rss", &BalloonStats::rss},
        {"unused", &BalloonStats::unused},
        {"available", &BalloonStats::available},
        {"usable", &BalloonStats::usable},
        {"disk_caches", &BalloonStats::diskCaches},
        {"swap_in", &BalloonStats::swapIn},
        {"swap_out", &BalloonStats::swapOut},
        {"major_fault", &BalloonStats::majorFault},
        {"minor_fault", &BalloonStats::minorFault},
        {"hugetlb_pgalloc", &BalloonStats::hugetlbPgAlloc},
        {"hugetlb_pgfail", &BalloonStats::hugetlbPgFail},
    };
    for (int i = 0; i < count; ++i) {
        const virTypedParameter &p = params[i];
        if (std::strncmp(p.field, Prefix, PrefixLength) != 0)
            continue;
        const char *key = p.field + PrefixLength;
        const std::size_t room = VIR_TYPED_PARAM_FIELD_LENGTH - PrefixLength;
        if (std::strncmp(key, "last-update", room) == 0) {
            stats.lastUpdate = signedOf(p);
            continue;
        }
        for (const Key &k : Keys) {
            if (std::strncmp(key, k.name, room) == 0) {
                stats.*k.field = unsignedOf(p);
                break;
            }
        }
    }
    return stats;
}

DomainState stateFromDomainStats(const virTypedParameter *params, int count) {
    if (!params)
        return DomainState::Unknown;
    for (int i = 0; i < count; ++i) {
        if (named(params[i], "state.state")) {
            if (const auto v = signedOf(params[i]))
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
