#pragma once

#include "AgentInspector.h"
#include "DomainXmlFacts.h"
#include "HostSideInspector.h"
#include "XmlFactsCache.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QStringList>

#include <libvirt/libvirt.h>

#include <memory>
#include <optional>

namespace bs {

// What one job on a host's worker thread reads about one guest for the readiness report.
struct GuestFacts {
    QString uuid;
    QString name;
    DomainState state = DomainState::Unknown;
    bool persistent = true;
    DomainXmlFacts live; // live XML when active, inactive XML otherwise
    std::optional<DomainXmlFacts> persistentConfig;
    std::optional<StatsObservation> reading; // virDomainMemoryStats, right now
    std::optional<Error> error;              // the guest could not be read at all
    std::optional<AgentFindings> agent;      // when agent checks were requested and possible
    QString agentNotRunReason;               // translated, when requested but not possible
};

struct GuestFactsRequest {
    QStringList guests; // names or UUIDs; empty = every guest of the host
    bool agentChecks = false;
    AgentOptions agentOptions;
    // The host's parsed XMLs from earlier checks; null: every XML parsed.
    std::shared_ptr<XmlFactsCache> xmlCache;
};

class GuestFactsReader {
    Q_DECLARE_TR_FUNCTIONS(GuestFactsReader)

public:
    // Blocking: run it on the host's worker thread (MonitoredHost::submit). A name that matches
    // no guest gives a GuestFacts with a NotFound error; a failing list is the error value.
    static Result<QList<GuestFacts>> read(virConnectPtr conn, const GuestFactsRequest &request);

    static GuestFacts readOne(virDomainPtr domain, const GuestFactsRequest &request);
};

} // namespace bs

Q_DECLARE_METATYPE(bs::GuestFacts)
