#pragma once

#include "common/Error.h"
#include "common/Result.h"

#include <QList>
#include <QString>

#include <optional>

typedef struct _virDomain *virDomainPtr;
typedef struct _virConnect *virConnectPtr;

namespace bs {

// A guest's own autopilot settings (issue 15), kept in the domain's <metadata> under
// Balloonscope's namespace so that every Balloonscope (the GUI on any desktop, the headless
// recorder, scripts) sees one policy per guest:
//   <metadata>
//     <balloonscope:autopilot xmlns:balloonscope="urn:balloonscope:autopilot:1"
//                             enabled="yes" floor-kib="524288" shares="1000"/>
//   </metadata>
// libvirt stores and returns the element (virDomainSetMetadata / virDomainGetMetadata); the rest
// of the domain XML is libvirt's and is not touched.
struct GuestPolicySettings {
    bool enabled = false;           // off by default: the autopilot is opt-in per guest
    std::optional<qint64> floorKiB; // never below (else the policy's own floor)
    std::optional<int> shares;      // Proxmox-style shares; unset: the default

    bool operator==(const GuestPolicySettings &) const = default;

    static constexpr const char *NamespaceUri = "urn:balloonscope:autopilot:1";
    static constexpr const char *Prefix = "balloonscope";

    // The element as libvirt takes it (without the namespace declaration: libvirt adds it).
    QString toXml() const;
    // From the element libvirt returns. Unknown attributes are ignored (a newer Balloonscope may
    // add some); a malformed element or value is an error that says what is wrong.
    static Result<GuestPolicySettings> fromXml(const QString &xml);
};

// Where a setting is read from or written to: the running guest, its persistent configuration,
// or both (write only).
enum class MetadataScope { Live, Config, Both };

// The guest's settings; the defaults (off) when it has none. Runs libvirt calls: never on the
// GUI thread.
Result<GuestPolicySettings> readGuestPolicy(virDomainPtr domain, MetadataScope scope);
// Writes them; `std::nullopt` removes Balloonscope's element.
Status writeGuestPolicy(virDomainPtr domain, const std::optional<GuestPolicySettings> &settings,
                        MetadataScope scope);

// Every running guest of a host with its settings (live), for the autopilot and its page.
struct GuestPolicyEntry {
    QString uuid;
    QString name;
    bool persistent = true;
    GuestPolicySettings settings;
    QString error; // the guest's settings could not be read: it counts as off
};
struct GuestPolicyList {
    QList<GuestPolicyEntry> guests;
    QString error; // the guests could not be listed
};
GuestPolicyList readGuestPolicies(virConnectPtr connection);
// Writes one guest's settings (found by UUID): live and, for a persistent guest, its
// configuration too.
Status writeGuestPolicy(virConnectPtr connection, const QString &uuid,
                        const std::optional<GuestPolicySettings> &settings);

} // namespace bs
