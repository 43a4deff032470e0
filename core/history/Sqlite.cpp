#include "Sqlite.h"

#include "BlockModule.h"

#include <sqlite3.h>

namespace bs::sqlite {

namespace {

int primary(const Error &error) {
    return error.code & 0xff;
}

Error makeError(int code, const QString &message) {
    Error error = Error::database(message);
    error.code = code;
    return error;
}

} // namespace

bool isDiskFull(const Error &error) {
    return error.kind == Error::Kind::Database && primary(error) == SQLITE_FULL;
}

bool isCorrupt(const Error &error) {
    return error.kind == Error::Kind::Database &&
           (primary(error) == SQLITE_CORRUPT || primary(error) == SQLITE_NOTADB);
}

bool isBusy(const Error &error) {
    return error.kind == Error::Kind::Database &&
           (primary(error) == SQLITE_BUSY || primary(error) == SQLITE_LOCKED);
}

bool isReadOnly(const Error &error) {
    return error.kind == Error::Kind::Database && primary(error) == SQLITE_READONLY;
}

Error corruptError(const QString &message) {
    return makeError(SQLITE_CORRUPT, message);
}

Error lastError(sqlite3 *db, const QString &what) {
    const int code = db ? sqlite3_extended_errcode(db) : SQLITE_MISUSE;
    const QString text = QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(code));
    return makeError(code, what.isEmpty() ? text : QStringLiteral("%1: %2").arg(what, text));
}

// --- Statement ---

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement &Statement::operator=(Statement &&other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement &Statement::bind(int index, qint64 value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bindPointer(int index, void *pointer, const char *type) {
    sqlite3_bind_pointer(m_stmt, index, pointer, type, nullptr);
    return *this;
}

Statement &Statement::bind(int index, std::optional<qint64> value) {
    if (value)
        sqlite3_bind_int64(m_stmt, index, *value);
    else
        sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement &Statement::bind(int index, const QString &text) {
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement &Statement::bindBlob(int index, const QByteArray &bytes) {
    sqlite3_bind_blob64(m_stmt, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                        SQLITE_TRANSIENT);
    return *this;
}

Statement::Step Statement::step() {
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        return Step::Row;
    case SQLITE_DONE:
        return Step::Done;
    default:
        return Step::Failed;
    }
}

Status Statement::run() {
    return forEachRow([] {});
}

Status Statement::forEachRow(const std::function<void()> &onRow) {
    Step s = Step::Row;
    while ((s = step()) == Step::Row)
        onRow();
    if (s == Step::Failed) {
        Error e = error();
        reset();
        return e;
    }
    reset();
    return Status::success();
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

Error Statement::error() const {
    return lastError(sqlite3_db_handle(m_stmt));
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

qint64 Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

std::optional<qint64> Statement::optionalInt64(int column) const {
    if (isNull(column))
        return std::nullopt;
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const {
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

int Statement::columnCount() const {
    return sqlite3_column_count(m_stmt);
}

QByteArray Statement::blob(int column) const {
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

// --- Database ---

Database::~Database() {
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_mode(other.m_mode) {}

Database &Database::operator=(Database &&other) noexcept {
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_mode = other.m_mode;
    }
    return *this;
}

Result<Database> Database::open(const QString &path, Mode mode, int busyTimeoutMs) {
    Database db;
    db.m_mode = mode;
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                              : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error error = lastError(db.m_db);
        error.code = rc;
        return error;
    }
    sqlite3_extended_result_codes(db.m_db, 1);
    sqlite3_busy_timeout(db.m_db, busyTimeoutMs);
    // The guests' samples and roll-ups are column blocks read through this module (schema 6).
    if (const int module = bs::history::registerBlockModule(db.m_db); module != SQLITE_OK)
        return makeError(module, QStringLiteral("bs_blocks"));
    return db;
}

void Database::close() {
    if (!m_db)
        return;
    // Statements are owned by their users and finalized before this; close_v2 copes if not.
    sqlite3_close_v2(m_db);
    m_db = nullptr;
}

Status Database::exec(const char *sql) {
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
        return lastError(m_db);
    return Status::success();
}

Result<Statement> Database::prepare(const char *sql, bool persistent) {
    sqlite3_stmt *stmt = nullptr;
    const unsigned flags = persistent ? SQLITE_PREPARE_PERSISTENT : 0;
    if (sqlite3_prepare_v3(m_db, sql, -1, flags, &stmt, nullptr) != SQLITE_OK)
        return lastError(m_db);
    return Statement(stmt);
}

Result<qint64> Database::queryInt(const char *sql) {
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    switch (stmt->step()) {
    case Statement::Step::Row:
        return stmt->int64(0);
    case Statement::Step::Done:
        return qint64(0);
    case Statement::Step::Failed:
        break;
    }
    return stmt->error();
}

bool Database::inTransaction() const {
    return m_db && sqlite3_get_autocommit(m_db) == 0;
}

qint64 Database::changes() const {
    return sqlite3_changes64(m_db);
}

qint64 Database::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}

// --- Transaction ---

Transaction::Transaction(Database &db)
    : m_db(db) {
    m_begun = m_db.exec("BEGIN IMMEDIATE");
    m_open = m_begun.ok();
}

Transaction::~Transaction() {
    // After SQLITE_FULL or an I/O error SQLite may already have rolled back on its own.
    if (m_open && m_db.inTransaction())
        m_db.exec("ROLLBACK").ok();
}

Status Transaction::commit() {
    if (!m_open)
        return m_begun;
    Status status = m_db.exec("COMMIT");
    if (status.ok())
        m_open = false;
    return status;
}

} // namespace bs::sqlite
