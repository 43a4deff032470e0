#include "RangePresets.h"

#include <QCoreApplication>

#include <limits>

namespace bs {

namespace {

struct PresetInfo {
    const char *key;
    qint64 seconds;
    const char *label;
};

constexpr PresetInfo Presets[] = {
    {"15m", 15 * 60, QT_TRANSLATE_NOOP("bs::RangePreset", "Last 15 minutes")},
    {"1h", 3600, QT_TRANSLATE_NOOP("bs::RangePreset", "Last hour")},
    {"6h", 6 * 3600, QT_TRANSLATE_NOOP("bs::RangePreset", "Last 6 hours")},
    {"1d", 86400, QT_TRANSLATE_NOOP("bs::RangePreset", "Last day")},
    {"7d", 7 * 86400, QT_TRANSLATE_NOOP("bs::RangePreset", "Last week")},
    {"30d", 30 * 86400, QT_TRANSLATE_NOOP("bs::RangePreset", "Last 30 days")},
    {"90d", 90 * 86400, QT_TRANSLATE_NOOP("bs::RangePreset", "Last 90 days")},
    {"1y", 365 * 86400, QT_TRANSLATE_NOOP("bs::RangePreset", "Last year")},
};

} // namespace

QString RangePreset::label() const {
    for (const PresetInfo &p : Presets) {
        if (key == QLatin1String(p.key))
            return QCoreApplication::translate("bs::RangePreset", p.label);
    }
    return key;
}

QList<RangePreset> rangePresets() {
    QList<RangePreset> out;
    for (const PresetInfo &p : Presets)
        out.append(RangePreset{QString::fromLatin1(p.key), p.seconds});
    return out;
}

std::optional<qint64> parseDurationSeconds(const QString &text) {
    QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return std::nullopt;
    qint64 unit = 1;
    switch (t.back().unicode()) {
    case 's':
        break;
    case 'm':
        unit = 60;
        break;
    case 'h':
        unit = 3600;
        break;
    case 'd':
        unit = 86400;
        break;
    case 'w':
        unit = 7 * 86400;
        break;
    case 'y':
        unit = 365 * 86400;
        break;
    default:
        t.append(QLatin1Char('s'));
        break;
    }
    t.chop(1);
    bool ok = false;
    const qint64 n = t.trimmed().toLongLong(&ok);
    if (!ok || n <= 0 || n > std::numeric_limits<qint64>::max() / unit / 1000)
        return std::nullopt;
    return n * unit;
}

} // namespace bs
