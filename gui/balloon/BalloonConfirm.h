#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace bs::gui {

// Asks the user to confirm a change that needs it (statistics turned off, a balloon target under
// the safety margin). Dialogs take it as a seam, so that tests answer without a modal box.
using Confirmation =
    std::function<bool(QWidget *parent, const QString &title, const QString &text)>;

// A question box with "Apply anyway" and Cancel, Cancel the default.
bool confirmWithMessageBox(QWidget *parent, const QString &title, const QString &text);

} // namespace bs::gui
