#include "RecordedSinceLabel.h"

#include <QDateTime>
#include <QLocale>

namespace bs::gui {

RecordedSinceLabel::RecordedSinceLabel(QWidget *parent)
    : QLabel(parent) {
    setForegroundRole(QPalette::PlaceholderText); // a note, like the resolution above it
    hide();
}

void RecordedSinceLabel::setSince(qint64 firstMs, qint64 nowMs) {
    if (firstMs <= 0) {
        clear();
        hide();
        return;
    }
    const QDateTime first = QDateTime::fromMSecsSinceEpoch(firstMs);
    const bool today = first.date() == QDateTime::fromMSecsSinceEpoch(nowMs).date();
    const QLocale locale;
    setText(tr("Recording since %1")
                .arg(today ? locale.toString(first.time(), QLocale::ShortFormat)
                           : locale.toString(first, QLocale::ShortFormat)));
    setToolTip(tr("The oldest figures of this host in the history: %1")
                   .arg(locale.toString(first, QLocale::LongFormat)));
    show();
}

} // namespace bs::gui
