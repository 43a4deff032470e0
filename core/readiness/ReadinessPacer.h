#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

namespace bs {

// Takes turns between the readiness runs of one thread: each pass of the event loop runs one
// turn of one run (a few reports), the runs in the order they asked, a run that wants more going
// to the back. At 5,000 guests the first checks of 50 hosts finish together: each host's run
// working out its 100 reports at once held the GUI thread for tens of ms, and 50 such runs one
// after another for hundreds.
class ReadinessPacer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadinessPacer)

public:
    // The pacer of the calling thread (made on first use, gone with the thread or application).
    static ReadinessPacer *ofThisThread();

    // `turn` runs in a later pass of the event loop, after the turns asked for before it; asking
    // again while waiting keeps the place. Dropped if `owner` is destroyed first.
    void ask(QObject *owner, std::function<void()> turn);
    // Forgets `owner`'s waiting turn.
    void withdraw(const QObject *owner);
    int waiting() const { return int(m_waiting.size()); }

private:
    ReadinessPacer();
    void runOne();

    struct Turn {
        QPointer<QObject> owner;
        std::function<void()> run;
    };
    QList<Turn> m_waiting;
    QTimer m_tick;
};

} // namespace bs
