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

// The rate between two fresh reports of a running guest; none when no time passed. Swap-in only
// when `swapInOnly`.
template <typename Sample>
std::optional<PressureRate> rateBetween(const Sample &previous, const Sample &s,
                                        bool swapInOnly = false) {
    double seconds = 0;
    if (previous.stats.lastUpdate && s.stats.lastUpdate)
        seconds = double(*s.stats.lastUpdate - *previous.stats.lastUpdate);
    if (seconds <= 0)
        seconds = double(s.timeMs - previous.timeMs) / 1000.0;
    if (seconds <= 0)
        return std::nullopt;
    PressureRate r;
    r.fromMs = previous.timeMs;
    r.toMs = s.timeMs;
    bool back = false;
    r.swapInKiBps = rateOf(previous.stats.swapIn, s.stats.swapIn, seconds, back);
    if (swapInOnly)
        return r;
    r.swapOutKiBps = rateOf(previous.stats.swapOut, s.stats.swapOut, seconds, back);
    r.majorFaultsPerSecond = rateOf(previous.stats.majorFault, s.stats.majorFault, seconds, back);
    bool minorBack = false;
    rateOf(previous.stats.minorFault, s.stats.minorFault, seconds, minorBack);
    r.countersWentBack = back || minorBack;
    return r;
}

// Over samples [from, to) of a sequence (oldest first).
template <typename Samples>
QList<PressureRate> ratesOf(const Samples &samples, qsizetype from, qsizetype to,
                            bool swapInOnly = false) {
    using Sample = std::decay_t<decltype(samples.at(0))>;
    QList<PressureRate> rates;
    rates.reserve(to - from); // at most one a poll
    const Sample *previous = nullptr;
    for (qsizetype i = from; i < to; ++i) {
        const Sample &s = samples.at(i);
        if (!isActive(s.state)) {
            previous = nullptr;
            continue;
        }
        if (!s.freshReport)
            continue;
        if (previous) {
            if (const std::optional<PressureRate> r = rateBetween(*previous, s, swapInOnly))
                rates.append(*r);
        }
        previous = &s;
    }
    return rates;
}

} // namespace

QList<PressureRate> pressureRates(const QList<MemorySample> &samples) {
    return ratesOf(samples, 0, samples.size());
}

QList<PressureRate> pressureRates(const WindowSamples &samples) {
    return ratesOf(samples, 0, samples.size());
}

QList<PressureRate> swapInRates(const WindowSamples &samples, qint64 afterMs) {
    const qsizetype n = samples.size();
    if (!samples.inTimeOrder()) { // the clock went back: any rate may end after `afterMs`
        QList<PressureRate> rates = ratesOf(samples, 0, n, true);
        rates.removeIf([afterMs](const PressureRate &r) { return r.toMs <= afterMs; });
        return rates;
    }
    // The polls after `afterMs`, and the fresh report the first rate among them starts from
    // (unless the guest stopped in between).
    qsizetype from = n;
    while (from > 0 && samples.at(from - 1).timeMs > afterMs)
        --from;
    for (qsizetype i = from - 1; i >= 0; --i) {
        const WindowSample &s = samples.at(i);
        if (!isActive(s.state))
            break;
        if (s.freshReport) {
            from = i;
            break;
        }
    }
    return ratesOf(samples, from, n, true);
}

std::optional<PressureRate> newestSwapInRate(const WindowSamples &samples, qint64 afterMs) {
    return newestSwapInRate(samples, afterMs, [](const PressureRate &) { return true; });
}

std::optional<PressureRate>
newestSwapInRate(const WindowSamples &samples, qint64 afterMs,
                 const std::function<bool(const PressureRate &)> &wanted) {
    if (!samples.inTimeOrder()) {
        const QList<PressureRate> rates = swapInRates(samples, afterMs);
        for (auto r = rates.crbegin(); r != rates.crend(); ++r) {
            if (wanted(*r))
                return *r;
        }
        return std::nullopt;
    }
    // The pairs ratesOf() forms are consecutive fresh reports with no stop between them: the
    // newest pair that gives a rate is the newest rate. In time order, once a pair ends at or
    // before `afterMs`, every older one does too.
    const WindowSample *later = nullptr;
    for (qsizetype i = samples.size() - 1; i >= 0; --i) {
        const WindowSample &s = samples.at(i);
        if (!isActive(s.state)) {
            later = nullptr;
            continue;
        }
        if (!s.freshReport)
            continue;
        if (later) {
            if (later->timeMs <= afterMs)
                return std::nullopt;
            if (std::optional<PressureRate> rate = rateBetween(s, *later, true);
                rate && wanted(*rate))
                return rate;
        }
        later = &s;
    }
    return std::nullopt;
}

std::optional<PressureRate> pressureRateBetween(const WindowSample &from, const WindowSample &to) {
    return rateBetween(from, to);
}

} // namespace bs
