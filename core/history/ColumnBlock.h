#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <cstdint>
#include <optional>
#include <vector>

namespace bs::history {

// One owner's rows (a guest's raw polls or roll-ups) over a stretch of time, stored column by
// column in one BLOB: what makes a raw poll cost a few bytes instead of a 60-byte SQLite record
// (issue 18). Every column is a nullable 64-bit integer; rows are ordered by a strictly
// increasing time `t`.
//
// Layout (all integers are LEB128 varints, signed ones zigzag-encoded):
//   u8 format (1) · n rows · column count · the t column · each value column
// and each column is `byte length · mode byte · payload`, so a reader skips the columns it does
// not need without decoding them. The mode says how nulls are kept (none, all, or a bitmap of
// n bits) and how the present values are coded, chosen per column as the smallest of:
//   - against the previous present value (delta) or as they are, and
//   - one varint each, or runs of equal (delta) values as (run length, value) pairs;
// and, where the column has a base column (a roll-up's avg and max against its min), the
// difference to the base value of the same row when that is smaller. The base must come earlier
// in the row and be present wherever the column is.
struct BlockColumns {
    int count = 0;          // value columns, without t
    std::vector<int> bases; // per column: index of its base column, or -1
    static BlockColumns plain(int count);
};

struct BlockRow {
    qint64 t = 0;
    std::vector<std::optional<qint64>> values;
};

// Decoded columns: values[c][i] with present[c][i] (1/0); columns not asked for stay empty.
struct DecodedBlock {
    int rows = 0;
    std::vector<qint64> t;
    std::vector<std::vector<qint64>> values;
    std::vector<std::vector<uint8_t>> present;

    std::optional<qint64> value(int column, int row) const {
        if (!present[column][row])
            return std::nullopt;
        return values[column][row];
    }
};

// Encodes rows (t strictly increasing, every row with `columns.count` values).
QByteArray encodeBlock(const std::vector<BlockRow> &rows, const BlockColumns &columns);

// Decodes the columns whose bit is set in `wanted` (bit c for value column c; columns from 63
// on are decoded when bit 63 is set), plus the base columns they need. Returns false on a
// malformed block (a damaged file): nothing is trusted past the first inconsistency.
bool decodeBlock(const QByteArray &data, const BlockColumns &columns, uint64_t wanted,
                 DecodedBlock &out);

// Every row, every column.
bool decodeRows(const QByteArray &data, const BlockColumns &columns, std::vector<BlockRow> &out);

} // namespace bs::history
