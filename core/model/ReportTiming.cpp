#include "ReportTiming.h"

#include <algorithm>

namespace bs::ReportTiming {

int graceSeconds(int periodSeconds, int pollIntervalSeconds) {
    return 2 * std::max(1, periodSeconds) + std::max(1, pollIntervalSeconds) + 1;
}

qint64 gapSeconds(int pollIntervalSeconds) {
    return 3LL * std::max(1, pollIntervalSeconds) + 2;
}

bool hostOverdue(qint64 lastAnswerMs, qint64 nowMs, int pollIntervalSeconds) {
    return lastAnswerMs > 0 && nowMs - lastAnswerMs > 2000LL * std::max(1, pollIntervalSeconds);
}

} // namespace bs::ReportTiming
