#include "SavedConnection.h"

namespace bs {

QList<SavedConnection> SavedConnectionStore::load() const {
    QList<SavedConnection> out;
    const int n = m_settings.beginReadArray(QStringLiteral("connections"));
    for (int i = 0; i < n; ++i) {
        m_settings.setArrayIndex(i);
        SavedConnection c;
        c.uri = m_settings.value(QStringLiteral("uri")).toString();
        c.readOnly = m_settings.value(QStringLiteral("readOnly"), false).toBool();
        c.autoConnect = m_settings.value(QStringLiteral("autoConnect"), true).toBool();
        c.sshProcessFigures = m_settings.value(QStringLiteral("sshProcessFigures"), false).toBool();
        if (!c.uri.isEmpty())
            out.append(c);
    }
    m_settings.endArray();
    return out;
}

void SavedConnectionStore::save(const QList<SavedConnection> &connections) {
    m_settings.remove(QStringLiteral("connections"));
    m_settings.beginWriteArray(QStringLiteral("connections"), int(connections.size()));
    for (int i = 0; i < connections.size(); ++i) {
        m_settings.setArrayIndex(i);
        m_settings.setValue(QStringLiteral("uri"), connections.at(i).uri);
        m_settings.setValue(QStringLiteral("readOnly"), connections.at(i).readOnly);
        m_settings.setValue(QStringLiteral("autoConnect"), connections.at(i).autoConnect);
        m_settings.setValue(QStringLiteral("sshProcessFigures"),
                            connections.at(i).sshProcessFigures);
    }
    m_settings.endArray();
    m_settings.sync();
}

void SavedConnectionStore::upsert(const SavedConnection &connection, const QString &replacing) {
    QList<SavedConnection> all = load();
    const QString key = replacing.isEmpty() ? connection.uri : replacing;
    bool replaced = false;
    for (SavedConnection &c : all) {
        if (c.uri == key) {
            c = connection;
            replaced = true;
            break;
        }
    }
    if (!replaced)
        all.append(connection);
    // A URI appears once.
    QList<SavedConnection> unique;
    for (const SavedConnection &c : std::as_const(all)) {
        const bool dup = std::any_of(unique.cbegin(), unique.cend(),
                                     [&](const SavedConnection &u) { return u.uri == c.uri; });
        if (!dup)
            unique.append(c);
    }
    save(unique);
}

void SavedConnectionStore::remove(const QString &uri) {
    QList<SavedConnection> all = load();
    all.removeIf([&](const SavedConnection &c) { return c.uri == uri; });
    save(all);
}

} // namespace bs
