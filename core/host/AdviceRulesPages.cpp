// The KSM and huge page rules of adviseHost().

#include "AdviceSupport.h"

namespace bs::advice_detail {

namespace {

// ksm.low-yield: ksmd works but saves little.
std::optional<Advice> ksmLowYield(const Input &in) {
    const HostOverview &o = in.overview;
    const KsmParameters &k = o.ksm;
    const KsmFigures &f = o.ksmFigures;
    const auto total = o.hostTotal();
    // Stopped or never run: it costs nothing now, whatever it saved.
    if (f.activity == KsmActivity::Idle || f.activity == KsmActivity::Stopped)
        return std::nullopt;
    if (!f.saved || !total || !k.fullScans || *k.fullScans < advice::KsmMinFullScans ||
        !k.pagesSharing || !k.pagesUnshared)
        return std::nullopt;
    const double savedPct = percentOf(*f.saved, *total);
    const bool wasted =
        *k.pagesSharing == 0 ||
        (f.unsharedPerSaved && *f.unsharedPerSaved >= advice::KsmWastedUnsharedPerSaved);
    if (savedPct >= advice::KsmLowSavingsPercent || !wasted || *k.pagesUnshared == 0)
        return std::nullopt;
    Advice a;
    a.ruleId = QStringLiteral("ksm.low-yield");
    a.severity = AdviceSeverity::Warn;
    const QString rate =
        f.scanPagesPerSecond ? number(in, *f.scanPagesPerSecond, 0) : QStringLiteral("?");
    if (*k.pagesSharing == 0) {
        a.text = Text::tr("KSM has made %1 full scans (at up to %2 pages/s) over %3 pages but "
                          "saves nothing: its CPU cost does not pay. If the guests do not share "
                          "an image, consider turning KSM off.")
                     .arg(number(in, double(*k.fullScans), 0), rate,
                          number(in, double(*k.pagesUnshared), 0));
    } else {
        a.text = Text::tr("KSM has made %1 full scans (at up to %2 pages/s) but saves only %3, "
                          "%4 % of the host's memory, rescanning %5 unique pages for each page "
                          "it saves: its CPU cost may not pay. If the guests do not share an "
                          "image, consider turning KSM off.")
                     .arg(number(in, double(*k.fullScans), 0), rate, size(in, *f.saved),
                          number(in, savedPct, 2), number(in, f.unsharedPerSaved.value_or(0), 0));
    }
    a.figures = {
        kib(QStringLiteral("saved"), *f.saved),
        kib(QStringLiteral("host_total"), *total),
        percent(QStringLiteral("saved_percent"), savedPct),
        count(QStringLiteral("full_scans"), double(*k.fullScans)),
        count(QStringLiteral("pages_sharing"), double(*k.pagesSharing), QStringLiteral("pages")),
        count(QStringLiteral("pages_unshared"), double(*k.pagesUnshared), QStringLiteral("pages"))};
    if (f.scanPagesPerSecond)
        a.figures.append(
            count(QStringLiteral("scan_rate"), *f.scanPagesPerSecond, QStringLiteral("pages/s")));
    return a;
}

// ksm.needed / ksm.effective: what KSM saves, and whether the host could do without it.
std::optional<Advice> ksmSaving(const Input &in) {
    const HostOverview &o = in.overview;
    const KsmFigures &f = o.ksmFigures;
    const auto total = o.hostTotal();
    const auto free = o.memory.freeWithCaches();
    if (!f.saved || *f.saved < advice::KsmNotableKiB)
        return std::nullopt;
    Advice a;
    a.figures = {kib(QStringLiteral("saved"), *f.saved)};
    if (f.sharingRatio)
        a.figures.append(ratio(QStringLiteral("sharing_ratio"), *f.sharingRatio));
    if (free) {
        a.figures.append(kib(QStringLiteral("free_with_caches"), *free));
        if (*f.saved >= *free) {
            // Turning KSM off (run=2) unmerges every page: the guests' memory grows by `saved`.
            a.ruleId = QStringLiteral("ksm.needed");
            a.severity = AdviceSeverity::Warn;
            a.text = Text::tr("KSM saves %1, more than the %2 the host has free with buffers "
                              "and cache: turning KSM off (or unmerging) would push the host "
                              "into swap.")
                         .arg(size(in, *f.saved), size(in, *free));
            return a;
        }
    }
    if (!total || percentOf(*f.saved, *total) < advice::KsmLowSavingsPercent)
        return std::nullopt;
    const double savedPct = percentOf(*f.saved, *total);
    a.ruleId = QStringLiteral("ksm.effective");
    a.severity = AdviceSeverity::Info;
    a.figures.append(percent(QStringLiteral("saved_percent"), savedPct));
    a.text = Text::tr("KSM saves %1, %2 % of the host's memory, with %3 mappings per shared "
                      "page. Turning it off needs that much free memory; the host has %4 free "
                      "with buffers and cache.")
                 .arg(size(in, *f.saved), number(in, savedPct, 1),
                      f.sharingRatio ? number(in, *f.sharingRatio, 1) : QStringLiteral("?"),
                      free ? size(in, *free) : QStringLiteral("?"));
    return a;
}

// ksm.merge-across-nodes: shared pages may sit on a remote NUMA node.
std::optional<Advice> ksmAcrossNodes(const Input &in) {
    const HostOverview &o = in.overview;
    const qsizetype cells = o.topology.cells.size();
    if (cells < 2 || !o.ksm.mergeAcrossNodes || !*o.ksm.mergeAcrossNodes ||
        o.ksm.pagesSharing.value_or(0) == 0)
        return std::nullopt;
    Advice a;
    a.ruleId = QStringLiteral("ksm.merge-across-nodes");
    a.severity = AdviceSeverity::Info;
    a.text = Text::tr("KSM merges pages across the host's %1 NUMA nodes (merge_across_nodes = 1): "
                      "a guest may read a merged page from a remote node. With guests pinned to "
                      "nodes, 0 keeps pages local at the cost of some of the %2 saved.")
                 .arg(QString::number(cells),
                      o.ksmFigures.saved ? size(in, *o.ksmFigures.saved) : QStringLiteral("?"));
    a.figures = {count(QStringLiteral("numa_cells"), double(cells))};
    if (o.ksmFigures.saved)
        a.figures.append(kib(QStringLiteral("saved"), *o.ksmFigures.saved));
    return a;
}

QStringList namesOf(const QList<GuestBacking> &guests) {
    QStringList names;
    for (const GuestBacking &g : guests)
        names.append(g.name);
    return names;
}

// hugepages.unused: huge pages reserved, free, and nothing else can use them.
std::optional<Advice> hugePagesUnused(const Input &in) {
    const HostOverview &o = in.overview;
    quint64 freeKiB = 0;
    quint64 totalKiB = 0;
    QStringList sizes;
    for (const HugePageSize &s : o.hugePageSizes) {
        const auto free = s.freeKiB();
        if (!s.consistent || !free || !s.totalKiB() || *free == 0)
            continue;
        freeKiB += *free;
        totalKiB += *s.totalKiB();
        sizes.append(
            Text::tr("%1 × %2").arg(number(in, double(*s.free), 0), pageSizeText(s.pageSize)));
    }
    const auto hostTotal = o.hostTotal();
    if (freeKiB < advice::HugePagesUnusedMinKiB ||
        (hostTotal && percentOf(freeKiB, *hostTotal) < advice::HugePagesUnusedMinPercent))
        return std::nullopt;
    QList<GuestBacking> running;
    QList<GuestBacking> stopped;
    for (const GuestBacking &g : o.hugePageGuests())
        (g.active ? running : stopped).append(g);
    const bool backingKnown = o.status(HostFigure::GuestBacking).isAvailable();
    Advice a;
    a.ruleId = QStringLiteral("hugepages.unused");
    a.figures = {kib(QStringLiteral("huge_pages_free"), freeKiB),
                 kib(QStringLiteral("huge_pages_total"), totalKiB),
                 count(QStringLiteral("guests_backed_running"), double(running.size())),
                 count(QStringLiteral("guests_backed_stopped"), double(stopped.size()))};
    if (hostTotal)
        a.figures.append(kib(QStringLiteral("host_total"), *hostTotal));
    const QString freeText = in.locale.createSeparatedList(sizes);
    if (backingKnown && running.isEmpty() && stopped.isEmpty()) {
        // Reserved for nobody: memory the host, its page cache and other guests cannot use.
        a.severity = AdviceSeverity::Warn;
        a.text = Text::tr("%1 of huge pages are reserved and free (%2), and no guest of this host "
                          "is configured for huge pages: unless something outside libvirt uses "
                          "them, that memory is lost to the host and its guests.")
                     .arg(size(in, freeKiB), freeText);
    } else if (backingKnown && running.isEmpty()) {
        a.severity = AdviceSeverity::Info;
        a.text = Text::tr("%1 of huge pages are reserved and free (%2), kept for guests that are "
                          "shut off (%3): until they start, nothing else can use that memory.")
                     .arg(size(in, freeKiB), freeText, nameList(in, namesOf(stopped)));
        for (const GuestBacking &g : stopped)
            a.guestUuids.append(g.uuid);
    } else {
        a.severity = AdviceSeverity::Info;
        a.text = Text::tr("%1 of the %2 reserved as huge pages are free (%3): free huge pages "
                          "cannot be used for anything but huge-page guests.")
                     .arg(size(in, freeKiB), size(in, totalKiB), freeText);
    }
    return a;
}

// The pool a shut-off guest will take its pages from: its explicit size, or the only size the
// host reserves pages of (the default size cannot be read through libvirt).
std::optional<HugePageSize> poolFor(const HostOverview &o, const GuestBacking &g) {
    const QList<quint64> sizes = g.backing.explicitSizes();
    std::optional<HugePageSize> only;
    int reserved = 0;
    for (const HugePageSize &s : o.hugePageSizes) {
        if (sizes.size() == 1 && s.pageSize == sizes.first())
            return s;
        if (s.total.value_or(0) > 0) {
            ++reserved;
            only = s;
        }
    }
    if (sizes.isEmpty() && reserved == 1)
        return only;
    return std::nullopt;
}

// hugepages.cannot-start: a shut-off huge-page guest needs more pages than are free.
QList<Advice> hugePagesShort(const Input &in) {
    QList<Advice> out;
    const HostOverview &o = in.overview;
    for (const GuestBacking &g : o.hugePageGuests()) {
        if (g.active || !g.backing.memory)
            continue;
        const auto pool = poolFor(o, g);
        if (!pool || !pool->consistent || !pool->freeKiB())
            continue;
        const quint64 need = *g.backing.memory;
        const quint64 free = *pool->freeKiB();
        if (need <= free)
            continue;
        Advice a;
        a.ruleId = QStringLiteral("hugepages.cannot-start");
        a.severity = AdviceSeverity::Warn;
        a.text = Text::tr("Guest %1 is configured for %2 in %3 huge pages, but only %4 of them "
                          "are free: it will not start until pages are freed or added "
                          "(virsh allocpages).")
                     .arg(g.name, size(in, need), pageSizeText(pool->pageSize), size(in, free));
        a.figures = {kib(QStringLiteral("needed"), need), kib(QStringLiteral("free"), free),
                     kib(QStringLiteral("page_size"), pool->pageSize)};
        a.guestUuids = {g.uuid};
        out.append(a);
    }
    return out;
}

} // namespace

QList<Advice> pageRules(const Input &in) {
    QList<Advice> out;
    for (Rule rule : {ksmLowYield, ksmSaving, ksmAcrossNodes, hugePagesUnused}) {
        if (auto a = rule(in))
            out.append(std::move(*a));
    }
    out.append(hugePagesShort(in));
    return out;
}

} // namespace bs::advice_detail
