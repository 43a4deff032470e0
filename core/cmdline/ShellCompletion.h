#pragma once

#include "CommandLineDoc.h"

namespace bs {

// Shell completion scripts made from a ProgramDoc: sub-commands, their options, and the values
// of options whose values are files or a fixed set. Free-text values (URIs, guest names) are
// left alone. Both are self-contained (no bash-completion helpers needed).
struct ShellCompletion {
    static QStringList shells(); // "bash", "zsh"
    // The script for `shell`, empty for an unknown shell.
    static QString script(const ProgramDoc &doc, const QString &shell);
    static QString bash(const ProgramDoc &doc);
    static QString zsh(const ProgramDoc &doc);
    // The bash function the script defines ("_balloonscope_cli"; zsh's is "_balloonscope-cli").
    static QString functionName(const QString &program);
};

} // namespace bs
