#pragma once

#include "ReadinessTypes.h"
#include "common/Result.h"

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVersionNumber>

#include <optional>

namespace bs {

// Parsers for the "return" member of each agent reply. Pure functions, tolerant: unknown
// fields are ignored, optional fields may be missing, and a reply of the wrong shape is an
// error value (never a crash, never a guess).

// guest-info
struct GuestAgentInfo {
    QString version;               // qemu-ga's version, as it says it ("1.2.3", "100.0.0")
    QHash<QString, bool> commands; // name -> enabled
    // Empty when the agent does not list the command at all.
    std::optional<bool> isEnabled(const QString &command) const;
};
Result<GuestAgentInfo> parseGuestInfo(const QJsonValue &value);

// guest-get-osinfo: every member is optional in QEMU's schema; "N/A" means absent.
struct GuestOsInfo {
    QString id; // "mswindows", "debian", ...
    QString name;
    QString prettyName;
    QString version;
    QString versionId;
    QString variant;
    QString kernelRelease;
    QString kernelVersion;
    QString machine;

    OsFamily family() const;
    QString describe() const; // "Windows Server 2022 Datacenter (kernel 10.0, build 20344)"
};
Result<GuestOsInfo> parseOsInfo(const QJsonValue &value);

// guest-get-devices (Windows, QEMU >= 5.2). Three wire formats are known: QEMU 5.2+
// {"id": {"type": "pci", "vendor-id": 6900, "device-id": 4165}, "driver-date": <ns>}, the
// pre-release {"address": {"type": "pci", "data": {...}}, "driver-date": "YYYY-MM-DD"} and the
// first patch's flat {"vendor-id": "1AF4", ...} with hexadecimal strings.
struct GuestDevice {
    QString driverName;
    QString driverVersion; // as sent: "100.80.104.17300", but also "N/A" or "unknown"
    QString driverDate;    // as sent: nanoseconds since the epoch, or a date string
    std::optional<QDate> driverDay;
    std::optional<int> vendorId;
    std::optional<int> deviceId;
    QString idFormat; // "id", "address", "flat", "hardware-id" or empty

    // PCI 1AF4:1002 (transitional) or 1AF4:1045 (modern); by driver name when no ids came.
    bool isVirtioBalloon() const;
    // When the version is dotted numbers; empty for "N/A" and the like.
    std::optional<QVersionNumber> version() const;
    QString describe() const; // "VirtIO Balloon Driver 100.80.104.17300 (2019-08-12), PCI ..."
};
Result<QList<GuestDevice>> parseDevices(const QJsonValue &value);
std::optional<GuestDevice> findBalloonDriver(const QList<GuestDevice> &devices);

// guest-exec
Result<qint64> parseExecPid(const QJsonValue &value);

// guest-exec-status: out-data/err-data are base64; output only once the process exited.
struct ExecStatus {
    bool exited = false;
    std::optional<int> exitCode;
    std::optional<int> signal;
    QByteArray out;
    QByteArray err;
    bool outTruncated = false;
    bool errTruncated = false;
};
Result<ExecStatus> parseExecStatus(const QJsonValue &value);

// guest-file-open / guest-file-read
Result<qint64> parseFileHandle(const QJsonValue &value);
struct FileChunk {
    QByteArray data;
    bool eof = false;
};
Result<FileChunk> parseFileRead(const QJsonValue &value);

// Text a guest program wrote: UTF-8 (BOM dropped) or UTF-16LE (PowerShell can write either).
QString decodeGuestText(const QByteArray &bytes);

} // namespace bs
