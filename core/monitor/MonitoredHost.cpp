#include "MonitoredHost.h"

#include "common/Logging.h"

namespace bs {

namespace {
constexpr int ShutdownWaitMs = 2000;
}

MonitoredHost::MonitoredHost(MonitorConfig config, std::shared_ptr<CredentialProvider> credentials,
                             QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_thread(new QThread)
    , m_worker(new HostMonitor(std::move(config), std::move(credentials))) {
    m_thread->setObjectName(QStringLiteral("host:%1").arg(m_config.uri));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

MonitoredHost::~MonitoredHost() {
    QMetaObject::invokeMethod(m_worker, &HostMonitor::stop, Qt::QueuedConnection);
    m_thread->quit();
    if (m_thread->wait(ShutdownWaitMs)) {
        delete m_thread;
        return;
    }
    // Stuck in a blocking libvirt call (a hung remote host). Let it finish alone: the worker
    // goes quiet now, deletes itself when its thread ends, and the thread deletes itself too.
    qCWarning(lcMonitor) << "host" << m_config.uri << "is still busy; leaving its thread to finish";
    m_worker->abandon();
    m_worker->disconnect();
    QThread *thread = m_thread;
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
}

void MonitoredHost::start() {
    QMetaObject::invokeMethod(m_worker, &HostMonitor::start, Qt::QueuedConnection);
}

void MonitoredHost::stop() {
    QMetaObject::invokeMethod(m_worker, &HostMonitor::stop, Qt::QueuedConnection);
}

void MonitoredHost::pollNow() {
    QMetaObject::invokeMethod(m_worker, &HostMonitor::pollNow, Qt::QueuedConnection);
}

void MonitoredHost::setIntervalSeconds(int seconds) {
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, seconds] { w->setIntervalSeconds(seconds); },
        Qt::QueuedConnection);
}

void MonitoredHost::invalidateGuest(const QString &uuid) {
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, uuid] { w->invalidateGuest(uuid); }, Qt::QueuedConnection);
}

void MonitoredHost::submit(ConnectionJob job) {
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, job = std::move(job)] { w->runJob(job); }, Qt::QueuedConnection);
}

} // namespace bs
