#include "BasicAuth.h"

#include <QCryptographicHash>
#include <QMutexLocker>

#include <crypt.h>
#include <cstring>
#include <memory>

namespace bs {

BasicAuth::BasicAuth(QHash<QString, QByteArray> users)
    : m_users(std::move(users)) {}

bool BasicAuth::isBcrypt(const QByteArray &hash) {
    return hash.size() == 60 &&
           (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$"));
}

bool BasicAuth::matches(const QByteArray &password, const QByteArray &hash) {
    if (!isBcrypt(hash))
        return false;
    auto data = std::make_unique<crypt_data>();
    std::memset(data.get(), 0, sizeof(crypt_data));
    const char *out = crypt_r(password.constData(), hash.constData(), data.get());
    if (!out || out[0] == '*')
        return false;
    const QByteArray computed(out);
    // Compared in constant time.
    if (computed.size() != hash.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < hash.size(); ++i)
        diff |= static_cast<unsigned char>(computed.at(i) ^ hash.at(i));
    return diff == 0;
}

bool BasicAuth::allows(const QByteArray &authorization) const {
    if (!authorization.startsWith("Basic "))
        return false;
    const QByteArray key = QCryptographicHash::hash(authorization, QCryptographicHash::Sha256);
    {
        const QMutexLocker lock(&m_mutex);
        if (m_passed.contains(key))
            return true;
    }
    const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed(),
                                                      QByteArray::AbortOnBase64DecodingErrors);
    const qsizetype colon = decoded.indexOf(':');
    if (colon <= 0)
        return false;
    const QString user = QString::fromUtf8(decoded.left(colon));
    const auto hash = m_users.constFind(user);
    if (hash == m_users.cend() || !matches(decoded.mid(colon + 1), *hash))
        return false;
    const QMutexLocker lock(&m_mutex);
    if (m_passed.size() > 1000) // many users or rotating passwords: start again
        m_passed.clear();
    m_passed.insert(key);
    return true;
}

} // namespace bs
