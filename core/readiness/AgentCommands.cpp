#include "AgentCommands.h"

#include <QJsonArray>

namespace bs::agent {

namespace {

QJsonObject command(const char *name, const QJsonObject &arguments = {}) {
    QJsonObject o;
    o.insert(QLatin1String("execute"), QLatin1String(name));
    if (!arguments.isEmpty())
        o.insert(QLatin1String("arguments"), arguments);
    return o;
}

QJsonObject exec(const QString &path, const QStringList &args) {
    QJsonObject a;
    a.insert(QLatin1String("path"), path);
    a.insert(QLatin1String("arg"), QJsonArray::fromStringList(args));
    a.insert(QLatin1String("capture-output"), true);
    return command("guest-exec", a);
}

} // namespace

QJsonObject guestInfo() {
    return command("guest-info");
}

QJsonObject guestOsInfo() {
    return command("guest-get-osinfo");
}

QJsonObject guestDevices() {
    return command("guest-get-devices");
}

QString balloonServiceScript() {
    // Status and StartType as numbers: their names are localised in some PowerShell builds.
    return QStringLiteral(
        "$s=Get-Service -Name BalloonService -ErrorAction SilentlyContinue; "
        "if($s){$s|Select-Object Name,@{n='Status';e={[int]$_.Status}},"
        "@{n='StartType';e={[int]$_.StartType}}|ConvertTo-Json -Compress}else{exit 3}");
}

QString encodePowerShellCommand(const QString &script) {
    QByteArray utf16le;
    utf16le.reserve(script.size() * 2);
    for (const QChar c : script) {
        utf16le.append(char(c.unicode() & 0xff));
        utf16le.append(char(c.unicode() >> 8));
    }
    return QString::fromLatin1(utf16le.toBase64());
}

QJsonObject execPowerShellServiceQuery() {
    return exec(QStringLiteral("powershell.exe"),
                {QStringLiteral("-NoProfile"), QStringLiteral("-NonInteractive"),
                 QStringLiteral("-ExecutionPolicy"), QStringLiteral("Bypass"),
                 QStringLiteral("-EncodedCommand"),
                 encodePowerShellCommand(balloonServiceScript())});
}

QJsonObject execScServiceQuery() {
    return exec(QStringLiteral("sc.exe"),
                {QStringLiteral("query"), QStringLiteral("BalloonService")});
}

QJsonObject execLinuxBalloonDriverListing() {
    return exec(QStringLiteral("ls"), {QStringLiteral("-1"), QLatin1String(LinuxBalloonDriverDir)});
}

QJsonObject fileOpenProcModules() {
    QJsonObject a;
    a.insert(QLatin1String("path"), QLatin1String(ProcModules));
    a.insert(QLatin1String("mode"), QLatin1String("r"));
    return command("guest-file-open", a);
}

QJsonObject fileRead(qint64 handle, int count) {
    QJsonObject a;
    a.insert(QLatin1String("handle"), handle);
    a.insert(QLatin1String("count"), count);
    return command("guest-file-read", a);
}

QJsonObject fileClose(qint64 handle) {
    QJsonObject a;
    a.insert(QLatin1String("handle"), handle);
    return command("guest-file-close", a);
}

QJsonObject execStatus(qint64 pid) {
    QJsonObject a;
    a.insert(QLatin1String("pid"), pid);
    return command("guest-exec-status", a);
}

} // namespace bs::agent
