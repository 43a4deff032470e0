#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace bs {

// Where the history database stands, for a status line in the window.
struct HistoryStatus {
    enum class State {
        Closed,
        Ready,       // recording and answering queries
        ReadOnly,    // answering queries only (a newer schema, or opened read-only on purpose)
        Paused,      // the disk is full: polls are not recorded until space returns
        Unavailable, // could not be opened (message says why)
    };
    State state = State::Closed;
    QString path;
    QString message; // one translated sentence; empty when all is well
    QString detail;  // SQLite's own message, for "details"
    int fileSchemaVersion = 0;
    int droppedCycles = 0; // polls not recorded since the last Ready (disk full, busy)

    bool canRecord() const { return state == State::Ready || state == State::Paused; }
    static QString stateKey(State state);
};

// Who writes a host's samples into a shared database: a headless recorder takes precedence over
// the app, so the app never writes a host twice while a recorder covers it.
enum class WriterRole { App, Recorder };
QString writerRoleKey(WriterRole role); // "app", "recorder"

struct HostLease {
    QString hostId;
    QString owner; // a random id per store instance
    WriterRole role = WriterRole::App;
    qint64 pid = 0;
    QString machine;
    qint64 acquiredMs = 0;
    qint64 expiresMs = 0;
    bool mine = false;
    QString describe() const; // "recorder (pid 1234 on kvm1)"
};

// Sent when the store starts or stops writing a host's samples itself.
struct HostWriteState {
    QString hostId;
    bool recording = false; // false: `holder` covers this host, the store leaves it alone
    HostLease holder;
};

// A guest known to the history, with the names it had over time (a rename keeps its history).
struct GuestInfo {
    QString hostId;
    QString uuid;
    QString name; // the latest
    struct Name {
        qint64 sinceMs = 0;
        QString name;
    };
    QList<Name> names; // oldest first
    qint64 firstSeenMs = 0;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::HistoryStatus)
Q_DECLARE_METATYPE(bs::HostLease)
Q_DECLARE_METATYPE(bs::HostWriteState)
Q_DECLARE_METATYPE(bs::GuestInfo)
