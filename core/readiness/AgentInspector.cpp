#include "AgentInspector.h"

#include "AgentCommands.h"
#include "common/Logging.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QThread>

namespace bs {

namespace {

constexpr int FileReadChunk = 65536;
constexpr int FileReadMaxChunks = 16; // /proc/modules is a few KiB; stop at 1 MiB

AgentStep::Outcome outcomeOf(AgentReply::Kind kind) {
    switch (kind) {
    case AgentReply::Kind::Ok:
        return AgentStep::Outcome::Ok;
    case AgentReply::Kind::CommandDisabled:
        return AgentStep::Outcome::Disabled;
    case AgentReply::Kind::CommandNotFound:
        return AgentStep::Outcome::NotFound;
    case AgentReply::Kind::CommandFailed:
    case AgentReply::Kind::Failed:
        return AgentStep::Outcome::Failed;
    case AgentReply::Kind::Timeout:
        return AgentStep::Outcome::Timeout;
    case AgentReply::Kind::NotConnected:
        return AgentStep::Outcome::NotConnected;
    case AgentReply::Kind::Unsupported:
        return AgentStep::Outcome::Unsupported;
    case AgentReply::Kind::Denied:
        return AgentStep::Outcome::Denied;
    case AgentReply::Kind::Malformed:
        return AgentStep::Outcome::BadReply;
    }
    return AgentStep::Outcome::Failed;
}

AgentStep stepFrom(const QString &command, const AgentReply &reply) {
    return {outcomeOf(reply.kind), command, reply.summary()};
}

QString exitDetail(const ExecStatus &s) {
    QString text =
        s.exitCode
            ? QCoreApplication::translate("bs::AgentInspector", "exit code %1").arg(*s.exitCode)
            : QCoreApplication::translate("bs::AgentInspector", "signal %1")
                  .arg(s.signal.value_or(0));
    const QString out = decodeGuestText(s.out).simplified();
    const QString err = decodeGuestText(s.err).simplified();
    if (!out.isEmpty())
        text +=
            QCoreApplication::translate("bs::AgentInspector", ", stdout \"%1\"").arg(out.left(160));
    if (!err.isEmpty())
        text +=
            QCoreApplication::translate("bs::AgentInspector", ", stderr \"%1\"").arg(err.left(160));
    return text;
}

} // namespace

QString AgentStep::outcomeKey(Outcome outcome) {
    switch (outcome) {
    case Outcome::NotRun:
        return QStringLiteral("not_run");
    case Outcome::Ok:
        return QStringLiteral("ok");
    case Outcome::Disabled:
        return QStringLiteral("disabled");
    case Outcome::NotFound:
        return QStringLiteral("not_found");
    case Outcome::Timeout:
        return QStringLiteral("timeout");
    case Outcome::NotConnected:
        return QStringLiteral("not_connected");
    case Outcome::Unsupported:
        return QStringLiteral("unsupported");
    case Outcome::Denied:
        return QStringLiteral("denied");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::BadReply:
        return QStringLiteral("bad_reply");
    case Outcome::StillRunning:
        return QStringLiteral("still_running");
    }
    return QStringLiteral("failed");
}

AgentInspector::AgentInspector(AgentChannel &channel, AgentOptions options, Sleeper sleep)
    : m_channel(channel)
    , m_options(options)
    , m_sleep(std::move(sleep)) {
    if (!m_sleep)
        m_sleep = [](int ms) {
            QThread::msleep(ulong(ms));
        };
    m_options.commandTimeoutSeconds = qMax(1, m_options.commandTimeoutSeconds);
    m_options.execMaxPolls = qMax(1, m_options.execMaxPolls);
}

AgentReply AgentInspector::send(const QJsonObject &request) {
    const QString name = request.value(QLatin1String("execute")).toString();
    m_findings->sent << name;
    AgentReply reply = m_channel.execute(request, m_options.commandTimeoutSeconds);
    switch (reply.kind) {
    case AgentReply::Kind::Timeout:
    case AgentReply::Kind::NotConnected:
    case AgentReply::Kind::Unsupported:
    case AgentReply::Kind::Denied:
        // Every further command would fail the same way (and a timeout would cost as much
        // again): stop here.
        m_lost = true;
        break;
    default:
        break;
    }
    qCDebug(lcReadiness) << name << reply.summary();
    return reply;
}

bool AgentInspector::allowed(const QString &command, AgentStep &step) const {
    if (!m_findings->agentInfo)
        return true; // guest-info said nothing usable: try, the reply tells
    const std::optional<bool> enabled = m_findings->agentInfo->isEnabled(command);
    if (enabled.value_or(false))
        return true;
    step.command = command;
    if (enabled) {
        step.outcome = AgentStep::Outcome::Disabled;
        step.detail =
            QCoreApplication::translate("bs::AgentInspector", "guest-info lists %1 as disabled")
                .arg(command);
    } else {
        step.outcome = AgentStep::Outcome::NotFound;
        step.detail =
            QCoreApplication::translate("bs::AgentInspector", "guest-info does not list %1")
                .arg(command);
    }
    return false;
}

AgentFindings AgentInspector::run(OsFamily hostFamily) {
    AgentFindings f;
    m_findings = &f;
    m_lost = false;

    const AgentReply info = send(agent::guestInfo());
    f.info = stepFrom(QStringLiteral("guest-info"), info);
    if (info.ok()) {
        auto parsed = parseGuestInfo(info.value);
        if (parsed) {
            f.agentInfo = *parsed;
            f.info.detail =
                QCoreApplication::translate("bs::AgentInspector", "qemu-ga %1, %2 commands")
                    .arg(parsed->version.isEmpty() ? QStringLiteral("?") : parsed->version)
                    .arg(parsed->commands.size());
        } else {
            f.info.outcome = AgentStep::Outcome::BadReply;
            f.info.detail = parsed.error().message;
        }
    }
    if (transportLost()) {
        m_findings = nullptr;
        return f;
    }

    if (allowed(QStringLiteral("guest-get-osinfo"), f.osInfo)) {
        const AgentReply os = send(agent::guestOsInfo());
        f.osInfo = stepFrom(QStringLiteral("guest-get-osinfo"), os);
        if (os.ok()) {
            auto parsed = parseOsInfo(os.value);
            if (parsed) {
                f.os = *parsed;
                f.osInfo.detail = parsed->describe();
            } else {
                f.osInfo.outcome = AgentStep::Outcome::BadReply;
                f.osInfo.detail = parsed.error().message;
            }
        }
    }

    // The agent knows best; an empty osinfo leaves the host's metadata to decide.
    const OsFamily agentFamily = f.os ? f.os->family() : OsFamily::Unknown;
    const OsFamily family = agentFamily != OsFamily::Unknown ? agentFamily : hostFamily;
    if (!transportLost() && family == OsFamily::Windows) {
        queryWindowsDevices(f);
        if (!transportLost())
            queryWindowsService(f);
    } else if (!transportLost() && family == OsFamily::Linux) {
        queryLinuxDriver(f);
    }
    m_findings = nullptr;
    return f;
}

void AgentInspector::queryWindowsDevices(AgentFindings &f) {
    if (!allowed(QStringLiteral("guest-get-devices"), f.devices))
        return;
    const AgentReply reply = send(agent::guestDevices());
    f.devices = stepFrom(QStringLiteral("guest-get-devices"), reply);
    if (!reply.ok())
        return;
    auto parsed = parseDevices(reply.value);
    if (!parsed) {
        f.devices.outcome = AgentStep::Outcome::BadReply;
        f.devices.detail = parsed.error().message;
        return;
    }
    f.deviceList = *parsed;
    f.devices.detail =
        QCoreApplication::translate("bs::AgentInspector", "%1 devices listed").arg(parsed->size());
}

AgentInspector::Exec AgentInspector::runExec(const QJsonObject &request, const QString &label) {
    Exec result;
    const AgentReply started = send(request);
    result.step = stepFrom(label, started);
    if (!started.ok())
        return result;
    const auto pid = parseExecPid(started.value);
    if (!pid) {
        result.step.outcome = AgentStep::Outcome::BadReply;
        result.step.detail = pid.error().message;
        return result;
    }
    for (int poll = 0; poll < m_options.execMaxPolls; ++poll) {
        m_sleep(m_options.execPollIntervalMs);
        const AgentReply reply = send(agent::execStatus(*pid));
        if (!reply.ok()) {
            result.step = stepFrom(QStringLiteral("guest-exec-status"), reply);
            return result;
        }
        auto status = parseExecStatus(reply.value);
        if (!status) {
            result.step.outcome = AgentStep::Outcome::BadReply;
            result.step.detail = status.error().message;
            return result;
        }
        if (status->exited) {
            result.step.outcome = AgentStep::Outcome::Ok;
            result.step.detail = exitDetail(*status);
            result.status = *status;
            return result;
        }
    }
    result.step.outcome = AgentStep::Outcome::StillRunning;
    result.step.detail =
        QCoreApplication::translate("bs::AgentInspector",
                                    "pid %1 had not exited after %2 polls %3 ms apart; qemu-ga "
                                    "keeps its status until it is asked again")
            .arg(*pid)
            .arg(m_options.execMaxPolls)
            .arg(m_options.execPollIntervalMs);
    return result;
}

void AgentInspector::queryWindowsService(AgentFindings &f) {
    if (!allowed(QStringLiteral("guest-exec"), f.service) ||
        !allowed(QStringLiteral("guest-exec-status"), f.service))
        return;
    const Exec ps = runExec(agent::execPowerShellServiceQuery(),
                            QStringLiteral("guest-exec powershell.exe Get-Service BalloonService"));
    f.service = ps.step;
    if (ps.status) {
        if (auto state = parsePowerShellService(*ps.status)) {
            f.serviceState = state;
            return;
        }
    }
    // A refused guest-exec refuses sc.exe too, and a lost agent answers nothing.
    if (ps.step.outcome == AgentStep::Outcome::Disabled ||
        ps.step.outcome == AgentStep::Outcome::NotFound || transportLost())
        return;
    const QString psDetail = QStringLiteral("PowerShell: %1").arg(ps.step.detail);
    const Exec sc = runExec(agent::execScServiceQuery(),
                            QStringLiteral("guest-exec sc.exe query BalloonService"));
    f.service = sc.step;
    if (sc.status) {
        if (auto state = parseScQuery(*sc.status)) {
            f.serviceState = state;
            f.service.detail = QStringLiteral("%1; %2").arg(sc.step.detail, psDetail);
            return;
        }
        f.service.outcome = AgentStep::Outcome::BadReply;
    }
    f.service.detail = QStringLiteral("sc: %1; %2").arg(sc.step.detail, psDetail);
}

void AgentInspector::queryLinuxDriver(AgentFindings &f) {
    AgentStep execStep;
    if (allowed(QStringLiteral("guest-exec"), execStep) &&
        allowed(QStringLiteral("guest-exec-status"), execStep)) {
        const Exec ls = runExec(
            agent::execLinuxBalloonDriverListing(),
            QStringLiteral("guest-exec ls -1 %1").arg(QLatin1String(agent::LinuxBalloonDriverDir)));
        execStep = ls.step;
        if (ls.status) {
            if (auto state = parseVirtioDriverListing(*ls.status)) {
                f.linuxDriver = ls.step;
                f.linuxState = state;
                return;
            }
            execStep.outcome = AgentStep::Outcome::BadReply;
        }
        if (transportLost()) {
            f.linuxDriver = execStep;
            return;
        }
    }
    // guest-exec is often blocked on Linux (RHEL's default BLACKLIST_RPC): read /proc/modules.
    AgentStep fileStep;
    const bool read = readProcModules(f, fileStep);
    f.linuxDriver = read || execStep.outcome == AgentStep::Outcome::NotRun ? fileStep : execStep;
    const AgentStep &other = read ? execStep : fileStep;
    if (other.outcome != AgentStep::Outcome::NotRun)
        f.linuxDriver.detail +=
            QStringLiteral("; %1: %2 (%3)")
                .arg(other.command, AgentStep::outcomeKey(other.outcome), other.detail);
}

bool AgentInspector::readProcModules(AgentFindings &f, AgentStep &step) {
    if (!allowed(QStringLiteral("guest-file-open"), step) ||
        !allowed(QStringLiteral("guest-file-read"), step) ||
        !allowed(QStringLiteral("guest-file-close"), step))
        return false;
    const QString label =
        QStringLiteral("guest-file-open %1 (read-only)").arg(QLatin1String(agent::ProcModules));
    const AgentReply opened = send(agent::fileOpenProcModules());
    if (!opened.ok()) {
        step = stepFrom(label, opened);
        return false;
    }
    const auto handle = parseFileHandle(opened.value);
    if (!handle) {
        step = {AgentStep::Outcome::BadReply, label, handle.error().message};
        return false;
    }
    QByteArray content;
    step = {AgentStep::Outcome::Ok, label, {}};
    for (int i = 0; i < FileReadMaxChunks; ++i) {
        const AgentReply chunkReply = send(agent::fileRead(*handle, FileReadChunk));
        if (!chunkReply.ok()) {
            step = stepFrom(QStringLiteral("guest-file-read"), chunkReply);
            break;
        }
        auto chunk = parseFileRead(chunkReply.value);
        if (!chunk) {
            step = {AgentStep::Outcome::BadReply, QStringLiteral("guest-file-read"),
                    chunk.error().message};
            break;
        }
        content += chunk->data;
        if (chunk->eof || chunk->data.isEmpty())
            break;
    }
    // Always give the handle back, even after a failed read (unless the agent is gone).
    if (!transportLost())
        send(agent::fileClose(*handle));
    if (!step.ok())
        return false;
    f.linuxState = parseProcModules(content);
    step.detail = f.linuxState->raw;
    return true;
}

} // namespace bs
