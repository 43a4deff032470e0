#pragma once

#include "readiness/ReadinessTypes.h"

#include <QColor>
#include <QIcon>

namespace bs::gui {

// Drawn rather than taken from the icon theme: the same shapes on every desktop, and a shape
// as well as a colour for each meaning (colour alone fails the colour-blind).
QColor verdictColor(Verdict verdict);
// Filled disc with a glyph; a provisional verdict is an outlined ring with the same glyph.
QIcon verdictIcon(Verdict verdict, bool provisional = false);
QIcon checkStatusIcon(CheckStatus status);

} // namespace bs::gui
