#include "TestMain.h"
#include "report/ChartExportSource.h"
#include "report/ImageExporter.h"
#include "report/PdfChartExporter.h"
#include "report/SvgExporter.h"

#include <QFile>
#include <QGuiApplication>
#include <QImageReader>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <cmath>

using namespace bs;

// The chart files are valid and hold what was charted: a PNG decodes at the size and DPI asked
// for and shows the series' colour; an SVG parses and has the series' path; a PDF's text layer
// (pdftotext) holds the title.
namespace {

constexpr qint64 T0 = 1735689600000;
const QColor UsedColour(0x15, 0x65, 0xc0);

ChartData sampleChart() {
    ChartData chart;
    chart.title = QStringLiteral("Memory of web-01");
    chart.subtitle = QStringLiteral("kvm1 · test");
    chart.fromMs = T0;
    chart.toMs = T0 + 3600000;
    ChartSeries used;
    used.key = QStringLiteral("used");
    used.name = QStringLiteral("Used");
    used.colour = UsedColour;
    used.widthPt = 2.0;
    used.band = true;
    for (int i = 0; i <= 120; ++i) {
        const qint64 t = T0 + i * 30000;
        if (i == 60) {
            used.points.append(EnvelopePoint::gap(t));
            continue;
        }
        const double v = 1048576.0 * (1.5 + 0.5 * std::sin(i / 10.0));
        used.points.append(EnvelopePoint{t, v * 0.95, v, v * 1.05});
    }
    ChartSeries actual;
    actual.key = QStringLiteral("actual");
    actual.name = QStringLiteral("Actual");
    actual.colour = QColor(0xe6, 0x51, 0x00);
    actual.step = true;
    actual.points = {EnvelopePoint{T0, 4194304, 4194304, 4194304},
                     EnvelopePoint{T0 + 3600000, 4194304, 4194304, 4194304}};
    chart.series = {used, actual};
    chart.markers = {ChartMarker{T0 + 1800000, QStringLiteral("balloon → 3.0 GiB"),
                                 QStringLiteral("balloon_target")}};
    return chart;
}

int pixelsNear(const QImage &image, const QColor &colour) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) < 24 &&
                std::abs(c.green() - colour.green()) < 24 &&
                std::abs(c.blue() - colour.blue()) < 24)
                ++n;
        }
    }
    return n;
}

} // namespace

class TestChartExporters : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void pngDecodesAtTheRequestedSizeAndDpi_data() {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<int>("dpi");
        QTest::newRow("1600x900 at 144") << QSize(1600, 900) << 144;
        QTest::newRow("800x400 at 96") << QSize(800, 400) << 96;
        QTest::newRow("3000x1200 at 300") << QSize(3000, 1200) << 300;
    }
    void pngDecodesAtTheRequestedSizeAndDpi() {
        QFETCH(QSize, size);
        QFETCH(int, dpi);
        const QString path = m_dir.filePath(QStringLiteral("chart-%1.png").arg(dpi));
        const Status written = ImageExporter::writePng(sampleChart(), path, {size, dpi});
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        QImageReader reader(path);
        QCOMPARE(reader.format(), QByteArray("png"));
        const QImage image = reader.read();
        QVERIFY2(!image.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(image.size(), size);
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), dpi);
        // The series was drawn: its colour covers a fair share of the picture, the line being
        // as many points thick at any DPI.
        QVERIFY(pixelsNear(image, UsedColour) > size.width() / 4);
    }

    void fontsScaleWithTheDpi() {
        // The same pixels at twice the DPI: text and lines twice as large, so less room for
        // the plot, which then takes fewer pixels of the series colour per column.
        const QImage low = ImageExporter::render(sampleChart(), {QSize(1200, 600), 72});
        const QImage high = ImageExporter::render(sampleChart(), {QSize(1200, 600), 288});
        QVERIFY(pixelsNear(high, UsedColour) > pixelsNear(low, UsedColour));
    }

    void svgParsesAndHasTheSeriesPath() {
        const QString path = m_dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY(SvgExporter::write(sampleChart(), path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int paths = 0;
        int usedStrokes = 0;
        bool sawTitle = false;
        QString width;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"svg")
                width = xml.attributes().value(QStringLiteral("width")).toString();
            if (xml.name() == u"title")
                sawTitle = xml.readElementText() == QStringLiteral("Memory of web-01");
            if (xml.name() == u"path") {
                ++paths;
                // QSvgGenerator puts the pen on the enclosing <g>.
            }
            if (xml.name() == u"g" &&
                xml.attributes().value(QStringLiteral("stroke")) == u"#1565c0")
                ++usedStrokes;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(sawTitle);
        QVERIFY2(width.startsWith(QStringLiteral("317")),
                 qPrintable(width)); // 1200 px at 96 dpi, mm
        QVERIFY(paths >= 3);
        QVERIFY(usedStrokes >= 1);
    }

    void pdfHasTheChartAsText() {
        const QString path = m_dir.filePath(QStringLiteral("chart.pdf"));
        QVERIFY(PdfChartExporter::write(sampleChart(), path).ok());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        QCOMPARE(text.exitCode(), 0);
        const QString out = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("Memory of web-01")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("balloon → 3.0 GiB")));
        QVERIFY(out.contains(QStringLiteral("Memory (GiB)")));
    }

    void emptyChartSaysSo() {
        ChartData chart = sampleChart();
        for (ChartSeries &s : chart.series)
            s.points.clear();
        const QString path = m_dir.filePath(QStringLiteral("empty.pdf"));
        QVERIFY(PdfChartExporter::write(chart, path).ok());
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString out = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY(out.contains(QStringLiteral("Nothing was recorded in this range.")));
        QVERIFY(out.contains(QStringLiteral("Used (no data)")));
    }

    void fileNamesAreSafe() {
        ChartData chart = sampleChart();
        chart.provenance.guestName = QStringLiteral("web/01 prod");
        const QString name = suggestedChartFileName(chart);
        QVERIFY(!name.contains(QLatin1Char('/')));
        QVERIFY(!name.contains(QLatin1Char(' ')));
        QVERIFY(name.startsWith(QStringLiteral("web-01-prod-memory-")));
    }

    void unwritablePathIsAnError() {
        const Status s = ImageExporter::writePng(
            sampleChart(), QStringLiteral("/nonexistent-dir/chart.png"), {QSize(100, 100), 96});
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, Error::Kind::Io);
    }
};

BS_PAINT_TEST_MAIN(TestChartExporters)
#include "tst_chartexporters.moc"
