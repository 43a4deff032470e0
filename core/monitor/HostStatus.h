#pragma once

#include <QMetaType>
#include <QString>

namespace bs {

// Where a host's connection stands, for the host list and the status bar.
struct HostStatus {
    enum class State {
        Idle, // not started
        Connecting,
        NeedsCredentials, // waiting for the user to answer a prompt
        Connected,
        Disconnected, // lost or failed; retrying at nextRetryMs
        AuthFailed,   // refused credentials or cancelled prompt: no automatic retry
        Stopped,      // the user disconnected
    };

    QString hostId;
    State state = State::Idle;
    QString reason;         // why disconnected / failed, one sentence
    QString detail;         // libvirt's technical message
    qint64 nextRetryMs = 0; // ms since the epoch; 0 = no retry planned
    bool readOnly = false;
    QString hostname;           // virConnectGetHostname once connected
    QString driver;             // virConnectGetType ("QEMU", "TEST")
    quint64 libvirtVersion = 0; // virConnectGetLibVersion, major*1e6+minor*1e3+release

    // "disconnected: the daemon closed the connection, retry in 4 s" and the like.
    QString summary(qint64 nowMs) const;
    static QString stateName(State state);
    static QString stateKey(State state);
};

} // namespace bs

Q_DECLARE_METATYPE(bs::HostStatus)
