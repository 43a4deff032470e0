#pragma once

#include "common/Result.h"

#include <QString>

namespace bs {

// The kernel and initramfs that scripts/build-guest-images makes (a Debian kernel, busybox and an
// init that takes its role from the kernel command line).
struct GuestImages {
    QString dir;
    QString kernel; // <dir>/kernel (uncompressed PVH ELF, or a bzImage)
    QString initrd; // <dir>/initrd.img
};

// Where the script caches them: $BALLOONSCOPE_GUEST_IMAGES, else
// ${XDG_CACHE_HOME:-$HOME/.cache}/balloonscope/guest-images.
QString defaultGuestImagesDir();

// Both files present and readable in `dir`, or an error that says how to build them.
Result<GuestImages> findGuestImages(const QString &dir);

} // namespace bs
