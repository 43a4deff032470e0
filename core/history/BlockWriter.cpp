#include "BlockWriter.h"

#include <QCoreApplication>

#include <algorithm>

namespace bs::history {

namespace {

Error damaged(const BlockTableSpec &spec, qint64 owner) {
    return sqlite::corruptError(
        QCoreApplication::translate("bs::HistoryStore",
                                    "A block of %1 (owner %2) in the history file is damaged.")
            .arg(QString::fromLatin1(spec.name))
            .arg(owner));
}

} // namespace

BlockWriter::BlockWriter(sqlite::Database &db, const BlockTableSpec &spec)
    : m_db(db)
    , m_spec(spec) {}

Status BlockWriter::prepare() {
    if (m_insert.isValid())
        return Status::success();
    const QByteArray b = m_spec.blocks;
    struct Text {
        sqlite::Statement *target;
        QByteArray sql;
    };
    const Text texts[] = {
        {&m_before, "SELECT rowid, t0, t1, n, data FROM " + b +
                        " WHERE owner = ?1 AND t0 <= ?2 ORDER BY t0 DESC LIMIT 1"},
        {&m_within, "SELECT rowid, t0, t1, n, data FROM " + b +
                        " WHERE owner = ?1 AND t0 > ?2 AND t0 <= ?3 ORDER BY t0"},
        {&m_delete, "DELETE FROM " + b + " WHERE rowid = ?1"},
        {&m_first, "SELECT t0 FROM " + b + " WHERE owner = ?1 ORDER BY t0 LIMIT 1"},
        {&m_tail, "SELECT rowid, t0, t1, n FROM " + b +
                      " WHERE owner = ?1 ORDER BY t0 DESC LIMIT " +
                      QByteArray::number(MaxTailBlocks + 1)},
        {&m_data, "SELECT data FROM " + b + " WHERE rowid = ?1"},
        {&m_insert, "INSERT INTO " + b + "(owner, t0, t1, n, data) VALUES (?1, ?2, ?3, ?4, ?5)"},
    };
    for (const Text &text : texts) {
        auto stmt = m_db.prepare(text.sql.constData());
        if (!stmt)
            return stmt.error();
        *text.target = std::move(*stmt);
    }
    return Status::success();
}

Result<std::vector<BlockWriter::Stored>> BlockWriter::overlapping(qint64 owner, qint64 from,
                                                                  qint64 to) {
    std::vector<Stored> out;
    m_before.reset();
    m_before.bind(1, owner).bind(2, from);
    switch (m_before.step()) {
    case sqlite::Statement::Step::Row:
        // The block before: merged only when the rows reach into it (new rows after it make a
        // block of their own; consolidateTail() joins the small ones).
        if (m_before.int64(2) >= from)
            out.push_back({m_before.int64(0), m_before.int64(1), m_before.int64(2),
                           m_before.int64(3), m_before.blob(4)});
        break;
    case sqlite::Statement::Step::Done:
        break;
    case sqlite::Statement::Step::Failed:
        return m_before.error();
    }
    m_before.reset();
    m_within.bind(1, owner).bind(2, from).bind(3, to);
    const Status read = m_within.forEachRow([&] {
        out.push_back({m_within.int64(0), m_within.int64(1), m_within.int64(2), m_within.int64(3),
                       m_within.blob(4)});
    });
    if (!read)
        return read.error();
    return out;
}

Status BlockWriter::replace(qint64 owner, const std::vector<Stored> &old,
                            const std::vector<BlockRow> &rows) {
    for (const Stored &block : old) {
        m_delete.bind(1, block.id);
        if (Status s = m_delete.run(); !s)
            return s;
    }
    const std::size_t max = std::size_t(std::max(1, m_spec.maxRows));
    const auto insert = [&](const std::vector<BlockRow> &chunk) {
        m_insert.bind(1, owner)
            .bind(2, chunk.front().t)
            .bind(3, chunk.back().t)
            .bind(4, qint64(chunk.size()))
            .bindBlob(5, encodeBlock(chunk, m_spec.columns));
        return m_insert.run();
    };
    if (rows.size() <= max)
        return rows.empty() ? Status::success() : insert(rows); // the usual case: no copy
    for (std::size_t start = 0; start < rows.size(); start += max) {
        const std::size_t end = std::min(rows.size(), start + max);
        if (Status s = insert(std::vector<BlockRow>(rows.begin() + qsizetype(start),
                                                    rows.begin() + qsizetype(end)));
            !s)
            return s;
    }
    return Status::success();
}

Status BlockWriter::merge(qint64 owner, std::vector<BlockRow> rows, Merge mode) {
    if (rows.empty())
        return Status::success();
    if (Status s = prepare(); !s)
        return s;
    std::stable_sort(rows.begin(), rows.end(),
                     [](const BlockRow &a, const BlockRow &b) { return a.t < b.t; });
    // The owner's newest blocks first: rows after all of them (a poll's, the usual case) touch no
    // stored block, and the same bounds tell whether the tail is to be joined once they are in,
    // so an append reads the owner's blocks once, not three times.
    auto newest = tailBounds(owner);
    if (!newest)
        return newest.error();
    const bool append = newest->empty() || rows.front().t > newest->front().t1;
    Result<std::vector<Stored>> old = std::vector<Stored>();
    if (!append)
        old = overlapping(owner, rows.front().t, rows.back().t);
    if (!old)
        return old.error();
    std::vector<BlockRow> stored;
    for (const Stored &block : *old) {
        std::vector<BlockRow> decoded;
        if (!decodeRows(block.data, m_spec.columns, decoded) || qint64(decoded.size()) != block.n ||
            decoded.front().t != block.t0)
            return damaged(m_spec, owner);
        stored.insert(stored.end(), std::make_move_iterator(decoded.begin()),
                      std::make_move_iterator(decoded.end()));
    }
    std::vector<BlockRow> merged;
    merged.reserve(stored.size() + rows.size());
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < stored.size() || j < rows.size()) {
        if (j == rows.size() || (i < stored.size() && stored[i].t < rows[j].t)) {
            merged.push_back(std::move(stored[i++]));
        } else if (i == stored.size() || rows[j].t < stored[i].t) {
            merged.push_back(std::move(rows[j++]));
        } else {
            BlockRow row = std::move(rows[j++]);
            BlockRow &was = stored[i++];
            if (mode == Merge::Coalesce) {
                for (std::size_t c = 1; c < row.values.size(); ++c) {
                    if (!row.values[c])
                        row.values[c] = was.values[c];
                }
            }
            merged.push_back(std::move(row));
        }
        // Two new rows of the same t: the later one wins, as a second upsert would.
        if (merged.size() >= 2 && merged[merged.size() - 2].t == merged.back().t) {
            BlockRow row = std::move(merged.back());
            merged.pop_back();
            BlockRow &was = merged.back();
            if (mode == Merge::Coalesce) {
                for (std::size_t c = 1; c < row.values.size(); ++c) {
                    if (!row.values[c])
                        row.values[c] = was.values[c];
                }
            }
            was = std::move(row);
        }
    }
    if (Status s = replace(owner, *old, merged); !s)
        return s;
    if (!append || merged.size() > std::size_t(std::max(1, m_spec.maxRows)))
        return consolidateTail(owner);
    // One block went in after the others: the tail as the query would now read it.
    newest->insert(
        newest->begin(),
        Stored{
            m_db.lastInsertRowId(), merged.front().t, merged.back().t, qint64(merged.size()), {}});
    if (newest->size() > std::size_t(MaxTailBlocks + 1))
        newest->resize(std::size_t(MaxTailBlocks + 1));
    return consolidate(owner, std::move(*newest));
}

Result<std::vector<BlockWriter::Stored>> BlockWriter::tailBounds(qint64 owner) {
    // Bounds only: the blocks' data is read when they are joined, not at every merge.
    std::vector<Stored> out;
    m_tail.bind(1, owner);
    const Status read = m_tail.forEachRow([&] {
        out.push_back({m_tail.int64(0), m_tail.int64(1), m_tail.int64(2), m_tail.int64(3), {}});
    });
    if (!read)
        return read.error();
    return out;
}

Status BlockWriter::consolidateTail(qint64 owner) {
    auto newest = tailBounds(owner);
    if (!newest)
        return newest.error();
    return consolidate(owner, std::move(*newest));
}

Status BlockWriter::consolidate(qint64 owner, std::vector<Stored> newest) {
    // The owner's newest blocks that are not full, newest first.
    std::vector<Stored> tail;
    qint64 rows = 0;
    for (Stored &block : newest) {
        if (block.n >= m_spec.maxRows)
            break;
        rows += block.n;
        tail.push_back(std::move(block));
    }
    if (tail.size() < 2 || (rows < m_spec.maxRows && int(tail.size()) < MaxTailBlocks))
        return Status::success();
    std::reverse(tail.begin(), tail.end());
    for (Stored &block : tail) {
        m_data.bind(1, block.id);
        const auto step = m_data.step();
        if (step == sqlite::Statement::Step::Failed) {
            const Error error = m_data.error();
            m_data.reset();
            return error;
        }
        if (step == sqlite::Statement::Step::Row)
            block.data = m_data.blob(0);
        m_data.reset();
    }
    std::vector<BlockRow> joined;
    joined.reserve(std::size_t(rows));
    for (const Stored &block : tail) {
        std::vector<BlockRow> decoded;
        if (!decodeRows(block.data, m_spec.columns, decoded) || qint64(decoded.size()) != block.n)
            return damaged(m_spec, owner);
        if (!joined.empty() && decoded.front().t <= joined.back().t)
            return damaged(m_spec, owner);
        joined.insert(joined.end(), std::make_move_iterator(decoded.begin()),
                      std::make_move_iterator(decoded.end()));
    }
    return replace(owner, tail, joined);
}

Result<qint64> BlockWriter::removeBefore(qint64 owner, qint64 before) {
    if (Status s = prepare(); !s)
        return s.error();
    auto first = firstTime(owner);
    if (!first)
        return first.error();
    if (!*first || **first >= before)
        return qint64(0);
    auto old = overlapping(owner, **first, before - 1);
    if (!old)
        return old.error();
    std::vector<Stored> touched;
    std::vector<BlockRow> kept;
    qint64 removed = 0;
    for (Stored &block : *old) {
        if (block.t0 >= before)
            continue;
        touched.push_back(block);
        removed += block.n;
        if (block.t1 < before)
            continue; // all of it goes
        std::vector<BlockRow> decoded;
        if (!decodeRows(block.data, m_spec.columns, decoded) || qint64(decoded.size()) != block.n)
            return damaged(m_spec, owner);
        for (BlockRow &row : decoded) {
            if (row.t >= before)
                kept.push_back(std::move(row));
        }
    }
    removed -= qint64(kept.size());
    if (Status s = replace(owner, touched, kept); !s)
        return s.error();
    return removed;
}

Result<std::optional<qint64>> BlockWriter::firstTime(qint64 owner) {
    if (Status s = prepare(); !s)
        return s.error();
    m_first.reset();
    m_first.bind(1, owner);
    std::optional<qint64> out;
    switch (m_first.step()) {
    case sqlite::Statement::Step::Row:
        out = m_first.int64(0);
        break;
    case sqlite::Statement::Step::Done:
        break;
    case sqlite::Statement::Step::Failed:
        return m_first.error();
    }
    m_first.reset();
    return out;
}

} // namespace bs::history
