#pragma once

#include "balloon/BalloonResult.h"
#include "model/StatsState.h"
#include "monitor/MemorySample.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace bs {

class MonitoredHost;

// After a live period change: are the stats flowing now, and if not, why (DOMAIN.md §3)?
struct StatsFlowVerdict {
    enum class Kind {
        Waiting,    // no verdict yet (final = false)
        Flowing,    // a fresh report arrived after the change
        NotFlowing, // a reason is known, or the deadline passed without a fresh report
    };

    QString hostId;
    QString uuid;
    QString name;
    Kind kind = Kind::Waiting;
    StatsState state = StatsState::Unknown; // the monitor's classification; the readiness view
                                            // explains the same states in detail
    QString message; // one translated sentence: "Stats are flowing." or why not
    bool final = false;
    qint64 timeMs = 0;
};

// Follows a host's poll cycles for the guests whose live period was just set, and says
// "stats are flowing" or why not once it knows, at the latest two periods (plus two polls and
// a little slack) after the change. Lives on the GUI thread, like the MonitoredHost it follows.
class StatsFlowWatch final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatsFlowWatch)

public:
    explicit StatsFlowWatch(MonitoredHost *host, QObject *parent = nullptr);
    ~StatsFlowWatch() override;

    // Starts (or restarts) watching a guest whose live period is now `periodSeconds`. Makes the
    // monitor re-read the guest's XML and poll at once.
    void watch(const QString &uuid, const QString &name, int periodSeconds);
    // Watches the guest of `result` if a live period step was done with a period > 0.
    void watchResult(const GuestApplyResult &result);
    int watching() const { return int(m_watches.size()); }
    static int deadlineSeconds(int periodSeconds, int pollIntervalSeconds);

public Q_SLOTS:
    // Connected to the host's worker; public so tests can feed synthetic cycles.
    void observe(const bs::PollCycle &cycle);
    void guestsRemoved(const QString &hostId, const QStringList &uuids);

Q_SIGNALS:
    void verdict(const bs::StatsFlowVerdict &verdict);
    void allSettled(); // no guest is being watched any more

private:
    struct Watch {
        QString name;
        int period = 0;
        qint64 startMs = 0;
        quint64 generation = 0;
        StatsState last = StatsState::Unknown;
        bool sawSample = false;
    };

    void settle(const QString &uuid, StatsFlowVerdict::Kind kind, StatsState state,
                const QString &message);
    void deadline(const QString &uuid, quint64 generation);

    QPointer<MonitoredHost> m_host;
    QHash<QString, Watch> m_watches;
    quint64 m_generation = 0;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::StatsFlowVerdict)
