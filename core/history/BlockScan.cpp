#include "BlockScan.h"

namespace bs::history {

BlockScan::BlockScan(sqlite::Database &db, const BlockTableSpec &spec)
    : m_db(db)
    , m_spec(spec) {}

int BlockScan::column(const char *name) const {
    return int(m_spec.values.indexOf(QByteArray(name)));
}

Status BlockScan::forEach(qint64 owner, qint64 from, qint64 to, std::initializer_list<int> columns,
                          const std::function<void(const DecodedBlock &, int)> &onRow) {
    uint64_t wanted = 0;
    for (const int c : columns) {
        if (c < 0)
            return sqlite::corruptError(QStringLiteral("%1 lacks a column the reader needs")
                                            .arg(QString::fromLatin1(m_spec.name)));
        wanted |= c >= 63 ? uint64_t(1) << 63 : uint64_t(1) << c;
    }
    return scan(owner, from, to, wanted, onRow);
}

Status BlockScan::forEachWhole(qint64 owner, qint64 from, qint64 to,
                               const std::function<void(const DecodedBlock &, int)> &onRow) {
    return scan(owner, from, to, ~uint64_t(0), onRow);
}

Status BlockScan::scan(qint64 owner, qint64 from, qint64 to, uint64_t wanted,
                       const std::function<void(const DecodedBlock &, int)> &onRow) {
    if (!m_blocks.isValid()) {
        // The blocks that reach into [from, to): they start before its end and end at or after
        // its start; on the (owner, t0) index, in time order. An owner's blocks do not overlap,
        // so none starts before the last one that starts at or before `from`: the index range
        // begins there, not at the owner's first block (a week of raw polls is 500 blocks a
        // guest, and the compactor reads one minute of each guest every minute).
        const QByteArray &b = m_spec.blocks;
        auto q = m_db.prepare(("SELECT t0, n, data FROM " + b +
                               " WHERE owner = ?1 AND t0 >= coalesce((SELECT max(t0) FROM " + b +
                               " WHERE owner = ?1 AND t0 <= ?2), ?2) AND t0 < ?3 AND t1 >= ?2 "
                               "ORDER BY t0")
                                  .constData());
        if (!q)
            return q.error();
        m_blocks = std::move(*q);
    }
    m_blocks.reset();
    m_blocks.bind(1, owner).bind(2, from).bind(3, to);
    bool damaged = false;
    const Status s = m_blocks.forEachRow([&] {
        if (damaged)
            return;
        const QByteArray data = m_blocks.blob(2);
        if (!decodeBlock(data, m_spec.columns, wanted, m_block) ||
            m_block.rows != m_blocks.int64(1) || m_block.t.empty() ||
            m_block.t.front() != m_blocks.int64(0)) {
            damaged = true;
            return;
        }
        for (int i = 0; i < m_block.rows; ++i) {
            const qint64 t = m_block.t[size_t(i)];
            if (t >= from && t < to)
                onRow(m_block, i);
        }
    });
    m_blocks.reset();
    if (!s)
        return s;
    if (damaged)
        return sqlite::corruptError(
            QStringLiteral("a block of %1 is damaged").arg(QString::fromLatin1(m_spec.name)));
    return Status::success();
}

} // namespace bs::history
