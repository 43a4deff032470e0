#pragma once

#include "Sqlite.h"

namespace bs::history {

// The history database's schema. PRAGMA user_version holds the version; each migration is
// frozen SQL that brings version N−1 to N in one transaction, so a file written by any earlier
// release opens in this one. A file from a newer release is opened read-only (HistoryStore).
//
// PRAGMA application_id marks the file as ours: a database of some other program is never
// touched.
inline constexpr int SchemaVersion = 6;
inline constexpr qint64 ApplicationId = 0x42534853; // "BSHS": Balloonscope history store

struct SchemaInfo {
    int version = 0;
    qint64 applicationId = 0;
    int objects = 0; // entries in sqlite_master: 0 for a new, empty file
};

Result<SchemaInfo> readSchemaInfo(sqlite::Database &db);

// Creates (version 0) or upgrades the schema to SchemaVersion. Call outside a transaction.
Status migrate(sqlite::Database &db, int fromVersion);

// Migration `toVersion`'s SQL, for tests that build an old database step by step (versions 1-5:
// version 6 copies rows in C++ as well).
const char *migrationSql(int toVersion);

} // namespace bs::history
