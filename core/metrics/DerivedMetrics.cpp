#include "DerivedMetrics.h"

namespace bs {

namespace {

std::optional<quint64> difference(const std::optional<quint64> &a,
                                  const std::optional<quint64> &b) {
    if (!a || !b || *b > *a)
        return std::nullopt;
    return *a - *b;
}

std::optional<double> percent(const std::optional<quint64> &part,
                              const std::optional<quint64> &whole) {
    if (!part || !whole || *whole == 0)
        return std::nullopt;
    return double(*part) * 100.0 / double(*whole);
}

} // namespace

DerivedMetrics deriveMetrics(const BalloonStats &stats) {
    DerivedMetrics m;
    m.used = difference(stats.available, stats.unused);
    m.usedExcludingCache = difference(stats.available, stats.usable);
    m.usedPercentOfAvailable = percent(m.used, stats.available);
    m.usedPercentOfActual = percent(m.used, stats.actual);
    m.balloonInflated = difference(stats.maximum, stats.actual);
    return m;
}

} // namespace bs
