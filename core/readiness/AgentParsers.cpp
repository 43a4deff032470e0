#include "AgentParsers.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace bs {

namespace {

constexpr int VirtioVendor = 0x1af4;        // 6900
constexpr int BalloonTransitional = 0x1002; // 4098
constexpr int BalloonModern = 0x1045;       // 4165

Error shapeError(const char *command, const QString &detail) {
    return Error::invalidArgument(
        QCoreApplication::translate("bs::AgentParsers", "Unexpected %1 reply: %2")
            .arg(QLatin1String(command), detail));
}

QString text(const QJsonObject &o, const char *key) {
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isString())
        return v.toString().trimmed();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    return {};
}

// An id as a number (6900) or, in the first patch's format, a hexadecimal string ("1AF4").
std::optional<int> pciId(const QJsonValue &v) {
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d >= 0 && d <= 0xffff && std::floor(d) == d)
            return int(d);
        return std::nullopt;
    }
    if (v.isString()) {
        QString s = v.toString().trimmed();
        if (s.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
            s = s.mid(2);
        bool ok = false;
        const int id = s.toInt(&ok, 16);
        if (ok && id >= 0 && id <= 0xffff)
            return id;
    }
    return std::nullopt;
}

std::optional<qint64> wholeNumber(const QJsonValue &v) {
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (std::floor(d) != d || std::abs(d) > 9.0e15)
        return std::nullopt;
    return qint64(d);
}

std::optional<QDate> parseDriverDate(const QJsonValue &v) {
    if (v.isDouble()) {
        // Nanoseconds since the epoch (QEMU 5.2+). A double holds it to about a microsecond.
        const double ns = v.toDouble();
        if (!(ns > 0 && ns < 9.0e18)) // beyond qint64 (and the year 2255): not a date
            return std::nullopt;
        return QDateTime::fromMSecsSinceEpoch(qint64(ns / 1.0e6), Qt::UTC).date();
    }
    if (!v.isString())
        return std::nullopt;
    const QString s = v.toString().trimmed();
    bool ok = false;
    const qlonglong ns = s.toLongLong(&ok);
    if (ok && ns > 0)
        return QDateTime::fromMSecsSinceEpoch(ns / 1000000, Qt::UTC).date();
    for (const char *format : {"yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy", "MM/dd/yy", "M/d/yy"}) {
        QDate d = QDate::fromString(s, QLatin1String(format));
        if (d.isValid()) {
            if (d.year() < 1970)
                d = d.addYears(100); // two-digit years are 20xx for drivers
            return d;
        }
    }
    return std::nullopt;
}

void readIds(GuestDevice &d, const QJsonObject &o) {
    const auto take = [&](const QJsonObject &ids, const char *format) {
        d.vendorId = pciId(ids.value(QLatin1String("vendor-id")));
        d.deviceId = pciId(ids.value(QLatin1String("device-id")));
        if (d.vendorId || d.deviceId)
            d.idFormat = QLatin1String(format);
    };
    const QJsonValue id = o.value(QLatin1String("id"));
    if (id.isObject()) {
        take(id.toObject(), "id");
        return;
    }
    if (id.isString()) {
        // A Windows hardware id, should an agent send one: PCI\VEN_1AF4&DEV_1045&...
        static const QRegularExpression hw(QStringLiteral("VEN_([0-9A-F]{4})&DEV_([0-9A-F]{4})"),
                                           QRegularExpression::CaseInsensitiveOption);
        const auto m = hw.match(id.toString());
        if (m.hasMatch()) {
            d.vendorId = m.captured(1).toInt(nullptr, 16);
            d.deviceId = m.captured(2).toInt(nullptr, 16);
            d.idFormat = QStringLiteral("hardware-id");
        }
        return;
    }
    const QJsonValue address = o.value(QLatin1String("address"));
    if (address.isObject()) {
        const QJsonObject a = address.toObject();
        if (a.value(QLatin1String("data")).isObject())
            take(a.value(QLatin1String("data")).toObject(), "address");
        else if (a.value(QLatin1String("pci")).isObject())
            take(a.value(QLatin1String("pci")).toObject(), "address");
        else
            take(a, "address");
        return;
    }
    take(o, "flat");
}

} // namespace

std::optional<bool> GuestAgentInfo::isEnabled(const QString &command) const {
    const auto it = commands.constFind(command);
    if (it == commands.constEnd())
        return std::nullopt;
    return *it;
}

Result<GuestAgentInfo> parseGuestInfo(const QJsonValue &value) {
    if (!value.isObject())
        return shapeError("guest-info",
                          QCoreApplication::translate("bs::AgentParsers", "not an object"));
    const QJsonObject o = value.toObject();
    GuestAgentInfo info;
    info.version = text(o, "version");
    const QJsonValue list = o.value(QLatin1String("supported_commands"));
    if (!list.isArray())
        return shapeError("guest-info", QCoreApplication::translate("bs::AgentParsers",
                                                                    "no supported_commands list"));
    for (const QJsonValue &entry : list.toArray()) {
        const QJsonObject c = entry.toObject();
        const QString name = c.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            continue;
        // "enabled" is mandatory in the schema; an agent that leaves it out gets tried.
        info.commands.insert(name, c.value(QLatin1String("enabled")).toBool(true));
    }
    return info;
}

OsFamily GuestOsInfo::family() const {
    const QString lower = id.toLower();
    if (lower == QLatin1String("mswindows"))
        return OsFamily::Windows;
    static const QStringList other{QStringLiteral("freebsd"), QStringLiteral("netbsd"),
                                   QStringLiteral("openbsd"), QStringLiteral("dragonfly"),
                                   QStringLiteral("solaris"), QStringLiteral("illumos")};
    if (other.contains(lower))
        return OsFamily::Other;
    // A POSIX agent: os-release's ID when there is one, at least the kernel otherwise.
    if (!lower.isEmpty() || !kernelRelease.isEmpty() || !kernelVersion.isEmpty())
        return OsFamily::Linux;
    return OsFamily::Unknown;
}

QString GuestOsInfo::describe() const {
    QString main = prettyName;
    if (main.isEmpty())
        main = QStringList{name, version}.join(QLatin1Char(' ')).trimmed();
    if (main.isEmpty())
        main = id;
    // Windows agents send the NT version and the build; POSIX ones uname's release and version.
    QString kernel;
    if (family() == OsFamily::Windows && !kernelVersion.isEmpty())
        kernel =
            kernelRelease.isEmpty()
                ? QCoreApplication::translate("bs::AgentParsers", "kernel %1").arg(kernelVersion)
                : QCoreApplication::translate("bs::AgentParsers", "kernel %1, build %2")
                      .arg(kernelVersion, kernelRelease);
    else if (!kernelRelease.isEmpty())
        kernel = QCoreApplication::translate("bs::AgentParsers", "kernel %1").arg(kernelRelease);
    QStringList extra;
    if (main.isEmpty())
        main = kernel;
    else if (!kernel.isEmpty())
        extra << kernel;
    if (!machine.isEmpty())
        extra << machine;
    if (extra.isEmpty())
        return main;
    if (main.isEmpty())
        return extra.join(QLatin1String(", "));
    return QStringLiteral("%1 (%2)").arg(main, extra.join(QLatin1String(", ")));
}

Result<GuestOsInfo> parseOsInfo(const QJsonValue &value) {
    if (!value.isObject())
        return shapeError("guest-get-osinfo",
                          QCoreApplication::translate("bs::AgentParsers", "not an object"));
    const QJsonObject o = value.toObject();
    const auto field = [&](const char *key) {
        const QString v = text(o, key);
        return v == QLatin1String("N/A") ? QString() : v;
    };
    GuestOsInfo info;
    info.id = field("id");
    info.name = field("name");
    info.prettyName = field("pretty-name");
    info.version = field("version");
    info.versionId = field("version-id");
    info.variant = field("variant");
    info.kernelRelease = field("kernel-release");
    info.kernelVersion = field("kernel-version");
    info.machine = field("machine");
    return info;
}

bool GuestDevice::isVirtioBalloon() const {
    if (vendorId && deviceId)
        return *vendorId == VirtioVendor &&
               (*deviceId == BalloonTransitional || *deviceId == BalloonModern);
    return driverName.contains(QLatin1String("Balloon"), Qt::CaseInsensitive);
}

std::optional<QVersionNumber> GuestDevice::version() const {
    static const QRegularExpression dotted(QStringLiteral("^\\d+(\\.\\d+)*$"));
    if (!dotted.match(driverVersion).hasMatch())
        return std::nullopt;
    return QVersionNumber::fromString(driverVersion);
}

QString GuestDevice::describe() const {
    QString s = driverName.isEmpty()
                    ? QCoreApplication::translate("bs::AgentParsers", "(no driver name)")
                    : driverName;
    if (!driverVersion.isEmpty())
        s += QStringLiteral(" %1").arg(driverVersion);
    if (driverDay)
        s += QStringLiteral(" (%1)").arg(driverDay->toString(Qt::ISODate));
    else if (!driverDate.isEmpty())
        s += QCoreApplication::translate("bs::AgentParsers", " (date \"%1\")").arg(driverDate);
    if (vendorId && deviceId) {
        s += QCoreApplication::translate("bs::AgentParsers", ", PCI %1:%2 (vendor %3, device %4)")
                 .arg(*vendorId, 4, 16, QLatin1Char('0'))
                 .arg(*deviceId, 4, 16, QLatin1Char('0'))
                 .arg(*vendorId)
                 .arg(*deviceId);
    }
    return s;
}

Result<QList<GuestDevice>> parseDevices(const QJsonValue &value) {
    if (!value.isArray())
        return shapeError("guest-get-devices",
                          QCoreApplication::translate("bs::AgentParsers", "not a list"));
    QList<GuestDevice> devices;
    for (const QJsonValue &entry : value.toArray()) {
        if (!entry.isObject())
            continue;
        const QJsonObject o = entry.toObject();
        GuestDevice d;
        d.driverName = text(o, "driver-name");
        d.driverVersion = text(o, "driver-version");
        const QJsonValue date = o.value(QLatin1String("driver-date"));
        // Nanoseconds since the epoch, as an integer where the number fits one.
        const bool fits = date.isDouble() && std::abs(date.toDouble()) < 9.0e18;
        d.driverDate = fits ? QString::number(qint64(date.toDouble())) : text(o, "driver-date");
        d.driverDay = parseDriverDate(date);
        readIds(d, o);
        devices.append(d);
    }
    return devices;
}

std::optional<GuestDevice> findBalloonDriver(const QList<GuestDevice> &devices) {
    for (const GuestDevice &d : devices) {
        if (d.isVirtioBalloon())
            return d;
    }
    return std::nullopt;
}

Result<qint64> parseExecPid(const QJsonValue &value) {
    const auto pid = wholeNumber(value.toObject().value(QLatin1String("pid")));
    if (!pid)
        return shapeError("guest-exec", QCoreApplication::translate("bs::AgentParsers", "no pid"));
    return *pid;
}

Result<ExecStatus> parseExecStatus(const QJsonValue &value) {
    if (!value.isObject())
        return shapeError("guest-exec-status",
                          QCoreApplication::translate("bs::AgentParsers", "not an object"));
    const QJsonObject o = value.toObject();
    if (!o.value(QLatin1String("exited")).isBool())
        return shapeError("guest-exec-status",
                          QCoreApplication::translate("bs::AgentParsers", "no \"exited\""));
    ExecStatus s;
    s.exited = o.value(QLatin1String("exited")).toBool();
    if (const auto code = wholeNumber(o.value(QLatin1String("exitcode"))))
        s.exitCode = int(*code);
    if (const auto signal = wholeNumber(o.value(QLatin1String("signal"))))
        s.signal = int(*signal);
    s.outTruncated = o.value(QLatin1String("out-truncated")).toBool();
    s.errTruncated = o.value(QLatin1String("err-truncated")).toBool();
    for (const auto &[key, target] :
         {std::pair{"out-data", &s.out}, std::pair{"err-data", &s.err}}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            continue;
        const QByteArray encoded = v.toString().toLatin1();
        auto decoded =
            QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
        if (!v.isString() || !decoded) {
            return shapeError(
                "guest-exec-status",
                QCoreApplication::translate("bs::AgentParsers", "%1 is not valid base64: \"%2\"")
                    .arg(QLatin1String(key), QString::fromLatin1(encoded.left(40))));
        }
        *target = *decoded;
    }
    return s;
}

Result<qint64> parseFileHandle(const QJsonValue &value) {
    const auto handle = wholeNumber(value);
    if (!handle)
        return shapeError("guest-file-open",
                          QCoreApplication::translate("bs::AgentParsers", "no handle"));
    return *handle;
}

Result<FileChunk> parseFileRead(const QJsonValue &value) {
    const QJsonObject o = value.toObject();
    const QJsonValue buf = o.value(QLatin1String("buf-b64"));
    auto decoded = QByteArray::fromBase64Encoding(buf.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!value.isObject() || !buf.isString() || !decoded)
        return shapeError("guest-file-read",
                          QCoreApplication::translate("bs::AgentParsers", "no valid buf-b64"));
    return FileChunk{*decoded, o.value(QLatin1String("eof")).toBool(true)};
}

QString decodeGuestText(const QByteArray &bytes) {
    if (bytes.startsWith("\xff\xfe") || (bytes.size() >= 2 && bytes.at(1) == '\0')) {
        const QByteArray body = bytes.startsWith("\xff\xfe") ? bytes.mid(2) : bytes;
        QString s;
        s.reserve(body.size() / 2);
        for (qsizetype i = 0; i + 1 < body.size(); i += 2)
            s.append(QChar(char16_t(uchar(body.at(i)) | (uchar(body.at(i + 1)) << 8))));
        return s;
    }
    if (bytes.startsWith("\xef\xbb\xbf"))
        return QString::fromUtf8(bytes.mid(3));
    return QString::fromUtf8(bytes);
}

} // namespace bs
