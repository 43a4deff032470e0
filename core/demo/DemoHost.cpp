#include "DemoHost.h"

#include "DemoWorker.h"

#include <QThread>

namespace bs {

DemoHost::DemoHost(DemoConfig config, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new DemoWorker(std::move(config))) {
    m_thread->setObjectName(QStringLiteral("demo-host"));
    m_worker->moveToThread(m_thread);
    connect(m_worker, &DemoWorker::progress, this, &DemoHost::progress);
    connect(m_worker, &DemoWorker::ready, this, &DemoHost::ready);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

DemoHost::~DemoHost() {
    // Stop the set-up at its next step, then stop the guests on the worker's thread (libvirt
    // objects stay on the thread that made them) and wait: demo guests must not outlive us.
    m_worker->cancel();
    QMetaObject::invokeMethod(m_worker, &DemoWorker::shutdown, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void DemoHost::start() {
    QMetaObject::invokeMethod(m_worker, &DemoWorker::prepare, Qt::QueuedConnection);
}

} // namespace bs
