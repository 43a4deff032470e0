#include "ChartExportDialog.h"

#include "report/ChartExportSource.h"
#include "report/ImageExporter.h"
#include "report/PdfChartExporter.h"
#include "report/SvgExporter.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>

namespace bs::gui {

namespace {

QString suffixOf(ChartExportDialog::Format format) {
    switch (format) {
    case ChartExportDialog::Format::Png:
        return QStringLiteral("png");
    case ChartExportDialog::Format::Svg:
        return QStringLiteral("svg");
    case ChartExportDialog::Format::Pdf:
        return QStringLiteral("pdf");
    }
    return {};
}

} // namespace

ChartExportDialog::ChartExportDialog(const ChartData &chart, QWidget *parent)
    : QDialog(parent)
    , m_chart(chart)
    , m_format(new QComboBox(this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_dpi(new QSpinBox(this))
    , m_path(new QLineEdit(this))
    , m_error(new QLabel(this)) {
    setWindowTitle(tr("Export Chart"));
    m_format->addItem(tr("PNG image"), int(Format::Png));
    m_format->addItem(tr("SVG drawing"), int(Format::Svg));
    m_format->addItem(tr("PDF page (A4 landscape)"), int(Format::Pdf));
    for (QSpinBox *side : {m_width, m_height}) {
        side->setRange(16, ImageExporter::MaxSidePx);
        side->setSuffix(tr(" px"));
    }
    m_width->setValue(1600);
    m_height->setValue(900);
    m_dpi->setRange(ImageExporter::MinDpi, ImageExporter::MaxDpi);
    m_dpi->setValue(144);
    m_dpi->setToolTip(tr("Fonts and lines are sized for this resolution: at 144 dpi a 1600 px "
                         "wide chart prints 28 cm wide with 8 pt labels."));
    auto *size = new QHBoxLayout;
    size->addWidget(m_width);
    size->addWidget(new QLabel(QStringLiteral("×"), this));
    size->addWidget(m_height);
    size->addStretch();
    auto *file = new QHBoxLayout;
    file->addWidget(m_path, 1);
    auto *browse = new QPushButton(tr("Browse…"), this);
    file->addWidget(browse);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Size:"), size);
    form->addRow(tr("Resolution (dpi):"), m_dpi);
    form->addRow(tr("File:"), file);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    m_path->setText(QDir(dir.isEmpty() ? QDir::homePath() : dir)
                        .filePath(suggestedChartFileName(chart) + QStringLiteral(".png")));
    connect(m_format, &QComboBox::currentIndexChanged, this, &ChartExportDialog::formatChanged);
    connect(browse, &QPushButton::clicked, this, &ChartExportDialog::browse);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChartExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChartExportDialog::reject);
    formatChanged();
}

void ChartExportDialog::formatChanged() {
    const Format f = format();
    m_dpi->setEnabled(f == Format::Png);
    m_width->setEnabled(f != Format::Pdf);
    m_height->setEnabled(f != Format::Pdf);
    const QFileInfo info(m_path->text());
    if (!m_path->text().isEmpty())
        m_path->setText(
            info.dir().filePath(info.completeBaseName() + QLatin1Char('.') + suffixOf(f)));
}

void ChartExportDialog::browse() {
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export Chart"), m_path->text(),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (chosen.isEmpty())
        return;
    const QString suffix = QFileInfo(chosen).suffix().toLower();
    for (int i = 0; i < m_format->count(); ++i) {
        if (suffixOf(Format(m_format->itemData(i).toInt())) == suffix)
            m_format->setCurrentIndex(i);
    }
    m_path->setText(chosen);
}

void ChartExportDialog::setPath(const QString &path) {
    m_path->setText(path);
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (int i = 0; i < m_format->count(); ++i) {
        if (suffixOf(Format(m_format->itemData(i).toInt())) == suffix) {
            const QSignalBlocker block(m_format);
            m_format->setCurrentIndex(i);
        }
    }
    m_dpi->setEnabled(format() == Format::Png);
}

QString ChartExportDialog::path() const {
    return m_path->text();
}

ChartExportDialog::Format ChartExportDialog::format() const {
    return Format(m_format->currentData().toInt());
}

QSize ChartExportDialog::sizePx() const {
    return QSize(m_width->value(), m_height->value());
}

int ChartExportDialog::dpi() const {
    return m_dpi->value();
}

void ChartExportDialog::setSize(const QSize &sizePx, int dpi) {
    m_width->setValue(sizePx.width());
    m_height->setValue(sizePx.height());
    m_dpi->setValue(dpi);
}

bool ChartExportDialog::write() {
    if (path().isEmpty()) {
        m_error->setText(tr("Choose a file to write."));
        m_error->show();
        return false;
    }
    Status written = Status::success();
    switch (format()) {
    case Format::Png:
        written = ImageExporter::writePng(m_chart, path(), ImageOptions{sizePx(), dpi()});
        break;
    case Format::Svg:
        written = SvgExporter::write(m_chart, path(), SvgOptions{sizePx()});
        break;
    case Format::Pdf:
        written = PdfChartExporter::write(m_chart, path());
        break;
    }
    if (!written) {
        m_error->setText(written.error().message);
        m_error->show();
        return false;
    }
    return true;
}

void ChartExportDialog::accept() {
    if (write())
        QDialog::accept();
}

} // namespace bs::gui
