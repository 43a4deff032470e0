#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace bs {

struct BalloonStep;

// A change the balloon controls made, as a value for the history's event markers ("stats period
// set to 10 s", "balloon target 2 GiB → 1.5 GiB"). Only changes libvirt accepted are recorded.
struct BalloonChangeEvent {
    enum class Kind { StatsPeriod, BalloonModel, BalloonTarget, MaximumMemory, BalloonOptions };

    QString hostId;
    QString uuid;
    QString name;
    qint64 timeMs = 0; // ms since the epoch
    Kind kind = Kind::StatsPeriod;
    bool live = true;                      // false: the persistent configuration
    std::optional<qint64> before;          // seconds (period; empty = off) or KiB (target)
    std::optional<qint64> after;           // likewise
    QString beforeModel;                   // BalloonModel: the old model ("" = no element)
    QString afterModel;                    // BalloonModel: "virtio"
    std::optional<bool> freePageReporting; // BalloonOptions: the new settings (empty: unchanged)
    std::optional<bool> autodeflate;

    QString kindKey() const;     // stable English key for the database: "stats_period", ...
    QString description() const; // one translated line for a marker's tooltip

    static BalloonChangeEvent fromStep(const BalloonStep &step, const QString &hostId,
                                       const QString &uuid, const QString &name, qint64 timeMs);
};

} // namespace bs

Q_DECLARE_METATYPE(bs::BalloonChangeEvent)
