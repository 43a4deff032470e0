#pragma once

#include <QMetaObject>
#include <QObject>

#include <mutex>
#include <utility>

namespace bs {

// Lets work running on another thread post to a QObject that may be destroyed meanwhile. The
// receiver closes the box first thing in its destructor; a post then either lands in the
// receiver's event queue while the receiver certainly exists (Qt drops it if the receiver dies
// before it runs), or is dropped. A QPointer checked on the other thread would race with the
// destruction instead.
class PostBox {
public:
    explicit PostBox(QObject *receiver)
        : m_receiver(receiver) {}

    void close() {
        std::lock_guard lock(m_mutex);
        m_receiver = nullptr;
    }

    // Runs `function` on the receiver's thread, later. False when the receiver is gone.
    template <class Function>
    bool post(Function &&function) {
        std::lock_guard lock(m_mutex);
        if (!m_receiver)
            return false;
        return QMetaObject::invokeMethod(m_receiver, std::forward<Function>(function),
                                         Qt::QueuedConnection);
    }

private:
    std::mutex m_mutex;
    QObject *m_receiver;
};

} // namespace bs
