#include "Confidence.h"

#include <QCoreApplication>

#include <algorithm>

namespace bs {

Coverage coverageOf(int reportingPolls, int intervalSeconds, qint64 windowSeconds) {
    if (windowSeconds <= 0 || reportingPolls <= 0 || intervalSeconds <= 0)
        return {};
    const double seconds = double(reportingPolls) * intervalSeconds;
    return Coverage{std::clamp(seconds / double(windowSeconds), 0.0, 1.0),
                    std::min(seconds, double(windowSeconds)) / 86400.0};
}

Confidence confidenceFor(const Coverage &coverage, bool anyNeed) {
    if (!anyNeed)
        return Confidence::None;
    if (coverage.share >= 0.9)
        return Confidence::High;
    if (coverage.share >= 0.5)
        return Confidence::Medium;
    return Confidence::Low;
}

QString confidenceKey(Confidence confidence) {
    switch (confidence) {
    case Confidence::High:
        return QStringLiteral("high");
    case Confidence::Medium:
        return QStringLiteral("medium");
    case Confidence::Low:
        return QStringLiteral("low");
    case Confidence::None:
        break;
    }
    return QStringLiteral("none");
}

QString confidenceName(Confidence confidence) {
    switch (confidence) {
    case Confidence::High:
        return QCoreApplication::translate("bs::Sizing", "High");
    case Confidence::Medium:
        return QCoreApplication::translate("bs::Sizing", "Medium");
    case Confidence::Low:
        return QCoreApplication::translate("bs::Sizing", "Low");
    case Confidence::None:
        break;
    }
    return QCoreApplication::translate("bs::Sizing", "None");
}

} // namespace bs
