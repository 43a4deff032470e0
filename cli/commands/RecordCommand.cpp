#include "RecordCommand.h"

#include "DemoSession.h"
#include "ExitCodes.h"
#include "HistoryQueries.h"
#include "HostArguments.h"
#include "MetricsServer.h"
#include "PolicyOptions.h"
#include "autopilot/AutopilotRunner.h"
#include "ballooncontrol/BalloonControls.h"
#include "common/SignalWatcher.h"
#include "exporter/SizingExposer.h"
#include "history/HistoryStore.h"
#include "history/RangePresets.h"
#include "host/HostOverviewFeed.h"
#include "libvirt/Connection.h"
#include "monitor/MonitoredHost.h"
#include "webconfig/WebConfig.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <csignal>

namespace bs::cli {

namespace {

// Polls each host's memory size once it connects (for the aggregate chart's reference line).
void recordHostMemoryOnConnect(MonitoredHost &host, HistoryStore &store) {
    QObject::connect(host.worker(), &HostMonitor::statusChanged, &store,
                     [&host, &store](const HostStatus &status) {
                         if (status.state != HostStatus::State::Connected)
                             return;
                         const QString uri = host.hostId();
                         host.submit([uri, store = &store](Connection *connection) {
                             virNodeInfo info{};
                             if (!connection || virNodeGetInfo(connection->get(), &info) < 0) {
                                 virResetLastError();
                                 return;
                             }
                             const quint64 kib = info.memory;
                             QMetaObject::invokeMethod(
                                 store,
                                 [store, uri, kib] {
                                     store->recordHostMemory(
                                         uri, QDateTime::currentMSecsSinceEpoch(), kib);
                                 },
                                 Qt::QueuedConnection);
                         });
                     });
}

std::optional<qint64> durationOption(const QCommandLineParser &parser, const QString &option) {
    if (!parser.isSet(option))
        return 0;
    const auto seconds = parseDurationSeconds(parser.value(option));
    if (!seconds) {
        err() << CliCommand::tr("--%1 must be a duration such as 120, 90s, 15m, 7d or 1y, not "
                                "\"%2\".")
                     .arg(option, parser.value(option))
              << Qt::endl;
    }
    return seconds;
}

} // namespace

QString RecordCommand::summary() const {
    return tr("Record the hosts' guest memory into the history, without a display, until "
              "stopped (SIGTERM, Ctrl+C) or --duration ends.");
}

QList<CommandOption> RecordCommand::options() const {
    return ConnectOptions::connect(true) +
           QList<CommandOption>{
               ConnectOptions::demo(),
               historyDatabaseOption(),
               QCommandLineOption(QStringLiteral("interval"),
                                  tr("Seconds between polls, 1-3600 (default 10)."),
                                  QStringLiteral("SEC"), QStringLiteral("10")),
               QCommandLineOption(QStringLiteral("duration"),
                                  tr("Stop after this long (default: until stopped)."),
                                  QStringLiteral("SEC")),
               QCommandLineOption(QStringLiteral("keep-raw"),
                                  tr("Keep every poll this long (default 7d)."),
                                  QStringLiteral("DURATION")),
               QCommandLineOption(QStringLiteral("keep-minutes"),
                                  tr("Keep 1-minute roll-ups this long (default 90d)."),
                                  QStringLiteral("DURATION")),
               QCommandLineOption(QStringLiteral("keep-hours"),
                                  tr("Keep 1-hour roll-ups this long (default 3y)."),
                                  QStringLiteral("DURATION")),
               CommandOption(QCommandLineOption(
                                 QStringLiteral("autopilot"),
                                 tr("Run a balloon policy live on the guests that opted in (their "
                                    "<metadata>, docs/POLICIES.md): balloonscope, mom or "
                                    "proxmox."),
                                 QStringLiteral("POLICY")))
                   .oneOf({QStringLiteral("balloonscope"), QStringLiteral("mom"),
                           QStringLiteral("proxmox")}),
               QCommandLineOption(QStringLiteral("dry-run"),
                                  tr("With --autopilot: record what it would do as history "
                                     "markers, change nothing.")),
               QCommandLineOption(QStringLiteral("host-target"),
                                  tr("With --autopilot: the host's memory in use to stay under, "
                                     "a size or a share of its RAM (default 80%)."),
                                  QStringLiteral("SIZE|PERCENT")),
               QCommandLineOption(QStringLiteral("headroom"),
                                  tr("With --autopilot balloonscope: the headroom kept over each "
                                     "guest's need (default 15%)."),
                                  QStringLiteral("H")),
               QCommandLineOption(QStringLiteral("give-back"),
                                  tr("With --autopilot: when stopped, give every guest it "
                                     "managed its maximum back.")),
               QCommandLineOption(
                   QStringLiteral("listen"),
                   tr("Serve the latest figures at http://ADDR:PORT/metrics for Prometheus "
                      "(text format, or OpenMetrics when asked). PORT alone listens on "
                      "127.0.0.1 only."),
                   QStringLiteral("ADDR:PORT")),
               CommandOption(
                   QCommandLineOption(
                       QStringLiteral("web-config"),
                       tr("With --listen: TLS and basic auth for /metrics from a web config "
                          "file in the format of Prometheus' exporters (tls_server_config, "
                          "basic_auth_users with bcrypt hashes)."),
                       QStringLiteral("FILE")))
                   .file({QStringLiteral("yml"), QStringLiteral("yaml")}),
           };
}

QStringList RecordCommand::synopses() const {
    return {QStringLiteral("(--connect URI... [--readonly] | --demo) [--db FILE] [--interval SEC] "
                           "[--duration SEC] [--keep-raw DURATION] [--keep-minutes DURATION] "
                           "[--keep-hours DURATION] [--autopilot POLICY [--dry-run] "
                           "[--host-target SIZE|PERCENT] [--headroom H] [--give-back]] "
                           "[--listen ADDR:PORT [--web-config FILE]]")};
}

QList<UsageExample> RecordCommand::examples() const {
    return {{QStringLiteral("record --connect qemu:///system --interval 10"),
             tr("Record this machine's guests every 10 seconds until stopped (the systemd user "
                "unit balloonscope-recorder.service does this).")},
            {QStringLiteral("record --demo --duration 2m"),
             tr("Record the demo host for two minutes; then read it with history --demo.")},
            {QStringLiteral("record --connect qemu:///system --listen 127.0.0.1:9177"),
             tr("Record, and let Prometheus scrape the latest figures from "
                "http://127.0.0.1:9177/metrics.")},
            {QStringLiteral("record --connect qemu:///system --listen 0.0.0.0:9177 --web-config "
                            "/etc/balloonscope/web.yml"),
             tr("The same on every address, over HTTPS with basic auth as the web config file "
                "says.")},
            {QStringLiteral("record --connect qemu:///system --autopilot balloonscope --dry-run"),
             tr("Record, and mark in the history what Balloonscope's policy would do to the "
                "guests that opted in, without doing it.")}};
}

QList<ExitStatusDoc> RecordCommand::exitStatus() const {
    return {ExitCodes::describe(ExitOk, tr("Stopped by a signal or --duration, every poll "
                                           "written.")),
            ExitCodes::describe(ExitUsage),
            ExitCodes::describe(ExitConnection, tr("No host could be recorded: every one "
                                                   "refused the credentials.")),
            ExitCodes::describe(ExitFailure, tr("The history could not be opened or written, or "
                                                "--listen could not listen."))};
}

int RecordCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown))
        return helpShown ? ExitOk : ExitUsage;

    const std::optional<int> seconds = intervalSeconds(parser);
    if (!seconds)
        return ExitUsage;
    const auto stopAfter = durationOption(parser, QStringLiteral("duration"));
    const auto raw = durationOption(parser, QStringLiteral("keep-raw"));
    const auto minutes = durationOption(parser, QStringLiteral("keep-minutes"));
    const auto hours = durationOption(parser, QStringLiteral("keep-hours"));
    if (!stopAfter || !raw || !minutes || !hours)
        return ExitUsage;
    std::optional<AutopilotConfig> autopilot;
    if (parser.isSet(QStringLiteral("autopilot"))) {
        AutopilotConfig c;
        const auto policy = policyFromKey(parser.value(QStringLiteral("autopilot")));
        if (!policy) {
            err() << tr("--autopilot takes balloonscope, mom or proxmox, not \"%1\".")
                         .arg(parser.value(QStringLiteral("autopilot")))
                  << Qt::endl;
            return ExitUsage;
        }
        c.policy = *policy;
        c.dryRun = parser.isSet(QStringLiteral("dry-run"));
        if (parser.isSet(QStringLiteral("host-target")) &&
            !readHostTarget(parser.value(QStringLiteral("host-target")), c.balloonscope, c.proxmox))
            return ExitUsage;
        if (parser.isSet(QStringLiteral("headroom")))
            readHeadroom(parser.value(QStringLiteral("headroom")), c.balloonscope);
        if (const QString error = c.balloonscope.validationError(); !error.isEmpty()) {
            err() << error << Qt::endl;
            return ExitUsage;
        }
        autopilot = c;
    } else {
        for (const char *option : {"dry-run", "host-target", "headroom", "give-back"}) {
            if (parser.isSet(QLatin1String(option))) {
                err() << tr("--%1 goes with --autopilot.").arg(QLatin1String(option)) << Qt::endl;
                return ExitUsage;
            }
        }
    }
    std::optional<MetricsServer::Address> listenOn;
    if (parser.isSet(QStringLiteral("listen"))) {
        auto address = MetricsServer::parseAddress(parser.value(QStringLiteral("listen")));
        if (!address) {
            err() << address.error().message << Qt::endl;
            return ExitUsage;
        }
        listenOn = *address;
    }
    WebConfig web;
    if (parser.isSet(QStringLiteral("web-config"))) {
        if (!listenOn) {
            err() << tr("--web-config goes with --listen.") << Qt::endl;
            return ExitUsage;
        }
        auto loaded = WebConfig::load(parser.value(QStringLiteral("web-config")));
        if (!loaded) {
            err() << loaded.error().message << Qt::endl;
            return ExitUsage;
        }
        web = std::move(*loaded);
    }
    DemoSession demo; // outlives the monitors below: the demo guests stop after them
    auto hosts = HostArguments::multipleOrDemo(parser, demo);
    if (!hosts)
        return ExitUsage;

    SignalWatcher signalWatcher({SIGTERM, SIGINT, SIGHUP});
    QEventLoop loop;
    int stopSignal = 0;
    QObject::connect(&signalWatcher, &SignalWatcher::received, &loop, [&](int s) {
        stopSignal = s;
        loop.quit();
    });

    HistoryOptions options;
    options.path = parser.value(QStringLiteral("db"));
    options.role = WriterRole::Recorder;
    if (*raw)
        options.retention.rawSeconds = *raw;
    if (*minutes)
        options.retention.minuteSeconds = *minutes;
    if (*hours)
        options.retention.hourSeconds = *hours;
    HistoryStore store(options);
    const QString path = QDir::toNativeSeparators(store.path());
    bool historyLost = false; // could not be opened, or could not be replaced when damaged
    QObject::connect(&store, &HistoryStore::statusChanged, &loop, [&](const HistoryStatus &s) {
        if (!s.message.isEmpty())
            err() << s.message << Qt::endl;
        if (s.state == HistoryStatus::State::Unavailable) {
            historyLost = true;
            loop.quit();
        }
    });
    QObject::connect(&store, &HistoryStore::databaseReplaced, &loop,
                     [](const QString &movedTo, const QString &reason) {
                         err() << tr("The history file was damaged (%1); it was moved to %2 and "
                                     "a new one started.")
                                      .arg(reason, QDir::toNativeSeparators(movedTo))
                               << Qt::endl;
                     });
    QObject::connect(&store, &HistoryStore::hostWriteStateChanged, &loop,
                     [](const HostWriteState &s) {
                         if (!s.recording)
                             err() << tr("%1 is recorded by %2 already: not recording it twice.")
                                          .arg(s.hostId, s.holder.describe())
                                   << Qt::endl;
                     });
    store.open();
    if (!store.waitForIdle() || store.status().state != HistoryStatus::State::Ready) {
        if (store.status().state == HistoryStatus::State::ReadOnly)
            err() << tr("Cannot record into %1.").arg(path) << Qt::endl;
        return ExitFailure;
    }

    // The /metrics endpoint: before the hosts, so that a taken port stops us before we poll.
    auto exposed = std::make_shared<ExposedHosts>();
    std::unique_ptr<MetricsServer> metrics;
    if (listenOn) {
        const bool tls = web.tls.has_value();
        const bool auth = !web.users.isEmpty();
        metrics = std::make_unique<MetricsServer>(exposed, std::move(web));
        const auto port = metrics->listen(*listenOn);
        if (!port) {
            err() << port.error().message << Qt::endl;
            store.close();
            return ExitFailure;
        }
        const QString at = QStringLiteral("%1://%2:%3/metrics")
                               .arg(tls ? QStringLiteral("https") : QStringLiteral("http"),
                                    listenOn->host.protocol() == QAbstractSocket::IPv6Protocol
                                        ? QStringLiteral("[%1]").arg(listenOn->host.toString())
                                        : listenOn->host.toString())
                               .arg(*port);
        err() << (auth ? tr("Serving metrics at %1 (basic auth).").arg(at)
                       : tr("Serving metrics at %1.").arg(at))
              << Qt::endl;
    }

    // The sizing advisor's recommendations on /metrics, from this recorder's history.
    std::unique_ptr<SizingExposer> sizing;
    if (metrics) {
        QStringList uris;
        for (const HostArguments &host : *hosts)
            uris.append(host.config.uri);
        sizing = std::make_unique<SizingExposer>(&store, exposed, uris);
        sizing->start();
    }

    std::vector<std::unique_ptr<MonitoredHost>> monitors;
    std::vector<std::unique_ptr<HostOverviewFeed>> hostFeeds; // the host's figures, per poll
    std::vector<std::unique_ptr<BalloonControls>> controls;   // --autopilot: its hands
    std::vector<std::unique_ptr<AutopilotRunner>> pilots;
    qint64 cycles = 0;
    int authFailures = 0;
    for (HostArguments &host : *hosts) {
        host.config.intervalSeconds = *seconds;
        auto monitor = std::make_unique<MonitoredHost>(host.config, host.credentials);
        QObject::connect(monitor->worker(), &HostMonitor::cycleReady, &store,
                         [&](const PollCycle &cycle) {
                             store.record(cycle);
                             exposed->addCycle(cycle);
                             ++cycles;
                         });
        QObject::connect(monitor->worker(), &HostMonitor::lifecycleEvent, &store,
                         &HistoryStore::recordLifecycle);
        QObject::connect(
            monitor->worker(), &HostMonitor::statusChanged, &loop,
            [&, count = hosts->size()](const HostStatus &status) {
                exposed->setConnected(status.hostId, status.state == HostStatus::State::Connected);
                if (status.state == HostStatus::State::Disconnected ||
                    status.state == HostStatus::State::AuthFailed)
                    err() << status.hostId << ": "
                          << status.summary(QDateTime::currentMSecsSinceEpoch()) << Qt::endl;
                if (status.state == HostStatus::State::AuthFailed && ++authFailures == count)
                    loop.quit(); // nothing left to record
            });
        recordHostMemoryOnConnect(*monitor, store);
        auto feed = std::make_unique<HostOverviewFeed>(monitor.get());
        QObject::connect(feed.get(), &HostOverviewFeed::sampleReady, &store,
                         &HistoryStore::recordHost);
        QObject::connect(feed.get(), &HostOverviewFeed::sampleReady, &store,
                         [exposed](const HostSample &sample) { exposed->setHostSample(sample); });
        if (autopilot) {
            auto hands = std::make_unique<BalloonControls>(monitor.get());
            auto pilot = std::make_unique<AutopilotRunner>(monitor.get(), feed.get(), hands.get(),
                                                           *autopilot);
            pilot->setHistory(&store);
            QObject::connect(pilot.get(), &AutopilotRunner::settingsRead, &loop,
                             [uri = host.config.uri, last = -1](int enabled) mutable {
                                 if (enabled != last)
                                     err()
                                         << uri << ": "
                                         << tr("autopilot: %n guest(s) opted in.", nullptr, enabled)
                                         << Qt::endl;
                                 last = enabled;
                             });
            QObject::connect(pilot.get(), &AutopilotRunner::settingsFailed, &loop,
                             [uri = host.config.uri](const QString &message) {
                                 err() << uri << ": " << message << Qt::endl;
                             });
            QObject::connect(
                pilot.get(), &AutopilotRunner::decided, &loop,
                [uri = host.config.uri](const QList<AutopilotAction> &actions, bool dryRun) {
                    for (const AutopilotAction &a : actions)
                        err() << uri << ": "
                              << (dryRun ? tr("autopilot (dry run): %1 %2 → %3 KiB")
                                         : tr("autopilot: %1 %2 → %3 KiB"))
                                     .arg(a.name)
                                     .arg(a.fromKiB)
                                     .arg(a.toKiB)
                              << Qt::endl;
                });
            controls.push_back(std::move(hands));
            pilots.push_back(std::move(pilot));
        }
        hostFeeds.push_back(std::move(feed));
        monitors.push_back(std::move(monitor));
    }
    err() << tr("Recording %n host(s) every %1 s into %2.", nullptr, int(hosts->size()))
                 .arg(*seconds)
                 .arg(path)
          << Qt::endl;
    for (auto &monitor : monitors)
        monitor->start();
    for (auto &pilot : pilots)
        pilot->start();
    // QTimer counts in int milliseconds: check a long --duration once a minute instead.
    QElapsedTimer running;
    running.start();
    QTimer deadline;
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        const qint64 left = *stopAfter * 1000 - running.elapsed();
        if (left <= 0)
            loop.quit();
        else
            deadline.start(int(qMin<qint64>(left, 60000)));
    });
    deadline.setSingleShot(true);
    if (*stopAfter > 0)
        deadline.start(int(qMin<qint64>(*stopAfter * 1000, 60000)));
    if (!stopSignal) // a signal may have come while the history opened
        loop.exec();

    // The autopilot first (no decision after this), giving back if asked and waiting for it;
    // then stop polling, then let the history write what it was handed and close.
    const bool giveBack = parser.isSet(QStringLiteral("give-back"));
    int pending = 0; // hosts still giving back
    QEventLoop drain;
    for (size_t i = 0; i < pilots.size(); ++i) {
        if (giveBack && !pilots[i]->engine().giveBackMaximum().isEmpty()) {
            ++pending;
            QObject::connect(controls[i].get(), &BalloonControls::finished, &drain, [&] {
                if (--pending == 0)
                    drain.quit();
            });
        }
        pilots[i]->stop(giveBack);
    }
    if (pending > 0) { // the give-back runs on each host's thread: wait for it (30 s at most)
        QTimer::singleShot(30000, &drain, &QEventLoop::quit);
        drain.exec();
    }
    pilots.clear();
    controls.clear();
    hostFeeds.clear(); // before the hosts they read from
    monitors.clear();
    metrics.reset();
    store.close();
    if (stopSignal)
        err() << tr("Stopped by signal %1.").arg(stopSignal) << Qt::endl;
    err() << tr("Recorded %n poll(s) into %1.", nullptr, int(cycles)).arg(path) << Qt::endl;
    if (historyLost)
        return ExitFailure;
    if (authFailures == int(hosts->size()))
        return ExitConnection;
    return ExitOk;
}

} // namespace bs::cli
