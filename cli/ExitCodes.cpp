#include "ExitCodes.h"

namespace bs::cli {

ExitStatusDoc ExitCodes::describe(ExitCode code, const QString &meaning) {
    if (!meaning.isEmpty())
        return {code, meaning};
    switch (code) {
    case ExitOk:
        return {code, tr("Success.")};
    case ExitNotAllGood:
        return {code, tr("The command ran, but not all is well: a guest failed or is not ready.")};
    case ExitUsage:
        return {code, tr("Bad arguments; the usage is printed.")};
    case ExitConnection:
        return {code, tr("Could not connect to the host or authenticate; libvirt's message is "
                         "printed.")};
    case ExitFailure:
        return {code, tr("Another failure (a file or the history database could not be read or "
                         "written).")};
    }
    return {code, {}};
}

QList<ExitStatusDoc> ExitCodes::all() {
    return {describe(ExitOk), describe(ExitNotAllGood), describe(ExitUsage),
            describe(ExitConnection), describe(ExitFailure)};
}

} // namespace bs::cli
