// Benchmarks of the fleet shape (issue 17), not tests. Two parts, each with its baseline in the
// same run; prints one JSON line.
//
//  chart:   a 30-day, 20-guest chart (one metric, 1,920 points: a wide History page) read
//           through PrometheusReader, as the History page reads it, from a real Prometheus 2.42
//           (blocks made with promtool from the same figures) and a real VictoriaMetrics 1.79
//           (the same figures imported over its API); baseline: the same chart from the local
//           history file holding the same polls (HistoryStore). Target: ≤ 1 s from Prometheus.
//  scrapes: the recorder polling a test-driver host of N guests every second, alone (baseline)
//           and with 50 scrapes of /metrics fired at once every second; each poll's lateness
//           (from balloonscope_host_last_poll_timestamp_seconds, ms) against the schedule; the
//           growth of the mean lateness as a share of the interval says how much the scrapes
//           delay the polls. Target: ≤ 10 %.
//
//   bench_fleet [--days 30] [--guests 20] [--interval 60] [--poll-guests 500]
//               [--seconds 30] [--scrapers 50] [--only chart|scrapes]
//
// Needs prometheus, promtool and victoria-metrics (Debian packages) and balloonscope-cli next
// to it (../bin).
#include "FleetHistory.h"
#include "ScrapeServer.h"
#include "history/HistoryStore.h"
#include "metrics/DerivedMetrics.h"
#include "promsource/PrometheusReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace bs;
using namespace bs::test;

namespace {

const QString Host = QStringLiteral("qemu+ssh://root@kvm1.example.com/system");

double median(QList<double> v) {
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

void fail(const QString &why) {
    std::fprintf(stderr, "bench_fleet: %s\n", qPrintable(why));
    std::exit(1);
}

// Runs `query` (which returns an id) `repeat` times on `reader`, waiting for each answer: the
// times in ms, and the points of the last answer.
template <class Query>
QList<double> timeSeries(HistoryReader &reader, int repeat, Query query, int *points) {
    QList<double> ms;
    for (int i = 0; i < repeat; ++i) {
        QSignalSpy ready(&reader, &HistoryReader::seriesReady);
        QSignalSpy failed(&reader, &HistoryReader::queryFailed);
        QElapsedTimer t;
        t.start();
        query();
        while (ready.isEmpty() && failed.isEmpty())
            QTest::qWait(1);
        ms.append(double(t.nsecsElapsed()) / 1e6);
        if (!failed.isEmpty())
            fail(failed.at(0).at(1).value<Error>().message);
        int n = 0;
        for (const Series &s : ready.at(0).at(1).value<SeriesResult>().series)
            n += int(std::count_if(s.points.cbegin(), s.points.cend(),
                                   [](const EnvelopePoint &p) { return !p.isGap(); }));
        *points = n;
    }
    return ms;
}

void writeOpenMetrics(QFile &out, const QList<FleetGuest> &guests, qint64 from, qint64 to,
                      int interval, bool openMetrics) {
    struct Family {
        const char *name;
        std::optional<quint64> (*kib)(const MemorySample &);
    };
    const Family families[] = {
        {"libvirt_domain_memory_stats_current_balloon_bytes",
         [](const MemorySample &s) {
             return s.stats.actual;
         }},
        {"balloonscope_guest_used_bytes",
         [](const MemorySample &s) {
             const auto used = deriveMetrics(s.stats).used;
             return used ? std::optional<quint64>(quint64(*used)) : std::nullopt;
         }},
    };
    QByteArray buffer;
    for (const Family &f : families) {
        if (openMetrics)
            buffer += QByteArray("# TYPE ") + f.name + " gauge\n";
        for (const FleetGuest &g : guests) {
            const QByteArray labels = QByteArray(f.name) + "{host=\"" + Host.toUtf8() +
                                      "\",domain=\"" + g.name.toUtf8() + "\",uuid=\"" +
                                      g.uuid.toUtf8() + "\"} ";
            for (qint64 t = from; t < to; t += interval * 1000LL) {
                const auto kib = f.kib(fleetPoll(g, t));
                if (!kib)
                    continue;
                buffer += labels + QByteArray::number(*kib * 1024) + ' ' +
                          (openMetrics ? QByteArray::number(t / 1000) : QByteArray::number(t)) +
                          '\n';
                if (buffer.size() > (8 << 20)) {
                    out.write(buffer);
                    buffer.clear();
                }
            }
        }
    }
    if (openMetrics)
        buffer += "# EOF\n";
    out.write(buffer);
}

bool post(const QUrl &url, const QString &file) {
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QNetworkAccessManager net;
    QNetworkRequest request(url);
    request.setTransferTimeout(600000);
    QNetworkReply *reply = net.post(request, &f);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const bool ok = reply->error() == QNetworkReply::NoError;
    if (!ok)
        std::fprintf(stderr, "%s\n", qPrintable(reply->errorString()));
    delete reply;
    return ok;
}

QJsonObject chartPart(int days, int guestCount, int interval) {
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("BENCH_FLEET_KEEP"));
    std::fprintf(stderr, "bench_fleet: working in %s\n", qPrintable(dir.path()));
    const qint64 to = QDateTime::currentMSecsSinceEpoch() / 60000 * 60000;
    const qint64 from = to - qint64(days) * 86400 * 1000;
    const QList<FleetGuest> guests = fleetGuests(guestCount, from, to, false);
    QElapsedTimer t;
    t.start();
    // The local file (the baseline), as the store records polls.
    HistoryOptions options;
    options.path = dir.filePath(QStringLiteral("history.sqlite"));
    HistoryStore store(options);
    store.open();
    if (!store.waitForIdle())
        fail(QStringLiteral("the history did not open"));
    recordFleet(store, Host, guests, from, to, interval);
    store.compactNow();
    if (!store.waitForIdle(600000))
        fail(QStringLiteral("the history did not finish writing"));
    const double recordS = double(t.restart()) / 1000;

    // The same figures for the servers: OpenMetrics for promtool, the text format with
    // timestamps in ms for VictoriaMetrics' import.
    QFile om(dir.filePath(QStringLiteral("fleet.om")));
    QFile vm(dir.filePath(QStringLiteral("fleet.prom")));
    if (!om.open(QIODevice::WriteOnly) || !vm.open(QIODevice::WriteOnly))
        fail(QStringLiteral("cannot write the import files"));
    writeOpenMetrics(om, guests, from, to, interval, true);
    writeOpenMetrics(vm, guests, from, to, interval, false);
    om.close();
    vm.close();
    QProcess promtool;
    promtool.setProcessChannelMode(QProcess::MergedChannels);
    promtool.start(QStandardPaths::findExecutable(QStringLiteral("promtool")),
                   {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                    QStringLiteral("openmetrics"), QStringLiteral("--quiet"), om.fileName(),
                    dir.filePath(QStringLiteral("tsdb"))});
    if (!promtool.waitForFinished(1800000) || promtool.exitCode() != 0)
        fail(QStringLiteral("promtool: ") + QString::fromUtf8(promtool.readAll()));
    const double importS = double(t.restart()) / 1000;

    // Prometheus on those blocks (kept: the retention is longer than the history).
    QProcess prometheus;
    quint16 promPort = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        promPort = probe.serverPort();
    }
    QFile config(dir.filePath(QStringLiteral("prometheus.yml")));
    config.open(QIODevice::WriteOnly);
    config.write("global:\n  scrape_interval: 1m\n");
    config.close();
    prometheus.setProcessChannelMode(QProcess::MergedChannels);
    prometheus.start(QStandardPaths::findExecutable(QStringLiteral("prometheus")),
                     {QStringLiteral("--config.file=") + config.fileName(),
                      QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("tsdb")),
                      QStringLiteral("--storage.tsdb.retention.time=800d"),
                      QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(promPort)});
    ScrapeServer victoria(ScrapeServer::Kind::VictoriaMetrics);
    QString why;
    if (!victoria.start({}, &why))
        fail(why);
    if (!post(QUrl(victoria.url().toString() + QStringLiteral("/api/v1/import/prometheus")),
              vm.fileName()))
        fail(QStringLiteral("the VictoriaMetrics import failed"));
    QNetworkAccessManager net;
    QEventLoop flushLoop;
    QNetworkReply *flush = net.get(
        QNetworkRequest(QUrl(victoria.url().toString() + QStringLiteral("/internal/force_flush"))));
    QObject::connect(flush, &QNetworkReply::finished, &flushLoop, &QEventLoop::quit);
    flushLoop.exec();
    delete flush;

    SeriesRequest request{Host, {}, {Metric::Used}, from, to, 1920};
    for (const FleetGuest &g : guests)
        request.uuids.append(g.uuid);
    QJsonObject out;
    out.insert(QStringLiteral("days"), days);
    out.insert(QStringLiteral("guests"), guestCount);
    out.insert(QStringLiteral("interval_s"), interval);
    out.insert(QStringLiteral("samples"),
               qint64(guests.size()) * (to - from) / (interval * 1000LL) * 2);
    out.insert(QStringLiteral("record_s"), recordS);
    out.insert(QStringLiteral("promtool_s"), importS);
    int points = 0;
    const QList<double> local = timeSeries(
        store, 6, [&] { store.querySeries(request); }, &points);
    out.insert(QStringLiteral("file_first_ms"), local.first());
    out.insert(QStringLiteral("file_median_ms"), median(local.mid(1)));
    out.insert(QStringLiteral("file_points"), points);
    struct Server {
        QString key;
        QUrl url;
    };
    for (const Server &s : {Server{QStringLiteral("prometheus"),
                                   QUrl(QStringLiteral("http://127.0.0.1:%1").arg(promPort))},
                            Server{QStringLiteral("victoria"), victoria.url()}}) {
        prom::PrometheusReader reader(s.url, 120000);
        // Until the server has loaded the history (Prometheus opens its blocks at start).
        QElapsedTimer wait;
        wait.start();
        int n = 0;
        while (wait.elapsed() < 120000) {
            QSignalSpy ready(&reader, &HistoryReader::seriesReady);
            QSignalSpy failed(&reader, &HistoryReader::queryFailed);
            reader.querySeries(
                SeriesRequest{Host, {guests.first().uuid}, {Metric::Used}, from, to, 100});
            while (ready.isEmpty() && failed.isEmpty())
                QTest::qWait(5);
            if (!ready.isEmpty() &&
                !ready.at(0).at(1).value<SeriesResult>().series.value(0).points.isEmpty())
                break;
            QTest::qWait(500);
        }
        const QList<double> ms = timeSeries(
            reader, 6, [&] { reader.querySeries(request); }, &n);
        out.insert(s.key + QStringLiteral("_first_ms"), ms.first());
        out.insert(s.key + QStringLiteral("_median_ms"), median(ms.mid(1)));
        out.insert(s.key + QStringLiteral("_points"), n);
        out.insert(s.key + QStringLiteral("_ratio_to_file"),
                   median(ms.mid(1)) / std::max(0.001, median(local.mid(1))));
    }
    prometheus.terminate();
    prometheus.waitForFinished(20000);
    return out;
}

// The recorder alone, then with `scrapers` scrapes fired together every second: the mean poll
// interval of each run, from the recorder's history.
QJsonObject scrapePart(int pollGuests, int seconds, int scrapers) {
    QTemporaryDir dir;
    QFile node(dir.filePath(QStringLiteral("node.xml")));
    node.open(QIODevice::WriteOnly);
    QByteArray xml = "<node><cpu><mhz>2000</mhz><model>x86_64</model><active>64</active><nodes>1"
                     "</nodes><sockets>1</sockets><cores>64</cores><threads>1</threads></cpu>"
                     "<memory>1073741824</memory>\n";
    for (int i = 0; i < pollGuests; ++i)
        xml += QStringLiteral("<domain type='test'><name>g%1</name><uuid>00000000-0000-4000-8000-%2"
                              "</uuid><memory unit='KiB'>4194304</memory><currentMemory unit='KiB'>"
                              "2097152</currentMemory><os><type arch='x86_64'>hvm</type></os>"
                              "<devices><memballoon model='virtio'><stats period='5'/></memballoon>"
                              "</devices></domain>\n")
                   .arg(i)
                   .arg(i, 12, 10, QLatin1Char('0'))
                   .toUtf8();
    xml += "</node>\n";
    node.write(xml);
    node.close();
    const QString uri = QStringLiteral("test://") + node.fileName();
    QJsonObject out;
    out.insert(QStringLiteral("guests"), pollGuests);
    out.insert(QStringLiteral("seconds"), seconds);
    out.insert(QStringLiteral("scrapers"), scrapers);
    for (const bool loaded : {false, true}) {
        const QString db =
            dir.filePath(loaded ? QStringLiteral("loaded.sqlite") : QStringLiteral("alone.sqlite"));
        QProcess recorder;
        const quint16 port =
            startRecorder(recorder, uri, db, 1, QStringLiteral("127.0.0.1:0"),
                          {QStringLiteral("--duration"), QString::number(seconds)});
        if (port == 0)
            fail(QStringLiteral("the recorder did not start"));
        int scrapes = 0, failures = 0;
        QList<double> scrapeMs;
        QSet<qint64> pollTimes; // ms, from balloonscope_host_last_poll_timestamp_seconds
        const auto notePoll = [&](const QByteArray &body) {
            const QByteArray key = "balloonscope_host_last_poll_timestamp_seconds{";
            const qsizetype at = body.indexOf(key);
            if (at < 0)
                return;
            const qsizetype space = body.indexOf(' ', body.indexOf('}', at));
            const qsizetype end = body.indexOf('\n', space);
            pollTimes.insert(
                qint64(std::llround(body.mid(space + 1, end - space - 1).toDouble() * 1000)));
        };
        QNetworkAccessManager net;
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port));
        const auto scrape = [&](bool counted) {
            QElapsedTimer *t = new QElapsedTimer;
            t->start();
            QNetworkReply *reply = net.get(QNetworkRequest(url));
            QObject::connect(reply, &QNetworkReply::finished, [&, reply, t, counted] {
                const QByteArray body = reply->readAll();
                if (reply->error() == QNetworkReply::NoError && body.size() > 1000) {
                    notePoll(body);
                    if (counted) {
                        ++scrapes;
                        scrapeMs.append(double(t->nsecsElapsed()) / 1e6);
                    }
                } else if (counted && recorder.state() != QProcess::NotRunning) {
                    ++failures;
                }
                delete t;
                reply->deleteLater();
            });
        };
        // A light watcher (5 scrapes a second) sees every poll's time in both runs; the loaded
        // run adds `scrapers` scrapes fired together every second.
        QTimer watch;
        QObject::connect(&watch, &QTimer::timeout, [&] { scrape(false); });
        watch.start(200);
        QTimer burst;
        QObject::connect(&burst, &QTimer::timeout, [&] {
            for (int i = 0; i < scrapers; ++i)
                scrape(true);
        });
        if (loaded)
            burst.start(1000);
        QEventLoop loop;
        QObject::connect(&recorder, &QProcess::finished, &loop, &QEventLoop::quit);
        if (recorder.state() != QProcess::NotRunning)
            loop.exec();
        burst.stop();
        watch.stop();
        QTest::qWait(500);
        // Each poll's lateness against the schedule the polls keep (a poll a second from the
        // first), less the smallest: how late the polls finish, whatever the clock's phase.
        QList<qint64> times = pollTimes.values();
        std::sort(times.begin(), times.end());
        QList<double> lateness;
        for (qint64 t : std::as_const(times)) {
            const qint64 k = qint64(std::llround(double(t - times.first()) / 1000.0));
            lateness.append(double(t - times.first() - k * 1000));
        }
        const double least =
            lateness.isEmpty() ? 0 : *std::min_element(lateness.cbegin(), lateness.cend());
        double mean = 0;
        for (double &v : lateness) {
            v -= least;
            mean += v;
        }
        mean = lateness.isEmpty() ? 0 : mean / double(lateness.size());
        std::sort(lateness.begin(), lateness.end());
        const QString key = loaded ? QStringLiteral("loaded") : QStringLiteral("alone");
        out.insert(key + QStringLiteral("_polls"), int(times.size()));
        out.insert(key + QStringLiteral("_mean_lateness_ms"), mean);
        out.insert(key + QStringLiteral("_p95_lateness_ms"),
                   lateness.isEmpty() ? 0
                                      : lateness.at(qsizetype(double(lateness.size() - 1) * 0.95)));
        out.insert(key + QStringLiteral("_max_lateness_ms"),
                   lateness.isEmpty() ? 0 : lateness.last());
        if (loaded) {
            out.insert(QStringLiteral("scrapes"), scrapes);
            out.insert(QStringLiteral("scrape_failures"), failures);
            out.insert(QStringLiteral("scrape_median_ms"), median(scrapeMs));
        }
    }
    // How much later the polls finish with the scrapes, as a share of the polling interval.
    out.insert(QStringLiteral("delay_share_of_interval"),
               (out.value(QStringLiteral("loaded_mean_lateness_ms")).toDouble() -
                out.value(QStringLiteral("alone_mean_lateness_ms")).toDouble()) /
                   1000.0);
    return out;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("days"), QStringLiteral("days"), QStringLiteral("N"),
                        QStringLiteral("30")},
                       {QStringLiteral("guests"), QStringLiteral("guests"), QStringLiteral("N"),
                        QStringLiteral("20")},
                       {QStringLiteral("interval"), QStringLiteral("s"), QStringLiteral("S"),
                        QStringLiteral("60")},
                       {QStringLiteral("poll-guests"), QStringLiteral("n"), QStringLiteral("N"),
                        QStringLiteral("500")},
                       {QStringLiteral("seconds"), QStringLiteral("s"), QStringLiteral("S"),
                        QStringLiteral("30")},
                       {QStringLiteral("scrapers"), QStringLiteral("n"), QStringLiteral("N"),
                        QStringLiteral("50")},
                       {QStringLiteral("only"), QStringLiteral("part"), QStringLiteral("PART")}});
    parser.process(app);
    qputenv("BS_BINARY_DIR", QDir(QCoreApplication::applicationDirPath() + QStringLiteral("/.."))
                                 .absolutePath()
                                 .toUtf8());
    const QString only = parser.value(QStringLiteral("only"));
    QJsonObject result;
    if (only.isEmpty() || only == QLatin1String("chart"))
        result.insert(QStringLiteral("chart"),
                      chartPart(parser.value(QStringLiteral("days")).toInt(),
                                parser.value(QStringLiteral("guests")).toInt(),
                                parser.value(QStringLiteral("interval")).toInt()));
    if (only.isEmpty() || only == QLatin1String("scrapes"))
        result.insert(QStringLiteral("scrapes"),
                      scrapePart(parser.value(QStringLiteral("poll-guests")).toInt(),
                                 parser.value(QStringLiteral("seconds")).toInt(),
                                 parser.value(QStringLiteral("scrapers")).toInt()));
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
