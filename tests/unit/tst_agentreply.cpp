#include "TestMain.h"
#include "TestSupport.h"
#include "readiness/AgentChannel.h"
#include "readiness/AgentCommands.h"
#include "readiness/ReplayAgentChannel.h"

#include <QJsonDocument>

#include <libvirt/virterror.h>

using namespace bs;
using Kind = AgentReply::Kind;

namespace {

Error libvirtError(int code, const char *message) {
    return Error{Error::Kind::Libvirt, code, VIR_FROM_QEMU, QString::fromUtf8(message)};
}

QJsonObject fixtureObject(const char *name) {
    return QJsonDocument::fromJson(test::readFixture(QStringLiteral("qga/") + QLatin1String(name)))
        .object();
}

} // namespace

// The agent's replies as both channels deliver them: the replaying channel hands over the raw
// text, libvirt turns errors into its own error. Both must end up as the same AgentReply.
class TestAgentReply : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("errorClass");
        QTest::newRow("return") << "qga-guest-exec.response.synthetic.json" << Kind::Ok << "";
        // QEMU reports a disabled command with class CommandNotFound: the desc decides.
        QTest::newRow("disabled") << "qga-error.command-disabled.json" << Kind::CommandDisabled
                                  << "CommandNotFound";
        QTest::newRow("not found")
            << "qga-error.command-not-found.json" << Kind::CommandNotFound << "CommandNotFound";
        QTest::newRow("unsupported on this OS")
            << "qga-error.unsupported.bs.json" << Kind::CommandNotFound << "GenericError";
        QTest::newRow("spawn failed")
            << "qga-error.exec-spawn-failed.bs.json" << Kind::CommandFailed << "GenericError";
        QTest::newRow("truncated") << "qga-reply.truncated.bs.txt" << Kind::Malformed << "";
        QTest::newRow("neither") << "qga-reply.neither.bs.json" << Kind::Malformed << "";
    }
    void fixtures() {
        QFETCH(QString, file);
        const QByteArray raw = test::readFixture(QStringLiteral("qga/") + file);
        QVERIFY(!raw.isEmpty());
        const AgentReply reply = parseAgentReply(raw);
        QTEST(reply.kind, "kind");
        QTEST(reply.errorClass, "errorClass");
        QCOMPARE(reply.raw, raw);
        if (reply.kind != Kind::Ok)
            QVERIFY(!reply.summary().isEmpty());
    }

    void okValue() {
        const AgentReply reply = parseAgentReply(
            test::readFixture(QStringLiteral("qga/qga-guest-exec.response.synthetic.json")));
        QVERIFY(reply.ok());
        QCOMPARE(reply.value.toObject().value(QLatin1String("pid")).toInt(), 4812);
    }

    void libvirtErrors_data() {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<Kind>("kind");
        // libvirt 9.0's own messages (src/qemu/qemu_agent.c, qemu_domain.c, libvirt-qemu.c).
        QTest::newRow("timeout")
            << int(VIR_ERR_AGENT_UNRESPONSIVE)
            << "Guest agent is not responding: Guest agent not available for now" << Kind::Timeout;
        QTest::newRow("not connected")
            << int(VIR_ERR_AGENT_UNRESPONSIVE)
            << "Guest agent is not responding: QEMU guest agent is not connected"
            << Kind::NotConnected;
        QTest::newRow("disabled")
            << int(VIR_ERR_INTERNAL_ERROR)
            << "internal error: unable to execute QEMU agent command 'guest-exec': The command "
               "guest-exec has been disabled for this instance"
            << Kind::CommandDisabled;
        QTest::newRow("not found")
            << int(VIR_ERR_INTERNAL_ERROR)
            << "internal error: unable to execute QEMU agent command 'guest-get-devices': The "
               "command guest-get-devices has not been found"
            << Kind::CommandNotFound;
        QTest::newRow("command failed")
            << int(VIR_ERR_INTERNAL_ERROR)
            << "internal error: unable to execute QEMU agent command 'guest-exec': Guest agent "
               "command failed, error was 'Failed to execute child process'"
            << Kind::CommandFailed;
        QTest::newRow("test driver") << int(VIR_ERR_NO_SUPPORT)
                                     << "this function is not supported by the connection driver: "
                                        "virDomainQemuAgentCommand"
                                     << Kind::Unsupported;
        QTest::newRow("read-only") << int(VIR_ERR_OPERATION_DENIED)
                                   << "operation forbidden: read only access prevents "
                                      "virDomainQemuAgentCommand"
                                   << Kind::Denied;
        QTest::newRow("not running")
            << int(VIR_ERR_OPERATION_INVALID)
            << "Requested operation is not valid: domain is not running" << Kind::NotConnected;
        QTest::newRow("missing reply")
            << int(VIR_ERR_INTERNAL_ERROR) << "internal error: Missing agent reply object"
            << Kind::Failed;
    }
    void libvirtErrors() {
        QFETCH(int, code);
        QFETCH(QString, message);
        const AgentReply reply =
            agentReplyFromLibvirtError(libvirtError(code, message.toUtf8().constData()));
        QTEST(reply.kind, "kind");
        QVERIFY(reply.raw.isEmpty());
        QVERIFY(!reply.message.isEmpty());
    }

    void disabledDescIsKept() {
        const AgentReply reply = agentReplyFromLibvirtError(libvirtError(
            VIR_ERR_INTERNAL_ERROR, "internal error: unable to execute QEMU agent command "
                                    "'guest-exec': The command guest-exec has been disabled for "
                                    "this instance"));
        QCOMPARE(reply.message,
                 QStringLiteral("The command guest-exec has been disabled for this instance"));
    }

    // The requests we build are the recorded ones, byte for byte in meaning.
    void requestsMatchRecordedOnes() {
        QCOMPARE(agent::execPowerShellServiceQuery(),
                 fixtureObject("qga-guest-exec.request.powershell-balloonservice.json"));
        QCOMPARE(agent::execScServiceQuery(),
                 fixtureObject("qga-guest-exec.request.sc-query.json"));
    }

    void encodedCommandDecodesToTheScript() {
        const QByteArray utf16 = QByteArray::fromBase64(
            agent::encodePowerShellCommand(agent::balloonServiceScript()).toLatin1());
        QCOMPARE(utf16.size(), agent::balloonServiceScript().size() * 2);
        QCOMPARE(QString::fromUtf16(reinterpret_cast<const char16_t *>(utf16.constData()),
                                    utf16.size() / 2),
                 agent::balloonServiceScript());
        QVERIFY(agent::balloonServiceScript().contains(QLatin1String("BalloonService")));
        QVERIFY(!agent::balloonServiceScript().contains(QLatin1String("BLNSVR")));
    }

    void everyRequestIsReadOnly() {
        // guest-exec runs only fixed programs; files are opened for reading only.
        for (const QJsonObject &r :
             {agent::execPowerShellServiceQuery(), agent::execScServiceQuery(),
              agent::execLinuxBalloonDriverListing()}) {
            const QJsonObject args = r.value(QLatin1String("arguments")).toObject();
            QCOMPARE(r.value(QLatin1String("execute")).toString(), QStringLiteral("guest-exec"));
            QVERIFY(args.value(QLatin1String("capture-output")).toBool());
            QVERIFY(!args.contains(QLatin1String("input-data")));
        }
        QCOMPARE(agent::fileOpenProcModules()
                     .value(QLatin1String("arguments"))
                     .toObject()
                     .value(QLatin1String("mode"))
                     .toString(),
                 QStringLiteral("r"));
    }

    void replayServesInOrderAndRepeatsTheLast() {
        ReplayAgentChannel channel;
        channel.addPayload(
            QStringLiteral("guest-exec-status"),
            test::readFixture(QStringLiteral("qga/qga-guest-exec-status.running.synthetic.json")));
        channel.addPayload(QStringLiteral("guest-exec-status"),
                           test::readFixture(QStringLiteral(
                               "qga/qga-guest-exec-status.sc-running.synthetic.json")));
        const QJsonObject status = agent::execStatus(4812);
        const auto first = channel.execute(status, 5);
        const auto second = channel.execute(status, 5);
        const auto third = channel.execute(status, 5);
        QCOMPARE(first.value.toObject().value(QLatin1String("exited")).toBool(), false);
        QCOMPARE(second.value.toObject().value(QLatin1String("exited")).toBool(), true);
        QCOMPARE(third.raw, second.raw);
        QCOMPARE(channel.requests().size(), 3);
        QCOMPARE(channel.timeouts(), (QList<int>{5, 5, 5}));
    }

    void replayUnscriptedIsNotFound() {
        ReplayAgentChannel channel;
        channel.addFailure(QStringLiteral("guest-info"), Kind::Timeout);
        QCOMPARE(channel.execute(agent::guestInfo(), 5).kind, Kind::Timeout);
        QCOMPARE(channel.execute(agent::guestDevices(), 5).kind, Kind::CommandNotFound);
        QCOMPARE(channel.commandsSent(),
                 (QStringList{QStringLiteral("guest-info"), QStringLiteral("guest-get-devices")}));
    }
};

BS_TEST_MAIN(TestAgentReply)
#include "tst_agentreply.moc"
