#pragma once

#include "PrometheusClient.h"
#include "history/NeedQuery.h"

namespace bs::prom {

// The sizing advisor's input from a server: each guest's need per step as the highest the
// scrapes in the step saw (max_over_time of used-excluding-cache, or of used where the guest has
// no MemAvailable: cache counted), weighted by the scrapes behind it, so a short peak is never
// averaged away; pressure, balloon hours and the newest state from the scrapes (readSamples);
// the host's memory and KSM saving per hour. The step is max(1 s, window / 11,000), and the
// tier it is reported as: raw below a minute, the minute or hour roll-up above.
// `request.uuids` must be UUIDs (PrometheusHistory fills and checks them).
Result<NeedResult> readNeeds(const PrometheusClient &client, const NeedRequest &request);

} // namespace bs::prom
