#pragma once

#include "ReadinessTypes.h"

#include <QJsonObject>

namespace bs {

// A report as JSON for the CLI and exports: stable English keys (verdict, status, check ids,
// fix kinds), translated text only in the "*_text", "evidence", "remedy" and "next_step" values.
QJsonObject readinessReportToJson(const ReadinessReport &report);

} // namespace bs
