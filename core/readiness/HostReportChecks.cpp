// The host-side checks about the reports themselves: last_update and the guest's fields.

#include "HostSideContext.h"
#include "HostSideInspector.h"
#include "Remedies.h"

#include <QDateTime>

#include <cmath>

namespace bs {

QString HostSideInspector::describeLastUpdate(qint64 lastUpdate, qint64 readAtMs) {
    const QString when = QDateTime::fromSecsSinceEpoch(lastUpdate, Qt::UTC).toString(Qt::ISODate);
    const qint64 age = readAtMs / 1000 - lastUpdate;
    if (readAtMs <= 0)
        return tr("last_update = %1 (%2)").arg(lastUpdate).arg(when);
    return tr("last_update = %1 (%2, %3 s before it was read, by this machine's clock)")
        .arg(lastUpdate)
        .arg(when)
        .arg(age);
}

ReadinessCheck HostSideInspector::lastUpdateReported(const Context &c) {
    ReadinessCheck check{CheckId::LastUpdateReported};
    if (c.obs.isEmpty()) {
        check.evidence = c.active ? tr("No statistics were read yet.")
                                  : tr("The guest does not run: there are no statistics.");
        return check;
    }
    const StatsObservation &last = c.obs.constLast();
    if (c.maxLastUpdate > 0) {
        check.status = CheckStatus::Pass;
        qint64 readAt = last.timeMs;
        for (const StatsObservation &o : c.obs) {
            if (o.stats.lastUpdate.value_or(0) == c.maxLastUpdate) {
                readAt = o.timeMs;
                break;
            }
        }
        check.evidence = tr("A balloon driver has reported: %1.")
                             .arg(describeLastUpdate(c.maxLastUpdate, readAt));
        if (!c.periodOn && c.active)
            check.evidence += QLatin1Char(' ') + tr("Without a period this may be the single "
                                                    "report a Linux driver sends when it loads.");
        return check;
    }
    const QString raw = last.stats.lastUpdate
                            ? QStringLiteral("last_update = %1").arg(*last.stats.lastUpdate)
                            : tr("no last_update field");
    if (!c.running || !c.canReport) {
        check.evidence = tr("%1; the guest cannot report now.").arg(raw);
    } else if (!c.periodOn) {
        check.evidence = tr("%1; polling is off, so nobody asked.").arg(raw);
    } else if (c.reporting == ReportingState::NeverReported) {
        check.status = CheckStatus::Fail;
        check.evidence = tr("%1 after %2 s of watching with a %3 s period: no balloon driver "
                            "answers in the guest.")
                             .arg(raw)
                             .arg(qRound(c.span))
                             .arg(*c.livePeriod);
        applyRemedy(check, Remedies::driverMissing(c.e.live.osFamily()));
    } else {
        check.evidence = tr("%1 after %2 s; %3 s of watching decide.")
                             .arg(raw)
                             .arg(qRound(c.span))
                             .arg(qRound(c.needed));
    }
    return check;
}

ReadinessCheck HostSideInspector::lastUpdateAdvancing(const Context &c) {
    ReadinessCheck check{CheckId::LastUpdateAdvancing};
    switch (c.reporting) {
    case ReportingState::Advancing:
        check.status = CheckStatus::Pass;
        check.evidence = tr("last_update went from %1 to %2 within %3 s of watching.")
                             .arg(c.increase->first)
                             .arg(c.increase->second)
                             .arg(qRound(c.span));
        break;
    case ReportingState::Frozen:
        check.status = CheckStatus::Fail;
        check.evidence = tr("last_update stayed at %1 for %2 s with a %3 s period: the driver "
                            "reported before, but nothing delivers statistics now.")
                             .arg(c.maxLastUpdate)
                             .arg(qRound(c.span))
                             .arg(*c.livePeriod);
        applyRemedy(check, Remedies::nothingDelivering(c.e.live.osFamily()));
        break;
    case ReportingState::NeverReported:
        check.evidence = tr("last_update stayed 0: there is no report to follow.");
        break;
    case ReportingState::Undecided:
        check.evidence = tr("Watched %1 s of the %2 s needed (two periods of %3 s) without a new "
                            "report yet.")
                             .arg(qRound(c.span))
                             .arg(qRound(c.needed))
                             .arg(*c.livePeriod);
        applyRemedy(check, Remedies::watchLonger(int(std::ceil(c.needed - c.span))));
        break;
    case ReportingState::NotApplicable:
        if (!c.running)
            check.evidence = tr("The guest does not run now.");
        else if (!c.canReport)
            check.evidence = tr("No virtio balloon device.");
        else
            check.evidence = tr("Polling is off: there is nothing to follow.");
        break;
    }
    return check;
}

ReadinessCheck HostSideInspector::guestFields(const Context &c) {
    ReadinessCheck check{CheckId::GuestFields};
    const StatsObservation *o = c.latestWithFields;
    if (!o) {
        QString hostOnly;
        if (!c.obs.isEmpty()) {
            const BalloonStats &s = c.obs.constLast().stats;
            QStringList parts;
            if (s.actual)
                parts << QStringLiteral("actual %1 KiB").arg(*s.actual);
            if (s.rss)
                parts << QStringLiteral("rss %1 KiB").arg(*s.rss);
            hostOnly = parts.join(QLatin1String(", "));
        }
        const QString seen = hostOnly.isEmpty() ? tr("No guest fields were read.")
                                                : tr("Only host-side fields: %1.").arg(hostOnly);
        if (c.reporting == ReportingState::Frozen || c.reporting == ReportingState::NeverReported ||
            c.reporting == ReportingState::Advancing) {
            check.status = CheckStatus::Fail;
            check.evidence =
                tr("%1 The guest's own view (unused, available, usable) is missing.").arg(seen);
            applyRemedy(check, c.reporting == ReportingState::NeverReported
                                   ? Remedies::driverMissing(c.e.live.osFamily())
                                   : Remedies::nothingDelivering(c.e.live.osFamily()));
        } else {
            check.evidence = seen;
        }
        return check;
    }
    const BalloonStats &s = o->stats;
    QStringList present;
    QStringList missing;
    const auto add = [&](const char *name, const std::optional<quint64> &v) {
        if (v)
            present << QStringLiteral("%1 %2 KiB").arg(QLatin1String(name)).arg(*v);
        else
            missing << QLatin1String(name);
    };
    add("unused", s.unused);
    add("available", s.available);
    add("usable", s.usable);
    add("disk_caches", s.diskCaches);
    check.evidence =
        tr("Latest report with guest fields: %1.").arg(present.join(QLatin1String(", ")));
    if (!missing.isEmpty())
        check.evidence +=
            QLatin1Char(' ') + tr("Absent: %1.").arg(missing.join(QLatin1String(", ")));
    if (s.unused && s.available) {
        check.status = CheckStatus::Pass;
        if (!s.usable)
            check.evidence += QLatin1Char(' ') + tr("Without usable, \"used\" counts the page "
                                                    "cache (Linux before 4.6, older Windows "
                                                    "drivers).");
    } else {
        check.status = CheckStatus::Warn;
        check.evidence += QLatin1Char(' ') +
                          tr("Without both unused and available, \"used\" cannot be computed.");
    }
    return check;
}

ReadinessCheck HostSideInspector::windowsFieldMeaning() {
    ReadinessCheck check{CheckId::WindowsFieldMeaning, CheckStatus::Info};
    check.evidence =
        tr("On Windows, BalloonService fills the fields differently from Linux: \"available\" is "
           "the total physical memory, \"unused\" is the available memory including the standby "
           "cache, and \"usable\" is that plus half of the file cache. So available − unused "
           "(\"used\") leaves the cache out, and a guest at 100 % in Task Manager can look "
           "half-empty here, or the other way round.");
    return check;
}

ReadinessCheck HostSideInspector::hugePages() {
    ReadinessCheck check{CheckId::HugePages, CheckStatus::Info};
    check.evidence = tr("The guest's memory is backed by huge pages (<memoryBacking><hugepages/>). "
                        "Statistics still work, but inflating the balloon gives no memory back "
                        "to the host: static huge pages cannot be freed page by page.");
    return check;
}

} // namespace bs
