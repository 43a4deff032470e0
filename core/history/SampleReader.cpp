#include "SampleReader.h"

#include "Decimator.h"
#include "RollupCompactor.h"
#include "SampleCodec.h"
#include "StoredColumns.h"

namespace bs::history {

namespace {

// Without any recording session in range: assume a one-minute interval, as RangeReader does.
constexpr int FallbackIntervalSeconds = 60;

qint64 floorSeconds(qint64 ms) {
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

QByteArray selectSql(const char *table) {
    QByteArray sql = "SELECT t, flags";
    for (const char *column : SampleValueColumns)
        sql += QByteArray(", ") + column;
    return sql + " FROM " + table + " WHERE guest_id = ?1 AND t >= ?2 AND t <= ?3";
}

} // namespace

SampleReader::SampleReader(sqlite::Database &db)
    : m_db(db) {}

Result<SampleResult> SampleReader::samples(const SampleRequest &request) {
    SampleResult result;
    const qint64 from = floorSeconds(request.fromMs);
    const qint64 to = qMax(from, floorSeconds(request.toMs));
    auto windows = readTierWindows(m_db);
    if (!windows)
        return windows.error();
    result.rawFromMs = (*windows)[size_t(Tier::Raw)].from * 1000;

    auto host = m_db.prepare("SELECT id FROM hosts WHERE uri = ?1");
    if (!host)
        return host.error();
    host->bind(1, request.hostId);
    std::optional<qint64> hostDbId;
    switch (host->step()) {
    case sqlite::Statement::Step::Row:
        hostDbId = host->int64(0);
        break;
    case sqlite::Statement::Step::Done:
        break;
    case sqlite::Statement::Step::Failed:
        return host->error();
    }

    auto interval = m_db.prepare("SELECT max(interval_s) FROM sessions WHERE host_id = ?1 AND "
                                 "last_seen >= ?2 AND started <= ?3");
    if (!interval)
        return interval.error();
    interval->bind(1, hostDbId.value_or(-1)).bind(2, from).bind(3, to);
    if (interval->step() != sqlite::Statement::Step::Row)
        return interval->error();
    result.maxGapMs =
        maxGapForInterval(int(interval->optionalInt64(0).value_or(FallbackIntervalSeconds))) * 1000;

    auto guest = m_db.prepare("SELECT id, name FROM guests WHERE host_id = ?1 AND uuid = ?2");
    if (!guest)
        return guest.error();
    for (const QString &uuid : request.uuids) {
        GuestSamples out;
        out.uuid = uuid;
        if (hostDbId) {
            guest->bind(1, *hostDbId).bind(2, uuid);
            const auto step = guest->step();
            if (step == sqlite::Statement::Step::Failed)
                return guest->error();
            if (step == sqlite::Statement::Step::Row) {
                const qint64 guestDbId = guest->int64(0);
                out.name = guest->text(1);
                guest->reset();
                if (const Status read = readGuest(guestDbId, from, to, out); !read)
                    return read.error();
            }
            guest->reset();
        }
        for (MemorySample &s : out.samples) {
            s.hostId = request.hostId;
            s.uuid = uuid;
            s.name = out.name;
        }
        result.guests.append(out);
    }
    return result;
}

Status SampleReader::readGuest(qint64 guestDbId, qint64 from, qint64 to, GuestSamples &out) {
    // The newest polls may still sit in the inbox (see Schema.cpp).
    const QByteArray sql =
        selectSql("samples") + " UNION ALL " + selectSql("samples_inbox") + " ORDER BY 1";
    auto rows = m_db.prepare(sql.constData());
    if (!rows)
        return rows.error();
    rows->bind(1, guestDbId).bind(2, from).bind(3, to);
    sqlite::Statement::Step step;
    while ((step = rows->step()) == sqlite::Statement::Step::Row) {
        StoredSample s;
        s.t = rows->int64(0);
        s.flags = int(rows->int64(1));
        std::optional<qint64> *fields[] = {
            &s.actual,     &s.inflated,       &s.rss,           &s.available, &s.unused,
            &s.usable,     &s.diskCaches,     &s.swapIn,        &s.swapOut,   &s.majorFault,
            &s.minorFault, &s.hugetlbPgAlloc, &s.hugetlbPgFail, &s.reportAge, &s.vmSwap,
            &s.psiSome,    &s.psiFull};
        static_assert(std::size(fields) == std::size(SampleValueColumns));
        for (int i = 0; i < int(std::size(fields)); ++i)
            *fields[i] = rows->optionalInt64(2 + i);
        out.samples.append(decodeSample(s));
    }
    if (step == sqlite::Statement::Step::Failed)
        return rows->error();
    return Status::success();
}

} // namespace bs::history
