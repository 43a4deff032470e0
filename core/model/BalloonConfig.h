#pragma once

#include "model/StatsState.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace bs {

// The <memballoon> element of a domain XML, as far as reporting is concerned.
struct BalloonConfig {
    BalloonModel model = BalloonModel::Unknown; // Unknown = XML not read (yet)
    QString modelName;         // the attribute as written ("virtio", "none", "xen", ...)
    std::optional<int> period; // <stats period='N'/>; empty = no element (off)
    bool autodeflate = false;
    bool freePageReporting = false;

    bool statsEnabled() const { return period && *period > 0; }
    bool operator==(const BalloonConfig &) const = default;
};

// Reads the first <devices><memballoon> of a domain XML. XML that does not parse gives
// model Unknown, so a broken document never looks like "no balloon".
BalloonConfig parseBalloonConfig(const QString &domainXml);

} // namespace bs

Q_DECLARE_METATYPE(bs::BalloonConfig)
