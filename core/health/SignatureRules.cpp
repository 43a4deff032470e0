#include "SignatureRules.h"

#include "common/Units.h"

#include <QCoreApplication>

namespace bs {

namespace {

HealthFinding signature(const GuestWindow &guest, const QString &which, Severity severity) {
    HealthFinding f;
    f.rule = HealthRule::Signature;
    f.severity = severity;
    f.hostId = guest.hostId;
    f.uuid = guest.uuid;
    f.guest = guest.name;
    f.condition = QStringLiteral("signature\n") + guest.hostId + QLatin1Char('\n') + guest.uuid +
                  QLatin1Char('\n') + which;
    return f;
}

// Whether the newest `enough` reports whose last_update advanced carried not a single guest
// figure, with nothing between them that ends such a run (a report with figures, a stop).
// Walks back from the newest poll and stops at the first thing that settles it: a guest that
// reports figures is settled by its newest report, not by its whole window.
// A report "advanced" when its last_update is later than the one before it since the guest last
// ran; repeated or older ones neither count nor end a run.
bool emptyReportsInARow(const GuestWindow &guest, int enough) {
    int run = 0;
    const WindowSample *later = nullptr; // the nearest later poll with a last_update, not judged
    qint64 laterUpdate = 0;
    for (qsizetype i = guest.samples.size() - 1; i >= 0; --i) {
        const WindowSample &s = guest.samples.at(i);
        if (!isActive(s.state))
            break; // the poll after it had no last_update to advance from
        const qint64 update = s.stats.lastUpdate.value_or(0);
        if (update <= 0)
            continue;
        if (later && laterUpdate > update) { // `later` advanced from this one
            if (later->stats.hasGuestFields())
                return false;
            if (++run >= enough)
                return true;
        }
        later = &s;
        laterUpdate = update;
    }
    return false;
}

} // namespace

QList<HealthFinding> signatureFindings(const GuestWindow &guest,
                                       const HealthThresholds &thresholds) {
    QList<HealthFinding> out;
    const MemorySample *latest = guest.latest();
    if (!thresholds.isEnabled(HealthRule::Signature) || !latest || !isActive(latest->state))
        return out;

    if (emptyReportsInARow(guest, 2)) {
        HealthFinding f =
            signature(guest, QStringLiteral("no_figures"), thresholds.signatureSeverity);
        f.message = QCoreApplication::translate(
            "bs::Health", "Reports arrive (last_update advances) but carry no figure: the guest "
                          "reports −1 for each. Seen with Windows 11 on ARM64.");
        f.remedy = QCoreApplication::translate(
            "bs::Health", "Update the virtio-win balloon driver and BalloonService; until then the "
                          "guest's own usage cannot be known.");
        out.append(f);
    }

    const int back = guest.countersWentBack();
    if (back >= 2) {
        HealthFinding f =
            signature(guest, QStringLiteral("counters_back"), thresholds.signatureSeverity);
        f.message = QCoreApplication::translate(
            "bs::Health",
            "The swap and fault counters went back %n time(s): they are not cumulative. Seen "
            "with BalloonService builds before 2016, which report per-second values in pages.",
            nullptr, back);
        f.remedy = QCoreApplication::translate(
            "bs::Health", "Update the virtio-win guest tools; the swap-in rule cannot judge this "
                          "guest until then.");
        out.append(f);
    }

    const MemorySample *fresh = guest.latestFresh();
    if (fresh && fresh->stats.available && fresh->stats.actual && fresh->stats.maximum &&
        *fresh->stats.actual < *fresh->stats.maximum) {
        const quint64 available = *fresh->stats.available;
        const quint64 actual = *fresh->stats.actual;
        const quint64 slack = *fresh->stats.maximum / 50; // 2 %
        if (available > actual + slack) {
            HealthFinding f = signature(guest, QStringLiteral("balloon_as_used"), Severity::Info);
            f.message = QCoreApplication::translate(
                            "bs::Health",
                            "The guest reports %1 of memory with a %2 balloon: it counts the %3 "
                            "the balloon took as in use (Windows does). Balloonscope subtracts it "
                            "from the need.")
                            .arg(units::formatKiB(available), units::formatKiB(actual),
                                 units::formatKiB(available - actual));
            out.append(f);
        }
    }
    return out;
}

} // namespace bs
