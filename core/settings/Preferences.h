#pragma once

#include "common/Units.h"

#include <QSettings>
#include <QString>

namespace bs {

// The user's preferences, with their defaults and limits in one place. Stored in QSettings
// (never secrets); the settings object is injected so tests use a temporary file.
struct Preferences {
    int pollIntervalSeconds = 5;     // 1..3600
    int defaultStatsPeriod = 10;     // 1..3600, proposed by the stats-period dialog
    int rawRetentionDays = 7;        // raw samples
    int minuteRetentionDays = 90;    // 1-minute roll-ups
    int hourRetentionDays = 3 * 365; // 1-hour roll-ups
    units::SizeUnit unit = units::SizeUnit::Auto;
    QString language;                  // "" = follow the system
    bool agentChecksByDefault = false; // guest-agent readiness checks taint guests: opt-in
    double usedMarginPercent = 10.0;   // balloon target warning margin above used

    static Preferences load(const QSettings &settings);
    void save(QSettings &settings) const;
    // Brings every value into its range (a hand-edited file cannot break the app).
    Preferences clamped() const;
    bool operator==(const Preferences &) const = default;
};

} // namespace bs
