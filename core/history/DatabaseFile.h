#pragma once

#include "Sqlite.h"

namespace bs::history {

struct OpenRequest {
    QString path;
    bool readOnly = false;
    qint64 integrityCheckMaxBytes = 0;
    qint64 nowMs = 0; // for the name of a file moved aside
};

struct OpenedDatabase {
    sqlite::Database db;
    bool readOnly = false;
    int fileSchemaVersion = 0;
    QString notice;       // why it is read-only, one translated sentence
    QString movedAsideTo; // a damaged file was moved here and a new one created
    QString movedAsideReason;
};

// Opens the history database, ready to use:
// - a file that is not an SQLite database, or fails PRAGMA quick_check (files up to
//   integrityCheckMaxBytes), is moved aside with a timestamp and a new one created;
// - a SQLite database of some other program is left alone (an error);
// - a database from a newer release is reopened read-only, with a notice;
// - an older one is migrated.
// In read-only mode nothing is moved, created or migrated.
Result<OpenedDatabase> openHistoryDatabase(const OpenRequest &request);

// Renames `path` and its -wal/-shm files to "<path>.damaged-YYYYMMDD-hhmmss" (a -N suffix when
// taken). The journal goes along: replayed into a new file it would corrupt that one too.
Result<QString> moveAside(const QString &path, qint64 nowMs);

// The connection settings every writer uses (WAL, synchronous=NORMAL) and the read settings.
Status applyConnectionSettings(sqlite::Database &db);
// What every connection uses, read-only ones too (cache, mmap).
Status applyReadSettings(sqlite::Database &db);

} // namespace bs::history
