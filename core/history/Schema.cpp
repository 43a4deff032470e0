#include "Schema.h"

#include "BlockTables.h"
#include "BlockWriter.h"
#include "common/Logging.h"

#include <QCoreApplication>

#include <utility>

namespace bs::history {

namespace {

// Version 1: the first schema.
//  samples        one row per guest per poll, keyed (guest_id, t) so one guest's range is one
//                 index range. Integers only, NULL for absent (see SampleCodec.h).
//  samples_inbox  the same rows keyed (t, guest_id): each poll cycle appends to it in one small
//                 transaction (a handful of pages instead of one page per guest); the compactor
//                 moves them into `samples` in batches.
//  rollup_1m/1h   min/avg/max per metric per minute/hour; n_host = polls with host figures,
//                 n_report = fresh guest reports, n_gap = polls where the guest fields were a gap.
//  tiers          per tier: rolled up until (exclusive), purged before (exclusive), seconds.
//  sessions       stretches of recording per host with their interval: "nothing recorded".
//  leases         which writer records which host (RecorderLease.h).
constexpr const char *V1 = R"sql(
CREATE TABLE hosts(
    id INTEGER PRIMARY KEY,
    uri TEXT NOT NULL UNIQUE
);
CREATE TABLE guests(
    id INTEGER PRIMARY KEY,
    host_id INTEGER NOT NULL REFERENCES hosts(id),
    uuid TEXT NOT NULL,
    name TEXT NOT NULL,
    first_seen INTEGER NOT NULL,
    UNIQUE(host_id, uuid)
);
CREATE TABLE guest_names(
    guest_id INTEGER NOT NULL,
    since INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY(guest_id, since)
) WITHOUT ROWID;
CREATE INDEX guest_names_by_name ON guest_names(name);
CREATE TABLE samples(
    guest_id INTEGER NOT NULL,
    t INTEGER NOT NULL,
    flags INTEGER NOT NULL,
    actual INTEGER, inflated INTEGER, rss INTEGER,
    available INTEGER, unused INTEGER, usable INTEGER, disk_caches INTEGER,
    swap_in INTEGER, swap_out INTEGER, major_fault INTEGER, minor_fault INTEGER,
    hugetlb_pgalloc INTEGER, hugetlb_pgfail INTEGER, report_age INTEGER,
    PRIMARY KEY(guest_id, t)
) WITHOUT ROWID;
CREATE TABLE samples_inbox(
    guest_id INTEGER NOT NULL,
    t INTEGER NOT NULL,
    flags INTEGER NOT NULL,
    actual INTEGER, inflated INTEGER, rss INTEGER,
    available INTEGER, unused INTEGER, usable INTEGER, disk_caches INTEGER,
    swap_in INTEGER, swap_out INTEGER, major_fault INTEGER, minor_fault INTEGER,
    hugetlb_pgalloc INTEGER, hugetlb_pgfail INTEGER, report_age INTEGER,
    PRIMARY KEY(t, guest_id)
) WITHOUT ROWID;
CREATE TABLE rollup_1m(
    guest_id INTEGER NOT NULL,
    t INTEGER NOT NULL,
    n_host INTEGER NOT NULL, n_report INTEGER NOT NULL, n_gap INTEGER NOT NULL,
    actual_min INTEGER, actual_avg INTEGER, actual_max INTEGER,
    maximum_min INTEGER, maximum_avg INTEGER, maximum_max INTEGER,
    balloon_inflated_min INTEGER, balloon_inflated_avg INTEGER, balloon_inflated_max INTEGER,
    rss_min INTEGER, rss_avg INTEGER, rss_max INTEGER,
    available_min INTEGER, available_avg INTEGER, available_max INTEGER,
    unused_min INTEGER, unused_avg INTEGER, unused_max INTEGER,
    usable_min INTEGER, usable_avg INTEGER, usable_max INTEGER,
    disk_caches_min INTEGER, disk_caches_avg INTEGER, disk_caches_max INTEGER,
    used_min INTEGER, used_avg INTEGER, used_max INTEGER,
    used_excluding_cache_min INTEGER, used_excluding_cache_avg INTEGER,
    used_excluding_cache_max INTEGER,
    swap_in_min INTEGER, swap_in_avg INTEGER, swap_in_max INTEGER,
    swap_out_min INTEGER, swap_out_avg INTEGER, swap_out_max INTEGER,
    major_fault_min INTEGER, major_fault_avg INTEGER, major_fault_max INTEGER,
    minor_fault_min INTEGER, minor_fault_avg INTEGER, minor_fault_max INTEGER,
    hugetlb_pgalloc_min INTEGER, hugetlb_pgalloc_avg INTEGER, hugetlb_pgalloc_max INTEGER,
    hugetlb_pgfail_min INTEGER, hugetlb_pgfail_avg INTEGER, hugetlb_pgfail_max INTEGER,
    PRIMARY KEY(guest_id, t)
) WITHOUT ROWID;
CREATE TABLE rollup_1h(
    guest_id INTEGER NOT NULL,
    t INTEGER NOT NULL,
    n_host INTEGER NOT NULL, n_report INTEGER NOT NULL, n_gap INTEGER NOT NULL,
    actual_min INTEGER, actual_avg INTEGER, actual_max INTEGER,
    maximum_min INTEGER, maximum_avg INTEGER, maximum_max INTEGER,
    balloon_inflated_min INTEGER, balloon_inflated_avg INTEGER, balloon_inflated_max INTEGER,
    rss_min INTEGER, rss_avg INTEGER, rss_max INTEGER,
    available_min INTEGER, available_avg INTEGER, available_max INTEGER,
    unused_min INTEGER, unused_avg INTEGER, unused_max INTEGER,
    usable_min INTEGER, usable_avg INTEGER, usable_max INTEGER,
    disk_caches_min INTEGER, disk_caches_avg INTEGER, disk_caches_max INTEGER,
    used_min INTEGER, used_avg INTEGER, used_max INTEGER,
    used_excluding_cache_min INTEGER, used_excluding_cache_avg INTEGER,
    used_excluding_cache_max INTEGER,
    swap_in_min INTEGER, swap_in_avg INTEGER, swap_in_max INTEGER,
    swap_out_min INTEGER, swap_out_avg INTEGER, swap_out_max INTEGER,
    major_fault_min INTEGER, major_fault_avg INTEGER, major_fault_max INTEGER,
    minor_fault_min INTEGER, minor_fault_avg INTEGER, minor_fault_max INTEGER,
    hugetlb_pgalloc_min INTEGER, hugetlb_pgalloc_avg INTEGER, hugetlb_pgalloc_max INTEGER,
    hugetlb_pgfail_min INTEGER, hugetlb_pgfail_avg INTEGER, hugetlb_pgfail_max INTEGER,
    PRIMARY KEY(guest_id, t)
) WITHOUT ROWID;
CREATE TABLE tiers(
    tier TEXT PRIMARY KEY,
    rolled_until INTEGER,
    purged_before INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO tiers(tier) VALUES ('raw'), ('1m'), ('1h');
CREATE TABLE sessions(
    id INTEGER PRIMARY KEY,
    host_id INTEGER NOT NULL,
    started INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    interval_s INTEGER NOT NULL,
    writer TEXT NOT NULL
);
CREATE INDEX sessions_by_host ON sessions(host_id, last_seen);
CREATE TABLE events(
    id INTEGER PRIMARY KEY,
    t_ms INTEGER NOT NULL,
    host_id INTEGER NOT NULL,
    guest_id INTEGER,
    kind TEXT NOT NULL,
    code INTEGER,
    detail INTEGER,
    value INTEGER,
    text TEXT,
    source TEXT NOT NULL
);
CREATE INDEX events_by_host_time ON events(host_id, t_ms);
CREATE TABLE leases(
    host_id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    role TEXT NOT NULL,
    pid INTEGER NOT NULL,
    machine TEXT NOT NULL,
    acquired INTEGER NOT NULL,
    expires INTEGER NOT NULL
);
CREATE VIEW samples_readable AS
SELECT h.uri AS host, g.uuid AS uuid, g.name AS name, datetime(s.t, 'unixepoch') AS time,
       s.t AS t, s.flags & 15 AS domain_state_code, s.flags >> 4 AS stats_state_code,
       s.actual AS actual,
       CASE WHEN s.inflated IS NOT NULL THEN coalesce(s.actual, 0) + s.inflated END AS maximum,
       s.rss AS rss, s.available AS available, s.unused AS unused, s.usable AS usable,
       s.disk_caches AS disk_caches, s.swap_in AS swap_in, s.swap_out AS swap_out,
       s.major_fault AS major_fault, s.minor_fault AS minor_fault,
       s.hugetlb_pgalloc AS hugetlb_pgalloc, s.hugetlb_pgfail AS hugetlb_pgfail,
       s.t - s.report_age AS last_update
FROM (SELECT * FROM samples UNION ALL SELECT * FROM samples_inbox) AS s
JOIN guests g ON g.id = s.guest_id
JOIN hosts h ON h.id = g.host_id;
)sql";

// Version 2: the host's own memory size over time, for the host aggregate chart (Σ used vs
// Σ actual vs host total). A row only when the size changes.
constexpr const char *V2 = R"sql(
CREATE TABLE host_memory(
    host_id INTEGER NOT NULL,
    t INTEGER NOT NULL,
    total_kib INTEGER NOT NULL,
    PRIMARY KEY(host_id, t)
) WITHOUT ROWID;
)sql";

// Version 3: the host's own figures with every poll (HostSample: host memory, the guests' sums,
// KSM, huge pages), so the host charts reach as far back as the guests' (issue 7). One row per
// host per poll, written straight into host_samples (one row per commit is one page: no inbox
// needed), rolled up into minutes and hours with the guests' tiers (same `tiers` rows: a tier is
// rolled up to the same time for guests and hosts). free_with_caches = free + buffers + cached is
// derived per poll and only kept in the roll-ups. Integers only, NULL for "not available then".
//  host_samples      the HostSample fields by their hostSampleToJson names (KiB; KSM pages;
//                    guest counts)
//  host_rollup_1m/1h n = polls behind the row; min/avg/max of every HostMetric (HostMetric.h order)
constexpr const char *V3 = R"sql(
CREATE TABLE host_samples(
    host_id INTEGER NOT NULL,
    t INTEGER NOT NULL,
    total INTEGER, free INTEGER, buffers INTEGER, cached INTEGER,
    guests_maximum INTEGER, guests_actual INTEGER, guests_used INTEGER,
    guests_active INTEGER NOT NULL, guests_reporting INTEGER NOT NULL,
    ksm_saved INTEGER, ksm_pages_shared INTEGER, ksm_pages_sharing INTEGER,
    ksm_pages_unshared INTEGER, ksm_pages_volatile INTEGER, ksm_full_scans INTEGER,
    huge_pages_total INTEGER, huge_pages_free INTEGER,
    PRIMARY KEY(host_id, t)
) WITHOUT ROWID;
CREATE TABLE host_rollup_1m(
    host_id INTEGER NOT NULL,
    t INTEGER NOT NULL,
    n INTEGER NOT NULL,
    total_min INTEGER, total_avg INTEGER, total_max INTEGER,
    free_min INTEGER, free_avg INTEGER, free_max INTEGER,
    buffers_min INTEGER, buffers_avg INTEGER, buffers_max INTEGER,
    cached_min INTEGER, cached_avg INTEGER, cached_max INTEGER,
    free_with_caches_min INTEGER, free_with_caches_avg INTEGER, free_with_caches_max INTEGER,
    guests_maximum_min INTEGER, guests_maximum_avg INTEGER, guests_maximum_max INTEGER,
    guests_actual_min INTEGER, guests_actual_avg INTEGER, guests_actual_max INTEGER,
    guests_used_min INTEGER, guests_used_avg INTEGER, guests_used_max INTEGER,
    guests_active_min INTEGER, guests_active_avg INTEGER, guests_active_max INTEGER,
    guests_reporting_min INTEGER, guests_reporting_avg INTEGER, guests_reporting_max INTEGER,
    ksm_saved_min INTEGER, ksm_saved_avg INTEGER, ksm_saved_max INTEGER,
    ksm_pages_shared_min INTEGER, ksm_pages_shared_avg INTEGER, ksm_pages_shared_max INTEGER,
    ksm_pages_sharing_min INTEGER, ksm_pages_sharing_avg INTEGER, ksm_pages_sharing_max INTEGER,
    ksm_pages_unshared_min INTEGER, ksm_pages_unshared_avg INTEGER, ksm_pages_unshared_max INTEGER,
    ksm_pages_volatile_min INTEGER, ksm_pages_volatile_avg INTEGER, ksm_pages_volatile_max INTEGER,
    ksm_full_scans_min INTEGER, ksm_full_scans_avg INTEGER, ksm_full_scans_max INTEGER,
    huge_pages_total_min INTEGER, huge_pages_total_avg INTEGER, huge_pages_total_max INTEGER,
    huge_pages_free_min INTEGER, huge_pages_free_avg INTEGER, huge_pages_free_max INTEGER,
    PRIMARY KEY(host_id, t)
) WITHOUT ROWID;
CREATE TABLE host_rollup_1h(
    host_id INTEGER NOT NULL,
    t INTEGER NOT NULL,
    n INTEGER NOT NULL,
    total_min INTEGER, total_avg INTEGER, total_max INTEGER,
    free_min INTEGER, free_avg INTEGER, free_max INTEGER,
    buffers_min INTEGER, buffers_avg INTEGER, buffers_max INTEGER,
    cached_min INTEGER, cached_avg INTEGER, cached_max INTEGER,
    free_with_caches_min INTEGER, free_with_caches_avg INTEGER, free_with_caches_max INTEGER,
    guests_maximum_min INTEGER, guests_maximum_avg INTEGER, guests_maximum_max INTEGER,
    guests_actual_min INTEGER, guests_actual_avg INTEGER, guests_actual_max INTEGER,
    guests_used_min INTEGER, guests_used_avg INTEGER, guests_used_max INTEGER,
    guests_active_min INTEGER, guests_active_avg INTEGER, guests_active_max INTEGER,
    guests_reporting_min INTEGER, guests_reporting_avg INTEGER, guests_reporting_max INTEGER,
    ksm_saved_min INTEGER, ksm_saved_avg INTEGER, ksm_saved_max INTEGER,
    ksm_pages_shared_min INTEGER, ksm_pages_shared_avg INTEGER, ksm_pages_shared_max INTEGER,
    ksm_pages_sharing_min INTEGER, ksm_pages_sharing_avg INTEGER, ksm_pages_sharing_max INTEGER,
    ksm_pages_unshared_min INTEGER, ksm_pages_unshared_avg INTEGER, ksm_pages_unshared_max INTEGER,
    ksm_pages_volatile_min INTEGER, ksm_pages_volatile_avg INTEGER, ksm_pages_volatile_max INTEGER,
    ksm_full_scans_min INTEGER, ksm_full_scans_avg INTEGER, ksm_full_scans_max INTEGER,
    huge_pages_total_min INTEGER, huge_pages_total_avg INTEGER, huge_pages_total_max INTEGER,
    huge_pages_free_min INTEGER, huge_pages_free_avg INTEGER, huge_pages_free_max INTEGER,
    PRIMARY KEY(host_id, t)
) WITHOUT ROWID;
CREATE VIEW host_samples_readable AS
SELECT h.uri AS host, datetime(s.t, 'unixepoch') AS time, s.*
FROM host_samples s JOIN hosts h ON h.id = s.host_id;
)sql";

// Version 4: the sizing advisor's need, narrow: a covering index of what it reads from the
// roll-ups (the need maxima and the reports behind them), so that a month of 1-minute rows is
// read from an index of five integers instead of the 57-column rows (4× less CPU measured,
// docs/PERFORMANCE.md). An older file without it is still read, through the table.
constexpr const char *V4 = R"sql(
CREATE INDEX rollup_1m_need ON rollup_1m(guest_id, t, n_report, used_excluding_cache_max, used_max);
CREATE INDEX rollup_1h_need ON rollup_1h(guest_id, t, n_report, used_excluding_cache_max, used_max);
)sql";

// Version 5: what the host sees of each guest's memory from outside (issue 16): the QEMU
// process's swapped-out memory (VmSwap, KiB) and the guest cgroup's memory pressure (PSI some /
// full avg10, in hundredths of a percent), where Balloonscope can read them (ProcessFigures.h);
// NULL elsewhere. Appended to the raw rows (after report_age) and rolled up like every metric.
// The readable view names them too.
constexpr const char *V5 = R"sql(
ALTER TABLE samples ADD COLUMN vm_swap INTEGER;
ALTER TABLE samples ADD COLUMN psi_some INTEGER;
ALTER TABLE samples ADD COLUMN psi_full INTEGER;
ALTER TABLE samples_inbox ADD COLUMN vm_swap INTEGER;
ALTER TABLE samples_inbox ADD COLUMN psi_some INTEGER;
ALTER TABLE samples_inbox ADD COLUMN psi_full INTEGER;
ALTER TABLE rollup_1m ADD COLUMN vm_swap_min INTEGER;
ALTER TABLE rollup_1m ADD COLUMN vm_swap_avg INTEGER;
ALTER TABLE rollup_1m ADD COLUMN vm_swap_max INTEGER;
ALTER TABLE rollup_1m ADD COLUMN psi_some_min INTEGER;
ALTER TABLE rollup_1m ADD COLUMN psi_some_avg INTEGER;
ALTER TABLE rollup_1m ADD COLUMN psi_some_max INTEGER;
ALTER TABLE rollup_1m ADD COLUMN psi_full_min INTEGER;
ALTER TABLE rollup_1m ADD COLUMN psi_full_avg INTEGER;
ALTER TABLE rollup_1m ADD COLUMN psi_full_max INTEGER;
ALTER TABLE rollup_1h ADD COLUMN vm_swap_min INTEGER;
ALTER TABLE rollup_1h ADD COLUMN vm_swap_avg INTEGER;
ALTER TABLE rollup_1h ADD COLUMN vm_swap_max INTEGER;
ALTER TABLE rollup_1h ADD COLUMN psi_some_min INTEGER;
ALTER TABLE rollup_1h ADD COLUMN psi_some_avg INTEGER;
ALTER TABLE rollup_1h ADD COLUMN psi_some_max INTEGER;
ALTER TABLE rollup_1h ADD COLUMN psi_full_min INTEGER;
ALTER TABLE rollup_1h ADD COLUMN psi_full_avg INTEGER;
ALTER TABLE rollup_1h ADD COLUMN psi_full_max INTEGER;
DROP VIEW samples_readable;
CREATE VIEW samples_readable AS
SELECT h.uri AS host, g.uuid AS uuid, g.name AS name, datetime(s.t, 'unixepoch') AS time,
       s.t AS t, s.flags & 15 AS domain_state_code, s.flags >> 4 AS stats_state_code,
       s.actual AS actual,
       CASE WHEN s.inflated IS NOT NULL THEN coalesce(s.actual, 0) + s.inflated END AS maximum,
       s.rss AS rss, s.available AS available, s.unused AS unused, s.usable AS usable,
       s.disk_caches AS disk_caches, s.swap_in AS swap_in, s.swap_out AS swap_out,
       s.major_fault AS major_fault, s.minor_fault AS minor_fault,
       s.hugetlb_pgalloc AS hugetlb_pgalloc, s.hugetlb_pgfail AS hugetlb_pgfail,
       s.t - s.report_age AS last_update,
       s.vm_swap AS vm_swap, s.psi_some / 100.0 AS psi_some, s.psi_full / 100.0 AS psi_full
FROM (SELECT * FROM samples UNION ALL SELECT * FROM samples_inbox) AS s
JOIN guests g ON g.id = s.guest_id
JOIN hosts h ON h.id = g.host_id;
)sql";

// Version 6: the guests' raw samples and roll-ups in column blocks (issue 18): a raw poll costs a
// few bytes instead of about 60, a minute roll-up row a few dozen instead of about 200.
// `samples`, `rollup_1m` and `rollup_1h` become virtual tables of the same columns over tables of
// blocks (BlockTables.h, BlockModule.h); the old tables are renamed, copied block by block
// (convertToBlocks, every row and value as it was) and dropped in the same transaction. The
// covering indexes of version 4 go with them: a block is read by column.
constexpr const char *V6 = R"sql(
DROP VIEW samples_readable;
ALTER TABLE samples RENAME TO samples_v5;
ALTER TABLE rollup_1m RENAME TO rollup_1m_v5;
ALTER TABLE rollup_1h RENAME TO rollup_1h_v5;
)sql";

constexpr const char *V6Done = R"sql(
DROP TABLE samples_v5;
DROP TABLE rollup_1m_v5;
DROP TABLE rollup_1h_v5;
CREATE VIEW samples_readable AS
SELECT h.uri AS host, g.uuid AS uuid, g.name AS name, datetime(s.t, 'unixepoch') AS time,
       s.t AS t, s.flags & 15 AS domain_state_code, s.flags >> 4 AS stats_state_code,
       s.actual AS actual,
       CASE WHEN s.inflated IS NOT NULL THEN coalesce(s.actual, 0) + s.inflated END AS maximum,
       s.rss AS rss, s.available AS available, s.unused AS unused, s.usable AS usable,
       s.disk_caches AS disk_caches, s.swap_in AS swap_in, s.swap_out AS swap_out,
       s.major_fault AS major_fault, s.minor_fault AS minor_fault,
       s.hugetlb_pgalloc AS hugetlb_pgalloc, s.hugetlb_pgfail AS hugetlb_pgfail,
       s.t - s.report_age AS last_update,
       s.vm_swap AS vm_swap, s.psi_some / 100.0 AS psi_some, s.psi_full / 100.0 AS psi_full
FROM (SELECT * FROM samples UNION ALL SELECT * FROM samples_inbox) AS s
JOIN guests g ON g.id = s.guest_id
JOIN hosts h ON h.id = g.host_id;
)sql";

// Copies `<name>_v5` into the block table `spec`, one owner after the other in time order.
Status copyIntoBlocks(sqlite::Database &db, const BlockTableSpec &spec) {
    if (Status s = db.exec(createBlockTableSql(spec).constData()); !s)
        return s;
    QByteArray columns = spec.owner + ", t";
    for (const QByteArray &column : spec.values)
        columns += ", " + column;
    const QByteArray sql =
        "SELECT " + columns + " FROM " + spec.name + "_v5 ORDER BY " + spec.owner + ", t";
    auto rows = db.prepare(sql.constData());
    if (!rows)
        return rows.error();
    BlockWriter writer(db, spec);
    std::vector<BlockRow> pending;
    qint64 owner = 0;
    Status written = Status::success();
    auto flush = [&] {
        if (written && !pending.empty())
            written = writer.merge(owner, std::exchange(pending, {}), BlockWriter::Merge::Replace);
        pending.clear();
    };
    const int count = int(spec.values.size());
    const Status read = rows->forEachRow([&] {
        const qint64 rowOwner = rows->int64(0);
        if (rowOwner != owner || int(pending.size()) >= spec.maxRows)
            flush();
        owner = rowOwner;
        BlockRow row;
        row.t = rows->int64(1);
        row.values.resize(std::size_t(count));
        for (int c = 0; c < count; ++c)
            row.values[std::size_t(c)] = rows->optionalInt64(2 + c);
        pending.push_back(std::move(row));
    });
    flush();
    if (!read)
        return read;
    return written;
}

Status convertToBlocks(sqlite::Database &db) {
    for (const BlockTableSpec *spec : {&sampleBlocks(), &minuteBlocks(), &hourBlocks()}) {
        if (Status s = copyIntoBlocks(db, *spec); !s)
            return s;
    }
    return db.exec(V6Done);
}

struct Migration {
    int toVersion;
    const char *sql;
    Status (*convert)(sqlite::Database &) = nullptr; // after `sql`, in the same transaction
};

constexpr Migration Migrations[] = {
    {1, V1}, {2, V2}, {3, V3}, {4, V4}, {5, V5}, {6, V6, convertToBlocks},
};

static_assert(std::size(Migrations) == SchemaVersion, "one migration per schema version");

} // namespace

const char *migrationSql(int toVersion) {
    for (const Migration &m : Migrations) {
        if (m.toVersion == toVersion)
            return m.sql;
    }
    return nullptr;
}

Result<SchemaInfo> readSchemaInfo(sqlite::Database &db) {
    SchemaInfo info;
    auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return version.error();
    auto app = db.queryInt("PRAGMA application_id");
    if (!app)
        return app.error();
    auto objects = db.queryInt("SELECT count(*) FROM sqlite_master");
    if (!objects)
        return objects.error();
    info.version = int(*version);
    info.applicationId = *app;
    info.objects = int(*objects);
    return info;
}

Status migrate(sqlite::Database &db, int fromVersion) {
    for (const Migration &m : Migrations) {
        if (m.toVersion <= fromVersion)
            continue;
        qCInfo(lcHistory) << "migrating the history database to schema version" << m.toVersion;
        sqlite::Transaction tx(db);
        if (!tx.begun())
            return tx.begun();
        if (Status s = db.exec(m.sql); !s)
            return s;
        if (m.convert) {
            if (Status s = m.convert(db); !s)
                return s;
        }
        const QByteArray pragmas = QByteArray("PRAGMA application_id = ") +
                                   QByteArray::number(ApplicationId) +
                                   "; PRAGMA user_version = " + QByteArray::number(m.toVersion);
        if (Status s = db.exec(pragmas.constData()); !s)
            return s;
        if (Status s = tx.commit(); !s)
            return s;
    }
    return Status::success();
}

} // namespace bs::history
