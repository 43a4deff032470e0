#pragma once

#include "HostAdvice.h"

#include <QJsonObject>

namespace bs {

// The advice as JSON (`balloonscope-cli advise --json`): KiB throughout, times in ms since the
// epoch and ISO 8601, stable keys. Absent figures are null.
QJsonObject hostAdviceToJson(const HostAdvice &advice);
QJsonObject guestAdviceToJson(const GuestAdvice &advice);

} // namespace bs
