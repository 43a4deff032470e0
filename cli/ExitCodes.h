#pragma once

#include "cmdline/CommandLineDoc.h"

#include <QCoreApplication>

namespace bs::cli {

// The CLI's exit codes, stable for scripts.
enum ExitCode {
    ExitOk = 0,
    ExitNotAllGood = 1, // the command ran, but the answer is "no" (a guest failed, not ready)
    ExitUsage = 2,      // bad arguments: usage printed
    ExitConnection = 3, // could not connect or authenticate: libvirt's message printed
    ExitFailure = 4,    // anything else that went wrong (I/O, database)
};

// What the exit codes mean, for the manual page and --help.
struct ExitCodes {
    Q_DECLARE_TR_FUNCTIONS(ExitCodes)

public:
    // `code` with its general meaning, or with `meaning` where a command says more.
    static ExitStatusDoc describe(ExitCode code, const QString &meaning = {});
    static QList<ExitStatusDoc> all();
};

} // namespace bs::cli
