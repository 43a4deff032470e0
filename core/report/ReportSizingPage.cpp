#include "ReportSizingPage.h"

#include "HistoryChart.h"
#include "ReportText.h"

#include <QDateTime>

#include <algorithm>

namespace bs {

namespace {

using Column = TableColumns::Column;
constexpr auto Right = Qt::AlignRight;

// Confidence in colour: low in orange, none in grey (as the readiness verdicts are drawn).
const QColor LowColour(0xe6, 0x51, 0x00);
const QColor NoneColour(0x75, 0x75, 0x75);

QString size(std::optional<qint64> kib, const ReportText::MemoryUnit &unit) {
    return kib ? ReportText::memory(double(std::max<qint64>(0, *kib)), unit) : ReportText::dash();
}

QString sizeWithUnit(qint64 kib) {
    return ReportText::memoryWithUnit(double(std::max<qint64>(0, kib)));
}

// A reading's or an hour's time, as the CLI prints it; the window line above gives the offset.
QString when(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

double largest(const QList<GuestAdvice> &guests) {
    double m = 0;
    for (const GuestAdvice &g : guests) {
        for (const auto &v : {g.maximumKiB, g.actualKiB, g.needP99, g.recommendedKiB}) {
            if (v)
                m = std::max(m, double(*v));
        }
    }
    return m;
}

} // namespace

QList<GuestAdvice> ReportSizingPage::listedGuests(const ReportData &data) {
    if (!data.sizing)
        return {};
    if (data.request.guests.isEmpty())
        return data.sizing->guests;
    QList<GuestAdvice> out;
    for (const GuestAdvice &g : data.sizing->guests) {
        if (std::any_of(data.guests.cbegin(), data.guests.cend(),
                        [&](const GuestReport &r) { return r.uuid == g.uuid; }))
            out.append(g);
    }
    return out;
}

ElementList ReportSizingPage::elements(const ReportData &data) {
    ElementList out;
    auto title = std::make_shared<HeadingElement>(tr("Sizing"), 1, data.hostName);
    title->pageBreakBefore = true;
    title->anchor = anchor();
    out.append(title);
    if (!data.sizing) {
        out.append(std::make_shared<TextElement>(tr("The sizing advice was not gathered.")));
        return out;
    }
    const HostAdvice &advice = *data.sizing;
    const SizingPolicy &policy = advice.policy;
    const QList<GuestAdvice> guests = listedGuests(data);

    QStringList tiers;
    for (Tier t : advice.tiers)
        tiers.append(tierSourceName(t));
    out.append(std::make_shared<KeyValueElement>(
        QList<KeyValueElement::Row>{
            {tr("Policy"),
             tr("%1: %2").arg(sizingPresetName(policy.preset), sizingPolicySummary(policy))},
            {tr("Recommended"),
             tr("the need's P%1 plus %2 %, at least %3, rounded up to a whole MiB; reclaimable "
                "is the balloon above it (actual − recommended).")
                 .arg(QLocale().toString(policy.percentile, 'g', 4),
                      QLocale().toString(policy.headroom * 100, 'g', 4),
                      sizeWithUnit(policy.floorKiB))},
            {tr("Window"), tr("%1: the policy's window up to the report's end, whatever the "
                              "report's range.")
                               .arg(HistoryChart::rangeText(advice.fromMs, advice.toMs))},
            {tr("Need from"), tiers.isEmpty() ? tr("nothing recorded in the window")
                                              : tiers.join(QStringLiteral(", "))},
            {tr("Need"), tr("available − usable: what the guest could not give back without "
                            "swapping. Windows: BalloonService's figures, standby memory "
                            "counted as free.")},
            {tr("Confidence"), tr("the share of the window in which the guest reported: high "
                                  "from 90 %, medium from 50 %, low below.")}},
        0.88));

    // One row per guest; what a row cannot say in its cells goes in notes under it.
    const ReportText::MemoryUnit unit = ReportText::memoryUnit(largest(guests));
    auto columns = std::make_shared<TableColumns>();
    // Weights in millimetres of the A4 text width (176 mm): the headers' longest words
    // ("Recommended" in bold) fit without breaking; the unit is said once, beside the title.
    columns->columns = {
        Column{tr("Guest"), 30, Qt::AlignLeft},
        Column{tr("Maximum"), 18, Right},
        Column{tr("Actual"), 14, Right},
        Column{tr("Need P50"), 15, Right},
        Column{tr("P95"), 12, Right},
        Column{tr("P99"), 12, Right},
        Column{tr("Recommended"), 25, Right},
        Column{tr("Reclaimable"), 22, Right},
        Column{tr("Confidence"), 28, Qt::AlignLeft},
    };
    const int tableGroup = 1;
    auto tableTitle =
        std::make_shared<HeadingElement>(tr("Guests"), 2, tr("Memory in %1").arg(unit.suffix));
    tableTitle->spaceBeforePt = 10;
    tableTitle->group = tableGroup;
    out.append(tableTitle);
    auto header = std::make_shared<TableHeaderElement>(columns);
    header->group = tableGroup;
    out.append(header);
    qint64 reclaimable = 0;
    for (int i = 0; i < guests.size(); ++i) {
        const GuestAdvice &g = guests[i];
        const bool advised = g.status == AdviceStatus::Advised;
        reclaimable += g.reclaimableKiB;
        const QString confidence =
            advised ? tr("%1 (%2)").arg(confidenceName(g.confidence),
                                        ReportText::percent(g.coverage.share * 100.0))
                    : confidenceName(Confidence::None);
        auto row = std::make_shared<TableRowElement>(
            columns,
            QStringList{g.name.isEmpty() ? g.uuid : g.name, size(g.maximumKiB, unit),
                        size(g.actualKiB, unit), size(g.needP50, unit), size(g.needP95, unit),
                        size(g.needP99, unit), size(g.recommendedKiB, unit),
                        g.recommendedKiB ? size(g.reclaimableKiB, unit) : ReportText::dash(),
                        confidence},
            i % 2 == 1);
        if (!advised || g.confidence == Confidence::None)
            row->setCellColour(8, NoneColour);
        else if (g.confidence == Confidence::Low)
            row->setCellColour(8, LowColour);
        QStringList notes;
        if (!advised)
            notes.append(adviceReason(g));
        if (g.shortKiB > 0) {
            notes.append(tr("Short: the recommendation is %1 above the maximum memory; raise the "
                            "maximum at the next boot.")
                             .arg(sizeWithUnit(g.shortKiB)));
        }
        if (g.cacheCounted) {
            notes.append(tr("Cache counted as used: the guest does not report usable memory, so "
                            "need = available − unused."));
        }
        if (g.vetoed) {
            notes.append(tr("Not below today's balloon: it swapped in %1 and had %2 major faults "
                            "in the window.")
                             .arg(sizeWithUnit(g.swapInKiB), ReportText::count(g.majorFaults)));
            QStringList readings;
            for (const PressureEvidence &e : g.evidence) {
                readings.append(tr("%1: swap-in %2, %3 major faults")
                                    .arg(when(e.toMs), sizeWithUnit(e.swapInKiB),
                                         ReportText::count(e.majorFaults)));
            }
            if (!readings.isEmpty())
                notes.append(tr("Worst readings: %1.").arg(readings.join(QStringLiteral("; "))));
        }
        row->setNotes(notes);
        row->repeatHeader = header;
        if (i < 2)
            row->group = tableGroup; // the table's title never ends a page alone
        out.append(row);
    }
    if (guests.isEmpty()) {
        out.append(std::make_shared<TextElement>(
            advice.guests.isEmpty()
                ? tr("Nothing was recorded for the host in the window.")
                : tr("None of the guests in this report was recorded in the window."),
            TextElement::Role::Small));
    }

    // The host what-if: the time-aligned sum of the guests hour by hour (peak of the sum).
    const HostWhatIf &w = advice.whatIf;
    const int whatIfGroup = 2;
    auto whatIfTitle = std::make_shared<HeadingElement>(tr("Host what-if"), 2);
    whatIfTitle->spaceBeforePt = 14;
    whatIfTitle->group = whatIfGroup;
    out.append(whatIfTitle);
    const auto add = [&](std::shared_ptr<ReportElement> e, double spaceBeforePt = 0) {
        e->group = whatIfGroup;
        e->spaceBeforePt = spaceBeforePt;
        out.append(e);
    };
    const int withNumber = int(std::count_if(guests.cbegin(), guests.cend(), [](const auto &g) {
        return g.recommendedKiB.has_value();
    }));
    const CardsElement::Card reclaimCard{
        tr("Reclaimable"), sizeWithUnit(reclaimable),
        tr("the balloon above the recommendation, summed over the guests with a number (%1)")
            .arg(ReportText::count(withNumber)),
        false};
    if (!w.known) {
        add(std::make_shared<PlaceholderElement>(
            ReportText::notRecorded(),
            tr("The host's memory size is not in the history: no what-if.")));
        add(std::make_shared<CardsElement>(QList<CardsElement::Card>{reclaimCard}), 6);
        return out;
    }
    const auto ofCapacity = [&](qint64 kib, qint64 hourMs) {
        if (w.hours == 0)
            return tr("no guest ran in the window");
        const QString share = w.capacityKiB > 0
                                  ? ReportText::percent(100.0 * double(kib) / double(w.capacityKiB))
                                  : ReportText::dash();
        return tr("%1 of the capacity, in the hour from %2").arg(share, when(hourMs));
    };
    add(std::make_shared<CardsElement>(QList<CardsElement::Card>{
        {tr("Capacity for guests"), sizeWithUnit(w.capacityKiB),
         tr("%1 host memory less %2 kept for the host: max(1 GiB, 10 %)")
             .arg(sizeWithUnit(w.hostTotalKiB), sizeWithUnit(w.reserveKiB)),
         false},
        {tr("Worst hour, as is"), sizeWithUnit(w.peakTodayKiB),
         ofCapacity(w.peakTodayKiB, w.peakTodayHourMs), false},
        {tr("Worst hour, advised"), sizeWithUnit(w.peakKiB), ofCapacity(w.peakKiB, w.peakHourMs),
         false},
        reclaimCard}));
    QStringList facts;
    facts.append(tr("Hour by hour over the window, with every guest of the host (guests: %1; "
                    "hours with one running: %2): in each hour a guest holds its recommendation "
                    "where it has one (\"advised\") or the most its balloon held in that hour "
                    "(\"as is\"). The worst hour is the peak of that sum, not the sum of each "
                    "guest's peak.")
                     .arg(ReportText::count(advice.guests.size()), ReportText::count(w.hours)));
    facts.append(w.ksmSavedKiB ? tr("KSM saved %1 in the worst hour; not counted above.")
                                     .arg(sizeWithUnit(*w.ksmSavedKiB))
                               : tr("KSM's saving in the worst hour is not recorded."));
    add(std::make_shared<TextElement>(facts.join(QLatin1Char(' ')), TextElement::Role::Small), 6);
    return out;
}

} // namespace bs
