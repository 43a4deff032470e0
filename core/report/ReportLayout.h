#pragma once

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QRectF>
#include <QString>

#include <memory>

class QPainter;
class QPaintDevice;

namespace bs {

// The measures, fonts and colours of a report page, in the device's units (a QPdfWriter at its
// resolution): every element measures with these before anything is painted, so the layout pass
// and the painting pass agree.
struct ReportCanvas {
    QPaintDevice *device = nullptr;
    double dpi = 300;
    QLocale locale;
    QFont body;
    QFont small;
    QFont table;
    QFont tableBold;
    QFont h1;
    QFont h2;
    QColor ink = QColor(0x20, 0x21, 0x24);
    QColor muted = QColor(0x5f, 0x63, 0x68);
    QColor rule = QColor(0xda, 0xdc, 0xe0);
    QColor shade = QColor(0xf3, 0xf4, 0xf6);
    QColor accent = QColor(0x0d, 0x47, 0xa1);

    static ReportCanvas make(QPaintDevice *device, const QLocale &locale);
    double pt(double points) const { return points * dpi / 72.0; }
    double mm(double millimetres) const { return millimetres * dpi / 25.4; }
    QFontMetricsF metrics(const QFont &font) const { return QFontMetricsF(font, device); }
    // Height of `text` wrapped to `width` in `font`.
    double textHeight(const QFont &font, const QString &text, double width) const;
};

// One piece of a page: measured for a width, then painted into the rectangle the layout gave it.
class ReportElement {
public:
    virtual ~ReportElement() = default;
    virtual double height(const ReportCanvas &canvas, double width) const = 0;
    virtual void paint(QPainter &painter, const ReportCanvas &canvas, const QRectF &rect) const = 0;

    // Elements of one group (a heading and what it introduces) move to a new page together when
    // they fit on one; 0 = no group.
    int group = 0;
    // A table row: its header, repeated at the top of a page the table continues on.
    std::shared_ptr<ReportElement> repeatHeader;
    // Starts a new page (a section that opens on its own page).
    bool pageBreakBefore = false;
    // Remembered with the page it lands on (the contents' page numbers).
    QString anchor;
    double spaceBeforePt = 0; // points of space above it, dropped at the top of a page
};

using ElementList = QList<std::shared_ptr<ReportElement>>;

struct PlacedElement {
    int page = 0; // 0-based among the flowed pages
    QRectF rect;
    std::shared_ptr<ReportElement> element;
};

struct ReportLayoutResult {
    QList<PlacedElement> placed;
    int pages = 0;
    QHash<QString, int> anchors; // anchor → 0-based flowed page
};

// Places elements top to bottom on pages of `body` size: a page break where the next element
// (or its group) does not fit, a table's header again on each page it continues on.
ReportLayoutResult layoutReport(const ElementList &elements, const ReportCanvas &canvas,
                                const QRectF &body);

} // namespace bs
