#pragma once

#include "ExposedHosts.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QTimer;

namespace bs {
class HistoryStore;
struct NeedResult;
} // namespace bs

namespace bs {

// The recorder's sizing recommendations for /metrics: every few minutes, each host's need over
// the Balanced policy's window (14 days) from the recorder's own history, through the sizing
// advisor as `advise` runs it, handed to the endpoint (balloonscope_guest_recommended_bytes,
// balloonscope_guest_reclaimable_bytes). A guest without enough history has no
// recommendation: absent, not zero. The history answers on its own thread.
class SizingExposer final : public QObject {
public:
    SizingExposer(HistoryStore *store, std::shared_ptr<ExposedHosts> exposed, QStringList hosts,
                  QObject *parent = nullptr);

    // The first advice this long after the start (some history first), then every periodMs.
    void start(int firstAfterMs = 60000, int periodMs = 15 * 60000);
    // Asks now (tests, and the timer).
    void refresh();

private:
    void onNeeds(quint64 id, const NeedResult &needs);

    HistoryStore *m_store;
    std::shared_ptr<ExposedHosts> m_exposed;
    QStringList m_hosts;
    QTimer *m_timer;
    QHash<quint64, QString> m_pending; // query id → host
    int m_periodMs = 0;
};

} // namespace bs
