#pragma once

#include "ReportData.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPageSize>

#include <functional>
#include <memory>

class QIODevice;
class QPainter;

namespace bs {

struct ReportCanvas;
class ReportElement;

// A report as a PDF: a cover (host, URI, range, generated at, contents, how to read it), the host
// summary, the sizing advice, the policy replay and the guests, with a running header and "Page n
// of m" on every page. Text is real text with the fonts embedded as subsets (QPdfWriter), in the
// UI language. Safe to run on a worker thread: it only reads its ReportData.
class ReportDocument {
    Q_DECLARE_TR_FUNCTIONS(ReportDocument)

public:
    explicit ReportDocument(ReportData data, QPageSize pageSize = QPageSize(QPageSize::A4));

    // `pageDone(done, pages)` after each page, on the calling thread.
    using Progress = std::function<void(int done, int pages)>;
    bool render(QIODevice &device, const Progress &pageDone = {});
    Status write(const QString &path, const Progress &pageDone = {});
    int pageCount() const { return m_pages; }

private:
    // The cover below its band: what the report covers and the contents (page numbers filled in
    // after the layout through `pages`). The notes, when they fit, go at the foot of the cover.
    QList<std::shared_ptr<ReportElement>>
    coverElements(std::shared_ptr<const QHash<QString, int>> pages) const;
    void paintCover(QPainter &p, const ReportCanvas &c, const QRectF &page,
                    const QList<std::shared_ptr<ReportElement>> &below, const ReportElement *notes);
    void paintFrame(QPainter &p, const ReportCanvas &c, const QRectF &page, int pageNumber,
                    bool header);

    ReportData m_data;
    QPageSize m_pageSize;
    int m_pages = 0;
};

} // namespace bs
