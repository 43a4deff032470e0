#pragma once

#include <QCoreApplication>

namespace bs {

// The translation context of the balloon controls' plain (non-QObject) code: one context for
// the folder, so translators see the dialog's sentences together.
struct BalloonText {
    Q_DECLARE_TR_FUNCTIONS(bs::BalloonText)
};

} // namespace bs
