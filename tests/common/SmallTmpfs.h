#pragma once

#include <QByteArray>
#include <QDir>
#include <QString>

#include <cstdio>
#include <cstdlib>
#include <sys/mount.h>

namespace bs::test {

// A small tmpfs of our own (root only), unmounted and removed whatever happens: a disk that
// fills up for real, for the disk-full tests.
class SmallTmpfs {
public:
    SmallTmpfs(const char *size, const char *prefix) {
        QByteArray dir = QByteArray("/tmp/") + prefix + "-XXXXXX";
        if (!mkdtemp(dir.data()))
            return;
        m_path = QString::fromLocal8Bit(dir);
        const QByteArray options = QByteArray("size=") + size;
        if (::mount("tmpfs", dir.constData(), "tmpfs", MS_NOSUID | MS_NODEV, options.constData()) ==
            0)
            m_mounted = true;
        else
            std::perror("mount tmpfs");
    }
    ~SmallTmpfs() {
        if (m_mounted && ::umount2(m_path.toLocal8Bit().constData(), MNT_DETACH) != 0)
            std::perror("umount tmpfs");
        if (!m_path.isEmpty())
            QDir().rmdir(m_path);
    }
    SmallTmpfs(const SmallTmpfs &) = delete;
    SmallTmpfs &operator=(const SmallTmpfs &) = delete;

    bool isMounted() const { return m_mounted; }
    QString filePath(const QString &name) const { return m_path + QLatin1Char('/') + name; }

private:
    QString m_path;
    bool m_mounted = false;
};

} // namespace bs::test
