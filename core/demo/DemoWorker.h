#pragma once

#include "DemoGuests.h"
#include "DemoTypes.h"
#include "GuestImages.h"
#include "libvirt/Connection.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <memory>

class QTimer;

namespace bs {

// The demo host's blocking half: lives on DemoHost's thread, owns the embedded driver's
// connection and the guests it started. Every slot runs on that thread.
class DemoWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoWorker)

public:
    explicit DemoWorker(DemoConfig config, QObject *parent = nullptr);
    ~DemoWorker() override;

    // Thread-safe: the set-up stops at its next step (a guest start in progress finishes).
    void cancel() { m_cancelled = true; }

public Q_SLOTS:
    void prepare();
    // Destroys the demo guests and closes the connection. Blocking; called once, at the end.
    void shutdown();

Q_SIGNALS:
    void progress(const bs::DemoProgress &progress);
    void ready(const bs::DemoResult &result);

private:
    Status prepareRoot(const GuestImages &source);
    Status startGuests();
    void destroyLeftovers();
    void checkReady();
    void report(int step, const QString &message);
    void fallBack(const QString &reason, const QString &detail = {});
    void finish();

    DemoConfig m_config;
    QString m_root; // the embedded driver's root directory
    QString m_uri;
    GuestImages m_images; // the copies inside m_root
    std::unique_ptr<Connection> m_connection;
    QStringList m_started;
    QTimer *m_readyTimer;
    QElapsedTimer m_waiting;
    std::atomic_bool m_cancelled{false};
    bool m_done = false;
};

} // namespace bs
