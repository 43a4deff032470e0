#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

namespace bs {

// Turns SIGTERM, SIGINT and the like into a Qt signal on the thread that created the watcher,
// with the self-pipe trick: the handler only writes the signal number into a pipe (async-signal
// safe), and a QSocketNotifier reads it in the event loop. Works whatever thread the kernel picks
// to run the handler on (libvirt's event thread, a host's worker). One watcher per process; the
// previous handlers come back when it is destroyed.
class SignalWatcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signalNumber);

private:
    void readPipe();

    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace bs
