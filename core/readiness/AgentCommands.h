#pragma once

#include <QJsonObject>
#include <QString>

namespace bs::agent {

// Every request the readiness inspector can send to a guest agent. All are read-only and
// fixed: nothing here takes text from the user, and guest-exec runs only these queries.

QJsonObject guestInfo();
QJsonObject guestOsInfo();
QJsonObject guestDevices();

// Windows: BalloonService's state. PowerShell first (numeric Status/StartType as JSON; exit 3
// when the service does not exist), sc.exe when PowerShell cannot run or says nothing usable.
QString balloonServiceScript();
QString encodePowerShellCommand(const QString &script); // base64 of the UTF-16LE text
QJsonObject execPowerShellServiceQuery();
QJsonObject execScServiceQuery();

// Linux: which devices virtio_balloon is bound to. guest-exec of ls on the driver's sysfs
// directory; when guest-exec is not allowed, /proc/modules read through guest-file-* ("r").
inline constexpr char LinuxBalloonDriverDir[] = "/sys/bus/virtio/drivers/virtio_balloon";
inline constexpr char ProcModules[] = "/proc/modules";
QJsonObject execLinuxBalloonDriverListing();
QJsonObject fileOpenProcModules();
QJsonObject fileRead(qint64 handle, int count);
QJsonObject fileClose(qint64 handle);

QJsonObject execStatus(qint64 pid);

} // namespace bs::agent
