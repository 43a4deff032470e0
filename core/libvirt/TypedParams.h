#pragma once

#include "model/BalloonStats.h"
#include "model/DomainState.h"

#include <QList>
#include <QString>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <variant>

namespace bs {

// A typed parameter copied out of libvirt's array, so parsing can be tested and fuzzed without
// libvirt memory.
struct TypedParam {
    QString name;
    std::variant<qint64, quint64, double, bool, QString> value;

    std::optional<quint64> asUnsigned() const; // any non-negative number
    std::optional<qint64> asSigned() const;
};

QList<TypedParam> copyTypedParams(const virTypedParameter *params, int count);

// The balloon.* keys of a virConnectGetAllDomainStats record (balloon.current, balloon.unused,
// ...), read in place: a poll of 5,000 guests copied ~15 named values per guest into QStrings.
BalloonStats balloonStatsFromDomainStats(const virTypedParameter *params, int count);
// state.state of the same record.
DomainState stateFromDomainStats(const virTypedParameter *params, int count);

// The array virDomainMemoryStats fills (tag/value pairs).
BalloonStats balloonStatsFromMemoryStats(const virDomainMemoryStatStruct *stats, int count);

} // namespace bs
