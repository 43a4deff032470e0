#include "CommandBox.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace bs::gui {

namespace {
constexpr int MaxVisibleLines = 8;
}

CommandBox::CommandBox(QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);

    auto *row = new QHBoxLayout;
    m_text->setReadOnly(true);
    m_text->setObjectName(QStringLiteral("commandText"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Not the first stop of Tab: the Copy button is the way to take the text.
    m_text->setFocusPolicy(Qt::ClickFocus);
    row->addWidget(m_text, 1);
    m_copy->setObjectName(QStringLiteral("copyCommandsButton"));
    m_copy->setToolTip(tr("Copy the commands to the clipboard."));
    row->addWidget(m_copy, 0, Qt::AlignTop);
    layout->addLayout(row);

    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(text());
        m_copy->setText(tr("Copied"));
        QTimer::singleShot(1500, m_copy, [this] { m_copy->setText(tr("&Copy")); });
        Q_EMIT copied();
    });
}

void CommandBox::setCommands(const QString &caption, const QStringList &commands) {
    m_caption->setText(caption);
    m_caption->setVisible(!caption.isEmpty());
    m_text->setPlainText(commands.join(QLatin1Char('\n')));
    // Tall enough for the lines (and a horizontal scroll bar), up to a limit.
    const QFontMetrics metrics(m_text->font());
    const int lines = std::clamp(int(commands.size()), 1, MaxVisibleLines);
    const int frame = 2 * m_text->frameWidth() + int(m_text->document()->documentMargin() * 2);
    m_text->setFixedHeight(lines * metrics.lineSpacing() + frame + metrics.height());
}

QString CommandBox::text() const {
    return m_text->toPlainText();
}

} // namespace bs::gui
