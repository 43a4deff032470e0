#include "ReportDocument.h"

#include "ChartStyle.h"
#include "HistoryChart.h"
#include "PdfUnicodeFix.h"
#include "ReportElements.h"
#include "ReportLayout.h"
#include "ReportPages.h"
#include "ReportPoliciesPage.h"
#include "ReportSizingPage.h"
#include "ReportText.h"
#include "SaveFile.h"

#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QSysInfo>

namespace bs {

namespace {

constexpr int Resolution = 300; // dpi: charts' hairlines stay crisp, text is vector anyway
constexpr double MarginMm = 17;
constexpr double HeaderMm = 9;
constexpr double FooterMm = 9;
constexpr double CoverBandMm = 70;
constexpr int MaxContentsGuests = 22; // more would not fit on the cover: sections only

QString appName() {
    return QStringLiteral("Balloonscope %1").arg(QStringLiteral(BALLOONSCOPE_VERSION));
}

} // namespace

ReportDocument::ReportDocument(ReportData data, QPageSize pageSize)
    : m_data(std::move(data))
    , m_pageSize(std::move(pageSize)) {}

Status ReportDocument::write(const QString &path, const Progress &pageDone) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!render(buffer, pageDone))
        return Error::io(tr("Could not draw the report."));
    QByteArray pdf = buffer.data();
    fixPdfToUnicode(pdf, QFont(reportCjkFamily()));
    return saveFile(path, pdf);
}

bool ReportDocument::render(QIODevice &device, const Progress &pageDone) {
    QPdfWriter writer(&device);
    writer.setResolution(Resolution);
    writer.setPageSize(m_pageSize);
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
    writer.setTitle(tr("Guest memory report: %1").arg(m_data.hostName));
    writer.setCreator(appName());
    const ReportCanvas c = ReportCanvas::make(&writer, QLocale());
    const QRectF page(0, 0, writer.width(), writer.height());
    const double width = page.width() - 2 * c.mm(MarginMm);

    const bool cover = m_data.request.sections & ReportSection::Cover;
    auto pages = std::make_shared<QHash<QString, int>>();
    ElementList below = cover ? coverElements(pages) : ElementList{};
    auto notes =
        std::make_shared<NotesElement>(tr("How to read this report"), ReportPages::readingNotes());
    // The notes go at the foot of the cover when they fit there, else after the host summary.
    double coverHeight = c.mm(CoverBandMm + 12) + c.mm(8) + notes->height(c, width);
    for (const auto &e : std::as_const(below))
        coverHeight += e->height(c, width);
    const bool notesOnCover = cover && coverHeight <= page.height() - c.mm(MarginMm + FooterMm);

    ElementList flow;
    if (!cover) {
        // Without a cover the first page still says what this is.
        flow.append(std::make_shared<HeadingElement>(
            tr("Guest memory report: %1").arg(m_data.hostName), 1,
            HistoryChart::rangeText(m_data.request.fromMs, m_data.request.toMs)));
    }
    if (m_data.request.sections & ReportSection::HostSummary)
        flow.append(ReportPages::host(m_data));
    if (!notesOnCover) {
        notes->spaceBeforePt = 16;
        flow.append(notes);
    }
    if (m_data.request.sections & ReportSection::Sizing)
        flow.append(ReportSizingPage::elements(m_data));
    if (m_data.request.sections & ReportSection::Policies)
        flow.append(ReportPoliciesPage::elements(m_data));
    if (m_data.request.sections & ReportSection::Guests)
        flow.append(ReportPages::guests(m_data));
    if (!cover && flow.size() > 1)
        flow[1]->pageBreakBefore = false; // right under the title

    const QRectF body(c.mm(MarginMm), c.mm(MarginMm + HeaderMm), width,
                      page.height() - 2 * c.mm(MarginMm) - c.mm(HeaderMm + FooterMm));
    const ReportLayoutResult layout = layoutReport(flow, c, body);
    const int firstFlowPage = cover ? 2 : 1; // printed number of the first flowed page
    for (auto it = layout.anchors.cbegin(); it != layout.anchors.cend(); ++it)
        pages->insert(it.key(), it.value() + firstFlowPage);
    m_pages = (cover ? 1 : 0) + layout.pages;

    QPainter p;
    if (!p.begin(&writer))
        return false;
    p.setRenderHint(QPainter::Antialiasing);
    int printed = 0;
    if (cover) {
        paintCover(p, c, page, below, notesOnCover ? notes.get() : nullptr);
        paintFrame(p, c, page, ++printed, false);
        if (pageDone)
            pageDone(printed, m_pages);
    }
    int placed = 0;
    for (int flowPage = 0; flowPage < layout.pages; ++flowPage) {
        if (printed > 0)
            writer.newPage();
        paintFrame(p, c, page, ++printed, true);
        for (; placed < layout.placed.size() && layout.placed[placed].page == flowPage; ++placed) {
            const PlacedElement &e = layout.placed[placed];
            p.save();
            e.element->paint(p, c, e.rect);
            p.restore();
        }
        if (pageDone)
            pageDone(printed, m_pages);
    }
    return p.end();
}

void ReportDocument::paintFrame(QPainter &p, const ReportCanvas &c, const QRectF &page,
                                int pageNumber, bool header) {
    const double left = c.mm(MarginMm);
    const double right = page.width() - c.mm(MarginMm);
    const double sh = c.metrics(c.small).height();
    p.setFont(c.small);
    if (header) {
        const double y = c.mm(MarginMm);
        p.setPen(c.muted);
        const QString title = tr("Guest memory report · %1").arg(m_data.hostName);
        p.drawText(QRectF(left, y, (right - left) * 0.5, sh), Qt::AlignLeft | Qt::AlignVCenter,
                   c.metrics(c.small).elidedText(title, Qt::ElideRight, (right - left) * 0.5));
        p.drawText(QRectF(left + (right - left) * 0.5, y, (right - left) * 0.5, sh),
                   Qt::AlignRight | Qt::AlignVCenter,
                   HistoryChart::rangeText(m_data.request.fromMs, m_data.request.toMs));
        p.fillRect(QRectF(left, y + sh + c.pt(3), right - left, c.pt(0.6)), c.rule);
    }
    const double y = page.height() - c.mm(MarginMm) - sh;
    p.fillRect(QRectF(left, y - c.pt(4), right - left, c.pt(0.6)), c.rule);
    p.setPen(c.muted);
    p.drawText(QRectF(left, y, (right - left) * 0.7, sh), Qt::AlignLeft | Qt::AlignVCenter,
               tr("%1 · generated %2").arg(appName(), ReportText::dateTime(m_data.generatedMs)));
    p.drawText(QRectF(left, y, right - left, sh), Qt::AlignRight | Qt::AlignVCenter,
               tr("Page %1 of %2").arg(pageNumber).arg(m_pages));
}

void ReportDocument::paintCover(QPainter &p, const ReportCanvas &c, const QRectF &page,
                                const ElementList &below, const ReportElement *notes) {
    const double left = c.mm(MarginMm);
    const double width = page.width() - 2 * c.mm(MarginMm);

    // A band across the top with the title.
    const double band = c.mm(CoverBandMm);
    p.fillRect(QRectF(0, 0, page.width(), band), c.accent);
    QFont brand = c.small;
    brand.setBold(true);
    brand.setLetterSpacing(QFont::PercentageSpacing, 115);
    QFont title = c.h1;
    title.setPointSizeF(26);
    QFont host = c.h2;
    host.setPointSizeF(16);
    host.setBold(false);
    double y = c.mm(22);
    p.setPen(QColor(255, 255, 255, 200));
    p.setFont(brand);
    p.drawText(QRectF(left, y, width, c.metrics(brand).height()), Qt::AlignLeft,
               QStringLiteral("BALLOONSCOPE"));
    y += c.metrics(brand).height() + c.pt(8);
    p.setPen(Qt::white);
    p.setFont(title);
    p.drawText(QRectF(left, y, width, c.metrics(title).height()), Qt::AlignLeft,
               tr("Guest memory report"));
    y += c.metrics(title).height() + c.pt(4);
    p.setFont(host);
    p.setPen(QColor(255, 255, 255, 230));
    p.drawText(QRectF(left, y, width, c.metrics(host).height()), Qt::AlignLeft,
               c.metrics(host).elidedText(m_data.hostName, Qt::ElideRight, width));

    // What the report covers, the contents; the notes (if they fit) at the foot of the page.
    y = c.mm(CoverBandMm + 12);
    for (const auto &e : below) {
        const double h = e->height(c, width);
        e->paint(p, c, QRectF(left, y, width, h));
        y += h;
    }
    if (notes) {
        const double h = notes->height(c, width);
        notes->paint(p, c, QRectF(left, page.height() - c.mm(MarginMm + FooterMm) - h, width, h));
    }
}

ElementList ReportDocument::coverElements(std::shared_ptr<const QHash<QString, int>> pages) const {
    const ReportRequest &r = m_data.request;
    QString guests = tr("%1 in this report").arg(ReportText::count(m_data.guests.size()));
    if (!m_data.guestsWithoutData.isEmpty())
        guests +=
            QLatin1String("; ") + tr("%1 more without data in the range")
                                      .arg(ReportText::count(m_data.guestsWithoutData.size()));
    const QString duration = ReportText::duration(r.toMs - r.fromMs);
    ElementList out;
    QList<KeyValueElement::Row> rows{{tr("Host"), m_data.hostName},
                                     {tr("Connection"), r.hostId},
                                     {tr("Range"), HistoryChart::rangeText(r.fromMs, r.toMs)},
                                     {tr("Duration"),
                                      r.rangeLabel.isEmpty() || r.rangeLabel.contains(duration)
                                          ? duration // "最近 1 天 (1 天)" says it twice
                                          : tr("%1 (%2)").arg(r.rangeLabel, duration)},
                                     {tr("Guests"), guests}};
    if (!m_data.historyServer.isEmpty())
        rows.append({tr("History from"),
                     tr("%1 (Prometheus-compatible server; one point per scrape step, no "
                        "events)")
                         .arg(m_data.historyServer)});
    rows += {{tr("Generated"), ReportText::dateTime(m_data.generatedMs)},
             {tr("Generated by"), tr("%1 on %2").arg(appName(), QSysInfo::machineHostName())}};
    out.append(std::make_shared<KeyValueElement>(rows));
    out.append(std::make_shared<SpacerElement>(8));
    const bool host = r.sections & ReportSection::HostSummary;
    const bool sizing = r.sections & ReportSection::Sizing;
    const bool policies = r.sections & ReportSection::Policies;
    const bool guestPages = r.sections & ReportSection::Guests;
    if (!host && !sizing && !policies && !guestPages)
        return out;
    out.append(std::make_shared<HeadingElement>(tr("Contents"), 2));
    if (host)
        out.append(std::make_shared<ContentsElement>(tr("Host summary"), ReportPages::hostAnchor(),
                                                     1, pages));
    if (sizing)
        out.append(
            std::make_shared<ContentsElement>(tr("Sizing"), ReportSizingPage::anchor(), 1, pages));
    if (policies)
        out.append(std::make_shared<ContentsElement>(tr("Policies"), ReportPoliciesPage::anchor(),
                                                     1, pages));
    if (guestPages) {
        out.append(
            std::make_shared<ContentsElement>(tr("Guests"), ReportPages::guestsAnchor(), 1, pages));
        if (m_data.guests.size() <= MaxContentsGuests) {
            for (const GuestReport &g : m_data.guests)
                out.append(std::make_shared<ContentsElement>(
                    g.name, ReportPages::guestAnchor(g.uuid), 2, pages));
        }
    }
    return out;
}

} // namespace bs
