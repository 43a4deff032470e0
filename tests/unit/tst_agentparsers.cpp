#include "TestMain.h"
#include "TestSupport.h"
#include "readiness/AgentChannel.h"
#include "readiness/AgentParsers.h"
#include "readiness/GuestOutputParsers.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace bs;

namespace {

// The "return" member of a recorded reply (tests/fixtures/qga, see its README).
QJsonValue ret(const char *file) {
    const AgentReply reply =
        parseAgentReply(test::readFixture(QStringLiteral("qga/") + QLatin1String(file)));
    if (!reply.ok())
        qWarning("%s: %s", file, qPrintable(reply.summary()));
    return reply.value;
}

ExecStatus exec(const char *file) {
    auto status = parseExecStatus(ret(file));
    if (!status)
        qWarning("%s: %s", file, qPrintable(status.error().message));
    return status ? *status : ExecStatus{};
}

} // namespace

class TestAgentParsers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // guest-info ------------------------------------------------------------------------
    void guestInfoVdsm() {
        auto info = parseGuestInfo(ret("qga-guest-info.vdsm-test.json"));
        QVERIFY(info);
        QCOMPARE(info->version, QStringLiteral("1.2.3"));
        QCOMPARE(info->isEnabled(QStringLiteral("guest-info")), std::optional<bool>(true));
        QCOMPARE(info->isEnabled(QStringLiteral("guest-exec")), std::optional<bool>(false));
        QCOMPARE(info->isEnabled(QStringLiteral("guest-get-devices")), std::nullopt);
    }
    void guestInfoUnknownFields() {
        auto info = parseGuestInfo(ret("qga-guest-info.unknown-fields.bs.json"));
        QVERIFY(info);
        QCOMPARE(info->version, QStringLiteral("7.2.11"));
        QCOMPARE(info->commands.size(), 8);
    }
    void guestInfoMissingFields() {
        auto info = parseGuestInfo(ret("qga-guest-info.missing-fields.bs.json"));
        QVERIFY(info);
        QVERIFY(info->version.isEmpty());
        // no "enabled": listed, so tried; no "name": skipped
        QCOMPARE(info->isEnabled(QStringLiteral("guest-get-osinfo")), std::optional<bool>(true));
        QCOMPARE(info->isEnabled(QStringLiteral("guest-exec")), std::optional<bool>(false));
        QCOMPARE(info->commands.size(), 2);
    }
    void guestInfoWrongShape() {
        QVERIFY(!parseGuestInfo(ret("qga-guest-info.no-command-list.bs.json")));
        QVERIFY(!parseGuestInfo(QJsonValue(42)));
    }

    // guest-get-osinfo ------------------------------------------------------------------
    void osInfo_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<OsFamily>("family");
        QTest::addColumn<QString>("describe");
        QTest::addColumn<QString>("versionId");
        QTest::newRow("win11 (pretty-name says 10)")
            << "qga-guest-get-osinfo.win11.winapps-docs.json" << OsFamily::Windows
            << "Windows 10 Pro (kernel 10.0, build 26100, x86_64)"
            << "11";
        QTest::newRow("ws2022, version N/A")
            << "qga-guest-get-osinfo.ws2022-NA.qemu-devel.json" << OsFamily::Windows
            << "Windows Server 2022 Datacenter (kernel 10.0, build 20344, x86_64)"
            << "";
        QTest::newRow("debian") << "qga-guest-get-osinfo.debian12.bs.json" << OsFamily::Linux
                                << "Debian GNU/Linux 12 (bookworm) (kernel 6.1.0-28-amd64, x86_64)"
                                << "12";
        QTest::newRow("busybox: kernel only")
            << "qga-guest-get-osinfo.busybox-no-os-release.bs.json" << OsFamily::Linux
            << "kernel 6.1.0-28-amd64 (x86_64)"
            << "";
    }
    void osInfo() {
        QFETCH(QString, file);
        auto os = parseOsInfo(ret(file.toLatin1().constData()));
        QVERIFY(os);
        QTEST(os->family(), "family");
        QTEST(os->describe(), "describe");
        QTEST(os->versionId, "versionId");
    }
    void osInfoWrongShape() {
        QVERIFY(!parseOsInfo(ret("qga-guest-get-osinfo.not-an-object.bs.json")));
        auto empty = parseOsInfo(QJsonObject());
        QVERIFY(empty);
        QCOMPARE(empty->family(), OsFamily::Unknown);
    }

    // guest-get-devices -----------------------------------------------------------------
    // A driver date far beyond any clock (found by fuzz_agent_json: converting it to an integer
    // was undefined behaviour) is kept as written and is no date.
    void deviceDateOutOfRange() {
        for (const double ns : {1.56556e+103, 9.5e18, -1.0e300}) {
            QJsonObject device;
            device.insert(QStringLiteral("driver-name"), QStringLiteral("VirtIO Balloon Driver"));
            device.insert(QStringLiteral("driver-date"), ns);
            const auto devices = parseDevices(QJsonArray{device});
            QVERIFY(devices);
            QCOMPARE(devices->size(), 1);
            QCOMPARE(devices->first().driverDay, std::optional<QDate>());
            QCOMPARE(devices->first().driverDate, QString::number(ns, 'g', 17));
        }
    }

    void devicesModern() {
        auto devices = parseDevices(ret("qga-guest-get-devices.balloon-modern.synthetic.json"));
        QVERIFY(devices);
        QCOMPARE(devices->size(), 2);
        const auto balloon = findBalloonDriver(*devices);
        QVERIFY(balloon);
        QCOMPARE(balloon->driverName, QStringLiteral("VirtIO Balloon Driver"));
        QCOMPARE(balloon->vendorId, std::optional<int>(6900));
        QCOMPARE(balloon->deviceId, std::optional<int>(4165));
        QCOMPARE(balloon->idFormat, QStringLiteral("id"));
        QCOMPARE(balloon->driverDay, std::optional<QDate>(QDate(2019, 8, 12)));
        QCOMPARE(balloon->driverDate, QStringLiteral("1565568000000000000"));
        QCOMPARE(balloon->version(),
                 std::optional<QVersionNumber>(QVersionNumber({100, 80, 104, 17300})));
        QVERIFY(balloon->describe().contains(
            QLatin1String("PCI 1af4:1045 (vendor 6900, device 4165)")));
    }
    void devicesNoBalloon() {
        auto devices = parseDevices(ret("qga-guest-get-devices.no-balloon-driver.synthetic.json"));
        QVERIFY(devices);
        QCOMPARE(devices->size(), 1);
        QVERIFY(!findBalloonDriver(*devices));
    }
    void devicesAddressFormat() {
        auto devices = parseDevices(ret("qga-guest-get-devices.address-format.bs.json"));
        QVERIFY(devices);
        const auto balloon = findBalloonDriver(*devices);
        QVERIFY(balloon);
        QCOMPARE(balloon->idFormat, QStringLiteral("address"));
        QCOMPARE(balloon->deviceId, std::optional<int>(4098)); // transitional 1AF4:1002
        QCOMPARE(balloon->driverDay, std::optional<QDate>(QDate(2019, 8, 12)));
    }
    void devicesFlatHexAndVersionNotANumber() {
        auto devices = parseDevices(ret("qga-guest-get-devices.flat-hex-na-version.bs.json"));
        QVERIFY(devices);
        QCOMPARE(devices->size(), 2);
        QVERIFY(!devices->at(0).isVirtioBalloon()); // 1AF4:1003 is the serial device
        const auto balloon = findBalloonDriver(*devices);
        QVERIFY(balloon);
        QCOMPARE(balloon->idFormat, QStringLiteral("flat"));
        QCOMPARE(balloon->vendorId, std::optional<int>(0x1af4));
        QCOMPARE(balloon->deviceId, std::optional<int>(0x1002));
        QCOMPARE(balloon->driverVersion, QStringLiteral("N/A"));
        QCOMPARE(balloon->version(), std::nullopt);
        QCOMPARE(balloon->driverDay, std::optional<QDate>(QDate(2019, 8, 12))); // "08/12/19"
        QVERIFY(balloon->describe().contains(QLatin1String("N/A")));
    }
    void devicesMissingFields() {
        auto devices = parseDevices(ret("qga-guest-get-devices.missing-fields.bs.json"));
        QVERIFY(devices);
        QCOMPARE(devices->size(), 2); // the non-object entry is skipped
        QVERIFY(!devices->at(0).isVirtioBalloon());
        const auto balloon = findBalloonDriver(*devices);
        QVERIFY(balloon);
        QVERIFY(balloon->idFormat.isEmpty()); // matched by name: no ids came
        QVERIFY(!balloon->driverDay);
    }
    void devicesUnknownIdType() {
        auto devices = parseDevices(ret("qga-guest-get-devices.unknown-id-type.bs.json"));
        QVERIFY(devices);
        QCOMPARE(devices->size(), 1);
        QVERIFY(!findBalloonDriver(*devices));
    }
    void devicesWrongShape() {
        QVERIFY(!parseDevices(QJsonObject()));
        QVERIFY(!parseDevices(QJsonValue(QStringLiteral("devices"))));
    }

    // guest-exec / guest-exec-status ----------------------------------------------------
    void execPid() {
        auto pid = parseExecPid(ret("qga-guest-exec.response.synthetic.json"));
        QVERIFY(pid);
        QCOMPARE(*pid, 4812);
        QVERIFY(!parseExecPid(QJsonObject()));
    }
    void execStatusRunning() {
        const ExecStatus s = exec("qga-guest-exec-status.running.synthetic.json");
        QVERIFY(!s.exited);
        QVERIFY(!s.exitCode);
        QVERIFY(s.out.isEmpty());
    }
    void execStatusBadBase64() {
        auto s = parseExecStatus(ret("qga-guest-exec-status.bad-base64.bs.json"));
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(QLatin1String("base64")),
                 qPrintable(s.error().message));
        QVERIFY(s.error().message.contains(QLatin1String("not-base64"))); // the raw value shown
    }
    void execStatusWithoutExited() {
        QVERIFY(!parseExecStatus(ret("qga-guest-exec-status.no-exited.bs.json")));
    }

    // BalloonService --------------------------------------------------------------------
    void service_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("powershell");
        QTest::addColumn<bool>("conclusive");
        QTest::addColumn<ServiceState::State>("state");
        QTest::addColumn<int>("code");
        QTest::addColumn<int>("startType"); // -1: not reported
        using S = ServiceState::State;
        QTest::newRow("ps running") << "qga-guest-exec-status.powershell-running.synthetic.json"
                                    << true << true << S::Running << 4 << 2;
        QTest::newRow("ps missing (exit 3)")
            << "qga-guest-exec-status.powershell-missing.synthetic.json" << true << true
            << S::NotInstalled << 0 << -1;
        QTest::newRow("ps stopped") << "qga-guest-exec-status.powershell-stopped.bs.json" << true
                                    << true << S::Stopped << 1 << 3;
        QTest::newRow("ps BOM, manual")
            << "qga-guest-exec-status.powershell-running-bom-manual.bs.json" << true << true
            << S::Running << 4 << 3;
        QTest::newRow("ps error: try sc") << "qga-guest-exec-status.powershell-error.bs.json"
                                          << true << false << S::Running << 0 << -1;
        QTest::newRow("ps still running") << "qga-guest-exec-status.running.synthetic.json" << true
                                          << false << S::Running << 0 << -1;
        QTest::newRow("sc running") << "qga-guest-exec-status.sc-running.synthetic.json" << false
                                    << true << S::Running << 4 << -1;
        QTest::newRow("sc stopped")
            << "qga-guest-exec-status.sc-stopped.bs.json" << false << true << S::Stopped << 1 << -1;
        QTest::newRow("sc 1060") << "qga-guest-exec-status.sc-missing-1060.synthetic.json" << false
                                 << true << S::NotInstalled << 0 << -1;
        QTest::newRow("sc given PowerShell's JSON")
            << "qga-guest-exec-status.powershell-running.synthetic.json" << false << false
            << S::Running << 0 << -1;
    }
    void service() {
        QFETCH(QString, file);
        QFETCH(bool, powershell);
        QFETCH(bool, conclusive);
        const ExecStatus s = exec(file.toLatin1().constData());
        const auto state = powershell ? parsePowerShellService(s) : parseScQuery(s);
        QCOMPARE(state.has_value(), conclusive);
        if (!conclusive)
            return;
        QTEST(state->state, "state");
        QTEST(state->statusCode, "code");
        QFETCH(int, startType);
        QCOMPARE(state->startType.value_or(-1), startType);
        QCOMPARE(state->via, powershell ? QStringLiteral("powershell") : QStringLiteral("sc"));
        QVERIFY(!state->raw.isEmpty());
        QVERIFY(!state->describe().isEmpty());
    }

    // virtio_balloon on Linux -----------------------------------------------------------
    void linuxListing_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<LinuxDriverState::State>("state");
        QTest::addColumn<QStringList>("devices");
        QTest::newRow("bound") << "qga-guest-exec-status.ls-bound.bs.json"
                               << LinuxDriverState::State::Bound
                               << QStringList{QStringLiteral("virtio2")};
        QTest::newRow("not bound") << "qga-guest-exec-status.ls-not-bound.bs.json"
                                   << LinuxDriverState::State::NotBound << QStringList();
        QTest::newRow("missing") << "qga-guest-exec-status.ls-missing.bs.json"
                                 << LinuxDriverState::State::NotLoaded << QStringList();
    }
    void linuxListing() {
        QFETCH(QString, file);
        const auto state = parseVirtioDriverListing(exec(file.toLatin1().constData()));
        QVERIFY(state);
        QTEST(state->state, "state");
        QTEST(state->devices, "devices");
    }
    void procModules() {
        auto chunk = parseFileRead(ret("qga-guest-file-read.proc-modules.bs.json"));
        QVERIFY(chunk);
        QVERIFY(chunk->eof);
        QCOMPARE(parseProcModules(chunk->data).state, LinuxDriverState::State::LoadedAsModule);
        QCOMPARE(
            parseProcModules("virtio_balloon_extra 1 0 - Live 0x0\nvirtio_pci 2 0 - Live 0x0\n")
                .state,
            LinuxDriverState::State::NotInModules);
        auto handle = parseFileHandle(ret("qga-guest-file-open.bs.json"));
        QVERIFY(handle);
        QCOMPARE(*handle, 1000);
    }

    void guestText() {
        QCOMPARE(decodeGuestText("\xef\xbb\xbf{}"), QStringLiteral("{}"));
        QCOMPARE(decodeGuestText(QByteArray("\xff\xfe{\0}\0", 6)), QStringLiteral("{}"));
        QCOMPARE(decodeGuestText(QByteArray("o\0k\0", 4)), QStringLiteral("ok"));
        QCOMPARE(decodeGuestText("plain"), QStringLiteral("plain"));
    }
};

BS_TEST_MAIN(TestAgentParsers)
#include "tst_agentparsers.moc"
