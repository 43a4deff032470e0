#include "ReportJob.h"

#include "ReportBuilder.h"
#include "ReportDocument.h"
#include "common/Logging.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace bs {

ReportJob::ReportJob(HistoryReader *store, QObject *parent)
    : QObject(parent)
    , m_builder(new ReportBuilder(store, this)) {
    connect(m_builder, &ReportBuilder::progress, this, [this](int answered, int asked) {
        // Queries are asked as earlier answers come in (roll-ups where raw polls do not reach
        // back), so answered/asked can drop: the bar never goes backwards.
        m_readPercent = std::max(m_readPercent, asked > 0 ? 50 * answered / asked : 0);
        Q_EMIT progress(m_readPercent, tr("Reading the history…"));
    });
    connect(m_builder, &ReportBuilder::failed, this, [this](const Error &error) {
        m_running = false;
        Q_EMIT failed(error);
    });
    connect(m_builder, &ReportBuilder::finished, this, &ReportJob::render);
    connect(&m_watcher, &QFutureWatcher<Rendered>::finished, this, [this] {
        const Rendered r = m_watcher.result();
        m_running = false;
        if (m_cancelled)
            return;
        if (!r.status) {
            Q_EMIT failed(r.status.error());
            return;
        }
        Q_EMIT progress(100, tr("Done"));
        Q_EMIT finished(m_path, r.pages);
    });
}

ReportJob::~ReportJob() {
    m_cancelled = true;
    m_watcher.waitForFinished(); // the render reads nothing of ours, but signals would
}

bool ReportJob::start(const ReportRequest &request, const QString &path) {
    if (m_running)
        return false;
    m_running = true;
    m_cancelled = false;
    m_path = path;
    m_readPercent = 0;
    Q_EMIT progress(0, tr("Reading the history…"));
    if (!m_builder->start(request)) {
        m_running = false;
        return false;
    }
    return true;
}

void ReportJob::cancel() {
    m_cancelled = true;
    m_builder->cancel();
    if (!m_watcher.isRunning())
        m_running = false;
}

void ReportJob::render(const ReportData &data) {
    if (m_cancelled) {
        m_running = false;
        return;
    }
    m_data = data;
    Q_EMIT progress(50, tr("Drawing the pages…"));
    QPointer<ReportJob> self(this);
    const QString path = m_path;
    m_watcher.setFuture(QtConcurrent::run([data, path, self]() -> Rendered {
        QElapsedTimer timer;
        timer.start();
        ReportDocument document(data);
        const Status status = document.write(path, [self](int done, int pages) {
            QMetaObject::invokeMethod(
                self.data(),
                [self, done, pages] {
                    if (self)
                        Q_EMIT self->progress(50 + 50 * done / std::max(1, pages),
                                              tr("Page %1 of %2").arg(done).arg(pages));
                },
                Qt::QueuedConnection);
        });
        qCDebug(lcReport) << "rendered" << document.pageCount() << "pages in" << timer.elapsed()
                          << "ms";
        return Rendered{status, document.pageCount()};
    }));
}

} // namespace bs
