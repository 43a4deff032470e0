#include "NeedReader.h"

#include "Decimator.h"
#include "GuestNeedReader.h"
#include "RollupCompactor.h"
#include "SampleCodec.h"

#include <QThread>

#include <limits>
#include <sqlite3.h>
#include <thread>
#include <vector>

namespace bs::history {

namespace {

constexpr int FallbackIntervalSeconds = 60; // as SampleReader: no recording session in range
constexpr int MaxThreads = 4;
constexpr qint64 HourSeconds = 3600;

qint64 floorSeconds(qint64 ms) {
    return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
}

qint64 hourOf(qint64 seconds) {
    return (seconds >= 0 ? seconds / HourSeconds : -((-seconds + HourSeconds - 1) / HourSeconds)) *
           HourSeconds;
}

} // namespace

NeedReader::NeedReader(sqlite::Database &db)
    : m_db(db)
    , m_maxThreads(qBound(1, QThread::idealThreadCount(), MaxThreads)) {}

Status NeedReader::readGuests(const GuestNeedReader::Plans &plans, const QList<Guest> &guests,
                              QList<GuestNeedHistory> &out, QList<char> &found) {
    const QString path =
        m_db.handle() ? QString::fromUtf8(sqlite3_db_filename(m_db.handle(), "main")) : QString();
    const int threads = path.isEmpty() ? 1 : int(qMin<qsizetype>(m_maxThreads, guests.size()));
    // Guest i on connection i mod threads; connection 0 is the caller's.
    auto readShare = [&](sqlite::Database &db, int share) -> Status {
        GuestNeedReader reader(db, plans);
        for (qsizetype i = share; i < guests.size(); i += threads) {
            if (guests[i].dbId < 0)
                continue;
            bool any = false;
            if (const Status s = reader.read(guests[i].dbId, out[i], any); !s)
                return s;
            found[i] = any ? 1 : 0;
        }
        return Status::success();
    };
    std::vector<sqlite::Database> extra;
    for (int k = 1; k < threads; ++k) {
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
        if (!db)
            break; // fewer connections: the caller's reads more
        extra.push_back(std::move(*db));
    }
    const int used = 1 + int(extra.size());
    if (used != threads) {
        // Could not open them all: read everything here, one guest after the other.
        GuestNeedReader reader(m_db, plans);
        for (qsizetype i = 0; i < guests.size(); ++i) {
            if (guests[i].dbId < 0)
                continue;
            bool any = false;
            if (const Status s = reader.read(guests[i].dbId, out[i], any); !s)
                return s;
            found[i] = any ? 1 : 0;
        }
        return Status::success();
    }
    std::vector<Status> results(static_cast<size_t>(threads), Status::success());
    std::vector<std::thread> workers;
    for (int k = 1; k < threads; ++k) {
        workers.emplace_back([&, k] { results[size_t(k)] = readShare(extra[size_t(k - 1)], k); });
    }
    results[0] = readShare(m_db, 0);
    for (std::thread &w : workers)
        w.join();
    for (const Status &s : results) {
        if (!s)
            return s;
    }
    return Status::success();
}

Result<NeedResult> NeedReader::needs(const NeedRequest &request) {
    NeedResult result;
    result.hostId = request.hostId;
    result.fromMs = request.fromMs;
    result.toMs = request.toMs;
    const qint64 from = floorSeconds(request.fromMs);
    const qint64 to = qMax(from, floorSeconds(request.toMs) + 1); // the newest poll included

    auto host = m_db.prepare("SELECT id FROM hosts WHERE uri = ?1");
    if (!host)
        return host.error();
    host->bind(1, request.hostId);
    const auto hostStep = host->step();
    if (hostStep == sqlite::Statement::Step::Failed)
        return host->error();
    if (hostStep == sqlite::Statement::Step::Done)
        return result; // the history knows nothing of this host
    const qint64 hostDbId = host->int64(0);

    auto interval = m_db.prepare("SELECT max(interval_s) FROM sessions WHERE host_id = ?1 AND "
                                 "last_seen >= ?2 AND started <= ?3");
    if (!interval)
        return interval.error();
    interval->bind(1, hostDbId).bind(2, from).bind(3, to);
    if (interval->step() != sqlite::Statement::Step::Row)
        return interval->error();
    result.intervalSeconds = int(interval->optionalInt64(0).value_or(FallbackIntervalSeconds));

    auto windows = readTierWindows(m_db);
    if (!windows)
        return windows.error();
    // One-second buckets: the finest tier wherever it has data, coarser ones only for what aged
    // out of it.
    const RangePlan needPlan = planRange(from, to, std::numeric_limits<int>::max(), *windows);

    using Known = Guest;
    QList<Known> known;
    auto guests =
        m_db.prepare("SELECT id, uuid, name FROM guests WHERE host_id = ?1 ORDER BY name, uuid");
    if (!guests)
        return guests.error();
    guests->bind(1, hostDbId);
    if (const Status s = guests->forEachRow([&] {
            known.append(Known{guests->int64(0), guests->text(1), guests->text(2)});
        });
        !s)
        return s.error();

    QList<Known> wanted;
    if (request.uuids.isEmpty()) {
        wanted = known;
    } else {
        for (const QString &uuid : request.uuids) {
            const auto it = std::find_if(known.cbegin(), known.cend(),
                                         [&](const Known &k) { return k.uuid == uuid; });
            wanted.append(it != known.cend() ? *it : Known{-1, uuid, QString()});
        }
    }

    GuestNeedReader::Plans plans;
    plans.need = needPlan;
    plans.windows = *windows;
    // Whole hours per bucket (never less: a bucket under an hour would prefer the minute tier).
    plans.hours = planRange(from, to, int(qMax<qint64>(1, (to - from) / 3600)), *windows);
    plans.from = from;
    plans.to = to;
    plans.intervalSeconds = result.intervalSeconds;
    plans.percentiles = request.percentiles;

    QList<GuestNeedHistory> histories(wanted.size());
    QList<char> found(wanted.size(), 0);
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        histories[i].uuid = wanted[i].uuid;
        histories[i].name = wanted[i].name;
    }
    if (const Status s = readGuests(plans, wanted, histories, found); !s)
        return s.error();

    bool tierUsed[TierCount] = {};
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        for (Tier t : histories[i].need.tiers)
            tierUsed[int(t)] = true;
        // A guest listed by the request stays even without rows; one found by listing the
        // host's guests only where it has rows in the window.
        if (found[i] || !request.uuids.isEmpty())
            result.guests.append(histories[i]);
    }
    for (int t = 0; t < TierCount; ++t) {
        if (tierUsed[t])
            result.tiers.append(Tier(t));
    }
    if (const Status s = readHost(hostDbId, needPlan.segments, result); !s)
        return s.error();
    return result;
}

Status NeedReader::readHost(qint64 hostDbId, const QList<Segment> &segments, NeedResult &out) {
    auto add = [&out](qint64 t, std::optional<qint64> total, std::optional<qint64> ksm) {
        const qint64 h = hourOf(t) * 1000;
        if (out.hostHours.isEmpty() || out.hostHours.last().hourMs != h)
            out.hostHours.append(HostHour{h, std::nullopt, std::nullopt});
        HostHour &hour = out.hostHours.last();
        if (total) {
            hour.totalKiB = qMax(hour.totalKiB.value_or(0), *total);
            out.hostTotalKiB = total;
        }
        if (ksm)
            hour.ksmSavedKiB = qMin(hour.ksmSavedKiB.value_or(*ksm), *ksm);
    };
    for (const Segment &segment : segments) {
        const QByteArray sql = segment.tier == Tier::Raw
                                   ? QByteArray("SELECT t, total, ksm_saved FROM host_samples")
                                   : "SELECT t, total_max, ksm_saved_min FROM host_rollup_" +
                                         tierKey(segment.tier).toLatin1();
        auto q = m_db.prepare((sql + " WHERE host_id = ?1 AND t >= ?2 AND t < ?3").constData());
        if (!q)
            return q.error();
        q->bind(1, hostDbId).bind(2, segment.from).bind(3, segment.to);
        if (const Status s =
                q->forEachRow([&] { add(q->int64(0), q->optionalInt64(1), q->optionalInt64(2)); });
            !s)
            return s;
    }
    if (!out.hostTotalKiB) {
        // Hosts without MemTotal (libvirt's test driver): the size virNodeGetInfo gave.
        auto q = m_db.prepare(
            "SELECT total_kib FROM host_memory WHERE host_id = ?1 ORDER BY t DESC LIMIT 1");
        if (!q)
            return q.error();
        q->bind(1, hostDbId);
        if (const Status s = q->forEachRow([&] { out.hostTotalKiB = q->int64(0); }); !s)
            return s;
    }
    return Status::success();
}

} // namespace bs::history
