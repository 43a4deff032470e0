#include "ReadinessPacer.h"

#include <QCoreApplication>
#include <QThread>

namespace bs {

ReadinessPacer *ReadinessPacer::ofThisThread() {
    static thread_local QPointer<ReadinessPacer> pacer;
    if (!pacer) {
        pacer = new ReadinessPacer;
        QCoreApplication *app = QCoreApplication::instance();
        if (app && app->thread() == QThread::currentThread())
            pacer->setParent(app);
        else
            connect(QThread::currentThread(), &QThread::finished, pacer.data(),
                    &QObject::deleteLater);
    }
    return pacer;
}

ReadinessPacer::ReadinessPacer() {
    m_tick.setSingleShot(true);
    m_tick.setInterval(0);
    connect(&m_tick, &QTimer::timeout, this, &ReadinessPacer::runOne);
}

void ReadinessPacer::ask(QObject *owner, std::function<void()> turn) {
    for (Turn &waiting : m_waiting) {
        if (waiting.owner == owner) {
            waiting.run = std::move(turn);
            return;
        }
    }
    m_waiting.append(Turn{owner, std::move(turn)});
    if (!m_tick.isActive())
        m_tick.start();
}

void ReadinessPacer::withdraw(const QObject *owner) {
    m_waiting.removeIf([owner](const Turn &t) { return t.owner == owner || !t.owner; });
}

void ReadinessPacer::runOne() {
    while (!m_waiting.isEmpty()) {
        Turn turn = m_waiting.takeFirst();
        if (!turn.owner)
            continue;
        turn.run(); // may ask again: to the back
        break;
    }
    if (!m_waiting.isEmpty() && !m_tick.isActive())
        m_tick.start();
}

} // namespace bs
