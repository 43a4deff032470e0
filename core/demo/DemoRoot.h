#pragma once

#include <QString>

namespace bs {

// Where the embedded demo host keeps its driver root, and the URI it is monitored and recorded
// as. Pure: it starts, creates and opens nothing, so a reader of the history can name the demo
// host ("history --demo") without bringing it up. DemoWorker sets the demo up there.
struct DemoRoot {
    // <dataDir>/demo (dataDir empty = the application's data location), or, when that is too
    // long for QEMU's monitor sockets, <temp>/balloonscope-demo-<uid>.
    static QString directory(const QString &dataDir = {});
    // qemu:///embed?root=<directory, percent-encoded except '/'>.
    static QString uri(const QString &dataDir = {});
    static QString uriForDirectory(const QString &directory);

    // Unix socket paths (the QEMU monitor's, under <root>/lib/qemu/domain-N-NAME/) are limited
    // to 108 bytes; keep the root well below that.
    static constexpr int MaxLength = 60;
};

} // namespace bs
