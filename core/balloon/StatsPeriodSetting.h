#pragma once

#include "common/Result.h"

#include <QMetaType>
#include <QString>

namespace bs {

// The stats period the user chose: a number of seconds (1..3600) or "off". Off is its own
// value, never a period of 0 typed by mistake: turning statistics off must be a choice.
class StatsPeriodSetting {
public:
    static constexpr int Min = 1;
    static constexpr int Max = 3600; // one hour
    static constexpr int Default = 10;

    StatsPeriodSetting() = default; // Default seconds
    static StatsPeriodSetting off() { return StatsPeriodSetting(0); }
    // Fails for seconds outside Min..Max (0 included: use off()).
    static Result<StatsPeriodSetting> seconds(int seconds);
    // "10", "10s", "off". "0", "-1", "99999", "abc" fail with a sentence saying what to type.
    static Result<StatsPeriodSetting> parse(const QString &text);

    bool isOff() const { return m_seconds == 0; }
    int seconds() const { return m_seconds; } // 0 when off: what libvirt takes for "off"
    QString toString() const;                 // "10 s" / "off", translated

    bool operator==(const StatsPeriodSetting &) const = default;

private:
    explicit StatsPeriodSetting(int seconds)
        : m_seconds(seconds) {}
    int m_seconds = Default;
};

// "10 s" or "off" for a period as libvirt reports it (empty or 0 = off).
QString describePeriod(std::optional<int> seconds);

} // namespace bs

Q_DECLARE_METATYPE(bs::StatsPeriodSetting)
