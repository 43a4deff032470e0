#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace bs {

// How the embedded demo host is set up. Paths are injectable for tests.
struct DemoConfig {
    QString dataDir;   // the demo lives in <dataDir>/demo; empty = AppDataLocation
    QString imagesDir; // empty = defaultGuestImagesDir()
    int memoryMiB = 160;
    int statsPeriodSeconds = 1;
    // How long to wait for the reporting guests' first report before calling the host ready.
    int readyTimeoutSeconds = 90;
};

// A step of the set-up, for a progress bar or a status line.
struct DemoProgress {
    int step = 0;
    int steps = 0;
    QString message; // one translated sentence
};

// What to monitor once the demo is up.
struct DemoResult {
    QString uri; // qemu:///embed?root=... or, as a fallback, test:///default
    bool fallback = false;
    QString reason;       // why the fallback (one sentence), empty otherwise
    QString detail;       // technical detail of the failure
    QStringList guests;   // names of the demo guests that run
    QString serialLogDir; // their consoles (their own meminfo lines)
};

} // namespace bs

Q_DECLARE_METATYPE(bs::DemoProgress)
Q_DECLARE_METATYPE(bs::DemoResult)
