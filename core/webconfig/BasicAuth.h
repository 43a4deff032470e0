#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>

namespace bs {

// Checks an HTTP Authorization header against the web config's users (bcrypt hashes, through
// libcrypt). bcrypt is slow by design (tens of ms at cost 10): a header that passed once is
// remembered (as its SHA-256, never in clear), so a scrape every few seconds costs one hash
// lookup. Thread-safe.
class BasicAuth {
public:
    explicit BasicAuth(QHash<QString, QByteArray> users);

    bool enabled() const { return !m_users.isEmpty(); }
    // True when `authorization` ("Basic base64(user:password)") names a user whose hash the
    // password matches.
    bool allows(const QByteArray &authorization) const;

    // True when `hash` is a bcrypt hash libcrypt can check ($2a$, $2b$, $2y$).
    static bool isBcrypt(const QByteArray &hash);
    static bool matches(const QByteArray &password, const QByteArray &hash);

private:
    QHash<QString, QByteArray> m_users;
    mutable QMutex m_mutex;
    mutable QSet<QByteArray> m_passed; // SHA-256 of headers that passed
};

} // namespace bs
