#pragma once

#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace bs::fault {

// balloonscope-cli record as a separate process, as a user or systemd runs it.
class Recorder {
public:
    Recorder(QString db, QString uri, int intervalSeconds);
    ~Recorder(); // SIGKILL if still running: a test that failed leaves nothing behind

    bool start();
    void kill();             // SIGKILL, and reaped
    int stop(int timeoutMs); // SIGTERM; the exit code, or -1 if it did not exit normally
    bool running() const;
    QString errorOutput(); // what it printed on stderr so far
    qint64 pid() const;

private:
    QString m_db;
    QString m_uri;
    int m_interval;
    std::unique_ptr<QProcess> m_process;
    QString m_err;
};

// A tmpfs of the given size ("2m"), mounted on a fresh directory and unmounted by the destructor.
class SmallTmpfs {
public:
    explicit SmallTmpfs(const char *size);
    ~SmallTmpfs();
    SmallTmpfs(const SmallTmpfs &) = delete;
    SmallTmpfs &operator=(const SmallTmpfs &) = delete;
    bool isMounted() const { return m_mounted; }
    QString filePath(const QString &name) const { return m_path + QLatin1Char('/') + name; }

private:
    QString m_path;
    bool m_mounted = false;
};

// On a history file, through a separate read-only connection; -1 / empty when it cannot be read.
QString integrityCheck(const QString &path); // "ok" when sound
qint64 storedRows(const QString &path);      // samples + inbox
qint64 newestSecond(const QString &path);    // the newest sample's time, s since the epoch
// Every stored (guest UUID, second) of one host, as "uuid@t".
QSet<QString> storedKeys(const QString &path, const QString &hostUri);

// Fills the file system at `path` until it refuses (ENOSPC); returns the bytes written.
qint64 fillDisk(const QString &path);

} // namespace bs::fault
