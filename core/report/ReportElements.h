#pragma once

#include "ChartData.h"
#include "ReportLayout.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace bs {

// The pieces a report page is made of (ReportLayout.h). Each measures itself from the canvas's
// fonts and paints into the rectangle it was given.

class TextElement final : public ReportElement {
public:
    enum class Role { Body, Small, Note };
    TextElement(QString text, Role role = Role::Body);
    double height(const ReportCanvas &c, double width) const override;
    void paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const override;

private:
    QFont font(const ReportCanvas &c) const;
    QString m_text;
    Role m_role;
};

// A section title (level 1: with a rule under it) or a sub-section title (level 2).
class HeadingElement final : public ReportElement {
public:
    HeadingElement(QString text, int level, QString note = {});
    double height(const ReportCanvas &c, double width) const override;
    void paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const override;

private:
    QString m_text;
    int m_level;
    QString m_note; // small, muted, right-aligned on the title's line
};

// A guest's title line: its name, a coloured badge with the verdict, and a muted line under it.
class GuestHeadingElement final : public ReportElement {
public:
    GuestHeadingElement(QString name, QString details, QString badge, QColor badgeColour);
    double height(const ReportCanvas &c, double width) const override;
    void paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const override;

private:
    QString m_name;
    QString m_details;
    QString m_badge;
    QColor m_badgeColour;
};

// Label: value lines, the labels in one muted column.
class KeyValueElement final : public ReportElement {
public:
    using Row = std::pair<QString, QString>;
    explicit KeyValueElement(QList<Row> rows, double labelScale = 1.0);
    double height(const ReportCanvas &c, double width) const override;
    void paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const override;

private:
    double labelWidth(const ReportCanvas &c) const;
    QList<Row> m_rows;
    double m_scale;
};

// Key figures side by side, each in a shaded box: a label, a large value, a note.
class CardsElement final : public ReportElement {
public:
    struct Card {
        QString label;
        QString value;
        QString note;
        bool missing = false; // "not recorded": drawn muted
    };
    explicit CardsElement(QList<Card> cards);
    double height(const ReportCanvas &c, double width) const override;
    void paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const override;

private:
    QList<Card> m_cards;
};

class ChartElement final : public ReportElement {
public:
    ChartElement(ChartData chart, double heightMm);
    double height(const ReportCanvas &c, double width) const override;
    void paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const override;

private:
    ChartData m_chart;
    double m_heightMm;
};

// A box with a dashed frame saying what is missing and why ("not recorded").
class PlaceholderElement final : public ReportElement {
public:
    PlaceholderElement(QString title, QString text);
    double height(const ReportCanvas &c, double width) const override;
    void paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const override;

private:
    QString m_title;
    QString m_text;
};

// Tables: the columns are shared by the header and every row; numbers right-aligned.
struct TableColumns {
    struct Column {
        QString title;
        double weight = 1; // share of the table's width
        Qt::Alignment align = Qt::AlignLeft;
    };
    QList<Column> columns;
    QList<double> widths(double total) const;
};

class TableHeaderElement final : public ReportElement {
public:
    explicit TableHeaderElement(std::shared_ptr<const TableColumns> columns);
    double height(const ReportCanvas &c, double width) const override;
    void paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const override;

private:
    std::shared_ptr<const TableColumns> m_columns;
};

class TableRowElement final : public ReportElement {
public:
    TableRowElement(std::shared_ptr<const TableColumns> columns, QStringList cells, bool shaded,
                    bool firstBold = true);
    double height(const ReportCanvas &c, double width) const override;
    void paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const override;
    // A cell's text colour (a verdict in colour); invalid = the normal ink.
    void setCellColour(int column, const QColor &colour);
    // Lines in small type under the cells, indented and wrapped, on the row's shading: why a
    // cell is empty, what a figure means for this row. They move with the row.
    void setNotes(QStringList notes);

private:
    double cellsHeight(const ReportCanvas &c) const;
    std::shared_ptr<const TableColumns> m_columns;
    QStringList m_cells;
    QStringList m_notes;
    QHash<int, QColor> m_colours;
    bool m_shaded;
    bool m_firstBold;
};

// A line of the contents: the title, dot leaders, and the page its anchor landed on.
class ContentsElement final : public ReportElement {
public:
    // `pages` is filled after the layout: anchor → printed page number.
    ContentsElement(QString title, QString target, int level,
                    std::shared_ptr<const QHash<QString, int>> pages);
    double height(const ReportCanvas &c, double width) const override;
    void paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const override;

private:
    QString m_title;
    QString m_target;
    int m_level;
    std::shared_ptr<const QHash<QString, int>> m_pages;
};

// A shaded box with a title and paragraphs ("How to read this report").
class NotesElement final : public ReportElement {
public:
    NotesElement(QString title, QStringList paragraphs);
    double height(const ReportCanvas &c, double width) const override;
    void paint(QPainter &p, const ReportCanvas &c, const QRectF &rect) const override;

private:
    QString m_title;
    QString m_text;
};

class SpacerElement final : public ReportElement {
public:
    explicit SpacerElement(double heightMm);
    double height(const ReportCanvas &c, double width) const override;
    void paint(QPainter &, const ReportCanvas &, const QRectF &) const override {}

private:
    double m_heightMm;
};

} // namespace bs
