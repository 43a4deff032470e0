#include "ChartStyle.h"

#include <QFontDatabase>

namespace bs {

namespace {

QString cjkVariant(const QLocale &locale) {
    switch (locale.language()) {
    case QLocale::Japanese:
        return QStringLiteral("JP");
    case QLocale::Korean:
        return QStringLiteral("KR");
    case QLocale::Chinese:
        if (locale.script() == QLocale::TraditionalChineseScript)
            return locale.territory() == QLocale::HongKong ? QStringLiteral("HK")
                                                           : QStringLiteral("TC");
        return QStringLiteral("SC");
    default:
        return QStringLiteral("SC");
    }
}

} // namespace

QString reportCjkFamily(const QLocale &locale) {
    const QStringList installed = QFontDatabase::families();
    for (const QString &family :
         {QStringLiteral("Noto Sans CJK ") + cjkVariant(locale), QStringLiteral("Noto Sans CJK SC"),
          QStringLiteral("Source Han Sans SC"), QStringLiteral("WenQuanYi Micro Hei")}) {
        if (installed.contains(family))
            return family;
    }
    return {};
}

QFont reportFont(double pointSize, const QLocale &locale) {
    // Latin letters and digits from a TrueType sans, Han from the CJK family. Not the CJK font
    // for everything: with Noto Sans CJK, Qt 6.4's PDF engine shapes digits into glyphs it cannot
    // map back to text, so pdftotext and copy lose every digit.
    const QStringList installed = QFontDatabase::families();
    QStringList families;
    for (const QString &family :
         {QStringLiteral("DejaVu Sans Condensed"), QStringLiteral("DejaVu Sans"),
          QStringLiteral("Liberation Sans"), QStringLiteral("Noto Sans")}) {
        if (installed.contains(family)) {
            families.append(family);
            break;
        }
    }
    const QString cjk = reportCjkFamily(locale);
    if (!cjk.isEmpty())
        families.append(cjk);
    QFont font;
    if (!families.isEmpty())
        font.setFamilies(families); // later families fill in the glyphs earlier ones lack
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(pointSize);
    // No ligatures: Qt 6.4 maps a ligature glyph back to its presentation form (U+FB00 for "ff"),
    // so "buffers" would not be found by search, copy or pdftotext. Qt shapes letter-spaced text
    // without ligatures; 1/64 px (QFixed's step) is invisible at any resolution.
    font.setLetterSpacing(QFont::AbsoluteSpacing, 1.0 / 64.0);
    return font;
}

ChartStyle ChartStyle::standard(double basePointSize, const QLocale &locale) {
    ChartStyle style;
    style.font = reportFont(basePointSize, locale);
    return style;
}

ChartSeries metricSeries(Metric metric) {
    ChartSeries s;
    s.key = metricKey(metric);
    s.name = metricName(metric);
    s.widthPt = 1.0;
    // The live chart's light palette (gui/charts/ChartPalette), darkened a little for paper.
    switch (metric) {
    case Metric::Used:
        s.colour = QColor(0x15, 0x65, 0xc0);
        s.widthPt = 1.5;
        s.band = true;
        break;
    case Metric::UsedExcludingCache:
        s.colour = QColor(0x2e, 0x7d, 0x32);
        s.style = Qt::DashLine;
        break;
    case Metric::Actual:
        s.colour = QColor(0xe6, 0x51, 0x00);
        s.step = true;
        s.widthPt = 1.2;
        break;
    case Metric::Available:
        s.colour = QColor(0x6a, 0x1b, 0x9a);
        s.style = Qt::DotLine;
        s.widthPt = 1.2;
        break;
    case Metric::Rss:
        s.colour = QColor(0xc6, 0x28, 0x28);
        s.style = Qt::DashDotLine;
        break;
    case Metric::Maximum:
        s.colour = QColor(0x61, 0x61, 0x61);
        s.style = Qt::DashLine;
        s.step = true;
        break;
    default:
        s.colour = QColor(0x00, 0x83, 0x8f);
        s.band = true;
        break;
    }
    return s;
}

} // namespace bs
