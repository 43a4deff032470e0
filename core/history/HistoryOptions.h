#pragma once

#include "HistoryStatus.h"

#include <QString>

#include <functional>

namespace bs {

// How long each tier keeps its data. Coarser tiers never keep less than finer ones.
struct RetentionPolicy {
    qint64 rawSeconds = 7 * 86400;
    qint64 minuteSeconds = 90 * 86400;
    qint64 hourSeconds = 3 * 365 * 86400;

    RetentionPolicy normalized() const; // at least one hour each, and raw ≤ minute ≤ hour
    bool operator==(const RetentionPolicy &) const = default;
};

struct HistoryOptions {
    enum class Access { ReadWrite, ReadOnly };

    QString path; // empty: defaultHistoryPath()
    Access access = Access::ReadWrite;
    WriterRole role = WriterRole::App;
    RetentionPolicy retention;
    // Roll-ups, retention and moving the inbox run in small steps this often in the background.
    int compactionIntervalSeconds = 60;
    bool backgroundCompaction = true; // tests and the benchmark call compactNow() themselves
    // Poll cycles and host samples that arrive within this long of the first one waiting are
    // written in one transaction (a commit per cycle was most of the recorder's history thread:
    // issue 18); never longer than a fifth of the waiting cycles' poll interval. Anything else
    // handed to the store (a query, an event, a barrier, shutdown) writes what waits first, so it
    // is never visible late. 0: each at once, in its own.
    int batchWindowMs = 1000;
    // A lease lapses this long after its writer's last heartbeat: a killed recorder's hosts are
    // taken over by the app after at most this long (sooner on the same machine: dead pid).
    int leaseSeconds = 30;
    // PRAGMA quick_check at open reads the whole file: done only up to this size.
    qint64 integrityCheckMaxBytes = 256LL * 1024 * 1024;
    // Wall clock, ms since the epoch; called on the history thread. Tests inject a fake one.
    std::function<qint64()> clockMs;
};

// $XDG_DATA_HOME/balloonscope/history.sqlite (~/.local/share/balloonscope/history.sqlite).
QString defaultHistoryPath();

} // namespace bs
