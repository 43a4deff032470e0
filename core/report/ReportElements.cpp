#include "ReportElements.h"

#include "ChartRenderer.h"

#include <QPainter>
#include <QPainterPath>

namespace bs {

namespace {

constexpr auto WrapLeft = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;
constexpr double NoteIndentMm = 5; // a table row's notes, under its first cell's text

QFont scaled(QFont font, double factor) {
    font.setPointSizeF(font.pointSizeF() * factor);
    return font;
}

} // namespace

// --- text -------------------------------------------------------------------------------------

TextElement::TextElement(QString text, Role role)
    : m_text(std::move(text))
    , m_role(role) {}

QFont TextElement::font(const ReportCanvas &c) const {
    return m_role == Role::Body ? c.body : c.small;
}

double TextElement::height(const ReportCanvas &c, double width) const {
    return c.textHeight(font(c), m_text, width);
}

void TextElement::paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const {
    p.setFont(font(c));
    p.setPen(m_role == Role::Body ? c.ink : c.muted);
    p.drawText(rect, WrapLeft, m_text);
}

// --- headings ---------------------------------------------------------------------------------

HeadingElement::HeadingElement(QString text, int level, QString note)
    : m_text(std::move(text))
    , m_level(level)
    , m_note(std::move(note)) {}

double HeadingElement::height(const ReportCanvas &c, double) const {
    const double h = c.metrics(m_level == 1 ? c.h1 : c.h2).height();
    return m_level == 1 ? h + c.pt(3) + c.pt(1.2) + c.pt(6) : h + c.pt(3);
}

void HeadingElement::paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const {
    const QFont &font = m_level == 1 ? c.h1 : c.h2;
    const double h = c.metrics(font).height();
    p.setFont(font);
    p.setPen(m_level == 1 ? c.accent : c.ink);
    p.drawText(QRectF(rect.left(), rect.top(), rect.width(), h), Qt::AlignLeft | Qt::AlignBottom,
               m_text);
    if (!m_note.isEmpty()) {
        p.setFont(c.small);
        p.setPen(c.muted);
        p.drawText(QRectF(rect.left(), rect.top(), rect.width(), h - c.pt(2)),
                   Qt::AlignRight | Qt::AlignBottom, m_note);
    }
    if (m_level == 1) {
        const double y = rect.top() + h + c.pt(3);
        p.fillRect(QRectF(rect.left(), y, rect.width(), c.pt(1.2)), c.accent);
    }
}

GuestHeadingElement::GuestHeadingElement(QString name, QString details, QString badge,
                                         QColor badgeColour)
    : m_name(std::move(name))
    , m_details(std::move(details))
    , m_badge(std::move(badge))
    , m_badgeColour(std::move(badgeColour)) {}

double GuestHeadingElement::height(const ReportCanvas &c, double) const {
    return c.metrics(c.h2).height() + c.metrics(c.small).height() + c.pt(4);
}

void GuestHeadingElement::paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const {
    const double h = c.metrics(c.h2).height();
    QFont badgeFont = c.small;
    badgeFont.setBold(true);
    const QFontMetricsF bm = c.metrics(badgeFont);
    const double badgeWidth = bm.horizontalAdvance(m_badge) + c.pt(12);
    const double badgeHeight = bm.height() + c.pt(3);
    // The badge on the right, the name in what is left.
    const QRectF badge(rect.right() - badgeWidth, rect.top() + (h - badgeHeight) / 2, badgeWidth,
                       badgeHeight);
    QColor fill = m_badgeColour;
    fill.setAlphaF(0.12);
    p.setPen(QPen(m_badgeColour, c.pt(0.8)));
    p.setBrush(fill);
    p.drawRoundedRect(badge, badgeHeight / 2, badgeHeight / 2);
    p.setBrush(Qt::NoBrush);
    p.setFont(badgeFont);
    p.drawText(badge, Qt::AlignCenter, m_badge);

    p.setFont(c.h2);
    p.setPen(c.ink);
    const double nameWidth = rect.width() - badgeWidth - c.pt(8);
    p.drawText(QRectF(rect.left(), rect.top(), nameWidth, h), Qt::AlignLeft | Qt::AlignVCenter,
               c.metrics(c.h2).elidedText(m_name, Qt::ElideRight, nameWidth));
    p.setFont(c.small);
    p.setPen(c.muted);
    p.drawText(
        QRectF(rect.left(), rect.top() + h + c.pt(1), rect.width(), c.metrics(c.small).height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        c.metrics(c.small).elidedText(m_details, Qt::ElideRight, rect.width()));
}

// --- key/value --------------------------------------------------------------------------------

KeyValueElement::KeyValueElement(QList<Row> rows, double labelScale)
    : m_rows(std::move(rows))
    , m_scale(labelScale) {}

double KeyValueElement::labelWidth(const ReportCanvas &c) const {
    const QFontMetricsF fm = c.metrics(scaled(c.body, m_scale));
    double w = 0;
    for (const Row &r : m_rows)
        w = std::max(w, fm.horizontalAdvance(r.first));
    return w + c.pt(14);
}

double KeyValueElement::height(const ReportCanvas &c, double width) const {
    const QFont font = scaled(c.body, m_scale);
    const double valueWidth = width - labelWidth(c);
    double h = 0;
    for (const Row &r : m_rows)
        h += std::max(c.metrics(font).height(), c.textHeight(font, r.second, valueWidth)) +
             c.pt(3.5);
    return h;
}

void KeyValueElement::paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const {
    const QFont font = scaled(c.body, m_scale);
    const double lw = labelWidth(c);
    double y = rect.top();
    p.setFont(font);
    for (const Row &r : m_rows) {
        const double h =
            std::max(c.metrics(font).height(), c.textHeight(font, r.second, rect.width() - lw));
        p.setPen(c.muted);
        p.drawText(QRectF(rect.left(), y, lw, h), WrapLeft, r.first);
        p.setPen(c.ink);
        p.drawText(QRectF(rect.left() + lw, y, rect.width() - lw, h), WrapLeft, r.second);
        y += h + c.pt(3.5);
    }
}

// --- cards ------------------------------------------------------------------------------------

CardsElement::CardsElement(QList<Card> cards)
    : m_cards(std::move(cards)) {}

double CardsElement::height(const ReportCanvas &c, double width) const {
    const double gap = c.pt(6);
    const double cardWidth =
        (width - gap * (m_cards.size() - 1)) / std::max<qsizetype>(1, m_cards.size());
    const double inner = cardWidth - c.pt(16);
    double note = 0;
    for (const Card &card : m_cards)
        note = std::max(note, c.textHeight(c.small, card.note, inner));
    return c.pt(7) + c.metrics(c.small).height() + c.pt(2) +
           c.metrics(scaled(c.h2, 1.15)).height() + c.pt(2) + note + c.pt(7);
}

void CardsElement::paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const {
    const double gap = c.pt(6);
    const double cardWidth =
        (rect.width() - gap * (m_cards.size() - 1)) / std::max<qsizetype>(1, m_cards.size());
    const QFont value = scaled(c.h2, 1.15);
    for (int i = 0; i < m_cards.size(); ++i) {
        const Card &card = m_cards[i];
        const QRectF box(rect.left() + i * (cardWidth + gap), rect.top(), cardWidth, rect.height());
        p.setPen(Qt::NoPen);
        p.setBrush(c.shade);
        p.drawRoundedRect(box, c.pt(4), c.pt(4));
        p.setBrush(Qt::NoBrush);
        p.fillRect(QRectF(box.left(), box.top() + c.pt(4), c.pt(2.5), box.height() - c.pt(8)),
                   card.missing ? c.rule : c.accent);
        const QRectF inner = box.adjusted(c.pt(10), c.pt(7), -c.pt(6), -c.pt(7));
        double y = inner.top();
        p.setFont(c.small);
        p.setPen(c.muted);
        const double lh = c.metrics(c.small).height();
        p.drawText(QRectF(inner.left(), y, inner.width(), lh), Qt::AlignLeft | Qt::AlignVCenter,
                   c.metrics(c.small).elidedText(card.label, Qt::ElideRight, inner.width()));
        y += lh + c.pt(2);
        QFont v = value;
        if (card.missing) {
            v.setBold(false);
            v.setPointSizeF(c.body.pointSizeF());
        }
        const double vh = c.metrics(value).height();
        p.setFont(v);
        p.setPen(card.missing ? c.muted : c.ink);
        p.drawText(QRectF(inner.left(), y, inner.width(), vh), Qt::AlignLeft | Qt::AlignVCenter,
                   c.metrics(v).elidedText(card.value, Qt::ElideRight, inner.width()));
        y += vh + c.pt(2);
        p.setFont(c.small);
        p.setPen(c.muted);
        p.drawText(QRectF(inner.left(), y, inner.width(), inner.bottom() - y), WrapLeft, card.note);
    }
}

// --- chart, placeholder, spacer ----------------------------------------------------------------

ChartElement::ChartElement(ChartData chart, double heightMm)
    : m_chart(std::move(chart))
    , m_heightMm(heightMm) {}

double ChartElement::height(const ReportCanvas &c, double) const {
    return c.mm(m_heightMm);
}

void ChartElement::paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const {
    ChartStyle style = ChartStyle::standard(7.5, c.locale);
    style.font = c.small;
    style.showTitle = !m_chart.title.isEmpty();
    ChartRenderer(m_chart, style).paint(p, rect);
}

PlaceholderElement::PlaceholderElement(QString title, QString text)
    : m_title(std::move(title))
    , m_text(std::move(text)) {}

double PlaceholderElement::height(const ReportCanvas &c, double width) const {
    return c.pt(8) + c.metrics(c.tableBold).height() + c.pt(2) +
           c.textHeight(c.small, m_text, width - c.pt(20)) + c.pt(8);
}

void PlaceholderElement::paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const {
    p.setPen(QPen(c.rule, c.pt(1), Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(rect.adjusted(c.pt(0.5), c.pt(0.5), -c.pt(0.5), -c.pt(0.5)), c.pt(4),
                      c.pt(4));
    const QRectF inner = rect.adjusted(c.pt(10), c.pt(8), -c.pt(10), -c.pt(8));
    p.setFont(c.tableBold);
    p.setPen(c.muted);
    const double th = c.metrics(c.tableBold).height();
    p.drawText(QRectF(inner.left(), inner.top(), inner.width(), th), Qt::AlignLeft, m_title);
    p.setFont(c.small);
    p.drawText(QRectF(inner.left(), inner.top() + th + c.pt(2), inner.width(), inner.height() - th),
               WrapLeft, m_text);
}

NotesElement::NotesElement(QString title, QStringList paragraphs)
    : m_title(std::move(title))
    , m_text(paragraphs.join(QLatin1Char('\n'))) {}

double NotesElement::height(const ReportCanvas &c, double width) const {
    return c.pt(9) + c.metrics(c.tableBold).height() + c.pt(4) +
           c.textHeight(c.small, m_text, width - c.pt(22)) + c.pt(9);
}

void NotesElement::paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const {
    p.setPen(Qt::NoPen);
    p.setBrush(c.shade);
    p.drawRoundedRect(rect, c.pt(4), c.pt(4));
    p.setBrush(Qt::NoBrush);
    const QRectF inner = rect.adjusted(c.pt(11), c.pt(9), -c.pt(11), -c.pt(9));
    const double th = c.metrics(c.tableBold).height();
    p.setFont(c.tableBold);
    p.setPen(c.ink);
    p.drawText(QRectF(inner.left(), inner.top(), inner.width(), th), Qt::AlignLeft, m_title);
    p.setFont(c.small);
    p.setPen(c.muted);
    p.drawText(QRectF(inner.left(), inner.top() + th + c.pt(4), inner.width(),
                      inner.height() - th - c.pt(4)),
               WrapLeft, m_text);
}

SpacerElement::SpacerElement(double heightMm)
    : m_heightMm(heightMm) {}

double SpacerElement::height(const ReportCanvas &c, double) const {
    return c.mm(m_heightMm);
}

// --- tables -----------------------------------------------------------------------------------

QList<double> TableColumns::widths(double total) const {
    double weights = 0;
    for (const Column &col : columns)
        weights += col.weight;
    QList<double> out;
    for (const Column &col : columns)
        out.append(total * col.weight / std::max(weights, 1e-9));
    return out;
}

TableHeaderElement::TableHeaderElement(std::shared_ptr<const TableColumns> columns)
    : m_columns(std::move(columns)) {}

double TableHeaderElement::height(const ReportCanvas &c, double width) const {
    double h = 0;
    const QList<double> widths = m_columns->widths(width);
    for (int i = 0; i < widths.size(); ++i)
        h = std::max(h,
                     c.textHeight(c.tableBold, m_columns->columns[i].title, widths[i] - c.pt(6)));
    return h + c.pt(7);
}

void TableHeaderElement::paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const {
    const QList<double> widths = m_columns->widths(rect.width());
    double x = rect.left();
    p.setFont(c.tableBold);
    p.setPen(c.ink);
    for (int i = 0; i < widths.size(); ++i) {
        const auto &col = m_columns->columns[i];
        p.drawText(
            QRectF(x + c.pt(3), rect.top() + c.pt(3), widths[i] - c.pt(6), rect.height() - c.pt(6)),
            Qt::TextWordWrap | col.align | Qt::AlignBottom, col.title);
        x += widths[i];
    }
    p.fillRect(QRectF(rect.left(), rect.bottom() - c.pt(0.9), rect.width(), c.pt(0.9)), c.ink);
}

TableRowElement::TableRowElement(std::shared_ptr<const TableColumns> columns, QStringList cells,
                                 bool shaded, bool firstBold)
    : m_columns(std::move(columns))
    , m_cells(std::move(cells))
    , m_shaded(shaded)
    , m_firstBold(firstBold) {}

void TableRowElement::setCellColour(int column, const QColor &colour) {
    m_colours.insert(column, colour);
}

void TableRowElement::setNotes(QStringList notes) {
    m_notes = std::move(notes);
}

double TableRowElement::cellsHeight(const ReportCanvas &c) const {
    return c.metrics(c.table).height() + c.pt(5);
}

double TableRowElement::height(const ReportCanvas &c, double width) const {
    if (m_notes.isEmpty())
        return cellsHeight(c);
    const double noteWidth = width - c.mm(NoteIndentMm) - c.pt(3);
    return cellsHeight(c) + c.textHeight(c.small, m_notes.join(QLatin1Char('\n')), noteWidth) +
           c.pt(3);
}

void TableRowElement::paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const {
    if (m_shaded)
        p.fillRect(rect, c.shade);
    const QList<double> widths = m_columns->widths(rect.width());
    const double cellsBottom = rect.top() + cellsHeight(c);
    double x = rect.left();
    for (int i = 0; i < widths.size() && i < m_cells.size(); ++i) {
        const QFont &font = (i == 0 && m_firstBold) ? c.tableBold : c.table;
        p.setFont(font);
        p.setPen(m_colours.value(i, c.ink));
        const QRectF cell(x + c.pt(3), rect.top(), widths[i] - c.pt(6), cellsBottom - rect.top());
        p.drawText(cell, m_columns->columns[i].align | Qt::AlignVCenter,
                   c.metrics(font).elidedText(m_cells[i], Qt::ElideRight, cell.width()));
        x += widths[i];
    }
    if (m_notes.isEmpty())
        return;
    p.setFont(c.small);
    p.setPen(c.muted);
    const double left = rect.left() + c.mm(NoteIndentMm);
    p.drawText(QRectF(left, cellsBottom - c.pt(1.5), rect.right() - c.pt(3) - left,
                      rect.bottom() - cellsBottom + c.pt(1.5)),
               WrapLeft, m_notes.join(QLatin1Char('\n')));
}

// --- contents ---------------------------------------------------------------------------------

ContentsElement::ContentsElement(QString title, QString target, int level,
                                 std::shared_ptr<const QHash<QString, int>> pages)
    : m_title(std::move(title))
    , m_target(std::move(target))
    , m_level(level)
    , m_pages(std::move(pages)) {}

double ContentsElement::height(const ReportCanvas &c, double) const {
    return c.metrics(m_level == 1 ? c.body : c.table).height() + c.pt(2.5);
}

void ContentsElement::paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const {
    const QFont &font = m_level == 1 ? c.body : c.table;
    const QFontMetricsF fm = c.metrics(font);
    const QString page = QString::number(m_pages->value(m_target));
    const double indent = m_level == 1 ? 0 : c.mm(6);
    const double pageWidth = fm.horizontalAdvance(QStringLiteral("0000"));
    const QRectF titleRect(rect.left() + indent, rect.top(),
                           rect.width() - indent - pageWidth - c.pt(10), fm.height());
    const QString title = fm.elidedText(m_title, Qt::ElideRight, titleRect.width());
    p.setFont(font);
    p.setPen(m_level == 1 ? c.ink : c.muted);
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, title);
    p.drawText(QRectF(rect.right() - pageWidth, rect.top(), pageWidth, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, page);
    // Dot leaders between the title and the page number.
    const double from = titleRect.left() + fm.horizontalAdvance(title) + c.pt(6);
    const double to = rect.right() - fm.horizontalAdvance(page) - c.pt(6);
    p.setPen(QPen(c.rule, c.pt(0.9), Qt::DotLine));
    const double y = rect.top() + fm.ascent();
    if (to > from)
        p.drawLine(QPointF(from, y), QPointF(to, y));
}

} // namespace bs
