#pragma once

#include "balloon/GuestBalloonInfo.h"

namespace bs {

struct MemorySample;

// Newer figures from the monitor (which judges freshness across polls) for a guest a dialog
// inspected: its state, balloon size and maximum, and its stats when the sample brings a fresh
// report. Samples of other guests are ignored.
void updateFromSample(GuestBalloonInfo &info, const MemorySample &sample);

} // namespace bs
