#pragma once

#include <QByteArray>
#include <QFont>

namespace bs {

// Qt 6.4's PDF engine writes each font's ToUnicode map (what copy, search and pdftotext read) by
// mapping every glyph back to the lowest code point that shows it. With CJK fonts that is often a
// Kangxi radical or a radicals-supplement form rather than the ideograph the text used: 用
// (U+7528) comes out as ⽤ (U+2F64), 长 as ⻓; and the space glyph comes out as a tab. The page
// looks right, but a search for "已用" finds nothing.
//
// fixPdfToUnicode() rewrites those entries in place: each radical becomes the unified ideograph
// that the same glyph shows in `cjkFont` (the report's CJK family), control characters become a
// space. Entries keep their length (four hex digits), so no offset in the file moves. Ranges
// written as a start code plus a count are left alone (their targets are consecutive codes).
// Returns the number of entries changed.
int fixPdfToUnicode(QByteArray &pdf, const QFont &cjkFont);

} // namespace bs
