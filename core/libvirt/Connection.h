#pragma once

#include "CredentialProvider.h"
#include "LibvirtHandles.h"
#include "common/Result.h"

#include <QString>

#include <memory>

namespace bs {

struct OpenOptions {
    bool readOnly = false;
    // Keepalive: a dead remote link is noticed after about interval × (count + 1) seconds.
    int keepAliveInterval = 5;
    int keepAliveCount = 3;
};

// An open libvirt connection. Owned by one worker thread; not shared.
class Connection final {
public:
    // Opens with virConnectOpenAuth; every credential type goes to `credentials` (may be null:
    // then prompts fail). Requires a LibvirtRuntime. Blocks for as long as libvirt does.
    static Result<std::unique_ptr<Connection>> open(const QString &uri, const OpenOptions &options,
                                                    CredentialProvider *credentials);

    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    ~Connection();

    virConnectPtr get() const { return m_handle.get(); }
    const QString &uri() const { return m_uri; }
    bool isReadOnly() const { return m_readOnly; }
    bool isAlive() const;
    // Whether libvirt negotiated keepalive (remote connections do; local drivers need none).
    bool hasKeepAlive() const { return m_keepAlive; }
    // Unique per opened connection in this process (1, 2, ...): lets state kept per connection
    // notice a reconnect even when the new object happens to reuse the old one's address.
    quint64 serial() const { return m_serial; }

private:
    Connection(ConnectHandle handle, QString uri, bool readOnly, bool keepAlive);

    ConnectHandle m_handle;
    QString m_uri;
    bool m_readOnly = false;
    bool m_keepAlive = false;
    quint64 m_serial = 0;
};

} // namespace bs
