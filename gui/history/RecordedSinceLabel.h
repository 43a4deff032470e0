#pragma once

#include <QLabel>

namespace bs::gui {

// "Recording since 08:44": since when the history of the page's host goes back, with the date
// when that is not today, in the UI's locale. Hidden while nothing is recorded.
class RecordedSinceLabel final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordedSinceLabel)

public:
    explicit RecordedSinceLabel(QWidget *parent = nullptr);

    // firstMs 0: nothing recorded. nowMs says which day "today" is.
    void setSince(qint64 firstMs, qint64 nowMs);
};

} // namespace bs::gui
