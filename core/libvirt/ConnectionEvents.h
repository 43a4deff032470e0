#pragma once

#include "common/Result.h"

#include <QString>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <memory>

namespace bs {

// Receives libvirt's callbacks. They run on libvirt's event-loop thread: an implementation only
// posts the news to its own thread (a queued invokeMethod), it never calls libvirt from there.
class ConnectionEventSink {
public:
    virtual ~ConnectionEventSink() = default;
    virtual void connectionClosed(int reason) = 0;
    virtual void domainLifecycle(const QString &uuid, const QString &name, int event,
                                 int detail) = 0;
};

// Registers the close callback and domain lifecycle events on a connection for as long as it
// lives. After destruction the sink is never called again, even by a callback already running.
class ConnectionEvents final {
public:
    ConnectionEvents(virConnectPtr conn, ConnectionEventSink *sink);
    ~ConnectionEvents();
    ConnectionEvents(const ConnectionEvents &) = delete;
    ConnectionEvents &operator=(const ConnectionEvents &) = delete;

    bool hasLifecycleEvents() const { return m_lifecycleId >= 0; }
    bool hasCloseCallback() const { return m_closeRegistered; }

    struct Guard;

private:
    virConnectPtr m_conn;
    std::shared_ptr<Guard> m_guard;
    int m_lifecycleId = -1;
    bool m_closeRegistered = false;
};

// Words for a close reason and for a lifecycle event, for status lines and chart markers.
QString describeCloseReason(int reason);
QString describeLifecycleEvent(int event, int detail);

} // namespace bs
