#include "ChartData.h"

#include <algorithm>

namespace bs {

bool ChartSeries::hasValues() const {
    return std::any_of(points.cbegin(), points.cend(),
                       [](const EnvelopePoint &p) { return !p.isGap(); });
}

bool ChartData::hasValues() const {
    return std::any_of(series.cbegin(), series.cend(),
                       [](const ChartSeries &s) { return s.hasValues(); });
}

} // namespace bs
