#include "GuestOutputParsers.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace bs {

namespace {

constexpr int ScServiceDoesNotExist = 1060; // ERROR_SERVICE_DOES_NOT_EXIST
constexpr int ScriptServiceMissing = 3;     // our script's exit code

ServiceState::State stateFromCode(int code) {
    switch (code) {
    case 1:
        return ServiceState::State::Stopped;
    case 4:
        return ServiceState::State::Running;
    case 7:
        return ServiceState::State::Paused;
    default:
        return ServiceState::State::Pending; // 2, 3, 5, 6: start/stop/continue/pause pending
    }
}

std::optional<int> statusFromName(const QString &name) {
    static const QStringList names{
        QStringLiteral("stopped"),         QStringLiteral("startpending"),
        QStringLiteral("stoppending"),     QStringLiteral("running"),
        QStringLiteral("continuepending"), QStringLiteral("pausepending"),
        QStringLiteral("paused")};
    const qsizetype i = names.indexOf(name.toLower().remove(QLatin1Char('_')));
    if (i < 0)
        return std::nullopt;
    return int(i) + 1;
}

QString oneLine(const QString &text) {
    QString s = text.simplified();
    if (s.size() > 200)
        s = s.left(200) + QStringLiteral("…");
    return s;
}

ServiceState notInstalled(const char *via, const QString &raw) {
    ServiceState s;
    s.state = ServiceState::State::NotInstalled;
    s.via = QLatin1String(via);
    s.raw = raw;
    return s;
}

} // namespace

QString ServiceState::describe() const {
    if (state == State::NotInstalled)
        return QCoreApplication::translate("bs::GuestOutputParsers", "not installed");
    static const char *const names[] = {"stopped", "start pending",    "stop pending",
                                        "running", "continue pending", "pause pending",
                                        "paused"};
    QString text =
        statusCode >= 1 && statusCode <= 7
            ? QStringLiteral("%1 (%2)").arg(QLatin1String(names[statusCode - 1])).arg(statusCode)
            : QCoreApplication::translate("bs::GuestOutputParsers", "status %1").arg(statusCode);
    if (startType) {
        static const char *const starts[] = {"boot", "system", "automatic", "manual", "disabled"};
        const QString start = *startType >= 0 && *startType <= 4 ? QLatin1String(starts[*startType])
                                                                 : QStringLiteral("?");
        text += QCoreApplication::translate("bs::GuestOutputParsers", ", start type %1 (%2)")
                    .arg(start)
                    .arg(*startType);
    }
    return text;
}

std::optional<ServiceState> parsePowerShellService(const ExecStatus &status) {
    if (!status.exited || !status.exitCode)
        return std::nullopt;
    const QString out = decodeGuestText(status.out).trimmed();
    if (*status.exitCode == ScriptServiceMissing)
        return notInstalled("powershell", QCoreApplication::translate(
                                              "bs::GuestOutputParsers",
                                              "exit code 3 (Get-Service found no BalloonService)"));
    if (*status.exitCode != 0)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(out.toUtf8());
    const QJsonArray array = doc.array();
    const QJsonObject o = array.isEmpty() ? doc.object() : array.first().toObject();
    const QString name = o.value(QLatin1String("Name")).toString();
    if (!name.isEmpty() && name.compare(QLatin1String("BalloonService"), Qt::CaseInsensitive) != 0)
        return std::nullopt;
    const QJsonValue st = o.value(QLatin1String("Status"));
    std::optional<int> code;
    if (st.isDouble())
        code = st.toInt();
    else if (st.isString())
        code = statusFromName(st.toString());
    if (!code || *code < 1 || *code > 7)
        return std::nullopt;
    ServiceState s;
    s.state = stateFromCode(*code);
    s.statusCode = *code;
    const QJsonValue start = o.value(QLatin1String("StartType"));
    if (start.isDouble())
        s.startType = start.toInt();
    s.via = QStringLiteral("powershell");
    s.raw = oneLine(out);
    return s;
}

std::optional<ServiceState> parseScQuery(const ExecStatus &status) {
    if (!status.exited || !status.exitCode)
        return std::nullopt;
    const QString out = decodeGuestText(status.out);
    if (*status.exitCode == ScServiceDoesNotExist || out.contains(QLatin1String("FAILED 1060")))
        return notInstalled(
            "sc", oneLine(out.isEmpty() ? QCoreApplication::translate("bs::GuestOutputParsers",
                                                                      "exit code 1060")
                                        : out));
    if (*status.exitCode != 0)
        return std::nullopt;
    static const QRegularExpression stateLine(
        QStringLiteral(":\\s*([1-7])\\s+(STOPPED|START_PENDING|STOP_PENDING|RUNNING|"
                       "CONTINUE_PENDING|PAUSE_PENDING|PAUSED)\\b"));
    const auto m = stateLine.match(out);
    if (!m.hasMatch())
        return std::nullopt;
    ServiceState s;
    s.statusCode = m.captured(1).toInt();
    s.state = stateFromCode(s.statusCode);
    s.via = QStringLiteral("sc");
    s.raw = oneLine(m.captured(0).mid(1));
    return s;
}

QString LinuxDriverState::describe() const {
    switch (state) {
    case State::Bound:
        return QCoreApplication::translate("bs::GuestOutputParsers", "bound to %1")
            .arg(devices.join(QLatin1String(", ")));
    case State::NotBound:
        return QCoreApplication::translate("bs::GuestOutputParsers",
                                           "registered, bound to no device");
    case State::NotLoaded:
        return QCoreApplication::translate("bs::GuestOutputParsers", "not loaded");
    case State::LoadedAsModule:
        return QCoreApplication::translate("bs::GuestOutputParsers", "loaded as a module");
    case State::NotInModules:
        return QCoreApplication::translate("bs::GuestOutputParsers", "not in /proc/modules");
    }
    return {};
}

std::optional<LinuxDriverState> parseVirtioDriverListing(const ExecStatus &status) {
    if (!status.exited)
        return std::nullopt;
    const QString out = decodeGuestText(status.out);
    const QString err = decodeGuestText(status.err);
    LinuxDriverState s;
    s.via = QStringLiteral("sysfs");
    if (status.exitCode.value_or(-1) != 0) {
        // GNU ls exits 2, busybox 1, when the directory is missing.
        if (err.contains(QLatin1String("No such file")) ||
            (out.trimmed().isEmpty() && (status.exitCode == 1 || status.exitCode == 2))) {
            s.state = LinuxDriverState::State::NotLoaded;
            s.raw = oneLine(err.isEmpty() ? QCoreApplication::translate("bs::GuestOutputParsers",
                                                                        "exit code %1")
                                                .arg(*status.exitCode)
                                          : err);
            return s;
        }
        return std::nullopt;
    }
    static const QRegularExpression device(QStringLiteral("^virtio\\d+$"));
    const QStringList entries =
        out.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        if (device.match(entry).hasMatch())
            s.devices << entry;
    }
    s.state =
        s.devices.isEmpty() ? LinuxDriverState::State::NotBound : LinuxDriverState::State::Bound;
    s.raw = oneLine(entries.join(QLatin1Char(' ')));
    return s;
}

LinuxDriverState parseProcModules(const QByteArray &content) {
    LinuxDriverState s;
    s.via = QStringLiteral("proc-modules");
    s.state = LinuxDriverState::State::NotInModules;
    const QList<QByteArray> lines = content.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("virtio_balloon ")) {
            s.state = LinuxDriverState::State::LoadedAsModule;
            s.raw = oneLine(QString::fromUtf8(line));
            return s;
        }
    }
    s.raw = QCoreApplication::translate("bs::GuestOutputParsers", "%1 modules listed")
                .arg(lines.size() - (content.endsWith('\n') ? 1 : 0));
    return s;
}

} // namespace bs
