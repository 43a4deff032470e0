#include "GuestAdvice.h"

#include <QCoreApplication>

namespace bs {

QString adviceStatusKey(AdviceStatus status) {
    switch (status) {
    case AdviceStatus::Advised:
        return QStringLiteral("advised");
    case AdviceStatus::NotReporting:
        return QStringLiteral("not_reporting");
    case AdviceStatus::Stale:
        return QStringLiteral("stale");
    case AdviceStatus::NeverReported:
        break;
    }
    return QStringLiteral("never_reported");
}

QString adviceReason(const GuestAdvice &advice) {
    switch (advice.status) {
    case AdviceStatus::Advised:
        return {};
    case AdviceStatus::NotReporting:
        return QCoreApplication::translate("bs::Sizing",
                                           "Not reporting (%1): %2 See Readiness for the fix.")
            .arg(statsStateName(advice.statsState), statsStateExplanation(advice.statsState));
    case AdviceStatus::Stale:
        return QCoreApplication::translate(
            "bs::Sizing", "Its statistics went stale: the balloon driver is loaded but nothing "
                          "feeds it (on Windows: BalloonService). See Readiness for the fix.");
    case AdviceStatus::NeverReported:
        break;
    }
    return QCoreApplication::translate(
        "bs::Sizing", "No memory statistics recorded in the window: enable the stats period "
                      "and let it record. See Readiness.");
}

QString tierSourceName(Tier tier) {
    switch (tier) {
    case Tier::Raw:
        return QCoreApplication::translate("bs::Sizing", "raw polls");
    case Tier::Minute:
        return QCoreApplication::translate("bs::Sizing", "1-minute maxima");
    case Tier::Hour:
        break;
    }
    return QCoreApplication::translate("bs::Sizing", "1-hour maxima");
}

QString tierSourceKey(Tier tier) {
    return tierKey(tier);
}

} // namespace bs
