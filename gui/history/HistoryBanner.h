#pragma once

#include "HistoryNotice.h"

#include <QFrame>

class QVBoxLayout;

namespace bs::gui {

// The History page's banner: one row per notice (icon, sentence, "Details" for the technical
// message, a close button for those that can be dismissed). Hidden while there is none.
class HistoryBanner final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryBanner)

public:
    explicit HistoryBanner(QWidget *parent = nullptr);

    void setNotices(const QList<HistoryNotice> &notices);
    QStringList texts() const;

Q_SIGNALS:
    void dismissed(const QString &key);

private:
    QWidget *row(const HistoryNotice &notice);

    QVBoxLayout *m_rows;
    QList<HistoryNotice> m_notices;
};

} // namespace bs::gui
