#pragma once

#include "CommandLineDoc.h"

#include <QCoreApplication>
#include <QDate>

namespace bs {

// A program's manual page (man(7) macros, section 1) made from its ProgramDoc, in the language
// of the installed translators (Debian installs the English one; a translated page goes under
// /usr/share/man/LANG/).
class ManPage {
    Q_DECLARE_TR_FUNCTIONS(ManPage)

public:
    static QString render(const ProgramDoc &doc, const QDate &date);
    // The page's date: SOURCE_DATE_EPOCH when set (reproducible builds), else today (UTC).
    static QDate buildDate();
    // `text` as roff prints it: backslashes and option dashes (\-) escaped, a leading '.' or
    // '\'' defused, paths and lists kept from hyphenation (\%), break points (\:) after CJK
    // characters; other characters as they are (the page is UTF-8).
    static QString escape(const QString &text);
    // `path` with the home directory spelled "~": a page is built once for every user.
    static QString homeRelative(const QString &path);
    // A synopsis ("--connect URI [--json]") with options and literals bold, NAMES italic.
    static QString synopsis(const QString &text);
};

} // namespace bs
