#include "ReportCommand.h"

#include "ExitCodes.h"
#include "HistoryQueries.h"
#include "report/ReportJob.h"

#include <QFileInfo>

namespace bs::cli {

namespace {

std::optional<ReportSections> parseSections(const QString &text) {
    ReportSections sections;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString key = part.trimmed();
        if (key == QLatin1String("cover"))
            sections |= ReportSection::Cover;
        else if (key == QLatin1String("host"))
            sections |= ReportSection::HostSummary;
        else if (key == QLatin1String("guests"))
            sections |= ReportSection::Guests;
        else
            return std::nullopt;
    }
    if (!(sections & (ReportSection::HostSummary | ReportSection::Guests)))
        return std::nullopt; // a cover alone says nothing
    return sections;
}

} // namespace

QString ReportCommand::summary() const {
    return tr("Write a PDF report of a host's guests over a time range from the history: cover, "
              "host summary, and per guest a chart and min/avg/p95/max. No display needed.");
}

int ReportCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    HistoryArguments history;
    history.addTo(parser, QStringLiteral("24h"));
    const QCommandLineOption outFile(QStringLiteral("out"), tr("The PDF file to write."),
                                     QStringLiteral("FILE.pdf"));
    const QCommandLineOption domains(
        QStringLiteral("domains"),
        tr("Comma-separated guests (names or UUIDs; default every guest with data in range)."),
        QStringLiteral("LIST"));
    const QCommandLineOption sections(
        QStringLiteral("sections"),
        tr("Comma-separated sections: cover, host, guests (default all three)."),
        QStringLiteral("LIST"), QStringLiteral("cover,host,guests"));
    const QCommandLineOption title(QStringLiteral("title"),
                                   tr("The host's name on the report (default from the URI)."),
                                   QStringLiteral("NAME"));
    parser.addOptions({outFile, domains, sections, title});
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;
    if (!history.read(parser))
        return ExitUsage;
    if (!parser.isSet(outFile) ||
        !parser.value(outFile).endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        err() << tr("Give the PDF to write with --out FILE.pdf.") << Qt::endl;
        return ExitUsage;
    }
    const auto chosen = parseSections(parser.value(sections));
    if (!chosen) {
        err() << tr("--sections takes cover, host and guests, with host or guests among them, "
                    "not \"%1\".")
                     .arg(parser.value(sections))
              << Qt::endl;
        return ExitUsage;
    }

    const auto store = history.openStore();
    if (!store)
        return ExitFailure;
    ReportRequest request;
    request.hostId = history.hostId;
    request.hostName = parser.value(title);
    request.fromMs = history.fromMs;
    request.toMs = history.toMs;
    request.rangeLabel = history.rangeLabel;
    request.sections = *chosen;
    for (const QString &d : parser.value(domains).split(QLatin1Char(','), Qt::SkipEmptyParts))
        request.guests.append(d.trimmed());

    ReportJob job(store.get());
    QEventLoop loop;
    int exitCode = ExitOk;
    QObject::connect(&job, &ReportJob::finished, &loop, [&](const QString &path, int pages) {
        const ReportData &data = job.data();
        out() << tr("Wrote %1: %2 pages, %3 guests.")
                     .arg(QFileInfo(path).absoluteFilePath())
                     .arg(pages)
                     .arg(data.guests.size())
              << Qt::endl;
        if (!data.notFound.isEmpty()) {
            err() << tr("Not in the history of %1: %2")
                         .arg(request.hostId, data.notFound.join(QStringLiteral(", ")))
                  << Qt::endl;
            exitCode = ExitNotAllGood;
        }
        loop.quit();
    });
    QObject::connect(&job, &ReportJob::failed, &loop, [&](const Error &error) {
        err() << error.message << Qt::endl;
        exitCode = error.kind == Error::Kind::NotFound ? ExitNotAllGood : ExitFailure;
        loop.quit();
    });
    job.start(request, parser.value(outFile));
    loop.exec();
    return exitCode;
}

} // namespace bs::cli
