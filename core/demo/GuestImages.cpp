#include "GuestImages.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace bs {

QString defaultGuestImagesDir() {
    const QString explicitDir = qEnvironmentVariable("BALLOONSCOPE_GUEST_IMAGES");
    if (!explicitDir.isEmpty())
        return explicitDir;
    QString cache = qEnvironmentVariable("XDG_CACHE_HOME");
    if (cache.isEmpty())
        cache = QDir::homePath() + QStringLiteral("/.cache");
    return cache + QStringLiteral("/balloonscope/guest-images");
}

Result<GuestImages> findGuestImages(const QString &dir) {
    GuestImages images;
    images.dir = dir;
    images.kernel = dir + QStringLiteral("/kernel");
    images.initrd = dir + QStringLiteral("/initrd.img");
    for (const QString &path : {images.kernel, images.initrd}) {
        const QFileInfo info(path);
        if (!info.isFile() || !info.isReadable() || info.size() == 0) {
            return Error::notFound(
                QCoreApplication::translate("bs::GuestImages",
                                            "The demo guest images are missing (%1); build them "
                                            "with scripts/build-guest-images.")
                    .arg(path));
        }
    }
    return images;
}

} // namespace bs
