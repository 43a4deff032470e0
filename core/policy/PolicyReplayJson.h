#pragma once

#include "PolicyReplay.h"

#include <QJsonObject>

namespace bs {

// The replay as JSON (`balloonscope-cli simulate --json`): per policy its summary, squeezes
// and per-guest figures; with `series`, every guest's balloon and the host's projected free
// memory per bucket. Sizes in KiB, times in ms since the epoch.
QJsonObject policyReplayJson(const ReplayInput &input, const QList<PolicyReplay> &runs,
                             bool series);

} // namespace bs
