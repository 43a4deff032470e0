#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace bs {

// The chart's time-range presets (15 min … 1 year) and the duration syntax the CLI accepts.
struct RangePreset {
    QString key; // "15m", "1h", ... also valid input for parseDurationSeconds
    qint64 seconds = 0;
    QString label() const; // translated: "Last 15 minutes"
};

QList<RangePreset> rangePresets();

// "90" (seconds), "90s", "15m", "1h", "7d", "2w", "1y" (365 days); empty when not a positive
// duration.
std::optional<qint64> parseDurationSeconds(const QString &text);

} // namespace bs
