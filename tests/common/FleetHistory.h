#pragma once

#include "history/HistoryStore.h"
#include "host/HostOverview.h"

#include <QList>
#include <QString>

namespace bs::test {

// A plausible host for report tests and the report benchmark: guests of different sizes whose
// used memory follows a daily curve with noise and the odd spike, recorded through the real
// HistoryStore as the monitor hands polls over. Deterministic: the same arguments give the same
// history.
struct FleetGuest {
    QString uuid;
    QString name;
    quint64 maximumKiB = 0;
    quint64 actualKiB = 0;       // balloon size
    double baseFraction = 0.3;   // used, as a share of the guest's total, at the daily low
    double swingFraction = 0.25; // daily swing on top
    StatsState stats = StatsState::Reporting;
    // Not running from offMs to onMs (a stop and a start, both as lifecycle events); 0 = never.
    qint64 offMs = 0;
    qint64 onMs = 0;
    // The balloon is set to `newActualKiB` at balloonAtMs (an event, as the app records it).
    qint64 balloonAtMs = 0;
    quint64 newActualKiB = 0;
};

// `count` guests; with `varied` some are not ready (polling off, no driver), one is stopped for
// three hours and one has its balloon changed, between fromMs and toMs; one has a Chinese name.
QList<FleetGuest> fleetGuests(int count, qint64 fromMs, qint64 toMs, bool varied = true);

// The guest's figures at a time (KiB): used = available − unused, available just below actual.
MemorySample fleetPoll(const FleetGuest &guest, qint64 timeMs);

// The host's own figures for a poll of `samples` (KiB): free = total − what the guests hold
// (used + caches where they report, RSS otherwise) − 6 GiB for the host itself + what KSM saves
// (a slowly varying 1–3 GiB); a fifth of it is page cache.
HostSample fleetHostPoll(const QString &hostId, const QList<MemorySample> &samples, qint64 timeMs,
                         quint64 hostMemoryKiB);

// Polls every `intervalSeconds` from fromMs to toMs (exclusive) plus the guests' events and the
// host's memory size, and with `hostSamples` the host's own figures per poll (schema 3);
// returns the number of guest polls handed over.
qint64 recordFleet(HistoryStore &store, const QString &hostId, const QList<FleetGuest> &guests,
                   qint64 fromMs, qint64 toMs, int intervalSeconds = 10,
                   quint64 hostMemoryKiB = 128ULL * 1024 * 1024, bool hostSamples = true);

} // namespace bs::test
