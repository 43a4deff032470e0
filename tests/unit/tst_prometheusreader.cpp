// The history read back from real Prometheus-compatible servers (Debian's prometheus 2.42 and
// victoria-metrics 1.79, on loopback ports, storage in temporary directories) that scrape a
// recorder of libvirt's test driver every second: every query of the history's face
// (HistoryReader) answered by PrometheusReader against what the recorder wrote to its own file,
// a recorder that stops leaving a gap (never zeros), the CLI's --source for every history
// reader, and servers that hang or die in the middle of a query.
#include "CliRunner.h"
#include "HistoryTestSupport.h"
#include "ScrapeServer.h"
#include "TestMain.h"
#include "promsource/PrometheusReader.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>
#include <optional>

using namespace bs;
using namespace bs::test;

namespace {

const QString Host = QStringLiteral("test:///default");
constexpr quint64 TestDriverBalloonKiB = 2097152; // test:///default's guest "test": 2 GiB

// Waits for the answer to `id` (or its failure, in *error) with a deadline.
template <class T, class Signal>
std::optional<T> await(HistoryReader &reader, quint64 id, Signal signal, Error *error,
                       int timeoutMs = 30000) {
    QEventLoop loop;
    std::optional<T> answer;
    QObject::connect(&reader, signal, &loop, [&](quint64 got, const T &value) {
        if (got == id) {
            answer = value;
            loop.quit();
        }
    });
    QObject::connect(&reader, &HistoryReader::queryFailed, &loop, [&](quint64 got, const Error &e) {
        if (got == id) {
            *error = e;
            loop.quit();
        }
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return answer;
}

QList<double> valuesOf(const QList<EnvelopePoint> &points) {
    QList<double> out;
    for (const EnvelopePoint &p : points) {
        if (!p.isGap())
            out.append(p.avg);
    }
    return out;
}

} // namespace

class TestPrometheusReader : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_recorder;
    quint16 m_recorderPort = 0;
    qint64 m_startedMs = 0;
    std::unique_ptr<ScrapeServer> m_servers[2];

    QString db() const { return m_dir.filePath(QStringLiteral("h.sqlite")); }
    ScrapeServer &server(int i) { return *m_servers[i]; }

    // The uuid of test:///default's guest "test" as the server lists it (waits for the first
    // scrapes to be queryable: the servers scrape on their own clock, no signal).
    QString testGuest(HistoryReader &reader) {
        const QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            Error e;
            const auto guests = await<QList<GuestInfo>>(reader, reader.queryGuests(Host),
                                                        &HistoryReader::guestsReady, &e);
            for (const GuestInfo &g : guests.value_or(QList<GuestInfo>{})) {
                if (g.name == QLatin1String("test"))
                    return g.uuid;
            }
            QTest::qWait(500);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_startedMs = QDateTime::currentMSecsSinceEpoch();
        m_recorderPort = startRecorder(m_recorder, Host, db());
        QVERIFY2(m_recorderPort != 0, "the recorder did not say where it serves /metrics");
        const QString target = QStringLiteral("127.0.0.1:%1").arg(m_recorderPort);
        m_servers[0] = std::make_unique<ScrapeServer>(ScrapeServer::Kind::Prometheus);
        m_servers[1] = std::make_unique<ScrapeServer>(ScrapeServer::Kind::VictoriaMetrics);
        for (auto &s : m_servers) {
            QString why;
            QVERIFY2(s->start({target}, &why), qPrintable(why));
        }
    }

    void cleanupTestCase() {
        m_recorder.terminate();
        m_recorder.waitForFinished(20000);
        for (auto &s : m_servers)
            s.reset();
    }

    void guestsSeriesAndSamples_data() {
        QTest::addColumn<int>("server");
        QTest::newRow("prometheus") << 0;
        QTest::newRow("victoria-metrics") << 1;
    }

    // The guest list, a chart's series and the raw samples, as the recorder's own file has them.
    void guestsSeriesAndSamples() {
        QFETCH(int, server);
        prom::PrometheusReader reader(this->server(server).url());
        QVERIFY(!reader.isLocal());
        QCOMPARE(reader.sourceName(), this->server(server).url().toString());
        const QString uuid = testGuest(reader);
        QVERIFY(!uuid.isEmpty());

        // A few seconds of scrapes, then the last two minutes as a chart of 120 points.
        SeriesRequest request{Host, {uuid}, {Metric::Actual, Metric::Used}, 0, 0, 120};
        Error error;
        std::optional<SeriesResult> remote;
        // The range ends now at each attempt: the scrapes come in on the server's own clock.
        QTRY_VERIFY2_WITH_TIMEOUT(
            (request.toMs = QDateTime::currentMSecsSinceEpoch(),
             request.fromMs = request.toMs - 120000,
             remote = await<SeriesResult>(reader, reader.querySeries(request),
                                          &HistoryReader::seriesReady, &error),
             remote && valuesOf(remote->series.value(0).points).size() >= 3),
            qPrintable(error.message), 30000);
        QCOMPARE(remote->series.size(), 2);
        QCOMPARE(remote->bucketMs, 1000);
        QVERIFY(remote->note.isEmpty());
        HistoryOptions options;
        options.path = db();
        options.access = HistoryOptions::Access::ReadOnly;
        HistoryStore local(options);
        QVERIFY(openAndWait(local));
        const SeriesResult file = querySeries(local, request);
        QVERIFY(!valuesOf(file.series.value(0).points).isEmpty());
        for (double kib : valuesOf(remote->series.at(0).points))
            QCOMPARE(kib, valuesOf(file.series.at(0).points).first());
        QCOMPARE(valuesOf(file.series.at(0).points).first(), double(TestDriverBalloonKiB));
        // "used" is reported at the test driver's first poll only: one value, or none in the
        // range, never a zero.
        for (double kib : valuesOf(remote->series.at(1).points))
            QVERIFY(kib > 0);

        // A range the server's limit refuses is asked with a coarser step, and said so.
        const qint64 now = request.toMs;
        request.fromMs = now - 86400000LL * 30;
        request.points = 100000;
        const auto coarse = await<SeriesResult>(reader, reader.querySeries(request),
                                                &HistoryReader::seriesReady, &error);
        QVERIFY2(coarse, qPrintable(error.message));
        QVERIFY(coarse->bucketMs > 1000);
        QVERIFY2(coarse->note.contains(QLatin1String("at most 11000 points")),
                 qPrintable(coarse->note));

        // The scrapes as samples: the host's figures every scrape, the state of each.
        std::optional<SampleResult> samples;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (samples = await<SampleResult>(
                 reader,
                 reader.querySamples(
                     {Host, {uuid}, now - 60000, QDateTime::currentMSecsSinceEpoch()}),
                 &HistoryReader::samplesReady, &error),
             samples && samples->guests.size() == 1 && samples->guests.at(0).samples.size() >= 3),
            qPrintable(error.message), 30000);
        QCOMPARE(samples->guests.at(0).name, QStringLiteral("test"));
        int fresh = 0;
        for (const MemorySample &s : samples->guests.at(0).samples) {
            QCOMPARE(s.state, DomainState::Running);
            QCOMPARE(s.stats.actual.value_or(0), TestDriverBalloonKiB);
            QVERIFY(s.statsState != StatsState::Unknown);
            fresh += s.freshReport ? 1 : 0;
            QCOMPARE(s.stats.hasGuestFields(), s.freshReport); // a repeat keeps host figures
        }
        QVERIFY(fresh <= 1); // the test driver reports at its first poll only
        QVERIFY(samples->maxGapMs >= 3000);

        // The aggregate: the running guests' balloons summed, with how many there were.
        const auto aggregate = await<AggregateResult>(
            reader,
            reader.queryAggregate(AggregateRequest{Host, {Metric::Actual}, now - 60000, now, 60}),
            &HistoryReader::aggregateReady, &error);
        QVERIFY2(aggregate, qPrintable(error.message));
        QCOMPARE(aggregate->series.size(), 1);
        const auto &sum = aggregate->series.at(0);
        QVERIFY(valuesOf(sum.points).size() >= 3);
        for (qsizetype i = 0; i < sum.points.size(); ++i) {
            if (sum.points.at(i).isGap())
                continue;
            QCOMPARE(sum.points.at(i).avg, double(TestDriverBalloonKiB) * sum.guestCounts.at(i));
            QCOMPARE(sum.guestCounts.at(i), 1);
        }
    }

    void hostFiguresSpanAndNeeds_data() { guestsSeriesAndSamples_data(); }

    // The host's own series (absent where the endpoint serves none), since when the server holds
    // the host, and the sizing advisor's input.
    void hostFiguresSpanAndNeeds() {
        QFETCH(int, server);
        prom::PrometheusReader reader(this->server(server).url());
        const QString uuid = testGuest(reader);
        QVERIFY(!uuid.isEmpty());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        Error error;
        const auto host = await<HostSeriesResult>(
            reader,
            reader.queryHostSeries(HostSeriesRequest{
                Host,
                {HostMetric::GuestsActual, HostMetric::Buffers, HostMetric::GuestsActive},
                now - 60000,
                now,
                60}),
            &HistoryReader::hostSeriesReady, &error);
        QVERIFY2(host, qPrintable(error.message));
        QCOMPARE(host->series.size(), 3);
        QCOMPARE(host->series.at(0).metric, HostMetric::GuestsActual);
        QCOMPARE(host->series.at(1).metric, HostMetric::Buffers);
        QVERIFY(host->series.at(1).points.isEmpty()); // not served: absent, not zero
        QVERIFY(!valuesOf(host->series.at(2).points).isEmpty());
        for (double running : valuesOf(host->series.at(2).points))
            QCOMPARE(running, 1.0);

        const auto span = await<RecordedSpan>(reader, reader.queryRecordedSpan({Host, {}}),
                                              &HistoryReader::recordedSpanReady, &error);
        QVERIFY2(span, qPrintable(error.message));
        QVERIFY(!span->isEmpty());
        // To the second: the servers' first scrape, after this test started the recorder.
        QVERIFY2(span->firstMs >= m_startedMs - 2000 && span->firstMs <= now,
                 qPrintable(QString::number(m_startedMs - span->firstMs)));
        QVERIFY(span->lastMs >= span->firstMs && span->lastMs <= now + 1000);
        const auto none = await<RecordedSpan>(
            reader, reader.queryRecordedSpan({QStringLiteral("qemu:///nowhere"), {}}),
            &HistoryReader::recordedSpanReady, &error);
        QVERIFY2(none, qPrintable(error.message));
        QVERIFY(none->isEmpty());

        NeedRequest needRequest;
        needRequest.hostId = Host;
        needRequest.fromMs = now - 300000;
        needRequest.toMs = now;
        const auto needs = await<NeedResult>(reader, reader.queryNeeds(needRequest),
                                             &HistoryReader::needsReady, &error);
        QVERIFY2(needs, qPrintable(error.message));
        QCOMPARE(needs->guests.size(), 1);
        const GuestNeedHistory &g = needs->guests.at(0);
        QCOMPARE(g.uuid, uuid);
        QCOMPARE(g.name, QStringLiteral("test"));
        QCOMPARE(g.lastState, DomainState::Running);
        QCOMPARE(g.actualKiB.value_or(0), qint64(TestDriverBalloonKiB));
        QVERIFY(g.lastPollMs > now - 10000);
        QVERIFY(!g.hours.isEmpty());
        QCOMPARE(g.hours.last().actualMaxKiB, qint64(TestDriverBalloonKiB));
        QCOMPARE(needs->tiers, QList<Tier>{Tier::Raw});

        // The server keeps no events: an empty list, not a failure.
        QSignalSpy events(&reader, &HistoryReader::eventsReady);
        const quint64 id = reader.queryEvents({Host, {}, now - 60000, now, {}});
        QVERIFY(events.wait(5000));
        QCOMPARE(events.at(0).at(0).toULongLong(), id);
        QVERIFY(events.at(0).at(1).value<QList<HistoryEvent>>().isEmpty());
    }

    // A host URI with a '+' (every qemu+ssh host): a '+' left in a query string reads as a
    // space on the server, and the host's series would not be found. Imported into
    // VictoriaMetrics as a recorder of that host would have served it.
    void aQemuPlusSshHostIsFound() {
        const QString remoteHost = QStringLiteral("qemu+ssh://root@kvm9.example.com/system");
        const QString uuid = QStringLiteral("0f0f0f0f-0000-4000-8000-00000000abcd");
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QByteArray lines;
        for (int i = 0; i < 5; ++i)
            lines += "libvirt_domain_memory_stats_current_balloon_bytes{host=\"" +
                     remoteHost.toUtf8() + "\",domain=\"far\",uuid=\"" + uuid.toUtf8() +
                     "\"} 1073741824 " + QByteArray::number(now - 60000 + i * 10000) + "\n";
        QNetworkAccessManager net;
        const QString vm = server(1).url().toString();
        QNetworkRequest importRequest(QUrl(vm + QStringLiteral("/api/v1/import/prometheus")));
        importRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/plain"));
        for (QNetworkReply *reply :
             {net.post(importRequest, lines),
              net.get(QNetworkRequest(QUrl(vm + QStringLiteral("/internal/force_flush"))))}) {
            QSignalSpy done(reply, &QNetworkReply::finished);
            QVERIFY(reply->isFinished() || done.wait(10000));
            QCOMPARE(reply->error(), QNetworkReply::NoError);
            reply->deleteLater();
        }
        prom::PrometheusReader reader(server(1).url());
        Error error;
        std::optional<QList<GuestInfo>> guests;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (guests = await<QList<GuestInfo>>(reader, reader.queryGuests(remoteHost),
                                              &HistoryReader::guestsReady, &error),
             guests && guests->size() == 1),
            qPrintable(error.message), 15000);
        QCOMPARE(guests->at(0).uuid, uuid);
        QCOMPARE(guests->at(0).hostId, remoteHost);
        const auto series = await<SeriesResult>(
            reader,
            reader.querySeries({remoteHost, {uuid}, {Metric::Actual}, now - 120000, now, 120}),
            &HistoryReader::seriesReady, &error);
        QVERIFY2(series, qPrintable(error.message));
        QVERIFY(!valuesOf(series->series.at(0).points).isEmpty());
        QCOMPARE(valuesOf(series->series.at(0).points).first(), 1048576.0);
    }

    // Every history reader of the CLI takes --source: export (chart and raw), report, advise,
    // simulate; wrong input is said before any query.
    void cliReadsEveryCommandFromTheServer() {
        const QString url = server(0).url().toString();
        const QStringList from{QStringLiteral("--host"),   Host,
                               QStringLiteral("--range"),  QStringLiteral("15m"),
                               QStringLiteral("--source"), url};
        prom::PrometheusReader reader(server(0).url());
        QVERIFY(!testGuest(reader).isEmpty());
        const QString csv = m_dir.filePath(QStringLiteral("chart.csv"));
        CliRun run = runCli(QStringList{QStringLiteral("export"), QStringLiteral("--domain"),
                                        QStringLiteral("test"), QStringLiteral("--out"), csv} +
                            from);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile chart(csv);
        QVERIFY(chart.open(QIODevice::ReadOnly));
        QVERIFY(chart.readAll().contains("2097152"));
        const QString raw = m_dir.filePath(QStringLiteral("raw.json"));
        run = runCli(QStringList{QStringLiteral("export"), QStringLiteral("--domain"),
                                 QStringLiteral("test"), QStringLiteral("--raw"),
                                 QStringLiteral("--out"), raw} +
                     from);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(QFileInfo(raw).size() > 100);
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        run = runCli(QStringList{QStringLiteral("report"), QStringLiteral("--out"), pdf} + from,
                     120000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile report(pdf);
        QVERIFY(report.open(QIODevice::ReadOnly));
        QVERIFY(report.read(5) == "%PDF-");
        run = runCli({QStringLiteral("advise"), QStringLiteral("--json"), QStringLiteral("--host"),
                      Host, QStringLiteral("--source"), url});
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("\"test\"")), qPrintable(run.out));
        run = runCli(QStringList{QStringLiteral("simulate"), QStringLiteral("--json")} + from);
        QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("\"test\"")), qPrintable(run.out));

        run = runCli({QStringLiteral("history"), QStringLiteral("--host"), Host,
                      QStringLiteral("--domain"), QStringLiteral("test"), QStringLiteral("--db"),
                      db(), QStringLiteral("--source"), url});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("either --db or --source")), qPrintable(run.err));
        run = runCli({QStringLiteral("history"), QStringLiteral("--host"), Host,
                      QStringLiteral("--domain"), QStringLiteral("test"),
                      QStringLiteral("--source"), QStringLiteral("ftp://user:secret@x")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("http(s) URL")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("secret")), qPrintable(run.err));
    }

    // The recorder stops for longer than a point's window: both servers' series have a gap
    // there, then the figures again, never zeros in between (as the file has its gap).
    void aStoppedRecorderIsAGap() {
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        m_recorder.terminate();
        QVERIFY(m_recorder.waitForFinished(20000));
        const qint64 stopped = QDateTime::currentMSecsSinceEpoch();
        // No scrape can succeed while nothing listens: wait out the window of a point (30 s)
        // and a bit, on the clock (there is nothing to wait on).
        QTest::qWait(45000);
        QProcess again;
        // The same port: the servers' target.
        const quint16 port =
            startRecorder(again, Host, db(), 1, QStringLiteral("127.0.0.1:%1").arg(m_recorderPort));
        QCOMPARE(port, m_recorderPort);
        const qint64 restarted = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < 2; ++i) {
            prom::PrometheusReader reader(server(i).url());
            const QString uuid = testGuest(reader);
            SeriesRequest r{Host, {uuid}, {Metric::Actual}, before - 30000, 0, 0};
            Error error;
            std::optional<SeriesResult> result;
            // Until the servers have scraped the restarted recorder a few times.
            QTRY_VERIFY_WITH_TIMEOUT(
                (r.toMs = QDateTime::currentMSecsSinceEpoch(),
                 r.points = int((r.toMs - r.fromMs) / 1000),
                 result = await<SeriesResult>(reader, reader.querySeries(r),
                                              &HistoryReader::seriesReady, &error),
                 result && !result->series.isEmpty() &&
                     std::any_of(result->series.at(0).points.cbegin(),
                                 result->series.at(0).points.cend(),
                                 [&](const EnvelopePoint &p) {
                                     return !p.isGap() && p.timeMs > restarted + 3000;
                                 })),
                30000);
            const auto &points = result->series.at(0).points;
            bool gapInside = false;
            for (const EnvelopePoint &p : points) {
                if (p.isGap()) {
                    gapInside = gapInside || (p.timeMs > stopped && p.timeMs < restarted);
                    continue;
                }
                QCOMPARE(p.avg, double(TestDriverBalloonKiB)); // never a zero
                // No value in the silence beyond a point's window after the stop.
                QVERIFY2(p.timeMs <= stopped + 31000 || p.timeMs >= restarted,
                         qPrintable(server(i).name()));
            }
            QVERIFY2(gapInside, qPrintable(server(i).name()));
        }
        again.terminate();
        QVERIFY(again.waitForFinished(20000));
    }

    // A server that stops answering (SIGSTOP: it accepts, never answers) fails the query at the
    // reader's timeout; killed while the query waits, at once; the window's reader never waits
    // longer. Deleting a reader with a query in flight returns at once.
    void aHungOrKilledServerIsSaidWithinTheTimeout() {
        ScrapeServer victim(ScrapeServer::Kind::Prometheus);
        QString why;
        QVERIFY2(victim.start({}, &why), qPrintable(why));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const SeriesRequest request{Host,
                                    {QStringLiteral("00000000-0000-0000-0000-000000000001")},
                                    {Metric::Actual},
                                    now - 60000,
                                    now,
                                    60};
        const auto pid = pid_t(victim.process().processId());
        QCOMPARE(::kill(pid, SIGSTOP), 0);
        Error error;
        {
            prom::PrometheusReader reader(victim.url(), 2000);
            QElapsedTimer timer;
            timer.start();
            const auto answer = await<SeriesResult>(reader, reader.querySeries(request),
                                                    &HistoryReader::seriesReady, &error, 10000);
            QVERIFY(!answer);
            QCOMPARE(error.kind, Error::Kind::Timeout);
            QVERIFY2(error.message.contains(QLatin1String("did not answer within 2 s")),
                     qPrintable(error.message));
            QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        }
        {
            prom::PrometheusReader reader(victim.url(), 20000);
            QElapsedTimer timer;
            timer.start();
            const quint64 id = reader.querySeries(request);
            QTimer::singleShot(500, [pid] { ::kill(pid, SIGKILL); });
            error = {};
            const auto answer =
                await<SeriesResult>(reader, id, &HistoryReader::seriesReady, &error, 15000);
            QVERIFY(!answer);
            QVERIFY2(error.message.contains(QLatin1String("Cannot reach the Prometheus server")),
                     qPrintable(error.message));
            QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        }
        victim.process().waitForFinished(5000);
        // A hung server again (a listening socket that never answers), and the reader deleted
        // with the query in flight: the destructor does not wait for the timeout.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        auto reader = std::make_unique<prom::PrometheusReader>(
            QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())), 30000);
        reader->querySeries(request);
        QVERIFY(silent.waitForNewConnection(5000));
        QElapsedTimer timer;
        timer.start();
        reader.reset();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }
};

BS_TEST_MAIN(TestPrometheusReader)
#include "tst_prometheusreader.moc"
