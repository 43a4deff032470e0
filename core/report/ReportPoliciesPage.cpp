#include "ReportPoliciesPage.h"

#include "ReportText.h"

#include <QDateTime>

#include <algorithm>
#include <cstdlib>

namespace bs {

namespace {

using Column = TableColumns::Column;
constexpr auto Right = Qt::AlignRight;

const QColor SqueezeColour(0xc0, 0x39, 0x2b); // as the Policies tab draws a squeeze count
const QColor RecordedColour(0x61, 0x61, 0x61);

// One colour per policy, the Policies tab's (light theme).
QColor policyColour(PolicyKind kind) {
    switch (kind) {
    case PolicyKind::Mom:
        return QColor(0x1f, 0x61, 0x8d);
    case PolicyKind::Proxmox:
        return QColor(0xc0, 0x39, 0x2b);
    case PolicyKind::Balloonscope:
        return QColor(0x7d, 0x3c, 0x98);
    }
    return {};
}

// A squeeze's start and end, as `simulate` prints them; the running header gives the offset.
QString when(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

// Buckets and squeezes can be shorter than the minute ReportText::duration() rounds to.
QString span(qint64 ms) {
    if (ms <= 0)
        return ReportText::dash();
    if (ms < 60000)
        return ReportPoliciesPage::tr("%1 s").arg(ReportText::count((ms + 500) / 1000));
    return ReportText::duration(ms);
}

qint64 squeezedMs(const PolicyReplay &run) {
    qint64 ms = 0;
    for (const ReplayedGuest &g : run.guests)
        ms += g.squeezedMs;
    return ms;
}

qint64 worstDeficit(const PolicyReplay &run) {
    qint64 worst = 0;
    for (const ReplayedGuest &g : run.guests)
        worst = std::max(worst, g.worstDeficitKiB);
    return worst;
}

bool anyGuestRan(const ReplayInput &input) {
    return std::any_of(input.guests.cbegin(), input.guests.cend(),
                       [](const QList<RecordedGuest> &rows) {
                           return std::any_of(rows.cbegin(), rows.cend(),
                                              [](const RecordedGuest &r) { return r.running; });
                       });
}

// A line of (time, KiB) points with a gap where a bucket is missing.
QList<EnvelopePoint> points(const QList<QPair<qint64, qint64>> &values, qint64 bucketMs) {
    QList<EnvelopePoint> out;
    qint64 previous = -1;
    for (const auto &[t, kib] : values) {
        if (previous >= 0 && bucketMs > 0 && t - previous > bucketMs)
            out.append(EnvelopePoint::gap(previous + bucketMs));
        previous = t;
        const double v = double(kib);
        out.append(EnvelopePoint{t, v, v, v, 1});
    }
    return out;
}

} // namespace

ChartData ReportPoliciesPage::hostFreeChart(const ReportData &data) {
    ChartData chart;
    chart.fromMs = data.request.fromMs;
    chart.toMs = data.request.toMs;
    chart.valueLabel = tr("Host free memory");
    chart.provenance.source = QStringLiteral("policy-replay");
    chart.provenance.hostId = data.request.hostId;
    if (!data.policies)
        return chart;
    const ReplayInput &input = data.policies->input;
    chart.provenance.bucketMs = input.bucketMs;
    QList<QPair<qint64, qint64>> recorded;
    for (qsizetype b = 0; b < input.timesMs.size(); ++b) {
        if (input.hostKnown.value(b))
            recorded.append({input.timesMs[b], input.hostFreeKiB.value(b)});
    }
    if (recorded.isEmpty())
        return chart;
    ChartSeries free;
    free.key = QStringLiteral("host_free_recorded");
    free.name = tr("Free as recorded");
    free.colour = RecordedColour;
    free.style = Qt::DashLine;
    free.widthPt = 1.2;
    free.points = points(recorded, input.bucketMs);
    chart.series.append(free);
    for (const PolicyReplay &run : data.policies->runs) {
        ChartSeries s;
        s.key = QStringLiteral("host_free_") + policyKey(run.policy);
        s.name = tr("Free under %1").arg(policyShortName(run.policy));
        s.colour = policyColour(run.policy);
        s.widthPt = 1.2;
        s.points = points(run.hostFreeKiB, input.bucketMs);
        chart.series.append(s);
    }
    return chart;
}

ElementList ReportPoliciesPage::elements(const ReportData &data) {
    ElementList out;
    auto title = std::make_shared<HeadingElement>(tr("Policies"), 1, data.hostName);
    title->pageBreakBefore = true;
    title->anchor = anchor();
    out.append(title);
    if (!data.policies) {
        out.append(std::make_shared<TextElement>(tr("The policy replay was not gathered.")));
        return out;
    }
    const ReplayInput &input = data.policies->input;
    const QList<PolicyReplay> &runs = data.policies->runs;
    out.append(std::make_shared<TextElement>(
        tr("An open-loop replay of this range through each balloon policy with its default "
           "settings: the guests' need is taken as recorded, though under another balloon they "
           "would have behaved differently.")));
    if (!anyGuestRan(input)) {
        auto none = std::make_shared<TextElement>(
            tr("No guest of the host ran in this range: nothing to replay."),
            TextElement::Role::Small);
        none->spaceBeforePt = 6;
        out.append(none);
        return out;
    }
    auto facts = std::make_shared<TextElement>(
        tr("Every guest of the host (%1), in buckets of %2. A squeeze is a stretch in which the "
           "policy's balloon left a guest less than its need: it would have swapped; the time "
           "squeezed is summed over the guests. Handed back is the recorded balloons minus the "
           "policy's, summed over the guests (negative: the policy gave them more). Host free is "
           "the recorded free memory with buffers and cache plus what the policy handed back.")
            .arg(ReportText::count(input.uuids.size()), span(input.bucketMs)),
        TextElement::Role::Small);
    facts->spaceBeforePt = 4;
    out.append(facts);

    // One row per policy, the Policies tab's summary columns.
    double largest = 0;
    for (const PolicyReplay &run : runs) {
        for (qint64 v : {worstDeficit(run), run.handedBackMeanKiB, run.handedBackPeakKiB,
                         run.hostFreeLowestKiB.value_or(0)})
            largest = std::max(largest, double(std::abs(v)));
    }
    const ReportText::MemoryUnit unit = ReportText::memoryUnit(largest);
    auto columns = std::make_shared<TableColumns>();
    // Weights in millimetres of the A4 text width (176 mm): the policies' full names in bold and
    // each header's longest word fit (measured); the headers wrap onto two lines; the unit is
    // said once, beside the title.
    columns->columns = {
        Column{tr("Policy"), 54, Qt::AlignLeft},      Column{tr("Balloon changes"), 15.5, Right},
        Column{tr("Squeezes"), 17.5, Right},          Column{tr("Time squeezed"), 17.5, Right},
        Column{tr("Worst deficit"), 14, Right},       Column{tr("Handed back, mean"), 20, Right},
        Column{tr("Handed back, peak"), 19.5, Right}, Column{tr("Host free, lowest"), 18, Right},
    };
    const int tableGroup = 1;
    auto tableTitle =
        std::make_shared<HeadingElement>(tr("Replay"), 2, tr("Memory in %1").arg(unit.suffix));
    tableTitle->spaceBeforePt = 10;
    tableTitle->group = tableGroup;
    out.append(tableTitle);
    auto header = std::make_shared<TableHeaderElement>(columns);
    header->group = tableGroup;
    out.append(header);
    for (int i = 0; i < runs.size(); ++i) {
        const PolicyReplay &run = runs[i];
        const qint64 worst = worstDeficit(run);
        auto row = std::make_shared<TableRowElement>(
            columns,
            QStringList{policyName(run.policy), ReportText::count(run.changes),
                        ReportText::count(run.squeezes.size()), span(squeezedMs(run)),
                        worst > 0 ? ReportText::memory(double(worst), unit) : ReportText::dash(),
                        ReportText::memory(double(run.handedBackMeanKiB), unit),
                        ReportText::memory(double(run.handedBackPeakKiB), unit),
                        run.hostFreeLowestKiB
                            ? ReportText::memory(double(*run.hostFreeLowestKiB), unit)
                            : ReportText::dash()},
            i % 2 == 1);
        if (!run.squeezes.isEmpty())
            row->setCellColour(2, SqueezeColour);
        row->repeatHeader = header;
        if (i < 2)
            row->group = tableGroup; // the table's title never ends a page alone
        out.append(row);
    }

    // The same for every policy: whether the host's own figures were recorded.
    if (const int without = runs.isEmpty() ? 0 : runs.constFirst().bucketsWithoutHost;
        without > 0) {
        auto note = std::make_shared<TextElement>(
            tr("%1 of %2 buckets without the host's own figures: no evaluation there, the "
               "balloons held.")
                .arg(ReportText::count(without), ReportText::count(input.timesMs.size())),
            TextElement::Role::Small);
        note->spaceBeforePt = 4;
        out.append(note);
    }

    // The host's free memory as recorded and as each policy would have left it.
    const int chartGroup = 2;
    auto chartTitle = std::make_shared<HeadingElement>(tr("Host free memory, projected"), 2);
    chartTitle->spaceBeforePt = 14;
    chartTitle->group = chartGroup;
    out.append(chartTitle);
    const ChartData chart = hostFreeChart(data);
    if (chart.hasValues()) {
        auto element = std::make_shared<ChartElement>(chart, 62);
        element->group = chartGroup;
        out.append(element);
    } else {
        auto missing = std::make_shared<PlaceholderElement>(
            ReportText::notRecorded(),
            tr("The host's own free memory was not recorded in this range: the policies, which "
               "decide on it, were not evaluated."));
        missing->group = chartGroup;
        out.append(missing);
    }

    // The first squeezes of every policy, in time order.
    QList<std::pair<PolicyKind, Squeeze>> squeezes;
    for (const PolicyReplay &run : runs) {
        for (const Squeeze &q : run.squeezes)
            squeezes.append({run.policy, q});
    }
    std::stable_sort(squeezes.begin(), squeezes.end(), [](const auto &a, const auto &b) {
        return a.second.fromMs < b.second.fromMs;
    });
    const int squeezeGroup = 3;
    const qsizetype listed = std::min<qsizetype>(squeezes.size(), MaxListedSqueezes);
    double deepest = 0;
    for (qsizetype i = 0; i < listed; ++i)
        deepest = std::max(deepest, double(squeezes[i].second.worstDeficitKiB));
    const ReportText::MemoryUnit squeezeUnit = ReportText::memoryUnit(deepest);
    auto squeezeTitle = std::make_shared<HeadingElement>(
        tr("First squeezes"), 2,
        squeezes.isEmpty() ? QString() : tr("Memory in %1").arg(squeezeUnit.suffix));
    squeezeTitle->spaceBeforePt = 14;
    squeezeTitle->group = squeezeGroup;
    out.append(squeezeTitle);
    if (squeezes.isEmpty()) {
        auto none = std::make_shared<TextElement>(
            tr("No policy left a guest below its need in this range."), TextElement::Role::Small);
        none->group = squeezeGroup;
        out.append(none);
        return out;
    }
    auto squeezeColumns = std::make_shared<TableColumns>();
    squeezeColumns->columns = {
        Column{tr("Policy"), 28, Qt::AlignLeft}, Column{tr("Guest"), 46, Qt::AlignLeft},
        Column{tr("From"), 34, Qt::AlignLeft},   Column{tr("To"), 34, Qt::AlignLeft},
        Column{tr("Below the need"), 34, Right},
    };
    auto squeezeHeader = std::make_shared<TableHeaderElement>(squeezeColumns);
    squeezeHeader->group = squeezeGroup;
    out.append(squeezeHeader);
    for (qsizetype i = 0; i < listed; ++i) {
        const auto &[policy, q] = squeezes[i];
        auto row = std::make_shared<TableRowElement>(
            squeezeColumns,
            QStringList{policyShortName(policy), q.name.isEmpty() ? q.uuid : q.name, when(q.fromMs),
                        when(q.toMs), ReportText::memory(double(q.worstDeficitKiB), squeezeUnit)},
            i % 2 == 1, false);
        row->repeatHeader = squeezeHeader;
        if (i < 2)
            row->group = squeezeGroup;
        out.append(row);
    }
    if (squeezes.size() > listed) {
        auto more = std::make_shared<TextElement>(
            tr("… and %1 more.").arg(ReportText::count(squeezes.size() - listed)),
            TextElement::Role::Small);
        more->spaceBeforePt = 3;
        out.append(more);
    }
    return out;
}

} // namespace bs
