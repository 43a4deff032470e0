#include "ChartExport.h"

#include "ChartExportDialog.h"
#include "report/ChartExportSource.h"
#include "report/DataExport.h"
#include "report/ImageExporter.h"
#include "report/SaveFile.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QStandardPaths>

namespace bs::gui {

bool ChartExport::exportChart(QWidget *parent, const ChartData &chart) {
    if (isEmpty(chart)) {
        QMessageBox::information(parent, tr("Export Chart"),
                                 tr("Select a guest first: the chart shows none."));
        return false;
    }
    ChartExportDialog dialog(chart, parent);
    return dialog.exec() == QDialog::Accepted;
}

bool ChartExport::exportData(QWidget *parent, const ChartData &chart) {
    if (isEmpty(chart)) {
        QMessageBox::information(parent, tr("Export Chart Data"),
                                 tr("Select a guest first: the chart shows none."));
        return false;
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        parent, tr("Export Chart Data"),
        QDir(dir.isEmpty() ? QDir::homePath() : dir)
            .filePath(suggestedChartFileName(chart) + QStringLiteral(".csv")),
        tr("CSV, one row per time (*.csv);;JSON (*.json)"), &selected);
    if (path.isEmpty())
        return false;
    const bool json =
        QFileInfo(path).suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0;
    const Status written =
        saveFile(path, json ? JsonExporter::chart(chart) : CsvExporter::chart(chart));
    if (!written) {
        QMessageBox::warning(parent, tr("Export Chart Data"), written.error().message);
        return false;
    }
    return true;
}

void ChartExport::copyToClipboard(const ChartData &chart, const QSize &sizePx, int dpi) {
    QGuiApplication::clipboard()->setImage(ImageExporter::render(chart, {sizePx, dpi}));
}

} // namespace bs::gui
