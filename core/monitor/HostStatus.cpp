#include "HostStatus.h"

#include <QCoreApplication>

#include <cmath>

namespace bs {

QString HostStatus::stateName(State state) {
    switch (state) {
    case State::Idle:
        return QCoreApplication::translate("bs::HostStatus", "idle");
    case State::Connecting:
        return QCoreApplication::translate("bs::HostStatus", "connecting");
    case State::NeedsCredentials:
        return QCoreApplication::translate("bs::HostStatus", "needs credentials");
    case State::Connected:
        return QCoreApplication::translate("bs::HostStatus", "connected");
    case State::Disconnected:
        return QCoreApplication::translate("bs::HostStatus", "disconnected");
    case State::AuthFailed:
        return QCoreApplication::translate("bs::HostStatus", "authentication failed");
    case State::Stopped:
        return QCoreApplication::translate("bs::HostStatus", "not connected");
    }
    return {};
}

QString HostStatus::stateKey(State state) {
    switch (state) {
    case State::Idle:
        return QStringLiteral("idle");
    case State::Connecting:
        return QStringLiteral("connecting");
    case State::NeedsCredentials:
        return QStringLiteral("needs_credentials");
    case State::Connected:
        return QStringLiteral("connected");
    case State::Disconnected:
        return QStringLiteral("disconnected");
    case State::AuthFailed:
        return QStringLiteral("auth_failed");
    case State::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

QString HostStatus::summary(qint64 nowMs) const {
    QString text = stateName(state);
    if (!reason.isEmpty())
        text = QCoreApplication::translate("bs::HostStatus", "%1: %2").arg(text, reason);
    if (state == State::Disconnected && nextRetryMs > 0) {
        const auto seconds =
            qMax<qint64>(0, qint64(std::ceil(double(nextRetryMs - nowMs) / 1000.0)));
        text = QCoreApplication::translate("bs::HostStatus", "%1, retry in %2 s")
                   .arg(text)
                   .arg(seconds);
    }
    return text;
}

} // namespace bs
