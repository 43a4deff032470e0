#pragma once

#include "ColumnBlock.h"

#include <QByteArray>
#include <QList>

namespace bs::history {

// The tables whose rows are kept in column blocks (schema 6, issue 18): the raw guest samples
// and the guests' minute and hour roll-ups, the bulk of the file. Each is a virtual table of the
// `bs_blocks` module (BlockModule.h) with the columns of the ordinary table it replaced, over a
// plain table of blocks:
//   <blocks>(owner, t0, t1, n, data): one owner's (guest's) rows t0..t1 (n of them) in `data`.
// The host's tables (one row per poll, not per guest) stay ordinary tables.
struct BlockTableSpec {
    QByteArray name;          // the virtual table: samples, rollup_1m, rollup_1h
    QByteArray blocks;        // its table of blocks
    QByteArray owner;         // the key column before t: guest_id
    QList<QByteArray> values; // the value columns after (owner, t), in table order
    BlockColumns columns;     // how they are coded
    int maxRows = 256;        // rows per block at most
};

const BlockTableSpec &sampleBlocks();
const BlockTableSpec &minuteBlocks();
const BlockTableSpec &hourBlocks();
const BlockTableSpec *blockTableNamed(const QByteArray &name);

// "CREATE TABLE <blocks>(...); CREATE VIRTUAL TABLE <name> USING bs_blocks(<name>)".
QByteArray createBlockTableSql(const BlockTableSpec &spec);

} // namespace bs::history
