#pragma once

#include "history/SeriesTypes.h"

#include <QColor>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace bs::gui {

// The point a crosshair at `timeMs` reads: between two points of a drawn line, the nearer one;
// next to a gap or past an end, a point only within `toleranceMs`; nothing inside a gap.
std::optional<EnvelopePoint> pointAt(const QList<EnvelopePoint> &points, qint64 timeMs,
                                     qint64 toleranceMs);

// One line of the crosshair's box.
struct CrosshairLine {
    QString name;
    QColor color;
    std::optional<EnvelopePoint> point;
};

// The box: the time, then per series "■ name: avg (min – max)" or "—" where there is no value.
// `format` turns a value (KiB or a count) into text.
QString crosshairHtml(qint64 timeMs, const QList<CrosshairLine> &lines,
                      const std::function<QString(double)> &format);

} // namespace bs::gui
