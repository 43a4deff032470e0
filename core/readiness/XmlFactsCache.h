#pragma once

#include "DomainXmlFacts.h"

#include <QByteArrayView>
#include <QHash>
#include <QSet>
#include <QString>

#include <array>
#include <mutex>

namespace bs {

// The facts of each guest's domain XML (its live and its inactive one), kept while the XML does
// not change. A readiness check reads both XMLs of every guest, and every re-check found them
// as they were: at 5,000 guests parsing them again was a quarter of the monitor threads' time
// (issue 18). An XML counts as unchanged when its length and two 64-bit hashes of its bytes are
// the same; what is kept is the parsed facts, not the XML. One per host, shared by its checks;
// thread-safe.
class XmlFactsCache {
public:
    enum class Kind { Live, Inactive };

    // The facts of `xml` (UTF-8): those kept for the guest's `kind` when the XML is the one
    // parsed then, else parsed now and kept.
    DomainXmlFacts facts(const QString &uuid, Kind kind, QByteArrayView xml);
    // Forgets every guest not in `uuids` (gone from the host).
    void retain(const QSet<QString> &uuids);

    qsizetype guests() const;
    qsizetype parses() const; // how many facts() calls parsed (for tests)

private:
    struct Entry {
        qsizetype length = -1;
        size_t hashA = 0;
        size_t hashB = 0;
        DomainXmlFacts facts;
    };

    // The kept facts' strings shared with the equal ones of other guests ("kvm", "virtio", one
    // libosinfo id for many guests): each parse makes its own copies.
    void intern(QString &text);

    mutable std::mutex m_mutex;
    QHash<QString, std::array<Entry, 2>> m_entries;
    QSet<QString> m_strings;
    qsizetype m_parses = 0;
};

} // namespace bs
