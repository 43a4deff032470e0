#include "HistoryStatus.h"

#include <QCoreApplication>

namespace bs {

QString HistoryStatus::stateKey(State state) {
    switch (state) {
    case State::Closed:
        return QStringLiteral("closed");
    case State::Ready:
        return QStringLiteral("ready");
    case State::ReadOnly:
        return QStringLiteral("read_only");
    case State::Paused:
        return QStringLiteral("paused");
    case State::Unavailable:
        return QStringLiteral("unavailable");
    }
    return {};
}

QString writerRoleKey(WriterRole role) {
    return role == WriterRole::Recorder ? QStringLiteral("recorder") : QStringLiteral("app");
}

QString HostLease::describe() const {
    const QString who = role == WriterRole::Recorder
                            ? QCoreApplication::translate("bs::HostLease", "recorder")
                            : QCoreApplication::translate("bs::HostLease", "Balloonscope");
    return QCoreApplication::translate("bs::HostLease", "%1 (pid %2 on %3)")
        .arg(who)
        .arg(pid)
        .arg(machine);
}

} // namespace bs
