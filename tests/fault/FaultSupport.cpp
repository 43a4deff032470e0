#include "FaultSupport.h"

#include "history/Sqlite.h"

#include <QDir>
#include <QFile>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/mount.h>

namespace bs::fault {

Recorder::Recorder(QString db, QString uri, int intervalSeconds)
    : m_db(std::move(db))
    , m_uri(std::move(uri))
    , m_interval(intervalSeconds) {}

Recorder::~Recorder() {
    if (running())
        kill();
}

bool Recorder::start() {
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(qEnvironmentVariable("BS_BINARY_DIR") +
                          QStringLiteral("/bin/balloonscope-cli"));
    m_process->setArguments({QStringLiteral("record"), QStringLiteral("--connect"), m_uri,
                             QStringLiteral("--db"), m_db, QStringLiteral("--interval"),
                             QString::number(m_interval)});
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start();
    return m_process->waitForStarted(10000);
}

void Recorder::kill() {
    if (!m_process)
        return;
    ::kill(pid_t(m_process->processId()), SIGKILL);
    m_process->waitForFinished(10000);
    errorOutput();
}

int Recorder::stop(int timeoutMs) {
    if (!m_process)
        return -1;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        kill();
        return -1;
    }
    errorOutput();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

bool Recorder::running() const {
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString Recorder::errorOutput() {
    if (m_process)
        m_err += QString::fromLocal8Bit(m_process->readAllStandardError());
    return m_err;
}

qint64 Recorder::pid() const {
    return m_process ? m_process->processId() : 0;
}

SmallTmpfs::SmallTmpfs(const char *size) {
    char dir[] = "/tmp/bs-fault-XXXXXX";
    if (!mkdtemp(dir))
        return;
    m_path = QString::fromLocal8Bit(dir);
    const QByteArray options = QByteArray("size=") + size;
    if (::mount("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options.constData()) == 0)
        m_mounted = true;
    else
        std::perror("mount tmpfs");
}

SmallTmpfs::~SmallTmpfs() {
    if (m_mounted && ::umount2(m_path.toLocal8Bit().constData(), MNT_DETACH) != 0)
        std::perror("umount tmpfs");
    if (!m_path.isEmpty())
        QDir().rmdir(m_path);
}

namespace {

std::optional<sqlite::Database> openReadOnly(const QString &path) {
    auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
    if (!db)
        return std::nullopt;
    return std::move(db).value();
}

qint64 queryInt(const QString &path, const char *sql) {
    auto db = openReadOnly(path);
    if (!db)
        return -1;
    auto value = db->queryInt(sql);
    return value ? *value : -1;
}

} // namespace

QString integrityCheck(const QString &path) {
    auto db = openReadOnly(path);
    if (!db)
        return QStringLiteral("cannot open");
    auto stmt = db->prepare("PRAGMA integrity_check");
    if (!stmt)
        return stmt.error().message;
    QStringList lines;
    while (stmt->step() == sqlite::Statement::Step::Row)
        lines.append(stmt->text(0));
    return lines.join(QLatin1Char('\n'));
}

qint64 storedRows(const QString &path) {
    return queryInt(path, "SELECT (SELECT count(*) FROM samples) + "
                          "(SELECT count(*) FROM samples_inbox)");
}

qint64 newestSecond(const QString &path) {
    return queryInt(path, "SELECT max(t) FROM (SELECT max(t) AS t FROM samples UNION ALL "
                          "SELECT max(t) FROM samples_inbox)");
}

QSet<QString> storedKeys(const QString &path, const QString &hostUri) {
    QSet<QString> keys;
    auto db = openReadOnly(path);
    if (!db)
        return keys;
    auto stmt = db->prepare("SELECT g.uuid, s.t FROM (SELECT guest_id, t FROM samples UNION ALL "
                            "SELECT guest_id, t FROM samples_inbox) s JOIN guests g ON "
                            "g.id = s.guest_id JOIN hosts h ON h.id = g.host_id WHERE h.uri = ?");
    if (!stmt)
        return keys;
    stmt->bind(1, hostUri);
    while (stmt->step() == sqlite::Statement::Step::Row)
        keys.insert(stmt->text(0) + QLatin1Char('@') + QString::number(stmt->int64(1)));
    return keys;
}

qint64 fillDisk(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return 0;
    const QByteArray block(64 * 1024, 'x');
    qint64 written = 0;
    while (true) {
        const qint64 n = file.write(block);
        if (n <= 0 || !file.flush())
            break;
        written += n;
    }
    // What is left is smaller than a block: fill it too, a byte at a time would be slow; a
    // 4 KiB step is enough for SQLite's pages.
    const QByteArray small(4096, 'x');
    while (file.write(small) > 0 && file.flush())
        written += small.size();
    file.close();
    return written;
}

} // namespace bs::fault
