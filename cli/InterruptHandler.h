#pragma once

#include <QObject>

class QSocketNotifier;

namespace bs::cli {

// Turns SIGINT and SIGTERM into a clean end of the command: every event loop of the main thread
// exits, so destructors run (the demo host stops its guests). A second signal kills at once.
// The handler only writes a byte to a socket; the rest happens in the event loop.
class InterruptHandler final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterruptHandler)

public:
    explicit InterruptHandler(QObject *parent = nullptr);
    ~InterruptHandler() override;

    bool interrupted() const { return m_interrupted; }

private:
    void onSignal();

    QSocketNotifier *m_notifier = nullptr;
    bool m_interrupted = false;
};

} // namespace bs::cli
