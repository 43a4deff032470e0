#include "ReportFeature.h"

#include "ChartExport.h"
#include "ReportDialog.h"
#include "charts/LiveChart.h"
#include "history/HistoryStore.h"
#include "report/ReportJob.h"
#include "workbench/Workbench.h"

#include <QAction>
#include <QApplication>

namespace bs::gui {

ReportFeature::ReportFeature(Workbench *bench)
    : QObject(bench)
    , m_bench(bench)
    , m_exportChart(new QAction(QIcon::fromTheme(QStringLiteral("document-export")),
                                tr("Export &Chart…"), this))
    , m_exportData(new QAction(tr("Export Chart &Data…"), this))
    , m_copyChart(
          new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Cop&y Chart"), this))
    , m_report(new QAction(QIcon::fromTheme(QStringLiteral("x-office-document")), tr("&Report…"),
                           this)) {
    m_exportChart->setToolTip(tr("Save the chart as PNG, SVG or PDF."));
    m_exportData->setToolTip(tr("Save the points the chart shows as CSV or JSON."));
    m_copyChart->setToolTip(tr("Put the chart on the clipboard as a picture."));
    m_report->setToolTip(tr("A PDF report of a host's guests over a time range."));
    m_report->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    // Export is Ctrl+E in most desktop applications (LibreOffice, Inkscape, GIMP's "Export").
    m_exportChart->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportData->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    bench->addFileActions({m_exportChart, m_exportData, m_copyChart, m_report});

    connect(m_exportChart, &QAction::triggered, this, [this] {
        Chart c;
        if (currentChart(c))
            exportChart(c);
    });
    connect(m_exportData, &QAction::triggered, this, [this] {
        Chart c;
        if (currentChart(c))
            exportData(c);
    });
    connect(m_copyChart, &QAction::triggered, this, [this] {
        Chart c;
        if (currentChart(c))
            copyChart(c);
    });
    connect(m_report, &QAction::triggered, this, &ReportFeature::openReportDialog);

    addChart(bench->liveChart(), bench->liveChart());
}

ReportFeature::~ReportFeature() {
    delete m_dialog; // its job may hold the store
    delete m_ownStore;
}

void ReportFeature::addChart(QWidget *widget, const ChartExportSource *source) {
    const Chart chart{widget, source};
    m_charts.append(chart);
    // The same actions in the chart's context menu, acting on that chart.
    auto *exportChart = new QAction(m_exportChart->icon(), m_exportChart->text(), widget);
    auto *exportData = new QAction(m_exportData->text(), widget);
    auto *copy = new QAction(m_copyChart->icon(), m_copyChart->text(), widget);
    connect(exportChart, &QAction::triggered, this, [this, chart] { this->exportChart(chart); });
    connect(exportData, &QAction::triggered, this, [this, chart] { this->exportData(chart); });
    connect(copy, &QAction::triggered, this, [this, chart] { copyChart(chart); });
    widget->addActions({exportChart, exportData, copy});
    widget->setContextMenuPolicy(Qt::ActionsContextMenu);
}

bool ReportFeature::currentChart(Chart &out) const {
    const QWidget *focus = QApplication::focusWidget();
    const Chart *visible = nullptr;
    for (const Chart &c : m_charts) {
        if (!c.widget || !c.widget->isVisible())
            continue;
        if (focus && (c.widget == focus || c.widget->isAncestorOf(focus))) {
            out = c;
            return true;
        }
        if (!visible)
            visible = &c;
    }
    if (!visible)
        return false;
    out = *visible;
    return true;
}

const ChartExportSource *ReportFeature::currentChart(QWidget **widget) const {
    Chart c;
    if (!currentChart(c))
        return nullptr;
    if (widget)
        *widget = c.widget;
    return c.source;
}

void ReportFeature::exportChart(const Chart &chart) {
    if (chart.widget)
        ChartExport::exportChart(m_bench->dialogParent(), chart.source->exportChart());
}

void ReportFeature::exportData(const Chart &chart) {
    if (chart.widget)
        ChartExport::exportData(m_bench->dialogParent(), chart.source->exportChart());
}

void ReportFeature::copyChart(const Chart &chart) {
    if (!chart.widget)
        return;
    const ChartData data = chart.source->exportChart();
    // About the size it has on screen, at twice the pixels for a sharp paste.
    const QSize size = chart.widget->size().expandedTo(QSize(640, 360)) * 2;
    ChartExport::copyToClipboard(data, size, int(chart.widget->logicalDpiY() * 2));
}

void ReportFeature::setHistoryStore(HistoryStore *store) {
    m_store = store;
}

void ReportFeature::setServerReader(std::function<std::unique_ptr<HistoryReader>()> make) {
    m_serverReader = std::move(make);
}

HistoryStore *ReportFeature::store() {
    if (m_store)
        return m_store;
    if (!m_ownStore) {
        HistoryOptions options;
        options.access = HistoryOptions::Access::ReadOnly;
        m_ownStore = new HistoryStore(options);
        m_ownStore->open();
    }
    return m_ownStore;
}

ReportDialog *ReportFeature::openReportDialog() {
    std::unique_ptr<HistoryReader> server = m_serverReader ? m_serverReader() : nullptr;
    const QString source = server ? server->sourceName() : QString();
    const bool sameSource =
        m_dialog && (m_dialog->reader()->isLocal() ? source.isEmpty()
                                                   : m_dialog->reader()->sourceName() == source);
    if (m_dialog && !sameSource && !m_dialog->job()->isRunning())
        delete m_dialog; // the History page reads elsewhere now
    if (!m_dialog) {
        m_dialog = new ReportDialog(server ? server.get() : store(), m_bench->dialogParent());
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (server) // deleted with the dialog, after its job (a child made before it)
            server.release()->setParent(m_dialog);
    }
    m_dialog->setPreferredHost(m_bench->selectedHostId());
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    return m_dialog;
}

} // namespace bs::gui
