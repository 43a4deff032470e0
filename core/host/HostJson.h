#pragma once

#include "Advice.h"
#include "HostOverview.h"

#include <QJsonObject>

namespace bs {

// A host overview as JSON, for the CLI (balloonscope-cli host --json) and exports. Memory in KiB
// under libvirt's names (null when absent, never 0), plus "availability": for each figure group
// whether it could be read and, if not, why ("not available on this host").
QJsonObject hostOverviewToJson(const HostOverview &overview, const QList<Advice> &advice);
QJsonObject hostSampleToJson(const HostSample &sample);
QJsonObject adviceToJson(const Advice &advice);

} // namespace bs
