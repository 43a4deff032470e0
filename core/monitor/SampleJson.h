#pragma once

#include "MemorySample.h"

#include <QJsonObject>

namespace bs {

// A sample as JSON: every field in KiB under libvirt's names (null when absent, never 0), the
// derived metrics and the stats state. The CLI, the exports and the tests share this shape.
QJsonObject sampleToJson(const MemorySample &sample);

} // namespace bs
