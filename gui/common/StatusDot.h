#pragma once

#include <QColor>
#include <QIcon>

namespace bs::gui {

// A small filled circle in `color`, for status columns. Drawn at twice the size as well, so it
// stays crisp on HiDPI screens.
QIcon statusDot(const QColor &color);

} // namespace bs::gui
