#include "HostSampleWriter.h"

#include "HostColumns.h"

#include <limits>

namespace bs::history {

namespace {

std::optional<qint64> stored(std::optional<quint64> value) {
    if (!value)
        return std::nullopt;
    return qint64(qMin<quint64>(*value, quint64(std::numeric_limits<qint64>::max())));
}

} // namespace

HostSampleWriter::HostSampleWriter(sqlite::Database &db)
    : m_db(db) {}

Status HostSampleWriter::write(qint64 hostDbId, const HostSample &s) {
    if (!m_insert.isValid()) {
        auto stmt = m_db.prepare(hostSampleInsertSql().constData(), true);
        if (!stmt)
            return stmt.error();
        m_insert = std::move(stmt).value();
    }
    // Whole seconds, as the guests' samples of the same poll.
    m_insert.bind(1, hostDbId).bind(2, s.timeMs / 1000);
    m_insert.bind(3, stored(s.total)).bind(4, stored(s.free));
    m_insert.bind(5, stored(s.buffers)).bind(6, stored(s.cached));
    m_insert.bind(7, stored(s.guestsMaximum)).bind(8, stored(s.guestsActual));
    m_insert.bind(9, stored(s.guestsUsed));
    m_insert.bind(10, qint64(s.guestsActive)).bind(11, qint64(s.guestsReporting));
    m_insert.bind(12, stored(s.ksmSaved)).bind(13, stored(s.ksmPagesShared));
    m_insert.bind(14, stored(s.ksmPagesSharing)).bind(15, stored(s.ksmPagesUnshared));
    m_insert.bind(16, stored(s.ksmPagesVolatile)).bind(17, stored(s.ksmFullScans));
    m_insert.bind(18, stored(s.hugePagesTotal)).bind(19, stored(s.hugePagesFree));
    return m_insert.run();
}

} // namespace bs::history
