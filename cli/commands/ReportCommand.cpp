#include "ReportCommand.h"

#include "ExitCodes.h"
#include "HistoryQueries.h"
#include "report/ReportJob.h"

#include <QFileInfo>

namespace bs::cli {

namespace {

const QString DefaultRange = QStringLiteral("24h");

std::optional<ReportSections> parseSections(const QString &text) {
    ReportSections sections;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString key = part.trimmed();
        if (key == QLatin1String("cover"))
            sections |= ReportSection::Cover;
        else if (key == QLatin1String("host"))
            sections |= ReportSection::HostSummary;
        else if (key == QLatin1String("sizing"))
            sections |= ReportSection::Sizing;
        else if (key == QLatin1String("policies"))
            sections |= ReportSection::Policies;
        else if (key == QLatin1String("guests"))
            sections |= ReportSection::Guests;
        else
            return std::nullopt;
    }
    if (!(sections & (ReportSection::HostSummary | ReportSection::Sizing | ReportSection::Policies |
                      ReportSection::Guests)))
        return std::nullopt; // a cover alone says nothing
    return sections;
}

} // namespace

QString ReportCommand::summary() const {
    return tr("Write a PDF report of a host's guests over a time range from the history: cover, "
              "host summary, sizing advice, the balloon policies replayed, and per guest a chart "
              "and min/avg/p95/max. No display needed.");
}

QList<CommandOption> ReportCommand::options() const {
    return HistoryArguments(DefaultRange).options() +
           QList<CommandOption>{
               CommandOption(QCommandLineOption(QStringLiteral("out"), tr("The PDF file to write."),
                                                QStringLiteral("FILE.pdf")))
                   .file({QStringLiteral("pdf")}),
               QCommandLineOption(QStringLiteral("domains"),
                                  tr("Comma-separated guests (names or UUIDs; default every guest "
                                     "with data in range)."),
                                  QStringLiteral("LIST")),
               CommandOption(
                   QCommandLineOption(QStringLiteral("sections"),
                                      tr("Comma-separated sections: cover, host, sizing (the "
                                         "balanced advice over the 14 days up to the report's "
                                         "end), policies (MOM, Proxmox and Balloonscope replayed "
                                         "over the range), guests (default all five)."),
                                      QStringLiteral("LIST"),
                                      QStringLiteral("cover,host,sizing,policies,guests")))
                   .listOf({QStringLiteral("cover"), QStringLiteral("host"),
                            QStringLiteral("sizing"), QStringLiteral("policies"),
                            QStringLiteral("guests")}),
               QCommandLineOption(QStringLiteral("title"),
                                  tr("The host's name on the report (default from the URI)."),
                                  QStringLiteral("NAME")),
           };
}

QStringList ReportCommand::synopses() const {
    return {QStringLiteral("(--host URI | --demo) [--range DURATION | --from ISO [--to ISO]] "
                           "--out FILE.pdf [--db FILE] [--domains LIST] [--sections LIST] "
                           "[--title NAME]")};
}

QList<UsageExample> ReportCommand::examples() const {
    return {{QStringLiteral("report --host qemu+ssh://root@kvm1/system --range 24h --out kvm1.pdf"),
             tr("The last day of a host's guests as a PDF report, from cron.")},
            {QStringLiteral("--lang zh_CN report --demo --range 1h --sections host,guests --out "
                            "demo.pdf"),
             tr("The demo host's last hour in Chinese, without the cover.")}};
}

QList<ExitStatusDoc> ReportCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk),
            ExitCodes::describe(ExitNotAllGood, tr("Nothing in range, or a guest of --domains is "
                                                   "not in the history (the rest is written).")),
            ExitCodes::describe(ExitUsage), ExitCodes::describe(ExitFailure)};
}

int ReportCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;
    HistoryArguments history(DefaultRange);
    if (!history.read(parser))
        return ExitUsage;
    const QString outFile = QStringLiteral("out");
    const QString sections = QStringLiteral("sections");
    if (!parser.isSet(outFile) ||
        !parser.value(outFile).endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        err() << tr("Give the PDF to write with --out FILE.pdf.") << Qt::endl;
        return ExitUsage;
    }
    const auto chosen = parseSections(parser.value(sections));
    if (!chosen) {
        err() << tr("--sections takes cover, host, sizing, policies and guests, with host, "
                    "sizing, policies or guests among them, not \"%1\".")
                     .arg(parser.value(sections))
              << Qt::endl;
        return ExitUsage;
    }

    const auto store = history.openReader();
    if (!store)
        return ExitFailure;
    ReportRequest request;
    request.hostId = history.hostId;
    request.hostName = parser.value(QStringLiteral("title"));
    request.fromMs = history.fromMs;
    request.toMs = history.toMs;
    request.rangeLabel = history.rangeLabel;
    request.sections = *chosen;
    for (const QString &d :
         parser.value(QStringLiteral("domains")).split(QLatin1Char(','), Qt::SkipEmptyParts))
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
        if (error.kind == Error::Kind::NotFound && !history.demoHint().isEmpty())
            err() << history.demoHint() << Qt::endl;
        loop.quit();
    });
    job.start(request, parser.value(outFile));
    loop.exec();
    return exitCode;
}

} // namespace bs::cli
