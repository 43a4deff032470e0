#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace bs::gui {

// Draws an item's text wrapped at word boundaries and sizes the row by the very same layout.
// Qt's own item text measures and paints with different widths and rounding, so a row sized to
// its text could lose its last line (worst with Chinese fallback fonts, whose lines are
// taller). Background, selection, icon and focus are still the style's.
class WrappedTextDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WrappedTextDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The width of an index's cell, for views that ask sizeHint() without it (QTreeView).
    void setWidthHint(std::function<int(const QModelIndex &)> width) { m_width = std::move(width); }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    std::function<int(const QModelIndex &)> m_width;
};

} // namespace bs::gui
