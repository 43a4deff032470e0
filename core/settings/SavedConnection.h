#pragma once

#include <QList>
#include <QSettings>
#include <QString>

namespace bs {

// A connection the user keeps: its URI (never a secret: URIs with passwords are refused before
// they get here), a read-only flag, whether to connect at start, and the SSH opt-in.
struct SavedConnection {
    QString uri;
    bool readOnly = false;
    bool autoConnect = true;
    // qemu+ssh only: read each guest's swap and memory pressure with a fixed read-only command
    // over SSH (process/SshProcessReader.h). Off unless the user allows it.
    bool sshProcessFigures = false;
    bool operator==(const SavedConnection &) const = default;
};

// The saved connections in QSettings ("connections" array). The settings object is injected so
// tests use a temporary file.
class SavedConnectionStore {
public:
    explicit SavedConnectionStore(QSettings &settings)
        : m_settings(settings) {}

    QList<SavedConnection> load() const;
    void save(const QList<SavedConnection> &connections);
    // Replaces the entry whose URI is `replacing` (or connection.uri), else appends.
    void upsert(const SavedConnection &connection, const QString &replacing = {});
    void remove(const QString &uri);

private:
    QSettings &m_settings;
};

} // namespace bs
