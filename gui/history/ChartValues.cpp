#include "ChartValues.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace bs::gui {

std::optional<EnvelopePoint> pointAt(const QList<EnvelopePoint> &points, qint64 timeMs,
                                     qint64 toleranceMs) {
    const auto next =
        std::upper_bound(points.cbegin(), points.cend(), timeMs,
                         [](qint64 t, const EnvelopePoint &p) { return t < p.timeMs; });
    const EnvelopePoint *after = next != points.cend() && !next->isGap() ? &*next : nullptr;
    const EnvelopePoint *before =
        next != points.cbegin() && !std::prev(next)->isGap() ? &*std::prev(next) : nullptr;
    if (before && after) // on a drawn stretch of the line
        return timeMs - before->timeMs <= after->timeMs - timeMs ? *before : *after;
    if (before && timeMs - before->timeMs <= toleranceMs)
        return *before;
    if (after && after->timeMs - timeMs <= toleranceMs)
        return *after;
    return std::nullopt;
}

QString crosshairHtml(qint64 timeMs, const QList<CrosshairLine> &lines,
                      const std::function<QString(double)> &format) {
    const QString when = QLocale().toString(QDateTime::fromMSecsSinceEpoch(timeMs),
                                            QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    QString html = QStringLiteral("<b>%1</b>").arg(when.toHtmlEscaped());
    for (const CrosshairLine &line : lines) {
        QString value = QStringLiteral("—");
        if (line.point) {
            value = format(line.point->avg).toHtmlEscaped();
            if (line.point->samples > 1 && line.point->min != line.point->max)
                value += QStringLiteral(" <small>(%1 – %2)</small>")
                             .arg(format(line.point->min).toHtmlEscaped(),
                                  format(line.point->max).toHtmlEscaped());
        }
        html += QStringLiteral("<br><span style=\"color:%1\">&#9632;</span> %2: %3")
                    .arg(line.color.name(), line.name.toHtmlEscaped(), value);
    }
    return html;
}

} // namespace bs::gui
