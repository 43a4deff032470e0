#include "BalloonSession.h"

#include "CliCommand.h"
#include "balloon/StatsPeriodSetting.h"

#include <QEventLoop>
#include <QTimer>

namespace bs::cli {

namespace {

QString column(const QString &text, int width) {
    return text.leftJustified(width, u' ', false) + QStringLiteral("  ");
}

QString periodCell(const BalloonConfig &config, bool known) {
    if (!known)
        return QStringLiteral("-");
    if (!canReport(config.model))
        return QStringLiteral("n/a");
    return describePeriod(config.period);
}

} // namespace

BalloonSession::BalloonSession(MonitorConfig config,
                               std::shared_ptr<CredentialProvider> credentials)
    : m_host(std::move(config), std::move(credentials))
    , m_controls(&m_host) {}

std::optional<QString> BalloonSession::connect() {
    QEventLoop loop;
    std::optional<QString> failure;
    QObject::connect(m_host.worker(), &HostMonitor::statusChanged, &loop,
                     [&](const HostStatus &status) {
                         if (status.state == HostStatus::State::Connected) {
                             loop.quit();
                         } else if (status.state == HostStatus::State::Disconnected ||
                                    status.state == HostStatus::State::AuthFailed) {
                             failure = status.detail.isEmpty() ? status.reason : status.detail;
                             loop.quit();
                         }
                     });
    m_host.start();
    loop.exec();
    if (failure)
        m_host.stop();
    return failure;
}

Result<QList<GuestBalloonInfo>> BalloonSession::inspect(const GuestSelection &selection) {
    QEventLoop loop;
    std::optional<Result<QList<GuestBalloonInfo>>> answer;
    QObject::connect(&m_controls, &BalloonControls::inspected, &loop,
                     [&](quint64, const QList<GuestBalloonInfo> &guests) {
                         answer.emplace(guests);
                         loop.quit();
                     });
    QObject::connect(&m_controls, &BalloonControls::inspectFailed, &loop,
                     [&](quint64, const Error &error) {
                         answer.emplace(error);
                         loop.quit();
                     });
    m_controls.inspect(selection);
    loop.exec();
    return *answer;
}

ApplySummary BalloonSession::apply(const QList<GuestPlan> &plans,
                                   const std::function<void(const GuestApplyResult &)> &onResult) {
    QEventLoop loop;
    ApplySummary summary;
    QObject::connect(&m_controls, &BalloonControls::guestApplied, &loop, onResult);
    QObject::connect(&m_controls, &BalloonControls::finished, &loop, [&](const ApplySummary &s) {
        summary = s;
        loop.quit();
    });
    m_controls.apply(plans);
    loop.exec();
    return summary;
}

bool BalloonSession::watch(const QList<GuestApplyResult> &results,
                           const std::function<void(const StatsFlowVerdict &)> &onVerdict) {
    StatsFlowWatch watch(&m_host);
    bool allFlowing = true;
    QEventLoop loop;
    QObject::connect(&watch, &StatsFlowWatch::verdict, &loop, [&](const StatsFlowVerdict &v) {
        if (!v.final)
            return;
        allFlowing = allFlowing && v.kind == StatsFlowVerdict::Kind::Flowing;
        onVerdict(v);
    });
    QObject::connect(&watch, &StatsFlowWatch::allSettled, &loop, &QEventLoop::quit);
    for (const GuestApplyResult &result : results)
        watch.watchResult(result);
    if (watch.watching() > 0)
        loop.exec();
    return allFlowing;
}

ApplyScope scopeFromOptions(const QCommandLineParser &parser) {
    const bool live = parser.isSet(QStringLiteral("live"));
    const bool config = parser.isSet(QStringLiteral("config"));
    if (live && config)
        return ApplyScope::LiveAndConfig;
    if (live)
        return ApplyScope::Live;
    if (config)
        return ApplyScope::Config;
    return ApplyScope::Automatic;
}

QList<CommandOption> scopeOptions() {
    return {
        QCommandLineOption(
            QStringLiteral("live"),
            BalloonSession::tr("Change the running guest now (VIR_DOMAIN_AFFECT_LIVE).")),
        QCommandLineOption(
            QStringLiteral("config"),
            BalloonSession::tr("Change the persistent configuration, kept across restarts "
                               "(VIR_DOMAIN_AFFECT_CONFIG). Without --live or --config: live for "
                               "running guests and config for persistent ones, so a running "
                               "persistent guest gets both, a shut-off guest its configuration, a "
                               "transient guest the live change.")),
    };
}

void printGuests(const QList<GuestBalloonInfo> &guests) {
    out() << column(BalloonSession::tr("GUEST"), 20) << column(BalloonSession::tr("STATE"), 12)
          << column(BalloonSession::tr("KIND"), 10) << column(BalloonSession::tr("BALLOON"), 24)
          << column(BalloonSession::tr("LIVE PERIOD"), 11)
          << BalloonSession::tr("PERSISTENT PERIOD") << Qt::endl;
    for (const GuestBalloonInfo &g : guests) {
        if (g.error) {
            out() << column(g.name, 20) << g.error->message << Qt::endl;
            continue;
        }
        const BalloonConfig &model = g.persistent ? g.persistentBalloon : g.liveBalloon;
        out() << column(g.name, 20) << column(domainStateName(g.state), 12)
              << column(g.persistent ? BalloonSession::tr("persistent")
                                     : BalloonSession::tr("transient"),
                        10)
              << column(balloonModelKey(model.model), 24)
              << column(periodCell(g.liveBalloon, g.isActive()), 11)
              << periodCell(g.persistentBalloon, g.persistent) << Qt::endl;
    }
}

void printPlan(const GuestPlan &plan, bool withPreview) {
    out() << plan.name << ':' << Qt::endl;
    for (const BalloonStep &step : plan.steps)
        out() << QStringLiteral("  + ") << step.describe() << Qt::endl;
    for (const StepRefusal &refusal : plan.refusals)
        out() << QStringLiteral("  ! ") << refusal.describe() << Qt::endl;
    for (const QString &warning : plan.warnings)
        out() << QStringLiteral("  ") << BalloonSession::tr("warning: %1").arg(warning) << Qt::endl;
    for (const QString &note : plan.notes)
        out() << QStringLiteral("  ") << BalloonSession::tr("note: %1").arg(note) << Qt::endl;
    if (withPreview && plan.preview.changed) {
        out() << QStringLiteral("  ") << BalloonSession::tr("persistent <memballoon>:") << Qt::endl;
        for (const QString &line : plan.preview.diff)
            out() << QStringLiteral("    ") << line << Qt::endl;
    }
}

void printResult(const GuestApplyResult &result) {
    out() << column(result.name, 20) << column(guestOutcomeName(result.outcome), 10)
          << result.details() << Qt::endl;
}

void printSummary(const ApplySummary &summary) {
    out() << BalloonSession::tr("%1 applied, %2 unchanged, %3 partial, %4 failed%5.")
                 .arg(summary.applied)
                 .arg(summary.unchanged)
                 .arg(summary.partial)
                 .arg(summary.failed)
                 .arg(summary.cancelled ? BalloonSession::tr(" (cancelled)") : QString())
          << Qt::endl;
}

} // namespace bs::cli
