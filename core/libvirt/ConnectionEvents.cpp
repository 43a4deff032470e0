#include "ConnectionEvents.h"

#include "LibvirtError.h"
#include "common/Logging.h"

#include <QCoreApplication>

#include <mutex>

namespace bs {

struct ConnectionEvents::Guard {
    std::mutex mutex;
    ConnectionEventSink *sink = nullptr;
};

namespace {

using GuardPtr = std::shared_ptr<ConnectionEvents::Guard>;

void freeGuard(void *opaque) {
    delete static_cast<GuardPtr *>(opaque);
}

void onClose(virConnectPtr, int reason, void *opaque) {
    // The guard itself, owned by ConnectionEvents: libvirt never calls a close callback after
    // virConnectUnregisterCloseCallback returns, and for local drivers it never calls the free
    // function at all, so it must not own the opaque. libvirt clears the opaque after the first
    // close (virConnectCloseCallbackDataReset) but not the callback: a second close event of the
    // same connection arrives with null.
    auto *guard = static_cast<ConnectionEvents::Guard *>(opaque);
    if (!guard)
        return;
    std::lock_guard lock(guard->mutex);
    if (guard->sink)
        guard->sink->connectionClosed(reason);
}

int onLifecycle(virConnectPtr, virDomainPtr domain, int event, int detail, void *opaque) {
    const GuardPtr &guard = *static_cast<GuardPtr *>(opaque);
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    if (virDomainGetUUIDString(domain, uuid) < 0)
        virResetLastError();
    const char *name = virDomainGetName(domain);
    std::lock_guard lock(guard->mutex);
    if (guard->sink)
        guard->sink->domainLifecycle(QString::fromLatin1(uuid), QString::fromUtf8(name ? name : ""),
                                     event, detail);
    return 0;
}

} // namespace

ConnectionEvents::ConnectionEvents(virConnectPtr conn, ConnectionEventSink *sink)
    : m_conn(conn)
    , m_guard(std::make_shared<Guard>()) {
    m_guard->sink = sink;

    if (virConnectRegisterCloseCallback(conn, onClose, m_guard.get(), nullptr) == 0) {
        m_closeRegistered = true;
    } else {
        // Local drivers have no close callback; nothing to watch there.
        qCDebug(lcLibvirt) << "no close callback:" << lastLibvirtError().technicalDetail();
    }

    // The C API takes a generic function pointer for every event id.
    auto *callback = reinterpret_cast<virConnectDomainEventGenericCallback>(
        reinterpret_cast<void (*)()>(&onLifecycle));
    m_lifecycleId = virConnectDomainEventRegisterAny(conn, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                     callback, new GuardPtr(m_guard), freeGuard);
    if (m_lifecycleId < 0)
        qCWarning(lcLibvirt) << "no lifecycle events:" << lastLibvirtError().technicalDetail();
}

ConnectionEvents::~ConnectionEvents() {
    if (m_lifecycleId >= 0 && virConnectDomainEventDeregisterAny(m_conn, m_lifecycleId) < 0)
        virResetLastError();
    if (m_closeRegistered && virConnectUnregisterCloseCallback(m_conn, onClose) < 0)
        virResetLastError();
    std::lock_guard lock(m_guard->mutex);
    m_guard->sink = nullptr;
}

QString describeCloseReason(int reason) {
    switch (reason) {
    case VIR_CONNECT_CLOSE_REASON_EOF:
        return QCoreApplication::translate("bs::ConnectionEvents",
                                           "the daemon closed the connection");
    case VIR_CONNECT_CLOSE_REASON_KEEPALIVE:
        return QCoreApplication::translate("bs::ConnectionEvents",
                                           "the host stopped answering (keepalive timeout)");
    case VIR_CONNECT_CLOSE_REASON_CLIENT:
        return QCoreApplication::translate("bs::ConnectionEvents", "closed by Balloonscope");
    case VIR_CONNECT_CLOSE_REASON_ERROR:
    default:
        return QCoreApplication::translate("bs::ConnectionEvents",
                                           "an I/O error broke the connection");
    }
}

QString describeLifecycleEvent(int event, int detail) {
    switch (event) {
    case VIR_DOMAIN_EVENT_DEFINED:
        return QCoreApplication::translate("bs::ConnectionEvents", "defined");
    case VIR_DOMAIN_EVENT_UNDEFINED:
        return QCoreApplication::translate("bs::ConnectionEvents", "undefined");
    case VIR_DOMAIN_EVENT_STARTED:
        return QCoreApplication::translate("bs::ConnectionEvents", "started");
    case VIR_DOMAIN_EVENT_SUSPENDED:
        return QCoreApplication::translate("bs::ConnectionEvents", "paused");
    case VIR_DOMAIN_EVENT_RESUMED:
        return QCoreApplication::translate("bs::ConnectionEvents", "resumed");
    case VIR_DOMAIN_EVENT_STOPPED:
        if (detail == VIR_DOMAIN_EVENT_STOPPED_DESTROYED)
            return QCoreApplication::translate("bs::ConnectionEvents", "destroyed");
        if (detail == VIR_DOMAIN_EVENT_STOPPED_CRASHED)
            return QCoreApplication::translate("bs::ConnectionEvents", "crashed");
        return QCoreApplication::translate("bs::ConnectionEvents", "stopped");
    case VIR_DOMAIN_EVENT_SHUTDOWN:
        return QCoreApplication::translate("bs::ConnectionEvents", "shutting down");
    case VIR_DOMAIN_EVENT_PMSUSPENDED:
        return QCoreApplication::translate("bs::ConnectionEvents", "suspended to memory/disk");
    case VIR_DOMAIN_EVENT_CRASHED:
        return QCoreApplication::translate("bs::ConnectionEvents", "crashed");
    default:
        return QCoreApplication::translate("bs::ConnectionEvents", "event %1").arg(event);
    }
}

} // namespace bs
