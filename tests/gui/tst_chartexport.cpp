#include "TestMain.h"
#include "charts/LiveChart.h"
#include "history/EnvelopeChart.h"
#include "mainwindow/MainWindow.h"
#include "report/ChartExport.h"
#include "report/ChartExportDialog.h"
#include "report/ChartStyle.h"
#include "report/DataExport.h"
#include "report/ReportFeature.h"
#include "report/SvgExporter.h"
#include "workbench/Workbench.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <qcustomplot.h>

using namespace bs;
using namespace bs::gui;
using LiveMetric = bs::Metric;

// The chart actions: the live chart exports exactly the points it shows (ChartExportSource),
// the export dialog writes valid files of the size asked for, "Copy Chart" puts a picture on the
// clipboard, and MainWindow has the actions in its File menu and the chart's context menu.
namespace {

PollCycle cycleAt(qint64 timeMs, bool fresh, quint64 unused) {
    MemorySample s;
    s.hostId = QStringLiteral("h");
    s.uuid = QStringLiteral("u");
    s.name = QStringLiteral("web");
    s.timeMs = timeMs;
    s.state = DomainState::Running;
    s.freshReport = fresh;
    s.statsState = StatsState::Reporting;
    s.stats.actual = 1048576;
    s.stats.rss = 200000;
    if (fresh) {
        s.stats.available = 1000000;
        s.stats.unused = unused;
        s.stats.usable = 500000;
    }
    PollCycle c;
    c.hostId = s.hostId;
    c.timeMs = timeMs;
    c.samples = {s};
    return c;
}

// The unit a chart's value axis reads in: on screen (the plot's axis label) or in a file (the
// SVG's axis title).
QString unitIn(const QString &text) {
    const bool gib = text.contains(QLatin1String("(GiB)"));
    const bool mib = text.contains(QLatin1String("(MiB)"));
    return gib == mib ? QStringLiteral("?") : gib ? QStringLiteral("GiB") : QStringLiteral("MiB");
}

QString exportedUnit(const ChartData &data) {
    return unitIn(QString::fromUtf8(SvgExporter::render(data)));
}

} // namespace

class TestChartExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void liveChartExportsWhatItShows() {
        RecentSeries recent;
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 120000;
        for (int i = 0; i < 24; ++i)
            recent.add(cycleAt(t0 + i * 5000, i % 2 == 0, 400000 + quint64(i) * 1000), 5);
        LiveChart chart(&recent);
        chart.resize(900, 400);
        chart.show();
        QCOMPARE(chart.exportChart().series.size(), 0); // no guest: nothing to export
        chart.showGuest(QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("web"));
        QTRY_COMPARE(chart.pointCount(LiveMetric::Actual), 24);

        ChartData data = chart.exportChart();
        QCOMPARE(data.title, QStringLiteral("Memory of web"));
        QCOMPARE(data.provenance.source, QStringLiteral("live"));
        QCOMPARE(data.provenance.guestName, QStringLiteral("web"));
        QCOMPARE(data.series.size(), RecentSeries::SeriesCount);
        QCOMPARE(data.series[0].key, QStringLiteral("used"));
        // The x range on screen, and in it exactly the recent points.
        QCOMPARE(data.fromMs, qint64(std::llround(chart.plot()->xAxis->range().lower * 1000)));
        for (int m = 0; m < RecentSeries::SeriesCount; ++m) {
            QList<EnvelopePoint> expected;
            for (const auto &p : recent.series(QStringLiteral("h"), QStringLiteral("u"),
                                               RecentSeries::Metrics[size_t(m)])) {
                if (p.timeMs >= data.fromMs && p.timeMs <= data.toMs)
                    expected.append(EnvelopePoint{p.timeMs, p.kib, p.kib, p.kib});
            }
            QCOMPARE(data.series[m].points, expected);
        }
        QCOMPARE(data.series[0].points.size(), 12); // fresh reports only
        QCOMPARE(data.series[0].points.last().avg, 1000000.0 - 422000.0);

        // A series hidden from the legend is left out.
        chart.plot()->graph(RecentSeries::indexOf(LiveMetric::Rss))->setVisible(false);
        data = chart.exportChart();
        QCOMPARE(data.series.size(), RecentSeries::SeriesCount - 1);
        for (const ChartSeries &s : std::as_const(data.series))
            QVERIFY(s.key != u"rss");

        // The CSV holds the same points, one column per field (live points are single polls).
        const QStringList lines = QString::fromUtf8(CsvExporter::chart(data))
                                      .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(),
                 QStringLiteral("time,t_ms,used,used_excluding_cache,actual,available,gaps"));
        QCOMPARE(lines.size(), 1 + 24);
        QVERIFY(lines[23].contains(QStringLiteral(",578000,"))); // the last used value (i = 22)
    }

    // The exported file's value axis reads in the unit the screen shows, for the same data: a
    // 3 GiB guest is MiB on screen (Auto: GiB from 4 GiB) and was GiB in files (their rule
    // switched at 2 GiB); the user's choice of GiB reaches the file too. Live and History charts.
    void exportedAxisMatchesTheScreen() {
        constexpr quint64 ThreeGiB = 3 * units::KiBPerGiB;
        RecentSeries recent;
        const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 60000;
        for (int i = 0; i < 12; ++i) {
            PollCycle c = cycleAt(t0 + i * 5000, true, 400000);
            c.samples[0].stats.actual = ThreeGiB;
            recent.add(c, 5);
        }
        LiveChart live(&recent);
        live.resize(900, 400);
        live.show();
        live.showGuest(QStringLiteral("h"), QStringLiteral("u"), QStringLiteral("web"));
        QTRY_COMPARE(live.pointCount(LiveMetric::Actual), 12);
        const auto liveScreen = [&] {
            return unitIn(live.plot()->yAxis->label());
        };
        QTRY_COMPARE(liveScreen(), QStringLiteral("MiB"));
        QCOMPARE(exportedUnit(live.exportChart()), QStringLiteral("MiB"));
        live.setUnit(units::SizeUnit::GiB);
        QTRY_COMPARE(liveScreen(), QStringLiteral("GiB"));
        QCOMPARE(exportedUnit(live.exportChart()), QStringLiteral("GiB"));

        ChartSeries actual;
        actual.key = QStringLiteral("guest:u");
        actual.name = QStringLiteral("web");
        actual.colour = Qt::darkGreen;
        for (int i = 0; i < 12; ++i)
            actual.points.append(
                EnvelopePoint{t0 + i * 5000, double(ThreeGiB), double(ThreeGiB), double(ThreeGiB)});
        EnvelopeChart history;
        history.resize(900, 400);
        history.show();
        history.setTimeRange(t0, t0 + 60000);
        history.setSeries({actual}, 5000);
        history.replotNow();
        QCOMPARE(unitIn(history.plot()->yAxis->label()), QStringLiteral("MiB"));
        QCOMPARE(exportedUnit(history.exportChart()), QStringLiteral("MiB"));
        history.setUnit(units::SizeUnit::GiB);
        history.replotNow();
        QCOMPARE(unitIn(history.plot()->yAxis->label()), QStringLiteral("GiB"));
        QCOMPARE(exportedUnit(history.exportChart()), QStringLiteral("GiB"));
    }

    void exportDialogWritesValidFiles() {
        ChartData data;
        data.title = QStringLiteral("Memory of web");
        data.fromMs = 1735689600000;
        data.toMs = data.fromMs + 600000;
        ChartSeries used = metricSeries(Metric::Used);
        for (int i = 0; i <= 60; ++i)
            used.points.append(EnvelopePoint{data.fromMs + i * 10000, 5e5, 6e5 + i * 1000, 7e5});
        data.series = {used};

        ChartExportDialog dialog(data);
        dialog.setPath(m_dir.filePath(QStringLiteral("chart.png")));
        QCOMPARE(dialog.format(), ChartExportDialog::Format::Png);
        dialog.setSize(QSize(1200, 500), 120);
        QVERIFY(dialog.write());
        const QImage image(m_dir.filePath(QStringLiteral("chart.png")));
        QCOMPARE(image.size(), QSize(1200, 500));
        QCOMPARE(qRound(image.dotsPerMeterY() * 0.0254), 120);

        dialog.setPath(m_dir.filePath(QStringLiteral("chart.svg")));
        QCOMPARE(dialog.format(), ChartExportDialog::Format::Svg);
        QVERIFY(dialog.write());
        QFile svg(m_dir.filePath(QStringLiteral("chart.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svg);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY(!xml.hasError());

        dialog.setPath(QStringLiteral("/nonexistent-dir/chart.pdf"));
        QVERIFY(!dialog.write()); // the dialog stays open with the reason
    }

    void copyPutsAPictureOnTheClipboard() {
        ChartData data;
        data.title = QStringLiteral("Memory of web");
        data.fromMs = 1735689600000;
        data.toMs = data.fromMs + 600000;
        data.series = {metricSeries(Metric::Used)};
        data.series[0].points = {EnvelopePoint{data.fromMs, 1e6, 1e6, 1e6},
                                 EnvelopePoint{data.toMs, 2e6, 2e6, 2e6}};
        ChartExport::copyToClipboard(data, QSize(800, 450), 96);
        QCOMPARE(QGuiApplication::clipboard()->image().size(), QSize(800, 450));
    }

    void mainWindowHasTheActions() {
        QSettings settings(m_dir.filePath(QStringLiteral("w.ini")), QSettings::IniFormat);
        MainWindow window(settings);
        window.show();
        QVERIFY(window.features().report);
        QMenu *file = window.menuBar()->actions().first()->menu();
        QStringList texts;
        for (const QAction *a : file->actions())
            texts.append(a->text());
        const int report = int(texts.indexOf(window.features().report->reportAction()->text()));
        const int quit = int(texts.indexOf(QStringLiteral("&Quit")));
        QVERIFY(texts.contains(window.features().report->exportChartAction()->text()));
        QVERIFY(texts.contains(window.features().report->exportDataAction()->text()));
        QVERIFY(texts.contains(window.features().report->copyChartAction()->text()));
        QVERIFY(report > 0 && report < quit);
        // The live chart is the chart the File menu exports, and has the actions itself.
        QWidget *widget = nullptr;
        QCOMPARE(window.features().report->currentChart(&widget),
                 static_cast<const ChartExportSource *>(window.workbench()->liveChart()));
        QCOMPARE(widget, static_cast<QWidget *>(window.workbench()->liveChart()));
        QCOMPARE(window.workbench()->liveChart()->contextMenuPolicy(), Qt::ActionsContextMenu);
        QCOMPARE(window.workbench()->liveChart()->actions().size(), 3);
    }
};

BS_GUI_TEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
