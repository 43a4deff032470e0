#include "DemoRoot.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

#include <unistd.h>

namespace bs {

QString DemoRoot::directory(const QString &dataDir) {
    const QString base = dataDir.isEmpty()
                             ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                             : dataDir;
    const QString root = QDir(base).absoluteFilePath(QStringLiteral("demo"));
    if (root.size() <= MaxLength)
        return root;
    return QDir::tempPath() + QStringLiteral("/balloonscope-demo-%1").arg(getuid());
}

QString DemoRoot::uri(const QString &dataDir) {
    return uriForDirectory(directory(dataDir));
}

QString DemoRoot::uriForDirectory(const QString &directory) {
    return QStringLiteral("qemu:///embed?root=") +
           QString::fromLatin1(QUrl::toPercentEncoding(directory, "/"));
}

} // namespace bs
