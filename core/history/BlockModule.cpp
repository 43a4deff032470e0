#include "BlockModule.h"

#include "BlockTables.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <sqlite3.h>
#include <string>
#include <vector>

namespace bs::history {

namespace {

constexpr qint64 Min = std::numeric_limits<qint64>::min();
constexpr qint64 Max = std::numeric_limits<qint64>::max();

// Argument codes in the plan (idxStr), one per xFilter argument.
constexpr char OwnerEq = 'o';
constexpr char TimeEq = 'e';
constexpr char TimeGe = 'g';
constexpr char TimeGt = 'G';
constexpr char TimeLe = 'l';
constexpr char TimeLt = 'L';

// The statements that read blocks, by kind: one owner ascending, one owner descending, all.
enum Scan { OwnerAscending, OwnerDescending, AllOwners, ScanKinds };

struct Table : sqlite3_vtab {
    sqlite3 *db = nullptr;
    const BlockTableSpec *spec = nullptr;
    // Prepared statements no cursor holds: a correlated subquery opens a cursor per outer row,
    // and preparing per cursor cost more than the reading (issue 18's recorder profile).
    std::vector<sqlite3_stmt *> idle[ScanKinds];
};

struct Cursor : sqlite3_vtab_cursor {
    sqlite3_stmt *held[ScanKinds] = {}; // taken from the table's idle ones, given back on close
    sqlite3_stmt *current = nullptr;
    uint64_t wanted = 0;
    bool descending = false;
    bool ownerBound = false;
    qint64 lo = Min;
    qint64 hi = Max;
    qint64 owner = 0;
    QByteArray data; // the current block, for columns decoded late
    DecodedBlock block;
    int row = -1;
    bool eof = true;
    qint64 rowCount = 0; // rows handed out since xFilter, for xRowid uniqueness
};

Table *tableOf(sqlite3_vtab_cursor *cursor) {
    return static_cast<Table *>(cursor->pVtab);
}

int setError(sqlite3_vtab *vtab, int rc, const char *message) {
    sqlite3_free(vtab->zErrMsg);
    vtab->zErrMsg = sqlite3_mprintf("%s", message);
    return rc;
}

int connect(sqlite3 *db, void *, int argc, const char *const *argv, sqlite3_vtab **out,
            char **error) {
    const BlockTableSpec *spec = argc >= 4 ? blockTableNamed(QByteArray(argv[3])) : nullptr;
    if (!spec) {
        *error = sqlite3_mprintf("bs_blocks: unknown block table %s", argc >= 4 ? argv[3] : "");
        return SQLITE_ERROR;
    }
    QByteArray schema = "CREATE TABLE x(" + spec->owner + " INTEGER, t INTEGER";
    for (const QByteArray &column : spec->values)
        schema += ", " + column + " INTEGER";
    schema += ")";
    if (const int rc = sqlite3_declare_vtab(db, schema.constData()); rc != SQLITE_OK)
        return rc;
    sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
    auto *table = new Table;
    table->db = db;
    table->spec = spec;
    *out = table;
    return SQLITE_OK;
}

int disconnect(sqlite3_vtab *vtab) {
    Table *table = static_cast<Table *>(vtab);
    for (auto &statements : table->idle) {
        for (sqlite3_stmt *statement : statements)
            sqlite3_finalize(statement);
    }
    sqlite3_free(table->zErrMsg);
    delete table;
    return SQLITE_OK;
}

int bestIndex(sqlite3_vtab *, sqlite3_index_info *info) {
    std::string codes;
    int ownerConstraint = -1;
    int timeConstraints = 0;
    int argument = 0;
    for (int i = 0; i < info->nConstraint; ++i) {
        const auto &c = info->aConstraint[i];
        if (!c.usable)
            continue;
        char code = 0;
        if (c.iColumn == 0 && c.op == SQLITE_INDEX_CONSTRAINT_EQ && ownerConstraint < 0) {
            code = OwnerEq;
            ownerConstraint = i;
        } else if (c.iColumn == 1) {
            switch (c.op) {
            case SQLITE_INDEX_CONSTRAINT_EQ:
                code = TimeEq;
                break;
            case SQLITE_INDEX_CONSTRAINT_GE:
                code = TimeGe;
                break;
            case SQLITE_INDEX_CONSTRAINT_GT:
                code = TimeGt;
                break;
            case SQLITE_INDEX_CONSTRAINT_LE:
                code = TimeLe;
                break;
            case SQLITE_INDEX_CONSTRAINT_LT:
                code = TimeLt;
                break;
            default:
                break;
            }
            if (code)
                ++timeConstraints;
        }
        if (!code)
            continue;
        info->aConstraintUsage[i].argvIndex = ++argument;
        info->aConstraintUsage[i].omit = 0; // SQLite checks again: bounds are only narrowed
        codes += code;
    }
    // Rows come out ordered by (owner, t); for one owner (not an IN list, which SQLite walks
    // value by value) by t, either way.
    const bool oneOwner = ownerConstraint >= 0 && !sqlite3_vtab_in(info, ownerConstraint, -1);
    char order = 'a';
    const auto &ob = info->aOrderBy;
    if (info->nOrderBy == 1 && ob[0].iColumn == 1 && oneOwner) {
        order = ob[0].desc ? 'd' : 'a';
        info->orderByConsumed = 1;
    } else if ((info->nOrderBy == 1 && ob[0].iColumn == 0 && !ob[0].desc && ownerConstraint < 0) ||
               (info->nOrderBy == 2 && ob[0].iColumn == 0 && !ob[0].desc && ob[1].iColumn == 1 &&
                !ob[1].desc && ownerConstraint < 0)) {
        info->orderByConsumed = 1;
    }
    const double rows = ownerConstraint >= 0 ? (timeConstraints > 0 ? 1e3 : 1e5)
                                             : (timeConstraints > 0 ? 1e6 : 1e7);
    info->estimatedCost = rows;
    info->estimatedRows = sqlite3_int64(rows);
    uint64_t wanted = uint64_t(info->colUsed) >> 2;
    if (uint64_t(info->colUsed) >> 63)
        wanted |= ~uint64_t(0) << 61;
    info->idxStr = sqlite3_mprintf("%llx:%c:%s", static_cast<unsigned long long>(wanted), order,
                                   codes.c_str());
    info->needToFreeIdxStr = 1;
    return SQLITE_OK;
}

int open(sqlite3_vtab *, sqlite3_vtab_cursor **out) {
    *out = new Cursor;
    return SQLITE_OK;
}

int close(sqlite3_vtab_cursor *base) {
    Cursor *cursor = static_cast<Cursor *>(base);
    Table *table = tableOf(cursor);
    for (int kind = 0; kind < ScanKinds; ++kind) {
        if (sqlite3_stmt *statement = cursor->held[kind]) {
            sqlite3_reset(statement);
            table->idle[kind].push_back(statement);
        }
    }
    delete cursor;
    return SQLITE_OK;
}

QByteArray scanSql(const BlockTableSpec &spec, Scan kind) {
    const QByteArray &b = spec.blocks;
    if (kind == AllOwners)
        return "SELECT owner, t0, n, data FROM " + b +
               " WHERE t1 >= ?2 AND t0 <= ?3 ORDER BY owner, t0";
    // From the block holding lo (the last one starting at or before it) up to hi.
    return "SELECT owner, t0, n, data FROM " + b +
           " WHERE owner = ?1 AND t0 >= coalesce((SELECT max(t0) FROM " + b +
           " WHERE owner = ?1 AND t0 <= ?2), ?2) AND t0 <= ?3 ORDER BY t0" +
           (kind == OwnerDescending ? " DESC" : "");
}

int prepared(Cursor *cursor, Scan kind) {
    sqlite3_stmt *&slot = cursor->held[kind];
    if (slot)
        return SQLITE_OK;
    Table *table = tableOf(cursor);
    if (!table->idle[kind].empty()) {
        slot = table->idle[kind].back();
        table->idle[kind].pop_back();
        return SQLITE_OK;
    }
    const QByteArray sql = scanSql(*table->spec, kind);
    const int rc = sqlite3_prepare_v3(table->db, sql.constData(), int(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &slot, nullptr);
    if (rc != SQLITE_OK)
        setError(table, rc, sqlite3_errmsg(table->db));
    return rc;
}

// The next block in scan order decoded into the cursor; eof when there is none.
int loadBlock(Cursor *cursor) {
    Table *table = tableOf(cursor);
    const int rc = sqlite3_step(cursor->current);
    if (rc == SQLITE_DONE) {
        cursor->eof = true;
        return SQLITE_OK;
    }
    if (rc != SQLITE_ROW)
        return setError(table, rc, sqlite3_errmsg(table->db));
    cursor->owner = sqlite3_column_int64(cursor->current, 0);
    const qint64 n = sqlite3_column_int64(cursor->current, 2);
    const auto *bytes = static_cast<const char *>(sqlite3_column_blob(cursor->current, 3));
    cursor->data = QByteArray(bytes, sqlite3_column_bytes(cursor->current, 3));
    if (!decodeBlock(cursor->data, table->spec->columns, cursor->wanted, cursor->block) ||
        cursor->block.rows != n ||
        cursor->block.t.front() != sqlite3_column_int64(cursor->current, 1)) {
        return setError(table, SQLITE_CORRUPT_VTAB,
                        QByteArray("a block of " + table->spec->name + " is damaged").constData());
    }
    cursor->row = cursor->descending ? cursor->block.rows - 1 : 0;
    return SQLITE_OK;
}

// Moves to the first row at or after the cursor's position (in scan order) inside [lo, hi].
int settle(Cursor *cursor) {
    while (!cursor->eof) {
        if (cursor->row < 0 || cursor->row >= cursor->block.rows) {
            if (const int rc = loadBlock(cursor); rc != SQLITE_OK)
                return rc;
            continue;
        }
        const qint64 t = cursor->block.t[std::size_t(cursor->row)];
        const bool before = cursor->descending ? t > cursor->hi : t < cursor->lo;
        const bool past = cursor->descending ? t < cursor->lo : t > cursor->hi;
        if (!before && !past)
            return SQLITE_OK;
        if (past && cursor->ownerBound) {
            cursor->eof = true; // one owner's blocks are in time order: nothing further
            return SQLITE_OK;
        }
        cursor->row += cursor->descending ? -1 : 1;
    }
    return SQLITE_OK;
}

bool integerOf(sqlite3_value *value, bool lower, qint64 &out) {
    switch (sqlite3_value_numeric_type(value)) {
    case SQLITE_INTEGER:
        out = sqlite3_value_int64(value);
        return true;
    case SQLITE_FLOAT: {
        const double d = sqlite3_value_double(value);
        if (std::isnan(d))
            return false;
        const double r = lower ? std::floor(d) : std::ceil(d);
        if (r <= -9.2e18)
            out = Min;
        else if (r >= 9.2e18)
            out = Max;
        else
            out = qint64(r);
        return true;
    }
    default:
        return false; // NULL, text, blob: no narrowing; SQLite's own check decides
    }
}

int filter(sqlite3_vtab_cursor *base, int, const char *plan, int argc, sqlite3_value **argv) {
    Cursor *cursor = static_cast<Cursor *>(base);
    Table *table = tableOf(cursor);
    cursor->eof = false;
    cursor->row = -1;
    cursor->lo = Min;
    cursor->hi = Max;
    cursor->ownerBound = false;
    cursor->rowCount = 0;
    unsigned long long wanted = 0;
    char order = 'a';
    int consumed = 0;
    if (std::sscanf(plan, "%llx:%c:%n", &wanted, &order, &consumed) < 2 || consumed == 0)
        return setError(table, SQLITE_ERROR, "bs_blocks: bad plan");
    cursor->wanted = wanted;
    cursor->descending = order == 'd';
    const char *codes = plan + consumed;
    if (int(std::strlen(codes)) != argc)
        return setError(table, SQLITE_ERROR, "bs_blocks: bad plan");
    for (int i = 0; i < argc; ++i) {
        const char code = codes[i];
        qint64 x = 0;
        if (code == OwnerEq) {
            if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
                cursor->eof = true; // = NULL matches nothing
                return SQLITE_OK;
            }
            if (!integerOf(argv[i], true, x) ||
                sqlite3_value_numeric_type(argv[i]) != SQLITE_INTEGER)
                continue; // 1.5, 'x': SQLite's check rejects every row
            cursor->owner = x;
            cursor->ownerBound = true;
            continue;
        }
        const bool lower = code == TimeGe || code == TimeGt;
        if (!integerOf(argv[i], lower, x))
            continue;
        const bool exact = sqlite3_value_numeric_type(argv[i]) == SQLITE_INTEGER;
        switch (code) {
        case TimeEq:
            cursor->lo = qMax(cursor->lo, x);
            cursor->hi = qMin(cursor->hi, exact ? x : Max);
            break;
        case TimeGe:
            cursor->lo = qMax(cursor->lo, x);
            break;
        case TimeGt:
            if (exact && x == Max)
                cursor->eof = true;
            else
                cursor->lo = qMax(cursor->lo, exact ? x + 1 : x);
            break;
        case TimeLe:
            cursor->hi = qMin(cursor->hi, x);
            break;
        case TimeLt:
            if (exact && x == Min)
                cursor->eof = true;
            else
                cursor->hi = qMin(cursor->hi, exact ? x - 1 : x);
            break;
        default:
            break;
        }
    }
    if (cursor->eof || cursor->lo > cursor->hi) {
        cursor->eof = true;
        return SQLITE_OK;
    }
    const Scan kind = !cursor->ownerBound  ? AllOwners
                      : cursor->descending ? OwnerDescending
                                           : OwnerAscending;
    if (kind == AllOwners)
        cursor->descending = false;
    const int rc = prepared(cursor, kind);
    cursor->current = cursor->held[kind];
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_reset(cursor->current);
    if (cursor->ownerBound)
        sqlite3_bind_int64(cursor->current, 1, cursor->owner);
    sqlite3_bind_int64(cursor->current, 2, cursor->lo);
    sqlite3_bind_int64(cursor->current, 3, cursor->hi);
    return settle(cursor);
}

int next(sqlite3_vtab_cursor *base) {
    Cursor *cursor = static_cast<Cursor *>(base);
    cursor->row += cursor->descending ? -1 : 1;
    ++cursor->rowCount;
    return settle(cursor);
}

int eof(sqlite3_vtab_cursor *base) {
    return static_cast<Cursor *>(base)->eof ? 1 : 0;
}

int column(sqlite3_vtab_cursor *base, sqlite3_context *context, int index) {
    Cursor *cursor = static_cast<Cursor *>(base);
    if (index == 0) {
        sqlite3_result_int64(context, cursor->owner);
        return SQLITE_OK;
    }
    const std::size_t row = std::size_t(cursor->row);
    if (index == 1) {
        sqlite3_result_int64(context, cursor->block.t[row]);
        return SQLITE_OK;
    }
    const std::size_t c = std::size_t(index - 2);
    if (c >= cursor->block.values.size())
        return SQLITE_ERROR;
    if (cursor->block.present[c].empty()) {
        // A column SQLite did not announce in colUsed: decode the block whole.
        cursor->wanted = ~uint64_t(0);
        if (!decodeBlock(cursor->data, tableOf(cursor)->spec->columns, cursor->wanted,
                         cursor->block))
            return setError(tableOf(cursor), SQLITE_CORRUPT_VTAB, "a block is damaged");
    }
    if (cursor->block.present[c][row])
        sqlite3_result_int64(context, cursor->block.values[c][row]);
    else
        sqlite3_result_null(context);
    return SQLITE_OK;
}

int rowid(sqlite3_vtab_cursor *base, sqlite3_int64 *out) {
    Cursor *cursor = static_cast<Cursor *>(base);
    *out = cursor->rowCount;
    return SQLITE_OK;
}

const sqlite3_module Module = {
    /* iVersion */ 0,
    /* xCreate */ connect,
    /* xConnect */ connect,
    /* xBestIndex */ bestIndex,
    /* xDisconnect */ disconnect,
    /* xDestroy */ disconnect,
    /* xOpen */ open,
    /* xClose */ close,
    /* xFilter */ filter,
    /* xNext */ next,
    /* xEof */ eof,
    /* xColumn */ column,
    /* xRowid */ rowid,
    /* xUpdate */ nullptr,
    /* xBegin */ nullptr,
    /* xSync */ nullptr,
    /* xCommit */ nullptr,
    /* xRollback */ nullptr,
    /* xFindFunction */ nullptr,
    /* xRename */ nullptr,
    /* xSavepoint */ nullptr,
    /* xRelease */ nullptr,
    /* xRollbackTo */ nullptr,
    /* xShadowName */ nullptr,
};

} // namespace

int registerBlockModule(sqlite3 *db) {
    return sqlite3_create_module_v2(db, "bs_blocks", &Module, nullptr, nullptr);
}

} // namespace bs::history
