#include "HistoryTestSupport.h"

#include "history/Sqlite.h"

#include <QSignalSpy>
#include <QTest>

namespace bs::test {

MemorySample guestPoll(const QString &uuid, const QString &name, qint64 timeMs, quint64 used,
                       bool fresh, StatsState stats) {
    MemorySample s;
    s.hostId = QStringLiteral("test:///default");
    s.uuid = uuid;
    s.name = name;
    s.timeMs = timeMs;
    s.state = DomainState::Running;
    s.statsState = stats;
    s.freshReport = fresh;
    s.stats.actual = 4194304;
    s.stats.maximum = 8388608;
    s.stats.rss = 4000000;
    s.stats.lastUpdate = timeMs / 1000 - 1;
    if (fresh) {
        s.stats.available = 4000000;
        s.stats.unused = 4000000 - used;
        s.stats.usable = 4000000 - used + 500000 > 4000000 ? 4000000 : 4000000 - used + 500000;
        s.stats.diskCaches = 400000;
        s.stats.swapIn = 0;
        s.stats.swapOut = 0;
        s.stats.majorFault = 100;
        s.stats.minorFault = 100000;
    }
    return s;
}

MemorySample guestOff(const QString &uuid, const QString &name, qint64 timeMs) {
    MemorySample s;
    s.uuid = uuid;
    s.name = name;
    s.timeMs = timeMs;
    s.state = DomainState::Shutoff;
    s.statsState = StatsState::Inactive;
    s.stats.actual = 4194304; // libvirt reports the configured size of an inactive guest
    s.stats.maximum = 8388608;
    return s;
}

PollCycle pollCycle(const QString &hostId, qint64 timeMs, const QList<MemorySample> &samples,
                    int intervalSeconds) {
    PollCycle c;
    c.hostId = hostId;
    c.timeMs = timeMs;
    c.intervalSeconds = intervalSeconds;
    c.samples = samples;
    for (MemorySample &s : c.samples) {
        s.hostId = hostId;
        s.timeMs = timeMs;
    }
    return c;
}

bool openAndWait(HistoryStore &store) {
    QSignalSpy status(&store, &HistoryStore::statusChanged);
    store.open();
    return status.wait(10000);
}

namespace {

template <class T, class Signal>
T waitFor(HistoryStore &store, quint64 id, Signal signal) {
    QSignalSpy spy(&store, signal);
    QSignalSpy failed(&store, &HistoryStore::queryFailed);
    for (int round = 0; round < 200; ++round) {
        for (const auto &args : std::as_const(spy)) {
            if (args.at(0).toULongLong() == id)
                return args.at(1).template value<T>();
        }
        for (const auto &args : std::as_const(failed)) {
            if (args.at(0).toULongLong() == id) {
                qWarning() << "query failed:" << args.at(1).value<Error>().message;
                return T{};
            }
        }
        spy.wait(100);
    }
    qWarning() << "query" << id << "timed out";
    return T{};
}

} // namespace

SeriesResult querySeries(HistoryStore &store, const SeriesRequest &request) {
    return waitFor<SeriesResult>(store, store.querySeries(request), &HistoryStore::seriesReady);
}

SampleResult querySamples(HistoryStore &store, const SampleRequest &request) {
    return waitFor<SampleResult>(store, store.querySamples(request), &HistoryStore::samplesReady);
}

NeedResult queryNeeds(HistoryStore &store, const NeedRequest &request) {
    return waitFor<NeedResult>(store, store.queryNeeds(request), &HistoryStore::needsReady);
}

AggregateResult queryAggregate(HistoryStore &store, const AggregateRequest &request) {
    return waitFor<AggregateResult>(store, store.queryAggregate(request),
                                    &HistoryStore::aggregateReady);
}

HostSeriesResult queryHostSeries(HistoryStore &store, const HostSeriesRequest &request) {
    return waitFor<HostSeriesResult>(store, store.queryHostSeries(request),
                                     &HistoryStore::hostSeriesReady);
}

QList<HistoryEvent> queryEvents(HistoryStore &store, const EventRequest &request) {
    return waitFor<QList<HistoryEvent>>(store, store.queryEvents(request),
                                        &HistoryStore::eventsReady);
}

QList<GuestInfo> queryGuests(HistoryStore &store, const QString &hostId) {
    return waitFor<QList<GuestInfo>>(store, store.queryGuests(hostId), &HistoryStore::guestsReady);
}

QList<HostLease> queryLeases(HistoryStore &store) {
    return waitFor<QList<HostLease>>(store, store.queryLeases(), &HistoryStore::leasesReady);
}

int valueCount(const QList<EnvelopePoint> &points) {
    return int(std::count_if(points.cbegin(), points.cend(),
                             [](const EnvelopePoint &p) { return !p.isGap(); }));
}

int gapCount(const QList<EnvelopePoint> &points) {
    return int(points.size()) - valueCount(points);
}

qint64 sqlInt(const QString &path, const char *sql) {
    auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
    if (!db) {
        qWarning() << "cannot open" << path << db.error().message;
        return -1;
    }
    auto value = db->queryInt(sql);
    if (!value) {
        qWarning() << sql << value.error().message;
        return -1;
    }
    return *value;
}

} // namespace bs::test

namespace bs::test {

QString sqlText(const QString &path, const char *sql) {
    auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
    if (!db)
        return {};
    auto stmt = db->prepare(sql);
    if (!stmt || stmt->step() != sqlite::Statement::Step::Row)
        return {};
    return stmt->text(0);
}

} // namespace bs::test
