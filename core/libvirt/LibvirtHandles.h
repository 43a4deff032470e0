#pragma once

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <memory>

namespace bs {

// RAII owners for libvirt objects. Application code never calls vir*Free itself.
struct ConnectDeleter {
    void operator()(virConnectPtr conn) const noexcept {
        if (conn)
            virConnectClose(conn);
    }
};
struct DomainDeleter {
    void operator()(virDomainPtr domain) const noexcept {
        if (domain)
            virDomainFree(domain);
    }
};

using ConnectHandle = std::unique_ptr<virConnect, ConnectDeleter>;
using DomainHandle = std::unique_ptr<virDomain, DomainDeleter>;

// A second owner of a domain someone else holds (virDomainRef + a handle).
inline DomainHandle retainDomain(virDomainPtr domain) {
    if (domain && virDomainRef(domain) == 0)
        return DomainHandle(domain);
    return {};
}

// The array virConnectGetAllDomainStats hands out.
class DomainStatsRecords {
public:
    DomainStatsRecords() = default;
    DomainStatsRecords(const DomainStatsRecords &) = delete;
    DomainStatsRecords &operator=(const DomainStatsRecords &) = delete;
    ~DomainStatsRecords() { virDomainStatsRecordListFree(m_records); }

    virDomainStatsRecordPtr **out() { return &m_records; }
    int size() const { return m_size; }
    void setSize(int size) { m_size = size; }
    virDomainStatsRecordPtr at(int i) const { return m_records[i]; }

private:
    virDomainStatsRecordPtr *m_records = nullptr;
    int m_size = 0;
};

// The array virConnectListAllDomains hands out; each domain is freed with the list.
class DomainList {
public:
    DomainList() = default;
    DomainList(const DomainList &) = delete;
    DomainList &operator=(const DomainList &) = delete;
    ~DomainList() {
        if (!m_domains)
            return;
        for (int i = 0; i < m_size; ++i)
            virDomainFree(m_domains[i]);
        free(m_domains); // allocated by libvirt with malloc
    }

    virDomainPtr **out() { return &m_domains; }
    int size() const { return m_size; }
    void setSize(int size) { m_size = size; }
    virDomainPtr at(int i) const { return m_domains[i]; }

private:
    virDomainPtr *m_domains = nullptr;
    int m_size = 0;
};

// A string libvirt allocated for us (virDomainGetXMLDesc, virConnectGetHostname, ...).
struct FreeDeleter {
    void operator()(char *p) const noexcept { free(p); }
};
using LibvirtString = std::unique_ptr<char, FreeDeleter>;

// Typed parameters allocated by libvirt (virNodeGetMemoryParameters and friends).
class TypedParamArray {
public:
    TypedParamArray() = default;
    TypedParamArray(const TypedParamArray &) = delete;
    TypedParamArray &operator=(const TypedParamArray &) = delete;
    ~TypedParamArray() { virTypedParamsFree(m_params, m_size); }

    virTypedParameterPtr *out() { return &m_params; }
    int *outSize() { return &m_size; }
    virTypedParameterPtr data() const { return m_params; }
    int size() const { return m_size; }

private:
    virTypedParameterPtr m_params = nullptr;
    int m_size = 0;
};

} // namespace bs
