#pragma once

#include "ReadinessTypes.h"
#include "model/BalloonConfig.h"

#include <QString>

namespace bs {

// What a domain XML says that matters for readiness, read in one pass. Reusable by any panel
// that needs the guest's OS, agent channel or memory backing.
struct DomainXmlFacts {
    enum class AgentChannel {
        Absent,       // no org.qemu.guest_agent.0 channel
        Connected,    // state='connected': an agent runs in the guest
        Disconnected, // state='disconnected': channel there, no agent answering
        NoState,      // channel there, no state attribute (inactive XML, non-QEMU driver)
    };

    bool parsed = false; // false: not XML (then every other field is a default)
    QString domainType;  // <domain type='kvm|qemu|test'>
    BalloonConfig balloon;
    QString libosinfoId; // <libosinfo:os id='http://microsoft.com/win/10'/>, empty when absent
    AgentChannel agentChannel = AgentChannel::Absent;
    bool hugePages = false; // <memoryBacking><hugepages/>

    OsFamily osFamily() const { return osFamilyFromLibosinfo(libosinfoId); }

    // http://microsoft.com/win/... is Windows; the distributions libosinfo knows are Linux;
    // BSDs and Solaris are Other; empty or unrecognised is Unknown.
    static OsFamily osFamilyFromLibosinfo(const QString &id);
    static QString agentChannelKey(AgentChannel channel);
};

DomainXmlFacts parseDomainXmlFacts(const QString &domainXml);

} // namespace bs
