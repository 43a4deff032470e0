#include "RecordedVerdict.h"

#include <QDateTime>
#include <QLocale>

namespace bs {

Verdict verdictForStatsState(StatsState state) {
    switch (state) {
    case StatsState::Reporting:
        return Verdict::Ready;
    case StatsState::Off:
        return Verdict::PollingOff;
    case StatsState::NoBalloon:
        return Verdict::NoBalloonDevice;
    case StatsState::NoDriver:
        return Verdict::NoBalloonDriver;
    case StatsState::Stale:
        return Verdict::NotDelivering;
    case StatsState::Inactive:
    case StatsState::Waiting:
    case StatsState::Unknown:
        break;
    }
    return Verdict::Unknown;
}

RecordedReadiness RecordedReadiness::fromSamples(const QList<MemorySample> &samples) {
    RecordedReadiness r;
    if (samples.isEmpty()) {
        r.reason = tr("Nothing was recorded for this guest in the range.");
        return r;
    }
    const auto lastActive = std::find_if(samples.crbegin(), samples.crend(),
                                         [](const MemorySample &s) { return isActive(s.state); });
    if (lastActive == samples.crend()) {
        r.reason = tr("The guest did not run in the range.");
        return r;
    }
    r.atMs = lastActive->timeMs;
    r.state = lastActive->statsState;
    r.verdict = verdictForStatsState(r.state);
    r.reason = statsStateExplanation(r.state);
    if (lastActive != samples.crbegin()) {
        r.reason +=
            QLatin1Char(' ') + tr("(As last seen running, %1.)")
                                   .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.atMs),
                                                           QLocale::ShortFormat));
    }
    return r;
}

} // namespace bs
