#include "DomainXmlFacts.h"

#include <QXmlStreamReader>

namespace bs {

namespace {

const QLatin1String LibosinfoNs("http://libosinfo.org/xmlns/libvirt/domain/1.0");
const QLatin1String AgentChannelName("org.qemu.guest_agent.0");

DomainXmlFacts::AgentChannel channelState(QStringView state) {
    if (state == u"connected")
        return DomainXmlFacts::AgentChannel::Connected;
    if (state == u"disconnected")
        return DomainXmlFacts::AgentChannel::Disconnected;
    return DomainXmlFacts::AgentChannel::NoState;
}

} // namespace

OsFamily DomainXmlFacts::osFamilyFromLibosinfo(const QString &id) {
    if (id.isEmpty())
        return OsFamily::Unknown;
    // The id is a URI whose host names the vendor: http://<vendor>/<os>/<version>.
    const QString lower = id.toLower();
    if (lower.contains(QLatin1String("microsoft.com/win")))
        return OsFamily::Windows;
    static const char *const linuxHosts[] = {
        "debian.org/",     "ubuntu.com/",    "redhat.com/",         "fedoraproject.org/",
        "centos.org/",     "opensuse.org/",  "suse.com/",           "archlinux.org/",
        "alpinelinux.org", "almalinux.org/", "rockylinux.org/",     "oracle.com/ol",
        "gentoo.org/",     "mageia.org/",    "libosinfo.org/linux", "novell.com/",
        "voidlinux.org/",  "nixos.org/",     "clearlinux.org/",     "slackware.com/",
        "kali.org/",       "linuxmint.com/", "elementary.io/",      "mandriva.com/"};
    for (const char *host : linuxHosts) {
        if (lower.contains(QLatin1String(host)))
            return OsFamily::Linux;
    }
    static const char *const otherHosts[] = {
        "freebsd.org/",       "netbsd.org/", "openbsd.org/", "dragonflybsd.org/",
        "oracle.com/solaris", "sun.com/",    "apple.com/",   "haiku-os.org/"};
    for (const char *host : otherHosts) {
        if (lower.contains(QLatin1String(host)))
            return OsFamily::Other;
    }
    return OsFamily::Unknown;
}

QString DomainXmlFacts::agentChannelKey(AgentChannel channel) {
    switch (channel) {
    case AgentChannel::Connected:
        return QStringLiteral("connected");
    case AgentChannel::Disconnected:
        return QStringLiteral("disconnected");
    case AgentChannel::NoState:
        return QStringLiteral("no_state");
    case AgentChannel::Absent:
        break;
    }
    return QStringLiteral("absent");
}

DomainXmlFacts parseDomainXmlFacts(const QString &domainXml) {
    DomainXmlFacts facts;
    QXmlStreamReader xml(domainXml);
    QList<QString> names; // the element names from the root down to the current one
    bool sawRoot = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            names.append(xml.name().toString());
            const QString &name = names.constLast();
            const int depth = int(names.size());
            const auto attrs = xml.attributes();
            if (depth == 1) {
                sawRoot = name == QLatin1String("domain");
                facts.domainType = attrs.value(QLatin1String("type")).toString();
            } else if (!sawRoot) {
                continue;
            } else if (depth == 3 && names.at(1) == QLatin1String("memoryBacking") &&
                       name == QLatin1String("hugepages")) {
                facts.hugePages = true;
            } else if (depth == 4 && names.at(1) == QLatin1String("metadata") &&
                       name == QLatin1String("os") && xml.namespaceUri() == LibosinfoNs) {
                facts.libosinfoId = attrs.value(QLatin1String("id")).toString();
            } else if (depth == 4 && names.at(1) == QLatin1String("devices") &&
                       names.at(2) == QLatin1String("channel") && name == QLatin1String("target") &&
                       attrs.value(QLatin1String("name")) == AgentChannelName) {
                facts.agentChannel = channelState(attrs.value(QLatin1String("state")));
            }
        } else if (token == QXmlStreamReader::EndElement) {
            names.removeLast();
        }
    }
    if (xml.hasError() || !sawRoot)
        return DomainXmlFacts{};
    facts.parsed = true;
    facts.balloon = parseBalloonConfig(domainXml);
    return facts;
}

} // namespace bs
