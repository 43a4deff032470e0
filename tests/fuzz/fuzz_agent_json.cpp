// Guest-agent JSON parsing: the bytes are a reply as the agent (through libvirt) sends it. The
// reply parser runs on them, and its "return" value is handed to every reply parser and to the
// parsers of what guest programs printed, whatever the command: a guest controls all of it.
// Seeds: tests/fixtures/qga/ (scripts/fuzz).
#include "common/Error.h"
#include "readiness/AgentChannel.h"
#include "readiness/AgentParsers.h"
#include "readiness/GuestOutputParsers.h"

#include <QByteArray>

namespace {

void parseExecOutput(const bs::ExecStatus &status) {
    if (const auto service = bs::parsePowerShellService(status))
        (void)service->describe();
    if (const auto service = bs::parseScQuery(status))
        (void)service->describe();
    if (const auto driver = bs::parseVirtioDriverListing(status))
        (void)driver->describe();
    (void)bs::decodeGuestText(status.out);
    (void)bs::decodeGuestText(status.err);
}

void parseEveryWay(const QJsonValue &value) {
    if (const auto info = bs::parseGuestInfo(value))
        (void)info->isEnabled(QStringLiteral("guest-exec"));
    if (const auto os = bs::parseOsInfo(value)) {
        (void)os->family();
        (void)os->describe();
    }
    if (const auto devices = bs::parseDevices(value)) {
        for (const bs::GuestDevice &device : *devices) {
            (void)device.isVirtioBalloon();
            (void)device.version();
            (void)device.describe();
        }
        (void)bs::findBalloonDriver(*devices);
    }
    (void)bs::parseExecPid(value);
    if (const auto status = bs::parseExecStatus(value))
        parseExecOutput(*status);
    (void)bs::parseFileHandle(value);
    if (const auto chunk = bs::parseFileRead(value))
        (void)bs::parseProcModules(chunk->data).describe();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));
    const bs::AgentReply reply = bs::parseAgentReply(raw);
    (void)reply.summary();
    if (reply.ok())
        parseEveryWay(reply.value);

    // The same text as libvirt's error message for a failed exchange.
    bs::Error error;
    error.message = QString::fromUtf8(raw);
    (void)bs::agentReplyFromLibvirtError(error).summary();

    // And as raw guest output.
    (void)bs::decodeGuestText(raw);
    (void)bs::parseProcModules(raw).describe();
    return 0;
}
