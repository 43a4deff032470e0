#include "XmlFactsCache.h"

namespace bs {

namespace {

// Two independent seeds: the pair of hashes is what tells two XMLs of one length apart.
constexpr size_t SeedA = size_t(0x9e3779b97f4a7c15ULL);
constexpr size_t SeedB = size_t(0xc2b2ae3d27d4eb4fULL);

} // namespace

DomainXmlFacts XmlFactsCache::facts(const QString &uuid, Kind kind, QByteArrayView xml) {
    const size_t a = qHash(xml, SeedA);
    const size_t b = qHash(xml, SeedB);
    const std::size_t slot = kind == Kind::Live ? 0 : 1;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.constFind(uuid);
        if (it != m_entries.cend()) {
            const Entry &e = (*it)[slot];
            if (e.length == xml.size() && e.hashA == a && e.hashB == b)
                return e.facts;
        }
    }
    // Parsed outside the lock. Today one host's checks run one after another on its worker
    // thread; the lock keeps the cache sound if a caller ever shares it across threads.
    DomainXmlFacts parsed = parseDomainXmlFacts(QString::fromUtf8(xml));
    std::lock_guard lock(m_mutex);
    ++m_parses;
    intern(parsed.domainType);
    intern(parsed.balloon.modelName);
    intern(parsed.libosinfoId);
    m_entries[uuid][slot] = Entry{xml.size(), a, b, parsed};
    return parsed;
}

void XmlFactsCache::intern(QString &text) {
    if (text.isEmpty())
        return;
    const auto it = m_strings.constFind(text);
    if (it != m_strings.cend())
        text = *it;
    else
        m_strings.insert(text);
}

void XmlFactsCache::retain(const QSet<QString> &uuids) {
    std::lock_guard lock(m_mutex);
    m_entries.removeIf([&uuids](const QHash<QString, std::array<Entry, 2>>::iterator &it) {
        return !uuids.contains(it.key());
    });
}

qsizetype XmlFactsCache::guests() const {
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

qsizetype XmlFactsCache::parses() const {
    std::lock_guard lock(m_mutex);
    return m_parses;
}

} // namespace bs
