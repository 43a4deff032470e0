#include "SeriesTypes.h"

namespace bs {

qint64 tierStepSeconds(Tier tier) {
    switch (tier) {
    case Tier::Raw:
        return 0;
    case Tier::Minute:
        return 60;
    case Tier::Hour:
        return 3600;
    }
    return 0;
}

QString tierKey(Tier tier) {
    switch (tier) {
    case Tier::Raw:
        return QStringLiteral("raw");
    case Tier::Minute:
        return QStringLiteral("1m");
    case Tier::Hour:
        return QStringLiteral("1h");
    }
    return {};
}

namespace {
bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}
} // namespace

bool EnvelopePoint::operator==(const EnvelopePoint &o) const {
    return timeMs == o.timeMs && same(min, o.min) && same(avg, o.avg) && same(max, o.max) &&
           samples == o.samples;
}

} // namespace bs
