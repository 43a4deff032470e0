#pragma once

struct sqlite3;

namespace bs::history {

// The `bs_blocks` virtual table module: reads a block table (BlockTables.h) as the ordinary
// table it replaced, so every query of the history (charts, reports, the advisor, the roll-ups,
// `samples_readable`) runs unchanged over column blocks. It decodes only the blocks a query's
// owner and time constraints reach and only the columns it uses, and hands rows out ordered by
// (owner, t) (or t descending for one owner), so `ORDER BY t` and `ORDER BY t DESC LIMIT 1`
// cost no sort. Read-only: BlockWriter writes the blocks.
//
// Registered on every connection the history opens (sqlite::Database::open); a plain `sqlite3`
// shell does not know it, so there the blocks are opaque (`balloonscope-cli export --raw` reads
// them).
int registerBlockModule(sqlite3 *db);

} // namespace bs::history
