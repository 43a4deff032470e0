#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>

class QIODevice;

namespace bs {

// Writes a file through QSaveFile: it appears complete or not at all, so a report mailed by a
// cron job is never half a file. `write` returns false when it failed (its own error message
// wins when it sets one).
Status saveFile(const QString &path, const std::function<bool(QIODevice &, QString &)> &write);
Status saveFile(const QString &path, const QByteArray &bytes);

} // namespace bs
