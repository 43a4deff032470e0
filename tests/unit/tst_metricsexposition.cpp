#include "CliRunner.h"
#include "FleetHistory.h"
#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "exporter/ExposedHosts.h"
#include "exporter/MetricsExposition.h"
#include "exporter/SizingExposer.h"
#include "sizing/HostAdvice.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace bs;
using namespace bs::test;

// The recorder's /metrics: the exposition of each host's latest poll (names, types, labels,
// absent-is-not-zero, escaping, both formats), checked by Prometheus' own promtool; the names
// compatible with the libvirt exporter against the list its documentation gives; and
// `balloonscope-cli record --listen` serving it over real HTTP on loopback, off libvirt's test
// driver, with the errors a user meets (a taken port, a bad address).
namespace {

const QString Host = QStringLiteral("qemu+ssh://root@kvm1/system");

// libvirt_domain_memory_stats_* as the libvirt exporter (Tinkoff/AlexZzz lineage) documents
// them in its README's "Domain Memory Stats Metrics" table.
const QStringList ExporterDocumentedNames = {
    QStringLiteral("libvirt_domain_memory_stats_available_bytes"),
    QStringLiteral("libvirt_domain_memory_stats_current_balloon_bytes"),
    QStringLiteral("libvirt_domain_memory_stats_disk_caches_bytes"),
    QStringLiteral("libvirt_domain_memory_stats_hugetlb_pgalloc_total"),
    QStringLiteral("libvirt_domain_memory_stats_hugetlb_pgfail_total"),
    QStringLiteral("libvirt_domain_memory_stats_last_update_timestamp_seconds"),
    QStringLiteral("libvirt_domain_memory_stats_major_fault_total"),
    QStringLiteral("libvirt_domain_memory_stats_maximum_bytes"),
    QStringLiteral("libvirt_domain_memory_stats_minor_fault_total"),
    QStringLiteral("libvirt_domain_memory_stats_rss_bytes"),
    QStringLiteral("libvirt_domain_memory_stats_swap_in_bytes"),
    QStringLiteral("libvirt_domain_memory_stats_swap_out_bytes"),
    QStringLiteral("libvirt_domain_memory_stats_unused_bytes"),
    QStringLiteral("libvirt_domain_memory_stats_usable_bytes"),
    QStringLiteral("libvirt_domain_memory_stats_used_percent"),
};

MemorySample guest(const QString &name, const QString &uuid, StatsState state) {
    MemorySample s;
    s.hostId = Host;
    s.uuid = uuid;
    s.name = name;
    s.timeMs = 1'800'000'010'000;
    s.state = state == StatsState::Inactive ? DomainState::Shutoff : DomainState::Running;
    s.statsState = state;
    if (state == StatsState::Inactive)
        return s;
    s.stats.actual = 2 * 1024 * 1024; // KiB
    s.stats.maximum = 4 * 1024 * 1024;
    s.stats.rss = 1500 * 1024;
    if (state == StatsState::Reporting) {
        s.freshReport = true;
        s.stats.available = 2000 * 1024;
        s.stats.unused = 500 * 1024;
        s.stats.usable = 1200 * 1024;
        s.stats.diskCaches = 300 * 1024;
        s.stats.swapIn = 64;
        s.stats.swapOut = 128;
        s.stats.majorFault = 10;
        s.stats.minorFault = 2000;
        s.stats.lastUpdate = 1'800'000'008;
        s.stats.psiSome = 125; // 1.25 %
    }
    return s;
}

ExposedHost host() {
    ExposedHost h;
    h.hostId = Host;
    h.connected = true;
    h.pollTimeMs = 1'800'000'010'000;
    h.guests = {guest(QStringLiteral("web \"prod\" \\ 1"),
                      QStringLiteral("11111111-1111-1111-1111-111111111111"),
                      StatsState::Reporting),
                guest(QStringLiteral("db"), QStringLiteral("22222222-2222-2222-2222-222222222222"),
                      StatsState::Off),
                guest(QStringLiteral("old"), QStringLiteral("33333333-3333-3333-3333-333333333333"),
                      StatsState::Inactive)};
    HostSample s;
    s.hostId = Host;
    s.total = 16 * 1024 * 1024;
    s.free = 4 * 1024 * 1024;
    s.buffers = 0;
    s.cached = 1024 * 1024;
    s.guestsMaximum = 8 * 1024 * 1024;
    s.guestsActive = 2;
    s.guestsReporting = 1;
    h.host = s;
    h.sizing.insert(QStringLiteral("11111111-1111-1111-1111-111111111111"),
                    GuestSizing{1536 * 1024, 512 * 1024});
    return h;
}

// The sample lines of one metric, "labels value".
QStringList samples(const QByteArray &text, const QString &metric) {
    QStringList out;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(metric.toLatin1() + '{') || line.startsWith(metric.toLatin1() + ' '))
            out.append(QString::fromUtf8(line.mid(metric.size())));
    }
    return out;
}

// promtool (Prometheus' own) on a file of exposition text: its exit code and what it said.
QPair<int, QString> promtoolCheck(const QByteArray &text) {
    QProcess p;
    p.start(QStringLiteral("promtool"), {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!p.waitForStarted())
        return {-1, QStringLiteral("promtool not found (Debian package prometheus)")};
    p.write(text);
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError() + p.readAllStandardOutput())};
}

QByteArray httpGet(const QString &url, const QByteArray &accept, int *status,
                   QByteArray *contentType = nullptr) {
    QNetworkAccessManager net;
    QNetworkRequest request{QUrl(url)};
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    request.setTransferTimeout(10000);
    QNetworkReply *reply = net.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (contentType)
        *contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    return body;
}

// Starts `record --listen 127.0.0.1:0` on libvirt's test driver (a poll a second) and reads the
// port it serves on from its standard error.
void startRecorder(QProcess &recorder, const QTemporaryDir &dir, QString *port) {
    recorder.setProgram(qEnvironmentVariable("BS_BINARY_DIR") +
                        QStringLiteral("/bin/balloonscope-cli"));
    recorder.setArguments({QStringLiteral("record"), QStringLiteral("--connect"),
                           QStringLiteral("test:///default"), QStringLiteral("--interval"),
                           QStringLiteral("1"), QStringLiteral("--db"),
                           dir.filePath(QStringLiteral("h.sqlite")), QStringLiteral("--listen"),
                           QStringLiteral("127.0.0.1:0")});
    recorder.start();
    QVERIFY(recorder.waitForStarted());
    QString said;
    QRegularExpressionMatch m;
    const QRegularExpression serving(QStringLiteral("http://127\\.0\\.0\\.1:(\\d+)/metrics"));
    QTRY_VERIFY_WITH_TIMEOUT((said += QString::fromUtf8(recorder.readAllStandardError()),
                              (m = serving.match(said)).hasMatch()),
                             20000);
    *port = m.captured(1);
}

} // namespace

class TestMetricsExposition : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void figuresUnderTheirNamesAbsentIsNotZero() {
        const QByteArray text = renderExposition({host()}, ExpositionFormat::Prometheus);
        const QString web = QStringLiteral(
            "{host=\"qemu+ssh://root@kvm1/system\",domain=\"web \\\"prod\\\" \\\\ 1\","
            "uuid=\"11111111-1111-1111-1111-111111111111\"}");
        QVERIFY2(samples(text, QStringLiteral("libvirt_domain_memory_stats_unused_bytes"))
                     .contains(web + QStringLiteral(" 524288000")),
                 text.constData());
        QVERIFY(samples(text, QStringLiteral("libvirt_domain_memory_stats_used_percent"))
                    .contains(web + QStringLiteral(" 75")));
        QVERIFY(samples(text, QStringLiteral("balloonscope_guest_report_age_seconds"))
                    .contains(web + QStringLiteral(" 2")));
        QVERIFY(samples(text, QStringLiteral("balloonscope_guest_memory_pressure_some_ratio"))
                    .contains(web + QStringLiteral(" 0.0125")));
        // db does not report: its balloon and RSS are there, its guest figures are not (no 0).
        const auto unused =
            samples(text, QStringLiteral("libvirt_domain_memory_stats_unused_bytes"));
        QCOMPARE(unused.size(), 1);
        QCOMPARE(samples(text, QStringLiteral("libvirt_domain_memory_stats_current_balloon_bytes"))
                     .size(),
                 2);
        QVERIFY(text.contains("balloonscope_guest_stats_state{host=\"qemu+ssh://root@kvm1/system\","
                              "domain=\"db\",uuid=\"22222222-2222-2222-2222-222222222222\","
                              "state=\"off\"} 1"));
        QVERIFY(text.contains("domain=\"old\",uuid=\"33333333-3333-3333-3333-333333333333\"} 0\n"));
        QVERIFY(samples(text, QStringLiteral("balloonscope_host_overcommit_ratio"))
                    .contains(QStringLiteral("{host=\"qemu+ssh://root@kvm1/system\"} 0.5")));
        // Each family once, HELP and TYPE before its samples.
        QCOMPARE(text.count("# TYPE libvirt_domain_memory_stats_major_fault_total counter"), 1);
        QVERIFY(!text.contains("# EOF"));
    }

    // The sizing advisor's recommendation: for the guest that has one, in bytes; absent for the
    // others (never a zero); the last poll's time with ms precision.
    void sizingAndLastPoll() {
        const QByteArray text = renderExposition({host()}, ExpositionFormat::Prometheus);
        const QStringList recommended =
            samples(text, QStringLiteral("balloonscope_guest_recommended_bytes"));
        QCOMPARE(recommended.size(), 1);
        QVERIFY2(recommended.first().contains(QLatin1String("uuid=\"11111111-")) &&
                     recommended.first().endsWith(QLatin1String(" 1610612736")),
                 qPrintable(recommended.first()));
        const QStringList reclaimable =
            samples(text, QStringLiteral("balloonscope_guest_reclaimable_bytes"));
        QCOMPARE(reclaimable.size(), 1);
        QVERIFY(reclaimable.first().endsWith(QLatin1String(" 536870912")));
        const QStringList last =
            samples(text, QStringLiteral("balloonscope_host_last_poll_timestamp_seconds"));
        QCOMPARE(last.size(), 1);
        QVERIFY2(last.first().endsWith(QLatin1String(" 1800000010")), qPrintable(last.first()));
        ExposedHost fresh = host();
        fresh.pollTimeMs = 0; // not polled yet
        fresh.sizing.clear();
        const QByteArray none = renderExposition({fresh}, ExpositionFormat::Prometheus);
        QVERIFY(samples(none, QStringLiteral("balloonscope_guest_recommended_bytes")).isEmpty());
        QVERIFY(samples(none, QStringLiteral("balloonscope_host_last_poll_timestamp_seconds"))
                    .isEmpty());
    }

    // The recorder's recommendations come from its own history through the sizing advisor:
    // three guests with two days of polls, the same figures `advise` gives.
    void sizingExposerFollowsTheAdvisor() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        HistoryOptions options;
        options.path = dir.filePath(QStringLiteral("h.sqlite"));
        HistoryStore store(options);
        QVERIFY(openAndWait(store));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QList<FleetGuest> guests = fleetGuests(3, now - 2 * 86400000LL, now, false);
        recordFleet(store, Host, guests, now - 2 * 86400000LL, now, 300);
        QVERIFY(store.waitForIdle());
        auto exposed = std::make_shared<ExposedHosts>();
        PollCycle cycle;
        cycle.hostId = Host;
        cycle.timeMs = now;
        for (const FleetGuest &g : guests) {
            MemorySample s = fleetPoll(g, now);
            s.hostId = Host;
            cycle.samples.append(s);
        }
        exposed->addCycle(cycle);
        SizingExposer sizing(&store, exposed, {Host});
        sizing.refresh();
        const HostAdvice expected = adviseHost(
            queryNeeds(store,
                       needRequestFor(Host, SizingPolicy::fromPreset(SizingPreset::Balanced), now)),
            SizingPolicy::fromPreset(SizingPreset::Balanced), WhatIfRequest{});
        QStringList lines;
        QTRY_VERIFY((lines = samples(exposed->render(ExpositionFormat::Prometheus),
                                     QStringLiteral("balloonscope_guest_recommended_bytes")))
                        .size() == 3);
        for (const GuestAdvice &g : expected.guests) {
            QVERIFY(g.recommendedKiB);
            const QString want =
                QStringLiteral("uuid=\"%1\"} %2").arg(g.uuid).arg(*g.recommendedKiB * 1024);
            QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                                 [&](const QString &l) { return l.endsWith(want); }),
                     qPrintable(want + QLatin1Char('\n') + lines.join(QLatin1Char('\n'))));
        }
    }

    void openMetricsNamesCountersWithoutTotal() {
        const QByteArray text = renderExposition({host()}, ExpositionFormat::OpenMetrics);
        QVERIFY(text.contains("# TYPE libvirt_domain_memory_stats_major_fault counter\n"));
        QVERIFY(text.contains("libvirt_domain_memory_stats_major_fault_total{"));
        QVERIFY(text.endsWith("# EOF\n"));
        QCOMPARE(negotiateExposition("application/openmetrics-text;version=1.0.0,text/plain;q=0.5"),
                 ExpositionFormat::OpenMetrics);
        QCOMPARE(negotiateExposition("text/plain"), ExpositionFormat::Prometheus);
        QCOMPARE(negotiateExposition(""), ExpositionFormat::Prometheus);
    }

    void promtoolAcceptsIt() {
        for (const auto &hosts : {QList<ExposedHost>{host()}, QList<ExposedHost>{}}) {
            const auto [code, said] =
                promtoolCheck(renderExposition(hosts, ExpositionFormat::Prometheus));
            QVERIFY2(code == 0, qPrintable(said));
            QVERIFY2(said.trimmed().isEmpty(), qPrintable(said)); // no lint finding either
        }
    }

    void libvirtExporterNamesAsDocumented() {
        const QStringList ours = libvirtExporterMetricNames();
        for (const QString &name : ours)
            QVERIFY2(ExporterDocumentedNames.contains(name), qPrintable(name));
        for (const QString &name : ExporterDocumentedNames)
            QVERIFY2(ours.contains(name), qPrintable(name));
    }

    // A repeated report keeps the last fresh figures while the guest reports; a host that
    // drops its connection loses its guests' figures (stale ones would lie).
    void exposedHostsCarryReportsAndForgetOnDisconnect() {
        ExposedHosts exposed;
        PollCycle cycle;
        cycle.hostId = Host;
        cycle.timeMs = 1'800'000'010'000;
        cycle.samples = {guest(QStringLiteral("web"),
                               QStringLiteral("11111111-1111-1111-1111-111111111111"),
                               StatsState::Reporting)};
        exposed.addCycle(cycle);
        MemorySample repeated = cycle.samples.first();
        repeated.freshReport = false;
        repeated.stats.clearGuestFields();
        cycle.samples = {repeated};
        cycle.timeMs += 5000;
        exposed.addCycle(cycle);
        QByteArray text = exposed.render(ExpositionFormat::Prometheus);
        QCOMPARE(samples(text, QStringLiteral("libvirt_domain_memory_stats_unused_bytes")).size(),
                 1);
        exposed.setConnected(Host, false);
        text = exposed.render(ExpositionFormat::Prometheus);
        QVERIFY(text.contains("balloonscope_host_up{host=\"qemu+ssh://root@kvm1/system\"} 0"));
        QVERIFY(samples(text, QStringLiteral("libvirt_domain_memory_stats_current_balloon_bytes"))
                    .isEmpty());
    }

    // The recorder over real HTTP: what Prometheus would scrape from it.
    void recorderServesMetricsOverHttp() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess recorder;
        QString port;
        startRecorder(recorder, dir, &port);
        if (QTest::currentTestFailed())
            return;
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
        int status = 0;
        QByteArray type;
        QByteArray body;
        // Until the first poll has come in.
        QTRY_VERIFY_WITH_TIMEOUT(
            (body = httpGet(base + QStringLiteral("/metrics"), {}, &status, &type))
                .contains("libvirt_domain_memory_stats_current_balloon_bytes{"),
            20000);
        QCOMPARE(status, 200);
        QVERIFY2(type.startsWith("text/plain; version=0.0.4"), type.constData());
        QVERIFY(body.contains("domain=\"test\""));
        QVERIFY(body.contains("balloonscope_host_up{host=\"test:///default\"} 1"));
        const auto [code, lint] = promtoolCheck(body);
        QVERIFY2(code == 0, qPrintable(lint));
        body = httpGet(base + QStringLiteral("/metrics"), "application/openmetrics-text", &status,
                       &type);
        QVERIFY2(type.startsWith("application/openmetrics-text"), type.constData());
        QVERIFY(body.endsWith("# EOF\n"));
        httpGet(base + QStringLiteral("/other"), {}, &status);
        QCOMPARE(status, 404);

        // A second recorder on the same port: a clear error, at once, and nothing recorded.
        const CliRun taken =
            runCli({QStringLiteral("record"), QStringLiteral("--connect"),
                    QStringLiteral("test:///default"), QStringLiteral("--db"),
                    dir.filePath(QStringLiteral("h2.sqlite")), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:") + port});
        QCOMPARE(taken.exitCode, 4); // ExitFailure
        QVERIFY2(taken.err.contains(QLatin1String("Cannot serve metrics")), qPrintable(taken.err));

        recorder.terminate();
        QVERIFY(recorder.waitForFinished(20000));
        QCOMPARE(recorder.exitCode(), 0);
    }

    // A real Prometheus (Debian's 2.42, on a loopback port, its storage in a temporary
    // directory) scrapes the recorder every second; its query API then has the guest's balloon
    // under the exporter's name, with our labels, and no figure the guest did not report.
    void prometheusScrapesTheRecorder() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString prometheusBinary =
            QStandardPaths::findExecutable(QStringLiteral("prometheus"));
        QVERIFY2(!prometheusBinary.isEmpty(),
                 "prometheus not installed (Debian package prometheus)");
        QProcess recorder;
        QString port;
        startRecorder(recorder, dir, &port);
        if (QTest::currentTestFailed())
            return;

        // A free port for Prometheus: bind one, note it, let it go.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 promPort = probe.serverPort();
        probe.close();
        QFile config(dir.filePath(QStringLiteral("prometheus.yml")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                                    "scrape_configs:\n  - job_name: balloonscope\n"
                                    "    static_configs:\n      - targets: ['127.0.0.1:%1']\n")
                         .arg(port)
                         .toUtf8());
        config.close();
        QProcess prometheus;
        prometheus.setProcessChannelMode(QProcess::MergedChannels);
        prometheus.start(
            prometheusBinary,
            {QStringLiteral("--config.file=") + config.fileName(),
             QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("tsdb")),
             QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(promPort)});
        QVERIFY(prometheus.waitForStarted());
        const auto stop = qScopeGuard([&] {
            prometheus.terminate();
            prometheus.waitForFinished(20000);
            recorder.terminate();
            recorder.waitForFinished(20000);
        });
        const QString query =
            QStringLiteral("http://127.0.0.1:%1/api/v1/query?query=").arg(promPort);
        int status = 0;
        QByteArray answer;
        // Prometheus scrapes on its own clock: ask until the first scrape is in (no signal).
        QTRY_VERIFY_WITH_TIMEOUT(
            (answer = httpGet(
                 query + QStringLiteral("libvirt_domain_memory_stats_current_balloon_bytes"), {},
                 &status))
                .contains("\"domain\":\"test\""),
            30000);
        QCOMPARE(status, 200);
        QVERIFY2(answer.contains("\"host\":\"test:///default\""), answer.constData());
        QVERIFY2(answer.contains("\"job\":\"balloonscope\""), answer.constData());
        answer = httpGet(query + QStringLiteral("up"), {}, &status);
        QVERIFY2(answer.contains("\"value\":[") && answer.contains(",\"1\"]"), answer.constData());

        // The history read back from the server (`history --source`) against the recorder's own
        // file: the same balloon.
        const QStringList common{QStringLiteral("history"),
                                 QStringLiteral("--host"),
                                 QStringLiteral("test:///default"),
                                 QStringLiteral("--domain"),
                                 QStringLiteral("test"),
                                 QStringLiteral("--range"),
                                 QStringLiteral("5m"),
                                 QStringLiteral("--metric"),
                                 QStringLiteral("actual,used"),
                                 QStringLiteral("--json")};
        const auto pointsOf = [](const QString &json, int series) {
            const QJsonArray points = QJsonDocument::fromJson(json.toUtf8())
                                          .object()
                                          .value(QLatin1String("series"))
                                          .toArray()
                                          .at(series)
                                          .toObject()
                                          .value(QLatin1String("points"))
                                          .toArray();
            QList<double> out;
            for (const QJsonValue &p : points) {
                if (!p.toObject().contains(QLatin1String("gap")))
                    out.append(p.toObject().value(QLatin1String("avg")).toDouble());
            }
            return out;
        };
        const QString server = QStringLiteral("http://127.0.0.1:%1").arg(promPort);
        CliRun remote;
        QTRY_VERIFY_WITH_TIMEOUT(
            (remote = runCli(common + QStringList{QStringLiteral("--source"), server}),
             remote.exitCode == 0 && pointsOf(remote.out, 0).size() >= 3),
            30000);
        const CliRun local = runCli(
            common + QStringList{QStringLiteral("--db"), dir.filePath(QStringLiteral("h.sqlite"))});
        QCOMPARE(local.exitCode, 0);
        QVERIFY(!pointsOf(local.out, 0).isEmpty());
        for (double kib : pointsOf(remote.out, 0))
            QCOMPARE(kib, pointsOf(local.out, 0).first()); // the test driver's fixed 2 GiB
        // The test driver reports "used" at its first poll only (then its stats are off): the
        // server holds that figure, or nothing, never a zero.
        for (double kib : pointsOf(remote.out, 1))
            QVERIFY2(kib > 0, qPrintable(remote.out));

        // A server that is not there: said, at once, exit 4.
        const CliRun gone = runCli(
            common + QStringList{QStringLiteral("--source"), QStringLiteral("http://127.0.0.1:1")});
        QCOMPARE(gone.exitCode, 4);
        QVERIFY2(gone.err.contains(QLatin1String("Cannot reach the Prometheus server")),
                 qPrintable(gone.err));
    }

    // The Grafana dashboard in packaging/ queries only metrics the endpoint serves (a renamed
    // metric would leave a panel empty without a word).
    void dashboardQueriesServedMetrics() {
        QFile file(qEnvironmentVariable("BS_SOURCE_DIR") +
                   QStringLiteral("/packaging/grafana/balloonscope-dashboard.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
        QVERIFY2(!doc.isNull(), qPrintable(error.errorString()));
        // Every family the endpoint serves (its TYPE line is there even with no sample).
        QSet<QString> served;
        const QRegularExpression sample(QStringLiteral("^# TYPE ([a-z_]+) "));
        const QByteArray text = renderExposition({}, ExpositionFormat::Prometheus);
        for (const QByteArray &line : text.split('\n')) {
            const auto m = sample.match(QString::fromLatin1(line));
            if (m.hasMatch())
                served.insert(m.captured(1));
        }
        QStringList exprs;
        const std::function<void(const QJsonValue &)> collect = [&](const QJsonValue &v) {
            if (v.isObject()) {
                const QJsonObject o = v.toObject();
                for (auto it = o.begin(); it != o.end(); ++it) {
                    if ((it.key() == QLatin1String("expr") ||
                         it.key() == QLatin1String("definition")) &&
                        it.value().isString())
                        exprs.append(it.value().toString());
                    collect(it.value());
                }
            } else if (v.isArray()) {
                for (const QJsonValue &e : v.toArray())
                    collect(e);
            }
        };
        collect(doc.object());
        QVERIFY(exprs.size() >= 8);
        const QRegularExpression name(QStringLiteral("\\b((?:libvirt|balloonscope)_[a-z_]+)"));
        int names = 0;
        for (const QString &expr : std::as_const(exprs)) {
            for (auto it = name.globalMatch(expr); it.hasNext();) {
                const QString n = it.next().captured(1);
                QVERIFY2(served.contains(n), qPrintable(n + QStringLiteral(" in ") + expr));
                ++names;
            }
        }
        QVERIFY(names >= exprs.size());
    }

    void badListenAddressIsAUsageError() {
        for (const char *bad : {"127.0.0.1:99999", "kvm1.example.com:9177", "[::1]9177"}) {
            const CliRun run = runCli({QStringLiteral("record"), QStringLiteral("--connect"),
                                       QStringLiteral("test:///default"),
                                       QStringLiteral("--listen"), QLatin1String(bad)});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(QLatin1String("--listen")), qPrintable(run.err));
        }
    }
};

BS_TEST_MAIN(TestMetricsExposition)
#include "tst_metricsexposition.moc"
