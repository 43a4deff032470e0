#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "history/HistoryStore.h"
#include "history/Schema.h"
#include "history/Sqlite.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::test;

namespace {

const QString Host = QStringLiteral("qemu+ssh://admin@kvm1/system");
const QString UuidA = QStringLiteral("11111111-1111-1111-1111-111111111111");
const QString UuidB = QStringLiteral("22222222-2222-2222-2222-222222222222");
constexpr qint64 T0 = 1735689600000; // 2025-01-01 00:00:00 UTC, ms

SeriesRequest request(const QStringList &uuids, const QList<Metric> &metrics, qint64 from,
                      qint64 to, int points) {
    SeriesRequest r;
    r.hostId = Host;
    r.uuids = uuids;
    r.metrics = metrics;
    r.fromMs = from;
    r.toMs = to;
    r.points = points;
    return r;
}

} // namespace

class TestHistoryStore : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;

    HistoryOptions options(const QString &file, WriterRole role = WriterRole::App) {
        HistoryOptions o;
        o.path = m_dir.filePath(file);
        o.role = role;
        o.backgroundCompaction = false;
        o.clockMs = m_clock.function();
        return o;
    }

    // Two minutes of 5 s polls of two guests from `start`; A uses 1000 + i KiB, B 2000 + i.
    void recordTwoMinutes(HistoryStore &store, qint64 start) {
        for (int i = 0; i < 24; ++i) {
            const qint64 t = start + i * 5000;
            store.record(pollCycle(Host, t,
                                   {guestPoll(UuidA, QStringLiteral("web"), t, 1000 + i),
                                    guestPoll(UuidB, QStringLiteral("db"), t, 2000 + i)}));
        }
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock.set(T0);
    }

    void recordsAndReadsBack() {
        HistoryStore store(options(QStringLiteral("basic.sqlite")));
        QVERIFY(openAndWait(store));
        QCOMPARE(store.status().state, HistoryStatus::State::Ready);
        recordTwoMinutes(store, T0);
        const auto result = querySeries(
            store, request({UuidA, UuidB}, {Metric::Used, Metric::Actual}, T0, T0 + 120000, 1200));
        QCOMPARE(result.bucketMs, 1000);
        QCOMPARE(result.series.size(), 4);
        const Series &usedA = result.series[0];
        QCOMPARE(usedA.uuid, UuidA);
        QCOMPARE(usedA.metric, Metric::Used);
        QCOMPARE(usedA.points.size(), 24);
        for (int i = 0; i < 24; ++i) {
            QCOMPARE(usedA.points[i].timeMs, T0 + i * 5000);
            QCOMPARE(usedA.points[i].avg, 1000.0 + i);
        }
        QCOMPARE(result.series[1].points.first().avg, 4194304.0); // actual
        QCOMPARE(result.series[2].points.last().avg, 2023.0);     // B's used
        QCOMPARE(result.tiers.size(), 1);
        QCOMPARE(result.tiers.first().tier, Tier::Raw);
        // Everything sits in the inbox until the compactor moves it; queries see it either way.
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples_inbox"), 48);
        store.compactNow();
        QVERIFY(store.waitForIdle());
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples"), 48);
        const auto again =
            querySeries(store, request({UuidA}, {Metric::Used}, T0, T0 + 120000, 1200));
        QCOMPARE(again.series.first().points, usedA.points);
    }

    void restartShowsAGapWhereNothingWasRecorded() {
        const QString file = QStringLiteral("restart.sqlite");
        {
            HistoryStore first(options(file));
            QVERIFY(openAndWait(first));
            recordTwoMinutes(first, T0);
        } // closed: like quitting the recorder
        HistoryStore second(options(file));
        QVERIFY(openAndWait(second));
        recordTwoMinutes(second, T0 + 600000); // ten minutes later
        const auto fine =
            querySeries(second, request({UuidA}, {Metric::Used}, T0, T0 + 720000, 720));
        const auto &points = fine.series.first().points;
        QCOMPARE(valueCount(points), 48);
        QCOMPARE(gapCount(points), 1);
        QVERIFY(points[24].isGap());
        QVERIFY(points[24].timeMs > T0 + 115000 && points[24].timeMs < T0 + 600000);
        // Coarser: still a gap between the two stretches, none inside them.
        const auto coarse =
            querySeries(second, request({UuidA}, {Metric::Used}, T0, T0 + 720000, 24));
        QCOMPARE(gapCount(coarse.series.first().points), 1);
        QCOMPARE(sqlInt(second.path(), "SELECT count(*) FROM sessions"), 2);
    }

    void guestOffAndMissingStatsAreGaps() {
        HistoryStore store(options(QStringLiteral("gaps.sqlite")));
        QVERIFY(openAndWait(store));
        const QString name = QStringLiteral("web");
        qint64 t = T0;
        // Reports every 10 s, polled every 5 s: repeated reports in between hold the line.
        for (int i = 0; i < 12; ++i, t += 5000)
            store.record(pollCycle(Host, t, {guestPoll(UuidA, name, t, 1000, i % 2 == 0)}));
        for (int i = 0; i < 12; ++i, t += 5000) // shut off for a minute
            store.record(pollCycle(Host, t, {guestOff(UuidA, name, t)}));
        for (int i = 0; i < 12; ++i, t += 5000) // back, stats off: no guest figures
            store.record(
                pollCycle(Host, t, {guestPoll(UuidA, name, t, 0, false, StatsState::Off)}));
        for (int i = 0; i < 12; ++i, t += 5000) // reporting again
            store.record(pollCycle(Host, t, {guestPoll(UuidA, name, t, 3000, true)}));
        QVERIFY(store.waitForIdle());
        // Only the first poll of the shut-off guest is stored: the rest would repeat it.
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples_inbox"), 37);
        const auto result =
            querySeries(store, request({UuidA}, {Metric::Used, Metric::Actual}, T0, t, 4000));
        const auto &used = result.series[0].points;
        const auto &actual = result.series[1].points;
        QCOMPARE(valueCount(used), 6 + 12);
        QCOMPARE(gapCount(used), 1); // off, then stats off: one stretch without guest figures
        QCOMPARE(valueCount(actual), 12 + 24);
        QCOMPARE(gapCount(actual), 1); // only while off
        QVERIFY(used[6].isGap());
        QCOMPARE(used[7].avg, 3000.0);
    }

    void renameKeepsHistory() {
        HistoryStore store(options(QStringLiteral("rename.sqlite")));
        QVERIFY(openAndWait(store));
        store.record(pollCycle(Host, T0, {guestPoll(UuidA, QStringLiteral("web"), T0, 10)}));
        store.record(pollCycle(Host, T0 + 5000,
                               {guestPoll(UuidA, QStringLiteral("web-new"), T0 + 5000, 20)}));
        const auto guests = queryGuests(store, Host);
        QCOMPARE(guests.size(), 1);
        QCOMPARE(guests.first().name, QStringLiteral("web-new"));
        QCOMPARE(guests.first().names.size(), 2);
        QCOMPARE(guests.first().names.first().name, QStringLiteral("web"));
        QCOMPARE(guests.first().names.last().sinceMs, T0 + 5000);
        const auto result =
            querySeries(store, request({UuidA}, {Metric::Used}, T0, T0 + 10000, 100));
        QCOMPARE(valueCount(result.series.first().points), 2);
    }

    void eventsRoundTrip() {
        HistoryStore store(options(QStringLiteral("events.sqlite")));
        QVERIFY(openAndWait(store));
        store.record(pollCycle(Host, T0, {guestPoll(UuidA, QStringLiteral("web"), T0, 10)}));
        LifecycleEvent started;
        started.hostId = Host;
        started.uuid = UuidA;
        started.name = QStringLiteral("web");
        started.event = 2; // VIR_DOMAIN_EVENT_STARTED
        started.timeMs = T0 + 1000;
        store.recordLifecycle(started);
        HistoryEvent target;
        target.hostId = Host;
        target.uuid = UuidA;
        target.timeMs = T0 + 2000;
        target.kind = HistoryEvent::Kind::BalloonTarget;
        target.value = 2097152;
        target.source = QStringLiteral("app");
        store.recordEvent(target);
        EventRequest all;
        all.hostId = Host;
        all.fromMs = T0;
        all.toMs = T0 + 10000;
        const auto events = queryEvents(store, all);
        // The store marks where it started recording the host, too.
        QCOMPARE(events.size(), 3);
        QCOMPARE(events[0].kind, HistoryEvent::Kind::Recording);
        QCOMPARE(events[1].kind, HistoryEvent::Kind::Lifecycle);
        QCOMPARE(events[1].name, QStringLiteral("web"));
        QCOMPARE(events[1].uuid, UuidA);
        QCOMPARE(events[2].value, std::optional<qint64>(2097152));
        QVERIFY(events[2].description().contains(QStringLiteral("2")));
        all.kinds = {HistoryEvent::Kind::BalloonTarget};
        QCOMPARE(queryEvents(store, all).size(), 1);
        // An event carrying an old name (queued before a rename) does not rename the guest back.
        store.record(
            pollCycle(Host, T0 + 5000, {guestPoll(UuidA, QStringLiteral("web-2"), T0 + 5000, 10)}));
        started.timeMs = T0 + 3000;
        store.recordLifecycle(started);
        const auto guests = queryGuests(store, Host);
        QCOMPARE(guests.size(), 1);
        QCOMPARE(guests.first().name, QStringLiteral("web-2"));
        QCOMPARE(guests.first().names.size(), 2);
    }

    void aggregateSumsTheHostsGuests() {
        HistoryStore store(options(QStringLiteral("aggregate.sqlite")));
        QVERIFY(openAndWait(store));
        recordTwoMinutes(store, T0);
        AggregateRequest r;
        r.hostId = Host;
        r.metrics = {Metric::Used, Metric::Actual};
        r.fromMs = T0;
        r.toMs = T0 + 120000;
        r.points = 24;
        const auto result = queryAggregate(store, r);
        QCOMPARE(result.series.size(), 2);
        const auto &used = result.series[0];
        QCOMPARE(used.points.size(), 24);
        QCOMPARE(used.points.first().avg, 3000.0); // 1000 + 2000
        QCOMPARE(used.guestCounts.first(), 2);
        QCOMPARE(result.series[1].points.first().avg, 2 * 4194304.0);
    }

    void recorderCoversTheHost() {
        const QString file = QStringLiteral("shared.sqlite");
        HistoryStore app(options(file));
        auto recorder = std::make_unique<HistoryStore>(options(file, WriterRole::Recorder));
        QVERIFY(openAndWait(app));
        QVERIFY(openAndWait(*recorder));
        QSignalSpy appStates(&app, &HistoryStore::hostWriteStateChanged);
        const auto poll = [](qint64 t) {
            return pollCycle(Host, t, {guestPoll(UuidA, QStringLiteral("web"), t, t / 1000 % 100)});
        };
        app.record(poll(T0));
        QVERIFY(app.waitForIdle());
        recorder->record(poll(T0 + 1000)); // the recorder takes the host over
        QVERIFY(recorder->waitForIdle());
        app.record(poll(T0 + 2000)); // not written: covered
        QVERIFY(app.waitForIdle());
        QCOMPARE(appStates.size(), 2);
        QVERIFY(appStates[0][0].value<HostWriteState>().recording);
        const auto covered = appStates[1][0].value<HostWriteState>();
        QVERIFY(!covered.recording);
        QCOMPARE(covered.holder.role, WriterRole::Recorder);
        QCOMPARE(covered.holder.pid, QCoreApplication::applicationPid());
        const auto leases = queryLeases(app);
        QCOMPARE(leases.size(), 1);
        QVERIFY(!leases.first().mine);
        recorder.reset(); // a clean stop releases the lease
        app.record(poll(T0 + 3000));
        QVERIFY(app.waitForIdle());
        QCOMPARE(appStates.size(), 3);
        QVERIFY(appStates[2][0].value<HostWriteState>().recording);
        // The app wrote its lease again: a second app (another window) leaves the host alone.
        const auto retaken = queryLeases(app);
        QCOMPARE(retaken.size(), 1);
        QVERIFY(retaken.first().mine);
        HistoryStore other(options(file));
        QVERIFY(openAndWait(other));
        QSignalSpy otherStates(&other, &HistoryStore::hostWriteStateChanged);
        other.record(poll(T0 + 4000));
        QVERIFY(other.waitForIdle());
        QCOMPARE(otherStates.size(), 1);
        QVERIFY(!otherStates[0][0].value<HostWriteState>().recording);
        QCOMPARE(otherStates[0][0].value<HostWriteState>().holder.role, WriterRole::App);
        // Polls at +0 s (app), +1 s (recorder) and +3 s (app again); +2 s was left to the
        // recorder and +4 s to the first app.
        QCOMPARE(sqlText(app.path(), "SELECT group_concat(t - 1735689600) FROM "
                                     "(SELECT t FROM samples_readable ORDER BY t)"),
                 QStringLiteral("0,1,3"));
    }

    void killedRecorderLapses() {
        const QString file = QStringLiteral("killed.sqlite");
        HistoryStore app(options(file));
        QVERIFY(openAndWait(app));
        app.record(pollCycle(Host, T0, {guestPoll(UuidA, QStringLiteral("web"), T0, 1)}));
        QVERIFY(app.waitForIdle());
        // A recorder that was SIGKILLed left its lease: a dead pid on this machine.
        QProcess gone;
        gone.start(QStringLiteral("true"), {});
        QVERIFY(gone.waitForStarted());
        const qint64 deadPid = gone.processId();
        QVERIFY(gone.waitForFinished());
        {
            auto db = sqlite::Database::open(app.path(), sqlite::Database::Mode::ReadWrite);
            QVERIFY(db);
            const QByteArray sql = "UPDATE leases SET owner = 'someone', role = 'recorder', "
                                   "pid = " +
                                   QByteArray::number(deadPid) + ", machine = '" +
                                   QSysInfo::machineHostName().toUtf8() +
                                   "', expires = " + QByteArray::number(T0 + 3600000);
            QVERIFY(db->exec(sql.constData()));
        }
        QSignalSpy states(&app, &HistoryStore::hostWriteStateChanged);
        app.record(pollCycle(Host, T0 + 5000, {guestPoll(UuidA, QStringLiteral("web"), T0, 1)}));
        QVERIFY(app.waitForIdle());
        QCOMPARE(states.size(), 0); // still recording: the dead recorder's lease did not count
        QCOMPARE(sqlInt(app.path(), "SELECT count(*) FROM samples_readable"), 2);
        // Another machine's live lease is respected until it expires.
        {
            auto db = sqlite::Database::open(app.path(), sqlite::Database::Mode::ReadWrite);
            QVERIFY(db);
            const QByteArray sql =
                "UPDATE leases SET owner = 'remote', role = 'recorder', pid = 1, "
                "machine = 'elsewhere', expires = " +
                QByteArray::number(T0 + 60000);
            QVERIFY(db->exec(sql.constData()));
        }
        app.record(pollCycle(Host, T0 + 10000, {guestPoll(UuidA, QStringLiteral("web"), T0, 1)}));
        QVERIFY(app.waitForIdle());
        QCOMPARE(states.size(), 1);
        QVERIFY(!states[0][0].value<HostWriteState>().recording);
        m_clock.set(T0 + 61000);
        app.record(pollCycle(Host, T0 + 61000, {guestPoll(UuidA, QStringLiteral("web"), T0, 1)}));
        QVERIFY(app.waitForIdle());
        m_clock.set(T0);
        QCOMPARE(states.size(), 2);
        QVERIFY(states[1][0].value<HostWriteState>().recording);
        QCOMPARE(sqlInt(app.path(), "SELECT count(*) FROM samples_readable"), 3);
    }

    void newerSchemaOpensReadOnly() {
        const QString file = QStringLiteral("newer.sqlite");
        {
            HistoryStore store(options(file));
            QVERIFY(openAndWait(store));
            recordTwoMinutes(store, T0);
        }
        {
            auto db =
                sqlite::Database::open(m_dir.filePath(file), sqlite::Database::Mode::ReadWrite);
            QVERIFY(db);
            const QByteArray sql =
                "PRAGMA user_version = " + QByteArray::number(history::SchemaVersion + 1);
            QVERIFY(db->exec(sql.constData()));
        }
        HistoryStore store(options(file));
        QVERIFY(openAndWait(store));
        QCOMPARE(store.status().state, HistoryStatus::State::ReadOnly);
        QVERIFY(store.status().message.contains(QString::number(history::SchemaVersion + 1)));
        QCOMPARE(store.status().fileSchemaVersion, history::SchemaVersion + 1);
        const auto result =
            querySeries(store, request({UuidA}, {Metric::Used}, T0, T0 + 120000, 1200));
        QCOMPARE(valueCount(result.series.first().points), 24);
        store.record(pollCycle(Host, T0 + 200000,
                               {guestPoll(UuidA, QStringLiteral("web"), T0 + 200000, 1)}));
        QVERIFY(store.waitForIdle());
        QCOMPARE(sqlInt(store.path(), "SELECT count(*) FROM samples_readable"), 48);
    }

    void notADatabaseIsMovedAside() {
        const QString path = m_dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile garbage(path);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray("this is a shopping list, not a database\n").repeated(100));
        garbage.close();
        HistoryStore store(options(QStringLiteral("garbage.sqlite")));
        QSignalSpy replaced(&store, &HistoryStore::databaseReplaced);
        QVERIFY(openAndWait(store));
        QCOMPARE(store.status().state, HistoryStatus::State::Ready);
        QCOMPARE(replaced.size(), 1);
        const QString movedTo = replaced[0][0].toString();
        QVERIFY(movedTo.startsWith(path + QStringLiteral(".damaged-20250101-")));
        QFile moved(movedTo);
        QVERIFY(moved.open(QIODevice::ReadOnly));
        QVERIFY(moved.readAll().startsWith("this is a shopping list"));
        QVERIFY(!replaced[0][1].toString().isEmpty());
        recordTwoMinutes(store, T0);
        QCOMPARE(
            valueCount(querySeries(store, request({UuidA}, {Metric::Used}, T0, T0 + 120000, 100))
                           .series.first()
                           .points),
            24);
    }

    void damagedDatabaseIsMovedAside() {
        const QString file = QStringLiteral("damaged.sqlite");
        const QString path = m_dir.filePath(file);
        {
            HistoryStore store(options(file));
            QVERIFY(openAndWait(store));
            for (int round = 0; round < 20; ++round)
                recordTwoMinutes(store, T0 + round * 200000);
            store.compactNow();
        }
        QFile file2(path);
        QVERIFY(file2.size() > 8 * 4096);
        QVERIFY(file2.open(QIODevice::ReadWrite));
        file2.seek(2 * 4096); // leave the header page, scribble over the b-tree pages after it
        file2.write(QByteArray(6 * 4096, '\x5a'));
        file2.close();
        HistoryStore store(options(file));
        QSignalSpy replaced(&store, &HistoryStore::databaseReplaced);
        QVERIFY(openAndWait(store));
        QCOMPARE(store.status().state, HistoryStatus::State::Ready);
        QCOMPARE(replaced.size(), 1);
        QVERIFY(QFile::exists(replaced[0][0].toString()));
        QVERIFY(queryGuests(store).isEmpty()); // a new, empty history
    }

    void damageFoundLaterIsMovedAside() {
        // Damage the open-time check does not see (it is skipped here, as for big files): the
        // first write that meets it replaces the file, and recording goes on in the new one.
        const QString file = QStringLiteral("later.sqlite");
        const QString path = m_dir.filePath(file);
        {
            HistoryStore store(options(file));
            QVERIFY(openAndWait(store));
            for (int round = 0; round < 20; ++round)
                recordTwoMinutes(store, T0 + round * 200000);
            store.compactNow();
        }
        HistoryOptions o = options(file);
        o.integrityCheckMaxBytes = 0;
        HistoryStore store(o);
        QSignalSpy replaced(&store, &HistoryStore::databaseReplaced);
        QVERIFY(openAndWait(store));
        QCOMPARE(store.status().state, HistoryStatus::State::Ready);
        {
            QFile damage(path);
            QVERIFY(damage.open(QIODevice::ReadWrite));
            damage.seek(4096); // every page after the header page
            damage.write(QByteArray(int(damage.size()) - 4096, '\x5a'));
        }
        recordTwoMinutes(store, T0 + 5000000);
        QVERIFY(store.waitForIdle());
        QCOMPARE(replaced.size(), 1);
        QVERIFY(replaced[0][0].toString().contains(QStringLiteral(".damaged-")));
        QCOMPARE(store.status().state, HistoryStatus::State::Ready);
        // The polls after the replacement are in the new file.
        const auto result =
            querySeries(store, request({UuidA}, {Metric::Used}, T0 + 5000000, T0 + 5120000, 1200));
        QVERIFY(valueCount(result.series.first().points) >= 20);
    }

    void foreignDatabaseIsLeftAlone() {
        const QString path = m_dir.filePath(QStringLiteral("foreign.sqlite"));
        {
            auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
            QVERIFY(db);
            QVERIFY(
                db->exec("CREATE TABLE recipes(name TEXT); INSERT INTO recipes VALUES('soup')"));
        }
        HistoryStore store(options(QStringLiteral("foreign.sqlite")));
        QSignalSpy failed(&store, &HistoryStore::failed);
        QVERIFY(openAndWait(store));
        QCOMPARE(store.status().state, HistoryStatus::State::Unavailable);
        QVERIFY(store.status().message.contains(QStringLiteral("other program")));
        // The worker emits failed() right after statusChanged(): it may arrive a moment later.
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(sqlInt(path, "SELECT count(*) FROM recipes"), 1);
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("foreign.sqlite.damaged*")}).size(),
                 0);
        QSignalSpy queryFailed(&store, &HistoryStore::queryFailed);
        store.querySeries(request({UuidA}, {Metric::Used}, T0, T0 + 1000, 10));
        QVERIFY(queryFailed.wait(5000));
    }

    void readOnlyAccessNeverWrites() {
        const QString file = QStringLiteral("readonly.sqlite");
        {
            HistoryStore store(options(file));
            QVERIFY(openAndWait(store));
            recordTwoMinutes(store, T0);
        }
        HistoryOptions o = options(file);
        o.access = HistoryOptions::Access::ReadOnly;
        HistoryStore reader(o);
        QVERIFY(openAndWait(reader));
        QCOMPARE(reader.status().state, HistoryStatus::State::ReadOnly);
        QVERIFY(reader.status().message.isEmpty());
        reader.record(pollCycle(Host, T0 + 200000,
                                {guestPoll(UuidA, QStringLiteral("web"), T0 + 200000, 1)}));
        QVERIFY(reader.waitForIdle());
        QCOMPARE(
            valueCount(querySeries(reader, request({UuidA}, {Metric::Used}, T0, T0 + 300000, 300))
                           .series.first()
                           .points),
            24);
        // Read-only on a missing file is an error, and creates nothing.
        HistoryOptions missing = options(QStringLiteral("missing.sqlite"));
        missing.access = HistoryOptions::Access::ReadOnly;
        HistoryStore none(missing);
        QVERIFY(openAndWait(none));
        QCOMPARE(none.status().state, HistoryStatus::State::Unavailable);
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing.sqlite"))));
    }
};

BS_TEST_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
