#pragma once

#include "monitor/HostStatus.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>

namespace bs {
struct PollCycle;
}

namespace bs::gui {

class HostRegistry;

// Whether what the window shows of each host is live: a host is stale while it is not connected,
// or while its answer is overdue (ReportTiming::hostOverdue: more than two poll intervals since
// its last poll). Then its guests' rows, its readiness verdicts, the chart and the actions that
// change guests say so, with the reason and since when ("No answer from kvm1 since 10:42:07.").
// Looked at every second, and at every poll and status change.
class HostFreshness final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostFreshness)

public:
    HostFreshness(HostRegistry *registry, std::function<QString(const QString &)> hostName,
                  QObject *parent = nullptr);

    bool isStale(const QString &hostId) const;
    // One translated sentence: why the host's figures are not live, and since when; empty while
    // they are.
    QString reason(const QString &hostId) const;
    // "as of 10:42:07, host not answering" for the host's readiness verdicts; empty while live.
    QString asOf(const QString &hostId) const;
    // The short form for a table cell: "as of 10:42:07" ("not answering" when it never did).
    QString asOfShort(const QString &hostId) const;
    // When the host last answered (ms since the epoch), 0 if never.
    qint64 lastAnswerMs(const QString &hostId) const;

    // Tests inject the clock; evaluate() looks again at once.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }
    void evaluate();

Q_SIGNALS:
    // The host became stale or live again, or the reason changed.
    void changed(const QString &hostId);

private:
    struct Host {
        HostStatus status;
        qint64 lastAnswerMs = 0;
        QString reason; // empty: live
        QString asOf;
        QString asOfShort;
    };
    void onStatus(const HostStatus &status);
    void onCycle(const PollCycle &cycle);
    void evaluate(const QString &hostId, Host &host);
    void armDeadline();

    HostRegistry *m_registry;
    std::function<QString(const QString &)> m_hostName;
    std::function<qint64()> m_nowMs;
    QHash<QString, Host> m_hosts;
    QTimer m_timer;    // once a second: a disconnected host's retry countdown
    QTimer m_deadline; // at the moment the next connected host becomes overdue
};

} // namespace bs::gui
