#include "CheckCommand.h"

#include "DemoSession.h"
#include "HostArguments.h"
#include "health/HealthEvaluator.h"
#include "health/PluginOutput.h"
#include "host/HostOverviewFeed.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace bs::cli {

namespace {

QJsonObject findingJson(const HealthFinding &f) {
    return {{QStringLiteral("rule"), healthRuleKey(f.rule)},
            {QStringLiteral("severity"), severityKey(f.severity)},
            {QStringLiteral("host"), f.hostId},
            {QStringLiteral("uuid"), f.uuid.isEmpty() ? QJsonValue() : QJsonValue(f.uuid)},
            {QStringLiteral("guest"), f.guest.isEmpty() ? QJsonValue() : QJsonValue(f.guest)},
            {QStringLiteral("message"), f.message},
            {QStringLiteral("remedy"), f.remedy}};
}

QJsonObject figureJson(const HealthFigure &f) {
    const auto opt = [](const std::optional<double> &v) {
        return v ? QJsonValue(*v) : QJsonValue();
    };
    return {
        {QStringLiteral("label"), f.label},
        {QStringLiteral("value"), f.value},
        {QStringLiteral("unit"), f.unit == QLatin1String("KB") ? QStringLiteral("KiB") : f.unit},
        {QStringLiteral("warning"), opt(f.warning)},
        {QStringLiteral("critical"), opt(f.critical)},
        {QStringLiteral("alerts_below"), f.below}};
}

} // namespace

QString CheckCommand::summary() const {
    return tr("Check a host's balloon health as a monitoring plugin: watch it for a few polls, "
              "run the health rules, print one status line with performance data and one line "
              "per finding, and exit 0 OK, 1 WARNING, 2 CRITICAL or 3 UNKNOWN.");
}

QList<CommandOption> CheckCommand::options() const {
    return ConnectOptions::connect() +
           QList<CommandOption>{
               ConnectOptions::demo(),
               QCommandLineOption(
                   QStringList{QStringLiteral("r"), QStringLiteral("rule")},
                   tr("Change a rule: RULE=off, RULE=on, RULE=WARN[:CRIT] (an empty part keeps "
                      "the default, - clears it), swap_in=WARN[:CRIT][@SEC], or "
                      "readiness|free_page_reporting|signature=note|warning|critical. "
                      "Repeatable. Rules and defaults: %1.")
                       .arg(HealthThresholds::describeRules().join(QStringLiteral("; "))),
                   QStringLiteral("SPEC")),
               QCommandLineOption(QStringList{QStringLiteral("d"), QStringLiteral("domain")},
                                  tr("Judge only this guest (repeatable; default: all)."),
                                  QStringLiteral("NAME")),
               QCommandLineOption(QStringLiteral("watch"),
                                  tr("Seconds to watch the host, 0-3600 (default 10): rates and "
                                     "regressions need two reports or more."),
                                  QStringLiteral("SEC"), QStringLiteral("10")),
               QCommandLineOption(QStringLiteral("interval"),
                                  tr("Seconds between polls while watching, 1-3600 (default 5)."),
                                  QStringLiteral("SEC"), QStringLiteral("5")),
               QCommandLineOption(QStringLiteral("json"),
                                  tr("Print the findings and figures as one JSON object (the "
                                     "exit code is the same).")),
           };
}

QStringList CheckCommand::synopses() const {
    return {QStringLiteral("(--connect URI [--readonly] | --demo) [--rule SPEC]... "
                           "[--domain NAME]... [--watch SEC] [--interval SEC] [--json]")};
}

QList<UsageExample> CheckCommand::examples() const {
    return {{QStringLiteral("check --connect qemu:///system"),
             tr("Every rule with its default thresholds, over ten seconds of polls.")},
            {QStringLiteral("check --connect qemu+ssh://root@kvm1/system --rule "
                            "host_available=2G/15%:1G/8% --rule stranded=4G --rule "
                            "free_page_reporting=off"),
             tr("Stricter host floors, stranded memory from 4 GiB, no free page reporting "
                "notes: as an Icinga or Nagios service check.")},
            {QStringLiteral("check --connect qemu:///system --watch 300 --interval 10 --rule "
                            "swap_in=256:4M@300"),
             tr("Five minutes of polls: swap-in above 256 KiB/s for all of them warns.")}};
}

QList<ExitStatusDoc> CheckCommand::exitStatus() const {
    return {{PluginOk, tr("OK: no rule found a warning or a critical condition (notes may be "
                          "listed).")},
            {PluginWarning, tr("WARNING: a rule found a warning condition.")},
            {PluginCritical, tr("CRITICAL: a rule found a critical condition.")},
            {PluginUnknown, tr("UNKNOWN: bad arguments, the host could not be reached or "
                               "authenticated, or a --domain names no guest.")}};
}

int CheckCommand::run(const QStringList &arguments) {
    const auto unknown = [](const QString &why) {
        out() << QStringLiteral("BALLOONSCOPE UNKNOWN - ") << why << Qt::endl;
        return int(PluginUnknown);
    };
    QCommandLineParser parser;
    bool helpShown = false;
    if (!parse(parser, arguments, helpShown)) {
        return helpShown ? int(PluginOk)
                         : unknown(tr("Invalid arguments (the error is on standard error)."));
    }

    HealthThresholds thresholds;
    for (const QString &spec : parser.values(QStringLiteral("rule"))) {
        const QString error = thresholds.apply(spec);
        if (!error.isEmpty())
            return unknown(error);
    }
    bool ok = false;
    const int watch = parser.value(QStringLiteral("watch")).toInt(&ok);
    if (!ok || watch < 0 || watch > 3600) {
        return unknown(tr("--watch must be a number of seconds (0-3600), not \"%1\".")
                           .arg(parser.value(QStringLiteral("watch"))));
    }
    const std::optional<int> interval = intervalSeconds(parser);
    if (!interval)
        return unknown(tr("Invalid --interval (the error is on standard error)."));
    DemoSession demo; // outlives the monitor below
    auto host = HostArguments::singleOrDemo(parser, demo);
    if (!host)
        return unknown(tr("Invalid host arguments (the error is on standard error)."));
    host->config.intervalSeconds = *interval;
    const int polls = 1 + watch / *interval;
    const QStringList domains = parser.values(QStringLiteral("domain"));

    MonitoredHost monitored(host->config, host->credentials);
    HostOverviewFeed feed(&monitored);
    GuestWindows windows(qint64(watch + 60) * 1000);
    std::optional<NodeMemory> memory;
    std::optional<QString> failure;
    int cycles = 0;
    qint64 firstMs = 0;
    qint64 lastMs = 0;
    QEventLoop loop;
    QTimer overviewTimeout; // the last overview may never come (the host dropped meanwhile)
    overviewTimeout.setSingleShot(true);
    overviewTimeout.setInterval(30 * 1000);
    QObject::connect(&overviewTimeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(monitored.worker(), &HostMonitor::statusChanged, &loop,
                     [&](const HostStatus &status) {
                         if (status.state == HostStatus::State::Disconnected ||
                             status.state == HostStatus::State::AuthFailed) {
                             failure = status.detail.isEmpty() ? status.reason : status.detail;
                             loop.quit();
                         }
                     });
    QObject::connect(monitored.worker(), &HostMonitor::cycleReady, &loop,
                     [&](const PollCycle &cycle) {
                         if (cycles >= polls)
                             return;
                         windows.add(cycle);
                         firstMs = firstMs == 0 ? cycle.timeMs : firstMs;
                         lastMs = cycle.timeMs;
                         if (++cycles >= polls)
                             overviewTimeout.start();
                     });
    QObject::connect(&feed, &HostOverviewFeed::overviewReady, &loop,
                     [&](const HostOverview &overview, const QList<Advice> &) {
                         memory = overview.memory;
                         if (cycles >= polls && overview.timeMs >= lastMs)
                             loop.quit();
                     });
    monitored.start();
    loop.exec();
    monitored.stop();
    if (failure && cycles < polls)
        return unknown(tr("Could not connect to %1: %2").arg(host->config.uri, *failure));

    HealthInput input;
    input.hostId = host->config.uri;
    input.hostMemory = memory;
    input.nowMs = lastMs;
    input.watchedSeconds = (lastMs - firstMs) / 1000;
    for (const GuestWindow *w : windows.windows(input.hostId)) {
        if (domains.isEmpty() || domains.contains(w->name))
            input.guests.append(w);
    }
    for (const QString &name : domains) {
        const bool found = std::any_of(input.guests.cbegin(), input.guests.cend(),
                                       [&](const GuestWindow *w) { return w->name == name; });
        if (!found)
            return unknown(tr("No guest named \"%1\" on %2.").arg(name, input.hostId));
    }
    const HealthResult result = evaluateHealth(input, thresholds);
    const PluginState state = pluginStateOf(result.worst());

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray findings;
        for (const HealthFinding &f : result.findings)
            findings.append(findingJson(f));
        QJsonArray figures;
        for (const HealthFigure &f : result.figures)
            figures.append(figureJson(f));
        const QJsonObject root{{QStringLiteral("host"), input.hostId},
                               {QStringLiteral("state"), pluginStateWord(state)},
                               {QStringLiteral("exit_code"), int(state)},
                               {QStringLiteral("guests_judged"), result.guestsJudged},
                               {QStringLiteral("watched_seconds"), input.watchedSeconds},
                               {QStringLiteral("findings"), findings},
                               {QStringLiteral("figures"), figures}};
        out() << QJsonDocument(root).toJson(QJsonDocument::Indented) << Qt::flush;
        return state;
    }

    QString summary;
    if (state == PluginOk) {
        summary = tr("%n running guest(s) on %1: no warning", nullptr, result.guestsJudged)
                      .arg(input.hostId);
    } else {
        summary = tr("%1 critical, %2 warning(s) on %3")
                      .arg(result.count(Severity::Critical))
                      .arg(result.count(Severity::Warning))
                      .arg(input.hostId);
        for (const HealthFinding &f : result.findings) {
            if (f.severity >= Severity::Warning) {
                summary += QStringLiteral(": %1 %2").arg(f.guest.isEmpty() ? tr("host") : f.guest,
                                                         healthRuleKey(f.rule));
                break;
            }
        }
    }
    const int notes = result.count(Severity::Info);
    if (notes > 0)
        summary += tr(", %n note(s)", nullptr, notes);
    for (const QString &line : pluginLines(state, summary, result))
        out() << line << Qt::endl;
    return state;
}

} // namespace bs::cli
