#include "InlineMessage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace bs::gui {

namespace {

QStyle::StandardPixmap iconOf(InlineMessage::Kind kind) {
    switch (kind) {
    case InlineMessage::Kind::Info:
        return QStyle::SP_MessageBoxInformation;
    case InlineMessage::Kind::Warning:
        return QStyle::SP_MessageBoxWarning;
    case InlineMessage::Kind::Error:
        break;
    }
    return QStyle::SP_MessageBoxCritical;
}

} // namespace

InlineMessage::InlineMessage(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setTextFormat(Qt::PlainText);
    layout->addWidget(m_text, 1);
    hide();
}

void InlineMessage::setMessage(Kind kind, const QString &text) {
    if (text.isEmpty()) {
        clear();
        return;
    }
    m_kind = kind;
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(iconOf(kind), nullptr, this).pixmap(size, size));
    m_text->setText(text);
    show();
}

void InlineMessage::clear() {
    m_text->clear();
    hide();
}

QString InlineMessage::text() const {
    return m_text->text();
}

} // namespace bs::gui
