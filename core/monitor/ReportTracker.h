#pragma once

#include "model/BalloonConfig.h"
#include "model/BalloonStats.h"
#include "model/DomainState.h"
#include "model/StatsState.h"

#include <QHash>
#include <QString>

namespace bs {

// Follows each guest's last_update across polls of one host: tells whether this poll brought a
// new report (repeated ones are dropped) and classifies the stats state from how the reports
// advance. Times are passed in, so tests drive it with a fake clock.
class ReportTracker {
public:
    struct Verdict {
        bool fresh = false;
        StatsState state = StatsState::Unknown;
    };

    // nowMonoMs: a monotonic clock; nowWallMs: ms since the epoch, to judge a last_update seen
    // for the first time.
    Verdict observe(const QString &uuid, DomainState state, const BalloonStats &stats,
                    const BalloonConfig &config, qint64 nowMonoMs, qint64 nowWallMs);
    void forget(const QString &uuid) { m_guests.remove(uuid); }
    void clear() { m_guests.clear(); }
    void setPollInterval(int seconds) { m_pollInterval = seconds; }

private:
    struct Track {
        std::optional<qint64> lastUpdate;
        qint64 lastChangeMonoMs = 0;
        std::optional<int> period;
        qint64 periodSeenMonoMs = 0;
        bool everObserved = false;
    };
    QHash<QString, Track> m_guests;
    int m_pollInterval = 5;
};

} // namespace bs
