#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace bs {

// How the advisor turns a guest's need into a recommendation (SIZING.md §2):
//   recommended = max(floor, percentile(need) × (1 + headroom)), rounded up to whole MiB,
// over the last `windowSeconds` of history. Three presets and a custom one.
enum class SizingPreset { Conservative, Balanced, Aggressive, Custom };

struct SizingPolicy {
    SizingPreset preset = SizingPreset::Balanced;
    double percentile = 95.0; // 50 to 100
    double headroom = 0.15;   // 0 to 1: +15 %
    qint64 windowSeconds = 14 * 86400;
    // Never recommend less than this (KiB); a guest's own floor (by UUID) raises it for that guest.
    qint64 floorKiB = DefaultFloorKiB;
    QHash<QString, qint64> guestFloorsKiB;

    static constexpr qint64 DefaultFloorKiB = 256 * 1024;

    // The preset's percentile, headroom and window (Custom: the Balanced figures to start from).
    static SizingPolicy fromPreset(SizingPreset preset);
    static QList<SizingPreset> presets(); // the three named ones
    qint64 floorFor(const QString &uuid) const;
    // Checks the ranges; an empty string when usable, else a translated reason.
    QString validationError() const;
    bool operator==(const SizingPolicy &) const = default;
};

QString sizingPresetKey(SizingPreset preset); // "conservative", ...: CLI, JSON, settings
std::optional<SizingPreset> sizingPresetFromKey(const QString &key);
QString sizingPresetName(SizingPreset preset); // translated: "Balanced"
// "P95 + 15 % over 14 days", translated.
QString sizingPolicySummary(const SizingPolicy &policy);

} // namespace bs

Q_DECLARE_METATYPE(bs::SizingPolicy)
