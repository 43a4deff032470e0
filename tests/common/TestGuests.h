#pragma once

#include "libvirt/LibvirtHandles.h"

#include <QByteArray>
#include <QString>

namespace bs::test {

// A guest for test:///default. The driver's state is shared by every connection of the test
// process, so each test makes its own guests, with its own names, and removes them again.
struct TestGuestSpec {
    QString name;
    QString balloon = QStringLiteral("<memballoon model='virtio'/>"); // empty: no element
    bool persistent = true;
    bool running = true;
    quint64 memoryKiB = 4194304;  // <memory>
    quint64 currentKiB = 2097152; // <currentMemory>
};

QByteArray testGuestXml(const TestGuestSpec &spec);

class ScopedTestGuest {
public:
    ScopedTestGuest(virConnectPtr conn, const TestGuestSpec &spec);
    ~ScopedTestGuest();
    ScopedTestGuest(const ScopedTestGuest &) = delete;
    ScopedTestGuest &operator=(const ScopedTestGuest &) = delete;

    bool ok() const { return bool(m_domain); }
    QString error() const { return m_error; }
    virDomainPtr domain() const { return m_domain.get(); }
    QString uuid() const;
    QString name() const { return m_name; }

    // The guest's XML as libvirt has it now (flags: VIR_DOMAIN_XML_INACTIVE, ...).
    QString xml(unsigned flags = 0) const;
    // Destroys it (and undefines a persistent one): "the guest vanished".
    void remove();

private:
    ConnectHandle m_conn;
    DomainHandle m_domain;
    QString m_name;
    QString m_error;
};

} // namespace bs::test
