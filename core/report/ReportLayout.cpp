#include "ReportLayout.h"

#include "ChartStyle.h"

#include <QPaintDevice>

namespace bs {

ReportCanvas ReportCanvas::make(QPaintDevice *device, const QLocale &locale) {
    ReportCanvas c;
    c.device = device;
    c.dpi = device ? device->logicalDpiY() : 300;
    c.locale = locale;
    c.body = reportFont(9.5, locale);
    c.small = reportFont(7.5, locale);
    c.table = reportFont(8.5, locale);
    c.tableBold = c.table;
    c.tableBold.setBold(true);
    c.h1 = reportFont(18, locale);
    c.h1.setBold(true);
    c.h2 = reportFont(13, locale);
    c.h2.setBold(true);
    return c;
}

double ReportCanvas::textHeight(const QFont &font, const QString &text, double width) const {
    if (text.isEmpty())
        return 0;
    return metrics(font)
        .boundingRect(QRectF(0, 0, width, 1e9), Qt::TextWordWrap | Qt::AlignLeft, text)
        .height();
}

ReportLayoutResult layoutReport(const ElementList &elements, const ReportCanvas &canvas,
                                const QRectF &body) {
    ReportLayoutResult out;
    QList<double> heights;
    heights.reserve(elements.size());
    for (const auto &e : elements)
        heights.append(e->height(canvas, body.width()));

    int page = 0;
    double y = body.top();
    bool pageEmpty = true;
    auto newPage = [&] {
        ++page;
        y = body.top();
        pageEmpty = true;
    };
    for (int i = 0; i < elements.size(); ++i) {
        const auto &e = elements[i];
        if (e->pageBreakBefore && !pageEmpty)
            newPage();
        double before = pageEmpty ? 0 : canvas.pt(e->spaceBeforePt);
        // Keep a group together: the whole group must fit, unless it cannot fit on any page.
        if (e->group != 0 && (i == 0 || elements[i - 1]->group != e->group)) {
            double groupHeight = before;
            for (int j = i; j < elements.size() && elements[j]->group == e->group; ++j)
                groupHeight += heights[j] + (j > i ? canvas.pt(elements[j]->spaceBeforePt) : 0);
            if (!pageEmpty && y + groupHeight > body.bottom() &&
                groupHeight - before <= body.height()) {
                newPage();
                before = 0;
            }
        }
        if (!pageEmpty && y + before + heights[i] > body.bottom()) {
            newPage();
            before = 0;
            if (e->repeatHeader) {
                const double h = e->repeatHeader->height(canvas, body.width());
                out.placed.append(
                    PlacedElement{page, QRectF(body.left(), y, body.width(), h), e->repeatHeader});
                y += h;
                pageEmpty = false;
            }
        }
        y += before;
        out.placed.append(PlacedElement{page, QRectF(body.left(), y, body.width(), heights[i]), e});
        if (!e->anchor.isEmpty())
            out.anchors.insert(e->anchor, page);
        y += heights[i];
        pageEmpty = false;
    }
    out.pages = elements.isEmpty() ? 0 : page + 1;
    return out;
}

} // namespace bs
