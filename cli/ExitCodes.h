#pragma once

namespace bs::cli {

// The CLI's exit codes, stable for scripts.
enum ExitCode {
    ExitOk = 0,
    ExitNotAllGood = 1, // the command ran, but the answer is "no" (a guest failed, not ready)
    ExitUsage = 2,      // bad arguments: usage printed
    ExitConnection = 3, // could not connect or authenticate: libvirt's message printed
    ExitFailure = 4,    // anything else that went wrong (I/O, database)
};

} // namespace bs::cli
