#pragma once

#include "monitor/MemorySample.h"

#include <QList>

#include <functional>
#include <optional>

namespace bs {

class WindowSamples; // GuestWindow.h
struct WindowSample;

// The guest's pressure between two consecutive fresh reports, from the cumulative counters the
// balloon reports (swap_in/swap_out in KiB, major faults as a count): per second over the
// guest's own report times (last_update), else over the poll times. A counter that went
// backwards gives no rate (a reboot resets them; a pre-2016 Windows service reports per-second
// values that go up and down) and is flagged.
struct PressureRate {
    qint64 fromMs = 0;
    qint64 toMs = 0; // the later report's poll time
    std::optional<double> swapInKiBps;
    std::optional<double> swapOutKiBps;
    std::optional<double> majorFaultsPerSecond;
    bool countersWentBack = false;
    bool operator==(const PressureRate &) const = default;
};

// `samples` oldest first (one guest); samples without a fresh report are skipped, and a guest
// that stopped in between starts over.
QList<PressureRate> pressureRates(const QList<MemorySample> &samples);
// The same over a health window's compact polls (GuestWindow::samples).
QList<PressureRate> pressureRates(const WindowSamples &samples);
// Only the swap-in rates of them that end after `afterMs` (toMs > afterMs): what the swap-in
// rule reads, without going over the whole window (swapOutKiBps and majorFaultsPerSecond empty,
// countersWentBack false).
QList<PressureRate> swapInRates(const WindowSamples &samples, qint64 afterMs);
// The newest of swapInRates(samples, afterMs), found walking back from the end: the rule needs
// no more when even that rate is below every level (HealthEvaluator).
std::optional<PressureRate> newestSwapInRate(const WindowSamples &samples, qint64 afterMs);
// The newest of them for which `wanted` holds, walking back no further than it must: one rate
// below every level settles the rule too, wherever it is in the span.
std::optional<PressureRate>
newestSwapInRate(const WindowSamples &samples, qint64 afterMs,
                 const std::function<bool(const PressureRate &)> &wanted);
// The rate between two consecutive fresh reports of a running guest, as pressureRates() gives
// it; none when no time passed between them.
std::optional<PressureRate> pressureRateBetween(const WindowSample &from, const WindowSample &to);

} // namespace bs
