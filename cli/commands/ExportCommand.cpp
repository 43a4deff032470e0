#include "ExportCommand.h"

#include "ExitCodes.h"
#include "HistoryOutput.h"
#include "HistoryQueries.h"
#include "report/DataExport.h"
#include "report/HistoryChart.h"
#include "report/ImageExporter.h"
#include "report/PdfChartExporter.h"
#include "report/SaveFile.h"
#include "report/SvgExporter.h"

#include <QFileInfo>

namespace bs::cli {

namespace {

const QString DefaultRange = QStringLiteral("1h");

enum class Format { Csv, Json, Png, Svg, Pdf };

std::optional<Format> formatOf(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    if (suffix == QLatin1String("json"))
        return Format::Json;
    if (suffix == QLatin1String("png"))
        return Format::Png;
    if (suffix == QLatin1String("svg"))
        return Format::Svg;
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    return std::nullopt;
}

std::optional<int> intIn(const QString &text, int lo, int hi) {
    bool ok = false;
    const int v = text.toInt(&ok);
    return ok && v >= lo && v <= hi ? std::optional<int>(v) : std::nullopt;
}

} // namespace

QString ExportCommand::summary() const {
    return tr("Export a guest's memory chart (PNG, SVG, PDF) or the data behind it (CSV, JSON: "
              "the chart's points, or every raw poll with --raw) from the history.");
}

QList<CommandOption> ExportCommand::options() const {
    QStringList metricKeys;
    for (Metric m : allMetrics())
        metricKeys.append(metricKey(m));
    return HistoryArguments(DefaultRange).options() +
           QList<CommandOption>{
               QCommandLineOption(QStringLiteral("domain"),
                                  tr("The guest: its UUID, or a name it has or had."),
                                  QStringLiteral("NAME|UUID")),
               CommandOption(
                   QCommandLineOption(QStringLiteral("out"),
                                      tr("The file to write; its extension picks the format."),
                                      QStringLiteral("FILE.(csv|json|png|svg|pdf)")))
                   .file({QStringLiteral("csv"), QStringLiteral("json"), QStringLiteral("png"),
                          QStringLiteral("svg"), QStringLiteral("pdf")}),
               QCommandLineOption(QStringLiteral("raw"),
                                  tr("CSV/JSON: every recorded poll with all its fields instead "
                                     "of the chart's points.")),
               QCommandLineOption(QStringLiteral("points"),
                                  tr("Buckets of the chart query (default: the image width, so "
                                     "CSV/JSON hold the points a PNG of the same options draws)."),
                                  QStringLiteral("N")),
               CommandOption(
                   QCommandLineOption(QStringLiteral("metric"),
                                      tr("Comma-separated metrics (default "
                                         "used,used_excluding_cache,actual,available)."),
                                      QStringLiteral("LIST"),
                                      QStringLiteral("used,used_excluding_cache,actual,available")))
                   .listOf(metricKeys),
               QCommandLineOption(QStringLiteral("width"), tr("Image width in pixels (1600)."),
                                  QStringLiteral("PX"), QStringLiteral("1600")),
               QCommandLineOption(QStringLiteral("height"), tr("Image height in pixels (900)."),
                                  QStringLiteral("PX"), QStringLiteral("900")),
               QCommandLineOption(QStringLiteral("dpi"),
                                  tr("PNG resolution: fonts and lines are sized for it (144)."),
                                  QStringLiteral("N"), QStringLiteral("144")),
           };
}

QStringList ExportCommand::synopses() const {
    return {QStringLiteral("(--host URI | --demo) --domain NAME|UUID [--range DURATION | --from "
                           "ISO [--to ISO]] --out FILE [--db FILE] [--raw] [--points N] "
                           "[--metric LIST] [--width PX] [--height PX] [--dpi N]")};
}

QList<UsageExample> ExportCommand::examples() const {
    return {{QStringLiteral("export --host qemu:///system --domain web-01 --range 1h --out "
                            "web-01.png"),
             tr("A guest's last hour as the chart the window draws.")},
            {QStringLiteral("export --host qemu:///system --domain web-01 --range 1d --raw --out "
                            "web-01.csv"),
             tr("Every poll of the last day, with all its fields, as CSV.")}};
}

QList<ExitStatusDoc> ExportCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk),
            ExitCodes::describe(ExitNotAllGood, tr("The guest is not in the history of the "
                                                   "host.")),
            ExitCodes::describe(ExitUsage), ExitCodes::describe(ExitFailure)};
}

int ExportCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;
    HistoryArguments history(DefaultRange);
    if (!history.read(parser))
        return ExitUsage;
    const QString domain = QStringLiteral("domain");
    if (!parser.isSet(domain)) {
        err() << tr("Give the guest with --domain NAME|UUID.") << Qt::endl;
        return ExitUsage;
    }
    const QString path = parser.value(QStringLiteral("out"));
    const auto format = formatOf(path);
    if (!format) {
        err() << tr("Give the file to write with --out; it must end in .csv, .json, .png, .svg "
                    "or .pdf.")
              << Qt::endl;
        return ExitUsage;
    }
    const bool rawSamples = parser.isSet(QStringLiteral("raw"));
    if (rawSamples && *format != Format::Csv && *format != Format::Json) {
        err() << tr("--raw exports data: use it with .csv or .json.") << Qt::endl;
        return ExitUsage;
    }
    const auto w = intIn(parser.value(QStringLiteral("width")), 16, ImageExporter::MaxSidePx);
    const auto h = intIn(parser.value(QStringLiteral("height")), 16, ImageExporter::MaxSidePx);
    const auto d =
        intIn(parser.value(QStringLiteral("dpi")), ImageExporter::MinDpi, ImageExporter::MaxDpi);
    if (!w || !h || !d) {
        err() << tr("--width and --height take 16 to %1 pixels, --dpi %2 to %3.")
                     .arg(ImageExporter::MaxSidePx)
                     .arg(ImageExporter::MinDpi)
                     .arg(ImageExporter::MaxDpi)
              << Qt::endl;
        return ExitUsage;
    }
    const QString points = QStringLiteral("points");
    const auto n = parser.isSet(points) ? intIn(parser.value(points), 1, 100000) : w;
    if (!n) {
        err() << tr("--points must be 1 to 100000, not \"%1\".").arg(parser.value(points))
              << Qt::endl;
        return ExitUsage;
    }
    QList<Metric> metrics;
    for (const QString &key :
         parser.value(QStringLiteral("metric")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const auto m = metricFromKey(key.trimmed());
        if (!m) {
            err() << tr("Unknown metric \"%1\".").arg(key) << Qt::endl;
            return ExitUsage;
        }
        metrics.append(*m);
    }
    if (metrics.isEmpty()) {
        err() << tr("--metric names no metric.") << Qt::endl;
        return ExitUsage;
    }

    const auto store = history.openReader();
    if (!store)
        return ExitFailure;
    Error error;
    const auto guests = awaitAnswer<QList<GuestInfo>>(*store, store->queryGuests(history.hostId),
                                                      &HistoryReader::guestsReady, &error);
    if (!guests) {
        err() << error.message << Qt::endl;
        return ExitFailure;
    }
    const GuestMatch match = findGuest(*guests, parser.value(domain));
    if (!match.error.isEmpty()) {
        err() << match.error << Qt::endl;
        if (guests->isEmpty() && !history.demoHint().isEmpty())
            err() << history.demoHint() << Qt::endl;
        return match.ambiguous ? ExitUsage : ExitNotAllGood;
    }

    Status written = Status::success();
    if (rawSamples) {
        const auto result = awaitAnswer<SampleResult>(
            *store,
            store->querySamples(
                SampleRequest{history.hostId, {match.guest.uuid}, history.fromMs, history.toMs}),
            &HistoryReader::samplesReady, &error);
        if (!result || result->guests.isEmpty()) {
            err() << error.message << Qt::endl;
            return ExitFailure;
        }
        if (!result->note.isEmpty())
            err() << result->note << Qt::endl;
        if (result->rawFromMs > history.fromMs) {
            err()
                << tr("Raw polls before %1 were rolled up: the export starts there.")
                       .arg(QDateTime::fromMSecsSinceEpoch(result->rawFromMs).toString(Qt::ISODate))
                << Qt::endl;
        }
        const RawSamples samples{history.hostId,           match.guest.uuid, match.guest.name,
                                 history.fromMs,           history.toMs,     result->rawFromMs,
                                 result->guests[0].samples};
        written = saveFile(path, *format == Format::Csv ? CsvExporter::samples(samples)
                                                        : JsonExporter::samples(samples));
    } else {
        const auto series = awaitAnswer<SeriesResult>(
            *store,
            store->querySeries(SeriesRequest{
                history.hostId, {match.guest.uuid}, metrics, history.fromMs, history.toMs, *n}),
            &HistoryReader::seriesReady, &error);
        const auto events = awaitAnswer<QList<HistoryEvent>>(
            *store,
            store->queryEvents(
                EventRequest{history.hostId, {match.guest.uuid}, history.fromMs, history.toMs, {}}),
            &HistoryReader::eventsReady, &error);
        if (!series || !events) {
            err() << error.message << Qt::endl;
            return ExitFailure;
        }
        if (!series->note.isEmpty())
            err() << series->note << Qt::endl;
        ChartData chart =
            HistoryChart::fromSeries(*series, {history.hostId, match.guest.uuid, match.guest.name},
                                     history.fromMs, history.toMs, *events);
        chart.subtitle = HistoryChart::subtitle(history.hostId, history.fromMs, history.toMs);
        switch (*format) {
        case Format::Csv:
            written = saveFile(path, CsvExporter::chart(chart));
            break;
        case Format::Json:
            written = saveFile(path, JsonExporter::chart(chart));
            break;
        case Format::Png:
            written = ImageExporter::writePng(chart, path, ImageOptions{QSize(*w, *h), *d});
            break;
        case Format::Svg:
            written = SvgExporter::write(chart, path, SvgOptions{QSize(*w, *h)});
            break;
        case Format::Pdf:
            written = PdfChartExporter::write(chart, path);
            break;
        }
    }
    if (!written) {
        err() << written.error().message << Qt::endl;
        return ExitFailure;
    }
    out() << tr("Wrote %1.").arg(QFileInfo(path).absoluteFilePath()) << Qt::endl;
    return ExitOk;
}

} // namespace bs::cli
