#pragma once

#include "report/ChartData.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace bs::gui {

// "Export Chart…": the format (PNG, SVG, PDF), the picture's size and, for PNG, its DPI, and the
// file. Accepting writes the file with the core exporters.
class ChartExportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartExportDialog)

public:
    enum class Format { Png, Svg, Pdf };

    explicit ChartExportDialog(const ChartData &chart, QWidget *parent = nullptr);

    void setPath(const QString &path);
    QString path() const;
    Format format() const;
    QSize sizePx() const;
    int dpi() const;
    void setSize(const QSize &sizePx, int dpi);
    // Writes the file; false (with the error in the dialog) when it could not.
    bool write();

    void accept() override;

private:
    void formatChanged();
    void browse();

    ChartData m_chart;
    QComboBox *m_format;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QSpinBox *m_dpi;
    QLineEdit *m_path;
    QLabel *m_error;
};

} // namespace bs::gui
