#pragma once

#include "GuestWindow.h"
#include "HealthThresholds.h"
#include "PressureRates.h"

#include <optional>

namespace bs {

// The per-guest rules. Each judges one guest's window as of `nowMs` (ms since the epoch) and
// returns its finding, if any; rules that measure a figure append it for monitoring systems to
// `figures`, unless that is null (the watchdog reads findings only).
// A rule that lacks what it needs (no report, no target, the guest does not run) stays silent.

// No fresh report for N stats periods, judged from the report's own time (last_update, host
// clock) so that one poll can tell; only for running guests with a period set and a driver that
// has reported once (no driver and polling off are readiness matters).
std::optional<HealthFinding> staleFinding(const GuestWindow &guest,
                                          const HealthThresholds &thresholds, qint64 nowMs,
                                          QList<HealthFigure> *figures);

// Swap-in above a rate for the whole of the last `swapInSustainSeconds`, or of `watchedSeconds`
// when the caller watched less (the `check` command's own window). Reads the rates that end
// after swapInWindowStartMs(), and their swap-in only (swapInRates() is enough).
std::optional<HealthFinding> swapInFinding(const GuestWindow &guest,
                                           const QList<PressureRate> &rates,
                                           const HealthThresholds &thresholds, qint64 nowMs,
                                           qint64 watchedSeconds, QList<HealthFigure> *figures);

// Where the swap-in rule's window starts, ms since the epoch.
qint64 swapInWindowStartMs(const HealthThresholds &thresholds, qint64 nowMs, qint64 watchedSeconds);

// The newest report's need plus the kernel's overhead, as a share of the balloon (actual).
std::optional<HealthFinding> needRatioFinding(const GuestWindow &guest,
                                              const HealthThresholds &thresholds,
                                              QList<HealthFigure> *figures);

// The balloon apart from the target set by more than the tolerance, not moving, for N periods
// (the stats period, at least 10 s) after the change.
std::optional<HealthFinding> stuckBalloonFinding(const GuestWindow &guest,
                                                 const HealthThresholds &thresholds, qint64 nowMs);

// The guest was ready (reporting) in this window and is not now.
std::optional<HealthFinding> readinessFinding(const GuestWindow &guest,
                                              const HealthThresholds &thresholds);

// Host RSS − (need + kernel overhead): what the host holds that the guest does not use.
std::optional<HealthFinding> strandedFinding(const GuestWindow &guest,
                                             const HealthThresholds &thresholds,
                                             QList<HealthFigure> *figures);

// A running guest whose balloon cannot hand freed pages back (freePageReporting off); the note
// also says whether autodeflate is on. Built once and kept in the window
// (GuestWindow::freePageReportingNote) while the guest, the setting and the severity stay.
std::optional<HealthFinding> freePageReportingFinding(const GuestWindow &guest,
                                                      const HealthThresholds &thresholds);

// The guest's need from one report: available − usable, corrected for Windows, which counts an
// inflated balloon as in use (its MemTotal does not shrink). Empty without both figures.
std::optional<qint64> guestNeedKiB(const BalloonStats &stats);

} // namespace bs
