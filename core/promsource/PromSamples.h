#pragma once

#include "PrometheusClient.h"
#include "history/SampleQuery.h"

namespace bs::prom {

// The guests' scrapes in range as the history's samples: every figure the endpoint serves, the
// domain state (balloonscope_guest_running), the stats state (balloonscope_guest_stats_state)
// and a report counted fresh where last_update advanced, as the local history records them.
// One sample per step of max(1 s, range / 11,000): the last scrape in it (a step without a
// scrape has none). `request.uuids` must be UUIDs (PrometheusHistory checks them).
Result<SampleResult> readSamples(const PrometheusClient &client, const SampleRequest &request);

} // namespace bs::prom
