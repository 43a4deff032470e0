#pragma once

#include <QtGlobal>

namespace bs::ReportTiming {

// How long, in seconds, a guest may take to report before a view says it does not: two stats
// periods for the guest (DOMAIN.md §3: "last_update = 0 after 2 periods: no driver"), one poll
// interval for us to see the report, and one second of jitter. The one rule behind the stats
// state of the table, the readiness verdicts and the stats-flow watch after a change, so that
// they never disagree. Periods and intervals below 1 s count as 1 s.
int graceSeconds(int periodSeconds, int pollIntervalSeconds);

// How far apart, in seconds, two consecutive polls of a series may lie before a chart breaks
// its line there: three poll intervals (a poll may come late, twice) and two seconds of jitter.
// The live chart and the History page both draw with it, so a break shows in both or neither.
// Between a guest's reports its line holds (the last report stands) while the guest is
// "reporting"; it breaks where the guest is not.
qint64 gapSeconds(int pollIntervalSeconds);

// Whether a host's answer is overdue: more than two poll intervals since it last answered (its
// last poll, or its connection). Until then a late poll is only late; after it, what the window
// shows of the host is no longer live and says so. `lastAnswerMs` 0: it never answered.
bool hostOverdue(qint64 lastAnswerMs, qint64 nowMs, int pollIntervalSeconds);

} // namespace bs::ReportTiming
