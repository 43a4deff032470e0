#include "ReportPages.h"

#include "ReportText.h"
#include "common/Units.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace bs {

namespace {

using Columns = TableColumns::Column;
constexpr auto Right = Qt::AlignRight;

CardsElement::Card ratioCard(const QString &label, const FigureStats &sum,
                             std::optional<quint64> total, const QString &what) {
    CardsElement::Card card;
    card.label = label;
    if (!sum.valid()) {
        card.value = ReportText::notRecorded();
        card.missing = true;
        return card;
    }
    if (total && *total > 0) {
        card.value = ReportText::ratio(sum.max / double(*total));
        card.note = ReportPages::tr("%1 %2 at its peak, of %3 host memory; average %4")
                        .arg(what, ReportText::memoryWithUnit(sum.max),
                             ReportText::memoryWithUnit(double(*total)),
                             ReportText::memoryWithUnit(sum.avg));
    } else {
        card.value = ReportText::memoryWithUnit(sum.max);
        card.note = ReportPages::tr("%1 at its peak; the host memory size is not recorded, so "
                                    "no ratio")
                        .arg(what);
    }
    return card;
}

double largestUsed(const QList<GuestReport> &guests) {
    double m = 0;
    for (const GuestReport &g : guests) {
        if (g.used.valid())
            m = std::max(m, g.used.max);
        if (g.actual.valid())
            m = std::max(m, g.actual.max);
    }
    return m;
}

} // namespace

QStringList ReportPages::readingNotes() {
    return {
        tr("Memory figures are in binary units (1 GiB = 1024 MiB = 1,048,576 KiB), as libvirt "
           "reports them."),
        tr("Used = available − unused, as the guest itself reports it (page cache counts as "
           "used); used excl. cache = available − usable (MemAvailable). Used % is used as a share "
           "of the guest's own total (available). Actual is the balloon size: what the host "
           "currently gives the guest."),
        tr("Min, avg, p95 and max are over every raw poll of the range that brought a fresh "
           "guest report, or over one-minute averages where raw polls are no longer kept; each "
           "guest says which. P95: 95 % of the values are at or below it (nearest rank)."),
        tr("Stats coverage is the share of the range in which the guest's own statistics were "
           "fresh (the host saw its reports advance). Readiness is the host-side verdict recorded "
           "with the last poll in which the guest ran."),
        tr("Charts: the line is the average per bucket, the shaded band its minimum to maximum; "
           "a break is a gap (the guest was off, nothing was recorded, or its statistics were "
           "missing). Dashed lines mark events."),
    };
}

ElementList ReportPages::host(const ReportData &data) {
    const HostReport &h = data.host;
    ElementList out;
    auto title = std::make_shared<HeadingElement>(tr("Host summary"), 1, data.hostName);
    title->pageBreakBefore = true;
    title->anchor = hostAnchor();
    out.append(title);

    CardsElement::Card memory{tr("Host memory"),
                              h.totalKiB ? ReportText::memoryWithUnit(double(*h.totalKiB))
                                         : ReportText::notRecorded(),
                              h.totalKiB ? tr("as libvirt's node info reports it")
                                         : tr("the host's size was not recorded in this range"),
                              !h.totalKiB};
    CardsElement::Card ksm{tr("KSM saved"), ReportText::notRecorded(), h.hostSamplesMissing, true};
    if (h.hostSamplesRecorded && h.ksmSavedKiB.valid()) {
        ksm.value = ReportText::memoryWithUnit(h.ksmSavedKiB.avg);
        ksm.note = tr("on average; at most %1").arg(ReportText::memoryWithUnit(h.ksmSavedKiB.max));
        ksm.missing = false;
    }
    out.append(std::make_shared<CardsElement>(QList<CardsElement::Card>{
        memory, ratioCard(tr("Overcommit"), h.sumMaximum, h.totalKiB, tr("Σ maximum")),
        ratioCard(tr("Balloon / host"), h.sumActual, h.totalKiB, tr("Σ balloon size")), ksm}));

    const int chartGroup = 1000;
    auto chartTitle = std::make_shared<HeadingElement>(tr("Guests' memory on the host"), 2);
    chartTitle->spaceBeforePt = 14;
    chartTitle->group = chartGroup;
    out.append(chartTitle);
    ChartData guestsChart = h.guestsChart;
    guestsChart.title.clear();
    auto chart = std::make_shared<ChartElement>(guestsChart, 66);
    chart->group = chartGroup;
    out.append(chart);

    auto freeTitle = std::make_shared<HeadingElement>(tr("Host free memory"), 2);
    freeTitle->group = chartGroup + 1;
    freeTitle->spaceBeforePt = 14;
    out.append(freeTitle);
    if (h.hostSamplesRecorded) {
        ChartData freeChart = h.freeMemoryChart;
        freeChart.title.clear(); // the heading above names it
        auto free = std::make_shared<ChartElement>(freeChart, 50);
        free->group = chartGroup + 1;
        out.append(free);
    } else {
        auto missing =
            std::make_shared<PlaceholderElement>(ReportText::notRecorded(), h.hostSamplesMissing);
        missing->group = chartGroup + 1;
        out.append(missing);
    }

    // Every guest in one table, for capacity planning at a glance.
    const ReportText::MemoryUnit unit = ReportText::memoryUnit(largestUsed(data.guests));
    auto columns = std::make_shared<TableColumns>();
    columns->columns = {
        Columns{tr("Guest"), 2.3, Qt::AlignLeft},
        Columns{tr("Used avg (%1)").arg(unit.suffix), 1.05, Right},
        Columns{tr("Used p95 (%1)").arg(unit.suffix), 1.05, Right},
        Columns{tr("Used max (%1)").arg(unit.suffix), 1.05, Right},
        Columns{tr("Used % p95"), 0.95, Right},
        Columns{tr("Balloon (%1)").arg(unit.suffix), 1.45, Right},
        Columns{tr("Stats coverage"), 1.0, Right},
        Columns{tr("Readiness"), 1.55, Qt::AlignLeft},
    };
    auto overview = std::make_shared<HeadingElement>(tr("Guests at a glance"), 2);
    overview->spaceBeforePt = 14;
    overview->group = chartGroup + 2;
    out.append(overview);
    auto header = std::make_shared<TableHeaderElement>(columns);
    header->group = chartGroup + 2;
    out.append(header);
    for (int i = 0; i < data.guests.size(); ++i) {
        const GuestReport &g = data.guests[i];
        const QString balloon = !g.actual.valid() ? ReportText::dash()
                                : g.actual.min == g.actual.max
                                    ? ReportText::memory(g.actual.max, unit)
                                    : tr("%1 – %2").arg(ReportText::memory(g.actual.min, unit),
                                                        ReportText::memory(g.actual.max, unit));
        auto row = std::make_shared<TableRowElement>(
            columns,
            QStringList{g.name, ReportText::memory(g.used.avg, unit),
                        ReportText::memory(g.used.p95, unit), ReportText::memory(g.used.max, unit),
                        ReportText::percent(g.usedPercent.p95), balloon,
                        g.coverage ? ReportText::percent(*g.coverage * 100.0) : ReportText::dash(),
                        verdictName(g.readiness.verdict)},
            i % 2 == 1);
        row->setCellColour(7, ReportText::verdictColour(g.readiness.verdict));
        row->repeatHeader = header;
        if (i < 2)
            row->group = chartGroup + 2; // the table's title never ends a page alone
        out.append(row);
    }
    if (data.guests.isEmpty())
        out.append(std::make_shared<TextElement>(tr("No guest has data in this range."),
                                                 TextElement::Role::Small));
    if (!data.guestsWithoutData.isEmpty()) {
        auto note = std::make_shared<TextElement>(
            tr("No data in this range, left out: %1.")
                .arg(data.guestsWithoutData.join(QStringLiteral(", "))),
            TextElement::Role::Small);
        note->spaceBeforePt = 4;
        out.append(note);
    }
    if (!data.notFound.isEmpty()) {
        auto note =
            std::make_shared<TextElement>(tr("Not in the history of this host: %1.")
                                              .arg(data.notFound.join(QStringLiteral(", "))),
                                          TextElement::Role::Small);
        note->spaceBeforePt = 4;
        out.append(note);
    }
    out += alerts(data);
    return out;
}

ElementList ReportPages::alerts(const ReportData &data) {
    ElementList out;
    const int group = 1100;
    auto title = std::make_shared<HeadingElement>(tr("Alerts in this range"), 2);
    title->spaceBeforePt = 14;
    title->group = group;
    out.append(title);
    if (data.healthEvents.isEmpty()) {
        auto none = std::make_shared<TextElement>(
            tr("No alert was recorded in this range. Alerts are recorded while a Balloonscope "
               "window watches the host (its Alerts page)."),
            TextElement::Role::Small);
        none->group = group;
        out.append(none);
        return out;
    }
    auto columns = std::make_shared<TableColumns>();
    columns->columns = {
        Columns{tr("Time"), 2.6, Qt::AlignLeft},
        Columns{tr("Guest"), 7.4, Qt::AlignLeft},
    };
    auto header = std::make_shared<TableHeaderElement>(columns);
    header->group = group;
    out.append(header);
    // The newest ones when there are many: the table stays a page long at most.
    constexpr int MaxRows = 40;
    const qsizetype first = std::max<qsizetype>(0, data.healthEvents.size() - MaxRows);
    for (qsizetype i = first; i < data.healthEvents.size(); ++i) {
        const HistoryEvent &e = data.healthEvents[i];
        auto row = std::make_shared<TableRowElement>(
            columns,
            QStringList{
                QLocale().toString(QDateTime::fromMSecsSinceEpoch(e.timeMs), QLocale::ShortFormat),
                e.uuid.isEmpty() ? tr("(host)") : e.name},
            (i - first) % 2 == 1);
        row->setNotes({e.description()}); // in full, wrapped under its time and guest
        row->repeatHeader = header;
        if (i - first < 2)
            row->group = group;
        out.append(row);
    }
    if (first > 0) {
        auto note = std::make_shared<TextElement>(
            tr("%n older alert(s) in this range are left out; the History page shows them all as "
               "markers.",
               nullptr, int(first)),
            TextElement::Role::Small);
        note->spaceBeforePt = 4;
        out.append(note);
    }
    return out;
}

ElementList ReportPages::guests(const ReportData &data) {
    ElementList out;
    auto title = std::make_shared<HeadingElement>(
        tr("Guests"), 1,
        tr("Guests in this report: %1").arg(ReportText::count(data.guests.size())));
    title->pageBreakBefore = true;
    title->anchor = guestsAnchor();
    out.append(title);
    auto columns = std::make_shared<TableColumns>();
    columns->columns = {Columns{tr("Figure"), 2.6, Qt::AlignLeft}, Columns{tr("Min"), 1, Right},
                        Columns{tr("Avg"), 1, Right}, Columns{tr("P95"), 1, Right},
                        Columns{tr("Max"), 1, Right}};
    for (int i = 0; i < data.guests.size(); ++i) {
        const GuestReport &g = data.guests[i];
        const int group = i + 1;
        auto add = [&](std::shared_ptr<ReportElement> e, double spaceBeforePt = 0) {
            e->group = group;
            e->spaceBeforePt = spaceBeforePt;
            out.append(e);
        };
        QStringList details{g.uuid};
        if (g.maximum)
            details.append(tr("maximum %1").arg(ReportText::memoryWithUnit(double(*g.maximum))));
        details.append(tr("raw polls in range: %1").arg(ReportText::count(g.rawSamples)));
        auto heading = std::make_shared<GuestHeadingElement>(
            g.name, details.join(QStringLiteral("  ·  ")), verdictName(g.readiness.verdict),
            ReportText::verdictColour(g.readiness.verdict));
        heading->anchor = guestAnchor(g.uuid);
        add(heading, i == 0 ? 0 : 18);
        ChartData chart = g.chart;
        chart.title.clear();
        add(std::make_shared<ChartElement>(chart, 50), 2);

        const double largest =
            std::max({g.used.valid() ? g.used.max : 0.0, g.actual.valid() ? g.actual.max : 0.0});
        const ReportText::MemoryUnit unit = ReportText::memoryUnit(largest);
        auto header = std::make_shared<TableHeaderElement>(columns);
        add(header, 4);
        auto row = [&](const QString &label, const FigureStats &s, bool percent, bool shaded) {
            auto format = [&](double v) {
                return percent ? ReportText::percent(v) : ReportText::memory(v, unit);
            };
            auto r = std::make_shared<TableRowElement>(
                columns,
                QStringList{label, format(s.min), format(s.avg), format(s.p95), format(s.max)},
                shaded, false);
            add(r);
        };
        row(tr("%1, %2").arg(metricName(Metric::Used), unit.suffix), g.used, false, false);
        row(tr("Used, % of the guest's total"), g.usedPercent, true, true);
        row(tr("%1, %2").arg(metricName(Metric::UsedExcludingCache), unit.suffix), g.usedExclCache,
            false, false);
        row(tr("%1, %2").arg(metricName(Metric::Actual), unit.suffix), g.actual, false, true);

        add(std::make_shared<KeyValueElement>(
                QList<KeyValueElement::Row>{
                    {tr("Balloon size"), ReportText::balloonRange(g)},
                    {tr("Stats coverage"), ReportText::coverage(g, data.request.fromMs)},
                    {tr("Readiness"), ReportText::readiness(g)},
                    {tr("Statistics"), ReportText::basis(g)}},
                0.88),
            7);
    }
    if (data.guests.isEmpty())
        out.append(std::make_shared<TextElement>(tr("No guest has data in this range.")));
    return out;
}

} // namespace bs
