#include "PdfUnicodeFix.h"

#include <QFontDatabase>
#include <QHash>
#include <QRawFont>
#include <QRegularExpression>

namespace bs {

namespace {

bool isRadical(uint code) {
    return code >= 0x2E80 && code <= 0x2FDF; // CJK Radicals Supplement, Kangxi Radicals
}

// Radical → the unified ideograph drawn with the same glyph in `font`.
QHash<uint, uint> radicalEquivalents(const QFont &font) {
    QHash<uint, uint> out;
    const QRawFont raw = QRawFont::fromFont(font, QFontDatabase::SimplifiedChinese);
    if (!raw.isValid())
        return out;
    QString radicals;
    for (uint c = 0x2E80; c <= 0x2FDF; ++c)
        radicals.append(QChar(char16_t(c)));
    const QList<quint32> radicalGlyphs = raw.glyphIndexesForString(radicals);
    QHash<quint32, uint> wanted; // glyph → radical
    for (int i = 0; i < radicalGlyphs.size(); ++i) {
        if (radicalGlyphs[i] != 0)
            wanted.insert(radicalGlyphs[i], 0x2E80 + uint(i));
    }
    QString ideographs;
    for (uint c = 0x4E00; c <= 0x9FFF; ++c)
        ideographs.append(QChar(char16_t(c)));
    const QList<quint32> glyphs = raw.glyphIndexesForString(ideographs);
    for (int i = 0; i < glyphs.size(); ++i) {
        const auto it = wanted.constFind(glyphs[i]);
        if (it != wanted.cend() && !out.contains(*it))
            out.insert(*it, 0x4E00 + uint(i));
    }
    return out;
}

} // namespace

int fixPdfToUnicode(QByteArray &pdf, const QFont &cjkFont) {
    static const QRegularExpression codeToken(QStringLiteral("<([0-9A-Fa-f]{4})>"));
    QHash<uint, uint> equivalents;
    bool equivalentsRead = false;
    int changed = 0;
    qsizetype from = 0;
    while (true) {
        const qsizetype begin = pdf.indexOf("beginbfrange", from);
        const qsizetype beginChar = pdf.indexOf("beginbfchar", from);
        qsizetype start = begin < 0 ? beginChar : (beginChar < 0 ? begin : qMin(begin, beginChar));
        if (start < 0)
            break;
        const bool ranges = start == begin;
        const qsizetype end = pdf.indexOf(ranges ? "endbfrange" : "endbfchar", start);
        if (end < 0)
            break;
        // One entry per line: "<lo> <hi> [<u> <u> …]", "<lo> <hi> <u>" or (bfchar) "<c> <u>".
        qsizetype lineStart = pdf.indexOf('\n', start) + 1;
        while (lineStart > 0 && lineStart < end) {
            qsizetype lineEnd = pdf.indexOf('\n', lineStart);
            if (lineEnd < 0 || lineEnd > end)
                lineEnd = end;
            const QString line = QString::fromLatin1(pdf.mid(lineStart, lineEnd - lineStart));
            auto matches = codeToken.globalMatch(line);
            int index = 0;
            QList<QRegularExpressionMatch> tokens;
            while (matches.hasNext())
                tokens.append(matches.next());
            const bool array = line.contains(QLatin1Char('['));
            const bool single =
                tokens.size() == 3 && tokens[0].captured(1) == tokens[1].captured(1);
            for (const QRegularExpressionMatch &m : std::as_const(tokens)) {
                const bool target = ranges ? (index >= 2 && (array || single)) : index == 1;
                ++index;
                if (!target)
                    continue;
                const uint code = m.captured(1).toUInt(nullptr, 16);
                uint replacement = 0;
                if (code < 0x20) {
                    replacement = 0x20;
                } else if (isRadical(code)) {
                    if (!equivalentsRead) {
                        equivalents = radicalEquivalents(cjkFont);
                        equivalentsRead = true;
                    }
                    replacement = equivalents.value(code);
                }
                if (replacement == 0)
                    continue;
                const QByteArray hex =
                    QByteArray::number(replacement, 16).toUpper().rightJustified(4, '0');
                pdf.replace(lineStart + m.capturedStart(1), 4, hex);
                ++changed;
            }
            lineStart = lineEnd + 1;
        }
        from = end;
    }
    return changed;
}

} // namespace bs
