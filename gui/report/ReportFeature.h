#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QWidget;

namespace bs {
class ChartExportSource;
class HistoryReader;
class HistoryStore;
} // namespace bs

namespace bs::gui {

class Workbench;
class ReportDialog;

// Reports and exports: File → Export Chart…, Export Chart Data…, Copy Chart and Report…, and the
// same chart actions in each chart's context menu. Registered once in Features.cpp
// (`f.report = new ReportFeature(bench);`).
//
// Charts register themselves with addChart(): the live chart does so here; the History page's
// charts call `features.report->addChart(chart, chart)` (Features.cpp). The File menu's chart
// actions act on the registered chart that is visible (the focused one first).
//
// Reports read the history through a HistoryStore: the window's store once it has one
// (setHistoryStore), until then a read-only store of its own on the default file, opened when
// the first report is asked for.
class ReportFeature final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportFeature)

public:
    explicit ReportFeature(Workbench *bench);
    ~ReportFeature() override;

    void addChart(QWidget *widget, const ChartExportSource *source);
    void setHistoryStore(HistoryStore *store);
    // Where reports read when the History page reads a server: a new reader of that server
    // (null while it reads this computer's history). The dialog owns what it gets.
    void setServerReader(std::function<std::unique_ptr<HistoryReader>()> make);

    QAction *exportChartAction() const { return m_exportChart; }
    QAction *exportDataAction() const { return m_exportData; }
    QAction *copyChartAction() const { return m_copyChart; }
    QAction *reportAction() const { return m_report; }
    // The chart the File menu's actions act on now; null when none is visible.
    const ChartExportSource *currentChart(QWidget **widget = nullptr) const;
    ReportDialog *openReportDialog();

private:
    struct Chart {
        QPointer<QWidget> widget;
        const ChartExportSource *source;
    };
    HistoryStore *store();
    void exportChart(const Chart &chart);
    void exportData(const Chart &chart);
    void copyChart(const Chart &chart);
    bool currentChart(Chart &out) const;

    Workbench *m_bench;
    QAction *m_exportChart;
    QAction *m_exportData;
    QAction *m_copyChart;
    QAction *m_report;
    QList<Chart> m_charts;
    HistoryStore *m_store = nullptr;
    std::function<std::unique_ptr<HistoryReader>()> m_serverReader;
    HistoryStore *m_ownStore = nullptr; // until the window has one
    QPointer<ReportDialog> m_dialog;
};

} // namespace bs::gui
