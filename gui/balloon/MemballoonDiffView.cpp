#include "MemballoonDiffView.h"

#include "balloon/MemballoonDiff.h"

#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCursor>

namespace bs::gui {

namespace {

// Translucent, so that the text colour of a light or a dark palette stays readable on them.
const QColor Removed(220, 50, 47, 70);
const QColor Added(46, 160, 67, 70);

} // namespace

MemballoonDiffView::MemballoonDiffView(QWidget *parent)
    : QPlainTextEdit(parent) {
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

void MemballoonDiffView::setPreview(const MemballoonPreview &preview) {
    clear();
    QTextCursor cursor(document());
    bool first = true;
    for (const QString &line : preview.diff) {
        if (!first)
            cursor.insertBlock();
        first = false;
        QTextBlockFormat block;
        if (line.startsWith(u'-'))
            block.setBackground(Removed);
        else if (line.startsWith(u'+'))
            block.setBackground(Added);
        cursor.setBlockFormat(block);
        cursor.insertText(line);
    }
    moveCursor(QTextCursor::Start);
}

void MemballoonDiffView::setMessage(const QString &text) {
    clear();
    QTextCursor cursor(document());
    QTextCharFormat muted;
    muted.setForeground(palette().color(QPalette::Disabled, QPalette::Text));
    muted.setFontItalic(true);
    cursor.insertText(text, muted);
}

} // namespace bs::gui
