#pragma once

#include "CliCommand.h"

#include <memory>
#include <vector>

namespace bs::cli {

// What balloonscope-cli says about itself in its manual page and completion: the commands' own
// declarations, and the program's description, global options and files.
struct CliDoc {
    Q_DECLARE_TR_FUNCTIONS(CliDoc)

public:
    // The options main() reads before the command: --lang, --help, --version.
    static QList<CommandOption> globalOptions();
    static ProgramDoc program(const std::vector<std::unique_ptr<CliCommand>> &commands);
    // The manual page, with the user's home spelled "~" (the page is built once for everyone).
    static QString manPage(const std::vector<std::unique_ptr<CliCommand>> &commands);
};

} // namespace bs::cli
