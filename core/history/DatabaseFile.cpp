#include "DatabaseFile.h"

#include "Schema.h"
#include "common/Logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace bs::history {

namespace {

// Why the file cannot be our database, judged from its first bytes; empty when it may be one.
QString headerProblem(const QString &path) {
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return {}; // SQLite will report the real problem
    static const QByteArray Magic("SQLite format 3\0", 16);
    if (file.read(16) != Magic)
        return QCoreApplication::translate("bs::HistoryStore",
                                           "the file is not an SQLite database");
    return {};
}

QString quickCheck(sqlite::Database &db) {
    auto stmt = db.prepare("PRAGMA quick_check(1)");
    if (!stmt)
        return stmt.error().message;
    if (stmt->step() != sqlite::Statement::Step::Row)
        return stmt->error().message;
    const QString result = stmt->text(0);
    return result == QLatin1String("ok") ? QString() : result;
}

struct Attempt {
    std::optional<OpenedDatabase> opened;
    QString damaged; // reason to move the file aside and try again
    std::optional<Error> error;
};

Attempt tryOpen(const OpenRequest &request) {
    Attempt attempt;
    if (QString problem = headerProblem(request.path); !problem.isEmpty()) {
        attempt.damaged = problem;
        return attempt;
    }
    const auto mode =
        request.readOnly ? sqlite::Database::Mode::ReadOnly : sqlite::Database::Mode::ReadWrite;
    auto db = sqlite::Database::open(request.path, mode);
    if (!db) {
        attempt.error = db.error();
        return attempt;
    }
    auto fail = [&](const Error &error) {
        if (sqlite::isCorrupt(error) && !request.readOnly)
            attempt.damaged = error.message;
        else
            attempt.error = error;
        return std::move(attempt);
    };
    if (!request.readOnly) {
        auto pages = db->queryInt("PRAGMA page_count");
        if (!pages)
            return fail(pages.error());
        // Only possible on an empty file, before WAL mode writes its first page: lets the
        // compactor give purged pages back to the file system (PRAGMA incremental_vacuum).
        if (*pages == 0) {
            if (Status s = db->exec("PRAGMA auto_vacuum = INCREMENTAL"); !s)
                return fail(s.error());
        }
        if (Status s = applyConnectionSettings(*db); !s)
            return fail(s.error());
    }
    auto info = readSchemaInfo(*db);
    if (!info)
        return fail(info.error());
    if (info->objects > 0 && info->applicationId != ApplicationId) {
        attempt.error = Error::invalidArgument(
            QCoreApplication::translate(
                "bs::HistoryStore",
                "%1 is an SQLite database of some other program; Balloonscope leaves it alone.")
                .arg(QDir::toNativeSeparators(request.path)));
        return attempt;
    }
    if (info->objects > 0 && !request.readOnly &&
        QFileInfo(request.path).size() <= request.integrityCheckMaxBytes) {
        if (QString problem = quickCheck(*db); !problem.isEmpty()) {
            attempt.damaged = problem;
            return attempt;
        }
    }

    OpenedDatabase out;
    out.fileSchemaVersion = info->version;
    if (info->version > SchemaVersion) {
        out.readOnly = true;
        out.notice = QCoreApplication::translate(
                         "bs::HistoryStore",
                         "The history was written by a newer Balloonscope (schema %1, this one "
                         "knows %2): it is shown read-only and nothing is recorded.")
                         .arg(info->version)
                         .arg(SchemaVersion);
        if (!request.readOnly) {
            db->close();
            db = sqlite::Database::open(request.path, sqlite::Database::Mode::ReadOnly);
            if (!db)
                return fail(db.error());
        }
    } else if (request.readOnly) {
        out.readOnly = true;
        if (info->objects == 0) {
            attempt.error = Error::notFound(
                QCoreApplication::translate("bs::HistoryStore", "There is no history in %1 yet.")
                    .arg(QDir::toNativeSeparators(request.path)));
            return attempt;
        }
    } else if (info->version < SchemaVersion) {
        if (Status s = migrate(*db, info->version); !s)
            return fail(s.error());
    }
    if (out.readOnly) {
        if (Status s = applyReadSettings(*db); !s)
            return fail(s.error());
    }
    out.db = std::move(db).value();
    attempt.opened = std::move(out);
    return attempt;
}

} // namespace

Status applyConnectionSettings(sqlite::Database &db) {
    {
        auto mode = db.prepare("PRAGMA journal_mode = WAL");
        if (!mode)
            return mode.error();
        if (mode->step() != sqlite::Statement::Step::Row)
            return mode->error();
        if (mode->text(0) != QLatin1String("wal"))
            qCWarning(lcHistory) << "the history database could not switch to WAL:"
                                 << mode->text(0);
    }
    // synchronous=NORMAL in WAL mode: a committed poll survives a crash of the process; after a
    // power loss the last few commits may be lost, never the file's consistency.
    if (Status s = db.exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF"); !s)
        return s;
    return applyReadSettings(db);
}

Status applyReadSettings(sqlite::Database &db) {
    // 16 MiB of page cache: a 30-day query of one guest reads about 9 MiB of minute roll-ups.
    // (mmap was tried: no measurable gain with the pages in the OS cache.)
    return db.exec("PRAGMA cache_size = -16384; PRAGMA temp_store = MEMORY");
}

Result<QString> moveAside(const QString &path, qint64 nowMs) {
    const QString stamp =
        QDateTime::fromMSecsSinceEpoch(nowMs).toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = QStringLiteral("%1.damaged-%2").arg(path, stamp);
    for (int n = 2; QFile::exists(target); ++n)
        target = QStringLiteral("%1.damaged-%2-%3").arg(path, stamp).arg(n);
    if (QFile::exists(path) && !QFile::rename(path, target)) {
        return Error::io(
            QCoreApplication::translate("bs::HistoryStore",
                                        "Could not move the damaged history file %1 aside.")
                .arg(QDir::toNativeSeparators(path)));
    }
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFile::exists(side) && !QFile::rename(side, target + QLatin1String(suffix)))
            QFile::remove(side);
    }
    return target;
}

Result<OpenedDatabase> openHistoryDatabase(const OpenRequest &request) {
    if (request.readOnly && !QFile::exists(request.path)) {
        return Error::notFound(
            QCoreApplication::translate("bs::HistoryStore", "There is no history at %1 yet.")
                .arg(QDir::toNativeSeparators(request.path)));
    }
    if (!request.readOnly && !QDir().mkpath(QFileInfo(request.path).absolutePath())) {
        return Error::io(
            QCoreApplication::translate("bs::HistoryStore",
                                        "Could not create the folder for the history, %1.")
                .arg(QDir::toNativeSeparators(QFileInfo(request.path).absolutePath())));
    }
    QString movedTo;
    QString reason;
    for (int round = 0; round < 2; ++round) {
        Attempt attempt = tryOpen(request);
        if (attempt.opened) {
            attempt.opened->movedAsideTo = movedTo;
            attempt.opened->movedAsideReason = reason;
            return std::move(*attempt.opened);
        }
        if (attempt.error)
            return *attempt.error;
        if (request.readOnly || round > 0) {
            return Error::database(
                QCoreApplication::translate("bs::HistoryStore",
                                            "The history file %1 is damaged: %2")
                    .arg(QDir::toNativeSeparators(request.path), attempt.damaged));
        }
        qCWarning(lcHistory) << "history database" << request.path
                             << "is damaged:" << attempt.damaged;
        auto moved = moveAside(request.path, request.nowMs);
        if (!moved)
            return moved.error();
        movedTo = *moved;
        reason = attempt.damaged;
    }
    return Error::database(
        QCoreApplication::translate("bs::HistoryStore", "The history file could not be opened."));
}

} // namespace bs::history
