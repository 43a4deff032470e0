#pragma once

#include "common/Result.h"

#include <QString>

#include <functional>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace bs::sqlite {

// A thin RAII layer over SQLite's C API for the history store. The store talks to SQLite directly
// rather than through QtSql: QSqlQuery converts every bound value and column through QVariant and
// formats a placeholder name per bind, which halved the insert rate in our measurements (see
// docs/HISTORY.md). Only the history worker thread uses these objects.
//
// Errors carry SQLite's extended result code in Error::code (Kind::Database), so callers can tell
// a full disk or a damaged file from other failures.

bool isDiskFull(const Error &error);
bool isCorrupt(const Error &error); // SQLITE_CORRUPT or SQLITE_NOTADB: the file is damaged
bool isBusy(const Error &error);
bool isReadOnly(const Error &error);

class Statement {
public:
    Statement() = default;
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }

    // Parameters count from 1, as in SQLite.
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, std::optional<qint64> value);
    Statement &bind(int index, const QString &text);
    Statement &bindNull(int index);
    Statement &bindBlob(int index, const QByteArray &bytes);
    // A pointer for an application-defined function (sqlite3_bind_pointer): only a function
    // that asks for the same `type` name sees it; SQL can neither make nor read one.
    Statement &bindPointer(int index, void *pointer, const char *type);

    enum class Step { Row, Done, Failed };
    // One step. On Failed, error() says why; the statement is reset either way by reset().
    Step step();
    // Steps to the end, for statements without rows.
    Status run();
    // Calls `onRow` for each row, then resets. A step that fails ends it with SQLite's error:
    // never read a failure as "no more rows" (a reader would silently leave rows out).
    Status forEachRow(const std::function<void()> &onRow);
    void reset();
    Error error() const;

    int columnCount() const;
    bool isNull(int column) const;
    qint64 int64(int column) const;
    std::optional<qint64> optionalInt64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const; // a copy

private:
    friend class Database;
    explicit Statement(sqlite3_stmt *stmt)
        : m_stmt(stmt) {}
    sqlite3_stmt *m_stmt = nullptr;
};

class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };

    Database() = default;
    ~Database();
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (ReadWrite creates the file). busyTimeoutMs: how long a write waits for another
    // process's write to finish before SQLITE_BUSY.
    static Result<Database> open(const QString &path, Mode mode, int busyTimeoutMs = 5000);

    bool isOpen() const { return m_db != nullptr; }
    void close();
    Mode mode() const { return m_mode; }

    // Runs one or more statements without results.
    Status exec(const char *sql);
    // persistent: kept for the life of the connection (hot statements).
    Result<Statement> prepare(const char *sql, bool persistent = false);

    // A pragma or query with a single integer result.
    Result<qint64> queryInt(const char *sql);

    bool inTransaction() const;
    qint64 changes() const;
    qint64 lastInsertRowId() const;
    sqlite3 *handle() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
    Mode m_mode = Mode::ReadWrite;
};

// BEGIN IMMEDIATE on construction (takes the write lock at once, so a concurrent writer waits for
// the busy timeout instead of failing half-way), ROLLBACK on destruction unless committed.
class Transaction {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &begun() const { return m_begun; }
    Status commit();

private:
    Database &m_db;
    Status m_begun;
    bool m_open = false;
};

// A damaged file found by our own checks (a block that does not decode): isCorrupt() holds.
Error corruptError(const QString &message);

// The error SQLite reports for the connection's last call.
Error lastError(sqlite3 *db, const QString &what = {});

} // namespace bs::sqlite
