#pragma once

#include <QMetaType>
#include <QString>

namespace bs {

// An error as a value: what went wrong, in one sentence for the user, plus the technical detail
// (libvirt's code and message) on demand. Created on the thread that failed.
struct Error {
    enum class Kind {
        Libvirt,         // a libvirt call failed; code/domain hold libvirt's numbers
        InvalidArgument, // the user's input is wrong
        Io,              // file or device I/O
        Database,        // SQLite
        Cancelled,       // the user said no (credential prompt, dialog)
        Unsupported,     // the host or driver cannot do this
        Timeout,
        NotFound,
    };

    Kind kind = Kind::Libvirt;
    int code = 0;    // virErrorNumber for Kind::Libvirt
    int domain = 0;  // virErrorDomain for Kind::Libvirt
    QString message; // one sentence, already translated where it is ours

    static Error invalidArgument(const QString &message) {
        return {Kind::InvalidArgument, 0, 0, message};
    }
    static Error unsupported(const QString &message) { return {Kind::Unsupported, 0, 0, message}; }
    static Error cancelled(const QString &message) { return {Kind::Cancelled, 0, 0, message}; }
    static Error io(const QString &message) { return {Kind::Io, 0, 0, message}; }
    static Error database(const QString &message) { return {Kind::Database, 0, 0, message}; }
    static Error notFound(const QString &message) { return {Kind::NotFound, 0, 0, message}; }
    static Error timeout(const QString &message) { return {Kind::Timeout, 0, 0, message}; }

    // "libvirt error 38 (domain 7): <message>" for logs and the "details" part of a message box.
    QString technicalDetail() const;
};

} // namespace bs

Q_DECLARE_METATYPE(bs::Error)
