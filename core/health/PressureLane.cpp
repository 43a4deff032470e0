#include "PressureLane.h"

#include "GuestWindow.h"
#include "PressureRates.h"

#include <QMap>

#include <cmath>
#include <type_traits>

namespace bs {

bool PressureLanePoint::hasRate() const {
    return !std::isnan(swapInKiBps) || !std::isnan(swapOutKiBps) ||
           !std::isnan(majorFaultsPerSecond);
}

bool PressureLanePoint::hasPsi() const {
    return !std::isnan(psiSomePercent) || !std::isnan(psiFullPercent);
}

namespace {

double orNaN(const std::optional<double> &v) {
    return v ? *v : qQNaN();
}

template <typename Figure>
std::optional<quint64> wide(const Figure &v) {
    return v ? std::optional<quint64>(quint64(*v)) : std::nullopt;
}

// A counter's growth per second between consecutive buckets that have it.
QMap<qint64, double> ratesOf(const Series &s) {
    QMap<qint64, double> out;
    const EnvelopePoint *previous = nullptr;
    for (const EnvelopePoint &p : s.points) {
        if (p.isGap() || std::isnan(p.max))
            continue;
        if (previous && p.timeMs > previous->timeMs) {
            const double grown = p.max - previous->max;
            if (grown >= 0)
                out.insert(p.timeMs, grown / (double(p.timeMs - previous->timeMs) / 1000.0));
        }
        previous = &p;
    }
    return out;
}

template <typename Samples>
QList<PressureLanePoint> laneOf(const Samples &polls) {
    using Sample = std::decay_t<decltype(*polls.begin())>;
    QMap<qint64, PressureLanePoint> byTime;
    for (const PressureRate &r : pressureRates(polls)) {
        PressureLanePoint &p = byTime[r.toMs];
        p.timeMs = r.toMs;
        p.swapInKiBps = orNaN(r.swapInKiBps);
        p.swapOutKiBps = orNaN(r.swapOutKiBps);
        p.majorFaultsPerSecond = orNaN(r.majorFaultsPerSecond);
    }
    for (const Sample &s : polls) {
        if (!s.stats.psiSome && !s.stats.psiFull)
            continue;
        PressureLanePoint &p = byTime[s.timeMs];
        p.timeMs = s.timeMs;
        p.psiSomePercent = orNaN(psiPercent(wide(s.stats.psiSome)));
        p.psiFullPercent = orNaN(psiPercent(wide(s.stats.psiFull)));
    }
    return byTime.values();
}

} // namespace

QList<PressureLanePoint> pressureLane(const QList<MemorySample> &polls) {
    return laneOf(polls);
}

QList<PressureLanePoint> pressureLane(const WindowSamples &polls) {
    return laneOf(polls);
}

QList<Metric> pressureLaneMetrics() {
    return {Metric::SwapIn, Metric::SwapOut, Metric::MajorFault, Metric::PsiSome, Metric::PsiFull};
}

QList<PressureLanePoint> pressureLane(const QList<Series> &series) {
    QMap<qint64, PressureLanePoint> byTime;
    const auto at = [&byTime](qint64 t) -> PressureLanePoint & {
        PressureLanePoint &p = byTime[t];
        p.timeMs = t;
        return p;
    };
    for (const Series &s : series) {
        switch (s.metric) {
        case Metric::SwapIn:
        case Metric::SwapOut:
        case Metric::MajorFault: {
            const QMap<qint64, double> rates = ratesOf(s);
            for (auto it = rates.cbegin(); it != rates.cend(); ++it) {
                PressureLanePoint &p = at(it.key());
                (s.metric == Metric::SwapIn    ? p.swapInKiBps
                 : s.metric == Metric::SwapOut ? p.swapOutKiBps
                                               : p.majorFaultsPerSecond) = it.value();
            }
            break;
        }
        case Metric::PsiSome:
        case Metric::PsiFull:
            for (const EnvelopePoint &e : s.points) {
                if (e.isGap())
                    continue;
                PressureLanePoint &p = at(e.timeMs);
                (s.metric == Metric::PsiSome ? p.psiSomePercent : p.psiFullPercent) = e.avg / 100.0;
            }
            break;
        default:
            break;
        }
    }
    return byTime.values();
}

} // namespace bs
