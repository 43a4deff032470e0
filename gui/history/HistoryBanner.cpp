#include "HistoryBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

QColor tint(const QPalette &palette, HistoryNotice::Level level) {
    const QColor base = palette.color(QPalette::Base);
    const bool dark = base.lightness() < 128;
    QColor accent;
    switch (level) {
    case HistoryNotice::Level::Info:
        accent = QColor(0x19, 0x76, 0xd2);
        break;
    case HistoryNotice::Level::Warning:
        accent = QColor(0xf9, 0xa8, 0x25);
        break;
    case HistoryNotice::Level::Error:
        accent = QColor(0xd3, 0x2f, 0x2f);
        break;
    }
    // A light wash of the accent over the base colour, readable in light and dark themes.
    const double a = dark ? 0.30 : 0.16;
    return QColor::fromRgbF(base.redF() * (1 - a) + accent.redF() * a,
                            base.greenF() * (1 - a) + accent.greenF() * a,
                            base.blueF() * (1 - a) + accent.blueF() * a);
}

QStyle::StandardPixmap iconOf(HistoryNotice::Level level) {
    switch (level) {
    case HistoryNotice::Level::Info:
        return QStyle::SP_MessageBoxInformation;
    case HistoryNotice::Level::Warning:
        return QStyle::SP_MessageBoxWarning;
    case HistoryNotice::Level::Error:
        break;
    }
    return QStyle::SP_MessageBoxCritical;
}

} // namespace

HistoryBanner::HistoryBanner(QWidget *parent)
    : QFrame(parent)
    , m_rows(new QVBoxLayout(this)) {
    m_rows->setContentsMargins(0, 0, 0, 0);
    m_rows->setSpacing(4);
    hide();
}

void HistoryBanner::setNotices(const QList<HistoryNotice> &notices) {
    if (notices == m_notices)
        return;
    m_notices = notices;
    while (QLayoutItem *item = m_rows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const HistoryNotice &n : notices)
        m_rows->addWidget(row(n));
    setVisible(!notices.isEmpty());
}

QWidget *HistoryBanner::row(const HistoryNotice &notice) {
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    QPalette p = frame->palette();
    p.setColor(QPalette::Window, tint(palette(), notice.level));
    frame->setPalette(p);
    auto *layout = new QHBoxLayout(frame);
    layout->setContentsMargins(6, 4, 6, 4);
    auto *icon = new QLabel(frame);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(iconOf(notice.level)).pixmap(size, size));
    layout->addWidget(icon, 0, Qt::AlignTop);
    auto *text = new QLabel(notice.text, frame);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(text, 1);
    if (!notice.detail.isEmpty()) {
        auto *details = new QToolButton(frame);
        details->setText(tr("Details…"));
        details->setAutoRaise(true);
        const QString detail = notice.detail;
        connect(details, &QToolButton::clicked, this, [this, detail] {
            QMessageBox box(QMessageBox::Information, tr("History"), detail, QMessageBox::Close,
                            this);
            box.setTextInteractionFlags(Qt::TextSelectableByMouse);
            box.exec();
        });
        layout->addWidget(details, 0, Qt::AlignTop);
    }
    if (notice.dismissable) {
        auto *close = new QToolButton(frame);
        close->setAutoRaise(true);
        close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
        close->setToolTip(tr("Dismiss"));
        const QString key = notice.key;
        connect(close, &QToolButton::clicked, this, [this, key] { Q_EMIT dismissed(key); });
        layout->addWidget(close, 0, Qt::AlignTop);
    }
    return frame;
}

QStringList HistoryBanner::texts() const {
    QStringList out;
    for (const HistoryNotice &n : m_notices)
        out.append(n.text);
    return out;
}

} // namespace bs::gui
