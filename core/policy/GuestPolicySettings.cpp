#include "GuestPolicySettings.h"

#include "libvirt/LibvirtError.h"
#include "libvirt/LibvirtHandles.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

namespace bs {

namespace {

unsigned int flagsOf(MetadataScope scope) {
    switch (scope) {
    case MetadataScope::Live:
        return VIR_DOMAIN_AFFECT_LIVE;
    case MetadataScope::Config:
        return VIR_DOMAIN_AFFECT_CONFIG;
    case MetadataScope::Both:
        return VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG;
    }
    return VIR_DOMAIN_AFFECT_CURRENT;
}

} // namespace

QString GuestPolicySettings::toXml() const {
    QString out;
    QXmlStreamWriter w(&out);
    w.writeStartElement(QStringLiteral("autopilot"));
    w.writeAttribute(QStringLiteral("enabled"),
                     enabled ? QStringLiteral("yes") : QStringLiteral("no"));
    if (floorKiB)
        w.writeAttribute(QStringLiteral("floor-kib"), QString::number(*floorKiB));
    if (shares)
        w.writeAttribute(QStringLiteral("shares"), QString::number(*shares));
    w.writeEndElement();
    return out;
}

Result<GuestPolicySettings> GuestPolicySettings::fromXml(const QString &xml) {
    QXmlStreamReader r(xml);
    if (!r.readNextStartElement())
        return Error::invalidArgument(
            QCoreApplication::translate("bs::GuestPolicySettings",
                                        "The autopilot settings in the guest's metadata are not "
                                        "XML: %1")
                .arg(r.errorString()));
    if (r.name() != QLatin1String("autopilot"))
        return Error::invalidArgument(
            QCoreApplication::translate(
                "bs::GuestPolicySettings",
                "The guest's Balloonscope metadata holds <%1>, not <autopilot>.")
                .arg(r.name().toString()));
    GuestPolicySettings s;
    const QXmlStreamAttributes a = r.attributes();
    const QString enabled = a.value(QLatin1String("enabled")).toString();
    if (enabled == QLatin1String("yes"))
        s.enabled = true;
    else if (enabled != QLatin1String("no") && !enabled.isEmpty())
        return Error::invalidArgument(
            QCoreApplication::translate(
                "bs::GuestPolicySettings",
                "enabled=\"%1\" in the guest's autopilot settings: expected yes or no.")
                .arg(enabled));
    if (a.hasAttribute(QLatin1String("floor-kib"))) {
        bool ok = false;
        const qint64 floor = a.value(QLatin1String("floor-kib")).toLongLong(&ok);
        if (!ok || floor < 0)
            return Error::invalidArgument(
                QCoreApplication::translate(
                    "bs::GuestPolicySettings",
                    "floor-kib=\"%1\" in the guest's autopilot settings is not a size in KiB.")
                    .arg(a.value(QLatin1String("floor-kib")).toString()));
        s.floorKiB = floor;
    }
    if (a.hasAttribute(QLatin1String("shares"))) {
        bool ok = false;
        const int shares = a.value(QLatin1String("shares")).toInt(&ok);
        if (!ok || shares < 0 || shares > 50000)
            return Error::invalidArgument(
                QCoreApplication::translate(
                    "bs::GuestPolicySettings",
                    "shares=\"%1\" in the guest's autopilot settings: expected 0 to 50000.")
                    .arg(a.value(QLatin1String("shares")).toString()));
        s.shares = shares;
    }
    return s;
}

Result<GuestPolicySettings> readGuestPolicy(virDomainPtr domain, MetadataScope scope) {
    char *xml = virDomainGetMetadata(
        domain, VIR_DOMAIN_METADATA_ELEMENT, GuestPolicySettings::NamespaceUri,
        scope == MetadataScope::Config ? VIR_DOMAIN_AFFECT_CONFIG : VIR_DOMAIN_AFFECT_LIVE);
    if (!xml) {
        const virErrorPtr e = virGetLastError();
        if (e && e->code == VIR_ERR_NO_DOMAIN_METADATA) {
            virResetLastError();
            return GuestPolicySettings{}; // none yet: off
        }
        return lastLibvirtError(QCoreApplication::translate(
            "bs::GuestPolicySettings", "Could not read the guest's autopilot settings"));
    }
    const QString text = QString::fromUtf8(xml);
    free(xml);
    return GuestPolicySettings::fromXml(text);
}

Status writeGuestPolicy(virDomainPtr domain, const std::optional<GuestPolicySettings> &settings,
                        MetadataScope scope) {
    const QByteArray xml = settings ? settings->toXml().toUtf8() : QByteArray();
    if (virDomainSetMetadata(domain, VIR_DOMAIN_METADATA_ELEMENT,
                             settings ? xml.constData() : nullptr, GuestPolicySettings::Prefix,
                             GuestPolicySettings::NamespaceUri, flagsOf(scope)) < 0)
        return lastLibvirtError(QCoreApplication::translate(
            "bs::GuestPolicySettings", "Could not write the guest's autopilot settings"));
    return Status::success();
}

GuestPolicyList readGuestPolicies(virConnectPtr connection) {
    GuestPolicyList out;
    virDomainPtr *domains = nullptr;
    const int n = virConnectListAllDomains(connection, &domains, VIR_CONNECT_LIST_DOMAINS_ACTIVE);
    if (n < 0) {
        out.error = lastLibvirtError(QCoreApplication::translate("bs::GuestPolicySettings",
                                                                 "Could not list the guests"))
                        .message;
        return out;
    }
    for (int i = 0; i < n; ++i) {
        DomainHandle domain(domains[i]);
        char uuid[VIR_UUID_STRING_BUFLEN] = {};
        if (virDomainGetUUIDString(domain.get(), uuid) < 0) {
            virResetLastError();
            continue;
        }
        GuestPolicyEntry e;
        e.uuid = QString::fromLatin1(uuid);
        e.name = QString::fromUtf8(virDomainGetName(domain.get()));
        e.persistent = virDomainIsPersistent(domain.get()) == 1;
        const auto s = readGuestPolicy(domain.get(), MetadataScope::Live);
        if (s)
            e.settings = *s;
        else
            e.error = s.error().message;
        out.guests.append(e);
    }
    free(domains);
    std::sort(out.guests.begin(), out.guests.end(),
              [](const GuestPolicyEntry &a, const GuestPolicyEntry &b) { return a.name < b.name; });
    return out;
}

Status writeGuestPolicy(virConnectPtr connection, const QString &uuid,
                        const std::optional<GuestPolicySettings> &settings) {
    DomainHandle domain(virDomainLookupByUUIDString(connection, uuid.toLatin1().constData()));
    if (!domain)
        return lastLibvirtError(QCoreApplication::translate(
            "bs::GuestPolicySettings", "Could not find the guest to write its settings"));
    const bool persistent = virDomainIsPersistent(domain.get()) == 1;
    return writeGuestPolicy(domain.get(), settings,
                            persistent ? MetadataScope::Both : MetadataScope::Live);
}

} // namespace bs
