#pragma once

#include "HealthThresholds.h"
#include "host/NodeMemory.h"

namespace bs {

// The host's available memory (free + buffers + cached, libvirt's node figures) below the
// floors. Appends its figure; nothing when the host gave no total or no free figure.
QList<HealthFinding> hostAvailableFindings(const QString &hostId, const NodeMemory &memory,
                                           const HealthThresholds &thresholds,
                                           QList<HealthFigure> &figures);

} // namespace bs
