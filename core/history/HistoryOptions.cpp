#include "HistoryOptions.h"

#include <QStandardPaths>

namespace bs {

RetentionPolicy RetentionPolicy::normalized() const {
    RetentionPolicy p = *this;
    p.rawSeconds = qMax<qint64>(3600, p.rawSeconds);
    p.minuteSeconds = qMax(p.rawSeconds, p.minuteSeconds);
    p.hourSeconds = qMax(p.minuteSeconds, p.hourSeconds);
    return p;
}

QString defaultHistoryPath() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/balloonscope/history.sqlite");
}

} // namespace bs
