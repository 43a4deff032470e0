#include "AdviceRules.h"

#include "AdviceSupport.h"
#include "common/Units.h"

#include <QCoreApplication>

#include <algorithm>

namespace bs {

namespace advice_detail {

QString size(const Input &in, quint64 kib) {
    return units::formatKiB(kib, in.locale);
}

QString number(const Input &in, double value, int decimals) {
    return in.locale.toString(value, 'f', decimals);
}

QString nameList(const Input &in, const QStringList &names) {
    if (names.size() <= advice::MaxNamesListed)
        return in.locale.createSeparatedList(names);
    QStringList shown = names.mid(0, advice::MaxNamesListed);
    shown.append(Text::tr("%n more", nullptr, int(names.size() - advice::MaxNamesListed)));
    return in.locale.createSeparatedList(shown);
}

AdviceFigure kib(const QString &key, quint64 value) {
    return {key, double(value), QStringLiteral("KiB")};
}

AdviceFigure ratio(const QString &key, double value) {
    return {key, value, QStringLiteral("ratio")};
}

AdviceFigure percent(const QString &key, double value) {
    return {key, value, QStringLiteral("percent")};
}

AdviceFigure count(const QString &key, double value, const QString &unit) {
    return {key, value, unit};
}

double percentOf(quint64 part, quint64 whole) {
    return whole == 0 ? 0.0 : double(part) * 100.0 / double(whole);
}

namespace {

// host.low-free: the host itself is short of memory.
std::optional<Advice> lowFree(const Input &in) {
    const NodeMemory &m = in.overview.memory;
    const auto free = m.freeWithCaches();
    if (!m.total || !free || *m.total == 0)
        return std::nullopt;
    const double pct = percentOf(*free, *m.total);
    if (pct >= advice::LowFreePercent)
        return std::nullopt;
    Advice a;
    a.ruleId = QStringLiteral("host.low-free");
    a.severity = AdviceSeverity::Warn;
    a.text =
        Text::tr("The host has %1 free, %2 with buffers and cache: %3 % of its %4. A guest that "
                 "grows or starts will push it into reclaim and swap.")
            .arg(size(in, *m.free), size(in, *free), number(in, pct, 1), size(in, *m.total));
    a.figures = {
        kib(QStringLiteral("free"), *m.free), kib(QStringLiteral("free_with_caches"), *free),
        kib(QStringLiteral("host_total"), *m.total), percent(QStringLiteral("free_percent"), pct)};
    return a;
}

// overcommit.maximum: the guests' maximum memory oversells the host.
std::optional<Advice> oversold(const Input &in) {
    const OvercommitFigures &o = in.overview.overcommit;
    if (!o.maximumRatio || *o.maximumRatio <= advice::OversoldRatio || !o.maximum || !o.hostTotal)
        return std::nullopt;
    Advice a;
    a.ruleId = QStringLiteral("overcommit.maximum");
    const bool busy = o.usedPercentOfGuests && *o.usedPercentOfGuests >= advice::GuestsBusyPercent;
    a.severity = (*o.maximumRatio > advice::OversoldWarnRatio || busy) ? AdviceSeverity::Warn
                                                                       : AdviceSeverity::Info;
    a.figures = {kib(QStringLiteral("maximum"), *o.maximum),
                 kib(QStringLiteral("host_total"), *o.hostTotal),
                 ratio(QStringLiteral("maximum_ratio"), *o.maximumRatio),
                 count(QStringLiteral("guests_active"), o.guestsActive),
                 count(QStringLiteral("guests_reporting"), o.guestsReporting)};
    const QString head =
        Text::tr("The running guests' maximum memory, %1, oversells the host's %2 by "
                 "%3×.")
            .arg(size(in, *o.maximum), size(in, *o.hostTotal), number(in, *o.maximumRatio, 2));
    if (o.usedPercentOfGuests) {
        a.figures.append(percent(QStringLiteral("guests_used_percent"), *o.usedPercentOfGuests));
        const QString tail =
            busy ? Text::tr("The guests that report (%1 of %2) use %3 % of their memory: little is "
                            "left for ballooning to take back.")
                 : Text::tr("The guests that report (%1 of %2) use %3 % of their memory.");
        a.text = head + QLatin1Char(' ') +
                 tail.arg(QString::number(o.guestsReporting), QString::number(o.guestsActive),
                          number(in, *o.usedPercentOfGuests, 0));
    } else {
        a.text = head + QLatin1Char(' ') +
                 Text::tr("No running guest reports its own use, so how much ballooning could take "
                          "back is unknown.");
    }
    return a;
}

// overcommit.actual: what the guests hold now nearly fills the host.
std::optional<Advice> actualHigh(const Input &in) {
    const OvercommitFigures &o = in.overview.overcommit;
    if (!o.actualRatio || *o.actualRatio < advice::ActualWarnRatio || !o.actual || !o.hostTotal)
        return std::nullopt;
    Advice a;
    a.ruleId = QStringLiteral("overcommit.actual");
    a.severity = AdviceSeverity::Warn;
    a.text = Text::tr("The running guests hold %1 now (their balloons' current size), %2 % of the "
                      "host's %3. QEMU's own overhead and the host need the rest: a balloon that "
                      "deflates, or one more guest, will push the host into swap.")
                 .arg(size(in, *o.actual), number(in, *o.actualRatio * 100.0, 0),
                      size(in, *o.hostTotal));
    a.figures = {kib(QStringLiteral("actual"), *o.actual),
                 kib(QStringLiteral("host_total"), *o.hostTotal),
                 ratio(QStringLiteral("actual_ratio"), *o.actualRatio)};
    return a;
}

bool isSilent(StatsState state) {
    return state == StatsState::Off || state == StatsState::NoDriver || state == StatsState::Stale;
}

// balloon.no-stats: guests with a balloon that could report but do not.
std::optional<Advice> silentBalloons(const Input &in) {
    QStringList names;
    QStringList uuids;
    for (const MemorySample &g : in.guests) {
        if (isActive(g.state) && canReport(g.balloon.model) && isSilent(g.statsState)) {
            names.append(g.name);
            uuids.append(g.uuid);
        }
    }
    if (names.isEmpty())
        return std::nullopt;
    const OvercommitFigures &o = in.overview.overcommit;
    const bool oversold = o.maximumRatio && *o.maximumRatio > advice::OversoldRatio;
    Advice a;
    a.ruleId = QStringLiteral("balloon.no-stats");
    // Overselling blind is the real risk; otherwise it is a gap in what the host can see.
    a.severity = oversold ? AdviceSeverity::Warn : AdviceSeverity::Info;
    a.text = Text::tr("Running guests with a balloon that report no memory statistics: %1 (%2 "
                      "of %3). The host cannot tell how much of their memory they use, nor how "
                      "far their balloons could safely inflate; Readiness shows each guest's "
                      "cause.")
                 .arg(nameList(in, names), QString::number(names.size()),
                      QString::number(o.guestsActive));
    a.figures = {count(QStringLiteral("guests_silent"), double(names.size())),
                 count(QStringLiteral("guests_active"), o.guestsActive)};
    if (oversold)
        a.figures.append(ratio(QStringLiteral("maximum_ratio"), *o.maximumRatio));
    a.guestUuids = uuids;
    return a;
}

// balloon.absent: on an oversold host, guests without a balloon cannot give memory back.
std::optional<Advice> noBalloon(const Input &in) {
    const OvercommitFigures &o = in.overview.overcommit;
    if (!o.maximumRatio || *o.maximumRatio <= advice::OversoldRatio)
        return std::nullopt;
    QStringList names;
    QStringList uuids;
    for (const MemorySample &g : in.guests) {
        if (isActive(g.state) && g.statsState == StatsState::NoBalloon) {
            names.append(g.name);
            uuids.append(g.uuid);
        }
    }
    if (names.isEmpty())
        return std::nullopt;
    Advice a;
    a.ruleId = QStringLiteral("balloon.absent");
    a.severity = AdviceSeverity::Info;
    a.text = Text::tr("Running guests without a usable balloon device: %1 (%2 of %3), while "
                      "the host is oversold by %4×. Their memory can only be taken back by "
                      "restarting them with less.")
                 .arg(nameList(in, names), QString::number(names.size()),
                      QString::number(o.guestsActive), number(in, *o.maximumRatio, 2));
    a.figures = {count(QStringLiteral("guests_without_balloon"), double(names.size())),
                 ratio(QStringLiteral("maximum_ratio"), *o.maximumRatio)};
    a.guestUuids = uuids;
    return a;
}

QList<Advice> single(const Input &in, std::initializer_list<Rule> rules) {
    QList<Advice> out;
    for (Rule rule : rules) {
        if (auto a = rule(in))
            out.append(std::move(*a));
    }
    return out;
}

} // namespace

QList<Advice> memoryRules(const Input &in) {
    return single(in, {lowFree, oversold, actualHigh, silentBalloons, noBalloon});
}

} // namespace advice_detail

double Advice::figure(const QString &key, double fallback) const {
    for (const AdviceFigure &f : figures) {
        if (f.key == key)
            return f.value;
    }
    return fallback;
}

QString adviceSeverityKey(AdviceSeverity severity) {
    return severity == AdviceSeverity::Warn ? QStringLiteral("warn") : QStringLiteral("info");
}

QString adviceSeverityName(AdviceSeverity severity) {
    return severity == AdviceSeverity::Warn
               ? QCoreApplication::translate("bs::AdviceRules", "warning")
               : QCoreApplication::translate("bs::AdviceRules", "info");
}

QStringList adviceRuleIds() {
    return {QStringLiteral("host.low-free"),
            QStringLiteral("overcommit.maximum"),
            QStringLiteral("overcommit.actual"),
            QStringLiteral("balloon.no-stats"),
            QStringLiteral("balloon.absent"),
            QStringLiteral("ksm.low-yield"),
            QStringLiteral("ksm.needed"),
            QStringLiteral("ksm.effective"),
            QStringLiteral("ksm.merge-across-nodes"),
            QStringLiteral("hugepages.unused"),
            QStringLiteral("hugepages.cannot-start")};
}

QList<Advice> adviseHost(const HostOverview &overview, const QList<MemorySample> &guests,
                         const QLocale &locale) {
    const advice_detail::Input in{overview, guests, locale};
    QList<Advice> out = advice_detail::memoryRules(in);
    out.append(advice_detail::pageRules(in));
    const QStringList order = adviceRuleIds();
    std::stable_sort(out.begin(), out.end(), [&](const Advice &a, const Advice &b) {
        if (a.severity != b.severity)
            return a.severity == AdviceSeverity::Warn;
        return order.indexOf(a.ruleId) < order.indexOf(b.ruleId);
    });
    return out;
}

} // namespace bs
