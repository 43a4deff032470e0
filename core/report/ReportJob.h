#pragma once

#include "ReportData.h"
#include "common/Error.h"
#include "common/Result.h"

#include <QFutureWatcher>
#include <QObject>

namespace bs {

class HistoryReader;
class ReportBuilder;

// A whole report, from the request to the PDF on disk: ReportBuilder gathers the data through
// the store's asynchronous queries, then ReportDocument renders it on a worker thread
// (QtConcurrent), so the GUI stays responsive; the CLI runs the same job in its event loop.
// Progress runs 0-50 % while the history answers and 50-100 % while pages are written.
class ReportJob final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportJob)

public:
    explicit ReportJob(HistoryReader *store, QObject *parent = nullptr);
    ~ReportJob() override;

    bool start(const ReportRequest &request, const QString &path);
    // Stops gathering; a render already under way finishes, but nothing is reported.
    void cancel();
    bool isRunning() const { return m_running; }
    const ReportData &data() const { return m_data; }

Q_SIGNALS:
    void progress(int percent, const QString &stage);
    void finished(const QString &path, int pages);
    void failed(const bs::Error &error);

private:
    struct Rendered {
        Status status;
        int pages = 0;
    };
    void render(const ReportData &data);

    ReportBuilder *m_builder;
    QFutureWatcher<Rendered> m_watcher;
    ReportData m_data;
    QString m_path;
    bool m_running = false;
    bool m_cancelled = false;
    int m_readPercent = 0; // 0..50: the history part of the progress
};

} // namespace bs
