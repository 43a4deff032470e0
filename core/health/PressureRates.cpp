#include "PressureRates.h"

#include "GuestWindow.h"

#include <type_traits>

namespace bs {

namespace {

// Rate of a cumulative counter; nullopt when either end is missing, or when it went back
// (`back` set then).
template <typename Figure>
std::optional<double> rateOf(const Figure &from, const Figure &to, double seconds, bool &back) {
    if (!from || !to)
        return std::nullopt;
    if (*to < *from) {
        back = true;
        return std::nullopt;
    }
    return double(*to - *from) / seconds;
}

template <typename Samples>
QList<PressureRate> ratesOf(const Samples &samples) {
    using Sample = std::decay_t<decltype(*samples.begin())>;
    QList<PressureRate> rates;
    const Sample *previous = nullptr;
    for (const Sample &s : samples) {
        if (!isActive(s.state)) {
            previous = nullptr;
            continue;
        }
        if (!s.freshReport)
            continue;
        if (previous) {
            double seconds = 0;
            if (previous->stats.lastUpdate && s.stats.lastUpdate)
                seconds = double(*s.stats.lastUpdate - *previous->stats.lastUpdate);
            if (seconds <= 0)
                seconds = double(s.timeMs - previous->timeMs) / 1000.0;
            if (seconds > 0) {
                PressureRate r;
                r.fromMs = previous->timeMs;
                r.toMs = s.timeMs;
                bool back = false;
                r.swapInKiBps = rateOf(previous->stats.swapIn, s.stats.swapIn, seconds, back);
                r.swapOutKiBps = rateOf(previous->stats.swapOut, s.stats.swapOut, seconds, back);
                r.majorFaultsPerSecond =
                    rateOf(previous->stats.majorFault, s.stats.majorFault, seconds, back);
                bool minorBack = false;
                rateOf(previous->stats.minorFault, s.stats.minorFault, seconds, minorBack);
                r.countersWentBack = back || minorBack;
                rates.append(r);
            }
        }
        previous = &s;
    }
    return rates;
}

} // namespace

QList<PressureRate> pressureRates(const QList<MemorySample> &samples) {
    return ratesOf(samples);
}

QList<PressureRate> pressureRates(const WindowSamples &samples) {
    return ratesOf(samples);
}

} // namespace bs
