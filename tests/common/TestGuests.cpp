#include "TestGuests.h"

namespace bs::test {

QByteArray testGuestXml(const TestGuestSpec &spec) {
    return QStringLiteral("<domain type='test'>\n"
                          "  <name>%1</name>\n"
                          "  <memory unit='KiB'>%2</memory>\n"
                          "  <currentMemory unit='KiB'>%3</currentMemory>\n"
                          "  <os>\n    <type arch='x86_64'>hvm</type>\n  </os>\n"
                          "  <devices>\n"
                          "    <disk type='file' device='disk'>\n"
                          "      <source file='/guest/%1.img'/>\n"
                          "      <target dev='vda' bus='virtio'/>\n"
                          "    </disk>\n"
                          "    <graphics type='vnc' port='-1' passwd='s3cret'/>\n"
                          "%4"
                          "  </devices>\n"
                          "</domain>\n")
        .arg(spec.name)
        .arg(spec.memoryKiB)
        .arg(spec.currentKiB)
        .arg(spec.balloon.isEmpty() ? QString() : QStringLiteral("    ") + spec.balloon + u'\n')
        .toUtf8();
}

ScopedTestGuest::ScopedTestGuest(virConnectPtr conn, const TestGuestSpec &spec)
    : m_name(spec.name) {
    if (virConnectRef(conn) == 0)
        m_conn.reset(conn);
    const QByteArray xml = testGuestXml(spec);
    if (!spec.persistent) {
        m_domain.reset(virDomainCreateXML(conn, xml.constData(), 0));
    } else {
        m_domain.reset(virDomainDefineXML(conn, xml.constData()));
        if (m_domain && spec.running && virDomainCreate(m_domain.get()) < 0)
            m_domain.reset();
    }
    if (!m_domain) {
        virErrorPtr e = virGetLastError();
        m_error = QString::fromUtf8(e && e->message ? e->message : "unknown error");
        virResetLastError();
    }
}

ScopedTestGuest::~ScopedTestGuest() {
    remove();
}

QString ScopedTestGuest::uuid() const {
    char uuid[VIR_UUID_STRING_BUFLEN] = {};
    if (!m_domain || virDomainGetUUIDString(m_domain.get(), uuid) < 0)
        return {};
    return QString::fromLatin1(uuid);
}

QString ScopedTestGuest::xml(unsigned flags) const {
    if (!m_domain)
        return {};
    LibvirtString text(virDomainGetXMLDesc(m_domain.get(), flags));
    return text ? QString::fromUtf8(text.get()) : QString();
}

void ScopedTestGuest::remove() {
    if (!m_conn)
        return;
    // Look it up again: the test may have replaced or removed it meanwhile.
    DomainHandle current(virDomainLookupByName(m_conn.get(), m_name.toUtf8().constData()));
    if (current) {
        if (virDomainIsActive(current.get()) == 1)
            virDomainDestroy(current.get());
        if (virDomainIsPersistent(current.get()) == 1)
            virDomainUndefine(current.get());
    }
    virResetLastError();
}

} // namespace bs::test
