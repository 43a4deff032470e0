#include "WrappedTextDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

#include <cmath>

namespace bs::gui {

namespace {

const QStyle *styleOf(const QStyleOptionViewItem &option) {
    return option.widget ? option.widget->style() : QApplication::style();
}

// Where the text goes in a cell: the style's text rectangle less its text margin, as Qt's own
// item text does.
QRect textRect(const QStyleOptionViewItem &opt) {
    const QStyle *style = styleOf(opt);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, opt.widget) + 1;
    return style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget)
        .adjusted(margin, 0, -margin, 0);
}

// Lays `text` out in `width`; returns the height the lines take.
qreal layOut(QTextLayout &layout, qreal width) {
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    qreal height = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, height));
        height += line.height();
    }
    layout.endLayout();
    return height;
}

} // namespace

void WrappedTextDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QStyle *style = styleOf(opt);
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    if (text.isEmpty())
        return;

    const QRect rect = textRect(opt);
    QTextLayout layout(text, opt.font);
    const qreal height = layOut(layout, rect.width());
    const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
                                       : (opt.state & QStyle::State_Active) ? QPalette::Active
                                                                            : QPalette::Inactive;
    const QPalette::ColorRole role =
        (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text;
    painter->save();
    painter->setPen(opt.palette.color(group, role));
    painter->setClipRect(rect);
    const qreal top = rect.top() + std::max<qreal>(0, (rect.height() - height) / 2);
    layout.draw(painter, QPointF(rect.left(), top));
    painter->restore();
}

QSize WrappedTextDelegate::sizeHint(const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (opt.rect.width() <= 0 && m_width) { // a tree view asks without the column's width
        opt.rect.setWidth(m_width(index));
        opt.rect.setHeight(size.height());
    }
    if (opt.text.isEmpty() || opt.rect.width() <= 0)
        return size;
    // The same text rectangle paint() gets for a cell of this width.
    const QRect rect = textRect(opt);
    QTextLayout layout(opt.text, opt.font);
    const int textHeight = int(std::ceil(layOut(layout, std::max(1, rect.width()))));
    size.setHeight(std::max(size.height(), textHeight + (opt.rect.height() - rect.height()) + 2));
    return size;
}

} // namespace bs::gui
