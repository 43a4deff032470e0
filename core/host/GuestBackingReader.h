#pragma once

#include "HugepageBacking.h"
#include "NodeMemoryReader.h"
#include "monitor/MemorySample.h"

#include <QHash>
#include <QList>
#include <QString>

#include <libvirt/libvirt.h>

namespace bs {

// Which guests are backed by huge pages, from their domain XML. Blocking: run it on the host's
// worker thread.
//
// Cadence: the backing only changes when a guest starts (live XML) or is redefined (inactive
// XML), so the domain list (one call) is re-read only when the poll's set of guests or their
// running states changed, or every RefreshMs; a guest's XML (one call each) only when its
// (uuid, domain id) pair is new, or for a shut-off guest every RefreshMs. A steady host costs no
// call at all between refreshes. A guest restarted and redefined within one poll interval is
// noticed at the next refresh.
class GuestBackingReader {
public:
    static constexpr qint64 RefreshMs = 5 * 60 * 1000;

    void reset();
    NodeRead<QList<GuestBacking>> read(virConnectPtr conn, const QList<MemorySample> &guests,
                                       qint64 monotonicMs);
    int takeCalls() { return std::exchange(m_calls, 0); }

private:
    struct Entry {
        unsigned id = 0; // virDomainGetID; (unsigned)-1 when shut off
        qint64 readMs = 0;
        GuestBacking backing;
    };

    bool needsList(const QList<MemorySample> &guests, qint64 monotonicMs) const;
    QList<GuestBacking> listed() const;

    QHash<QString, Entry> m_entries;   // by uuid, the guests of the last list
    QHash<QString, bool> m_pollStates; // uuid → active, from the poll the list was made for
    QList<QString> m_order;            // the list's order, for a stable output
    // What read() answers between lists, made once per list: every poll copied each guest's
    // entry into a new list (issue 18).
    QList<GuestBacking> m_current;
    qint64 m_listedMs = -1;
    int m_calls = 0;
};

} // namespace bs
