#pragma once

#include "GuestAdvisor.h"
#include "HostWhatIf.h"
#include "SizingPolicy.h"
#include "history/NeedQuery.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace bs {

// Everything the Sizing tab, the report's Sizing section and `balloonscope-cli advise` show for
// one host: one function from the history's answer, so the three never disagree.
struct HostAdvice {
    QString hostId;
    SizingPolicy policy;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    int intervalSeconds = 0;
    QList<Tier> tiers;
    QList<GuestAdvice> guests; // the history's order (by name)
    HostWhatIf whatIf;
    qint64 reclaimableKiB = 0; // Σ over the guests
};

// The window ending at `nowMs` the policy asks for.
NeedRequest needRequestFor(const QString &hostId, const SizingPolicy &policy, qint64 nowMs);
HostAdvice adviseHost(const NeedResult &history, const SizingPolicy &policy,
                      const WhatIfRequest &whatIf = {});

} // namespace bs

Q_DECLARE_METATYPE(bs::HostAdvice)
