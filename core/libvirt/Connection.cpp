#include "Connection.h"

#include "LibvirtError.h"
#include "LibvirtRuntime.h"
#include "common/Logging.h"

#include <QCoreApplication>

#include <atomic>
#include <cstring>

namespace bs {

namespace {

std::atomic<quint64> g_nextSerial{1};

CredentialPrompt::Type promptType(int credType) {
    switch (credType) {
    case VIR_CRED_USERNAME:
        return CredentialPrompt::Type::Username;
    case VIR_CRED_AUTHNAME:
        return CredentialPrompt::Type::AuthName;
    case VIR_CRED_LANGUAGE:
        return CredentialPrompt::Type::Language;
    case VIR_CRED_CNONCE:
        return CredentialPrompt::Type::CNonce;
    case VIR_CRED_PASSPHRASE:
        return CredentialPrompt::Type::Passphrase;
    case VIR_CRED_ECHOPROMPT:
        return CredentialPrompt::Type::EchoPrompt;
    case VIR_CRED_REALM:
        return CredentialPrompt::Type::Realm;
    case VIR_CRED_EXTERNAL:
        return CredentialPrompt::Type::External;
    case VIR_CRED_NOECHOPROMPT:
    default:
        return CredentialPrompt::Type::NoEchoPrompt;
    }
}

struct AuthContext {
    CredentialProvider *provider = nullptr;
    QString uri;
    bool cancelled = false;
};

int authCallback(virConnectCredentialPtr creds, unsigned int count, void *opaque) {
    auto *context = static_cast<AuthContext *>(opaque);
    if (!context->provider) {
        context->cancelled = true;
        return -1;
    }
    CredentialRequest request;
    request.uri = context->uri;
    for (unsigned int i = 0; i < count; ++i) {
        CredentialPrompt prompt;
        prompt.type = promptType(creds[i].type);
        prompt.prompt = QString::fromUtf8(creds[i].prompt ? creds[i].prompt : "");
        prompt.challenge = QString::fromUtf8(creds[i].challenge ? creds[i].challenge : "");
        prompt.defaultResult = QString::fromUtf8(creds[i].defresult ? creds[i].defresult : "");
        request.prompts.append(prompt);
    }
    const std::optional<QStringList> answers = context->provider->answer(request);
    if (!answers || answers->size() != int(count)) {
        context->cancelled = true;
        return -1;
    }
    for (unsigned int i = 0; i < count; ++i) {
        const QByteArray utf8 = answers->at(int(i)).toUtf8();
        // libvirt frees result with free(): allocate with malloc.
        auto *copy = static_cast<char *>(malloc(size_t(utf8.size()) + 1));
        if (!copy)
            return -1;
        std::memcpy(copy, utf8.constData(), size_t(utf8.size()) + 1);
        creds[i].result = copy;
        creds[i].resultlen = static_cast<unsigned int>(utf8.size());
    }
    return 0;
}

} // namespace

Result<std::unique_ptr<Connection>> Connection::open(const QString &uri, const OpenOptions &options,
                                                     CredentialProvider *credentials) {
    if (!LibvirtRuntime::isRunning()) {
        return Error::unsupported(QCoreApplication::translate(
            "bs::Connection", "Internal error: libvirt's event loop is not running."));
    }
    int credTypes[] = {VIR_CRED_USERNAME,     VIR_CRED_AUTHNAME,   VIR_CRED_LANGUAGE,
                       VIR_CRED_CNONCE,       VIR_CRED_PASSPHRASE, VIR_CRED_ECHOPROMPT,
                       VIR_CRED_NOECHOPROMPT, VIR_CRED_REALM,      VIR_CRED_EXTERNAL};
    AuthContext context{credentials, uri, false};
    virConnectAuth auth{credTypes, sizeof(credTypes) / sizeof(credTypes[0]), authCallback,
                        &context};

    const QByteArray utf8 = uri.toUtf8();
    const unsigned int flags = options.readOnly ? VIR_CONNECT_RO : 0;
    ConnectHandle handle(virConnectOpenAuth(utf8.constData(), &auth, flags));
    if (!handle) {
        Error error = lastLibvirtError();
        if (context.cancelled) {
            return Error::cancelled(
                QCoreApplication::translate(
                    "bs::Connection", "Connecting to %1 was cancelled: no credentials were given.")
                    .arg(uri));
        }
        return error;
    }

    bool keepAlive = false;
    const int rc = virConnectSetKeepAlive(handle.get(), options.keepAliveInterval,
                                          unsigned(options.keepAliveCount));
    if (rc == 0) {
        keepAlive = true;
    } else if (rc < 0) {
        // Local drivers (test, embed) have no keepalive; that is not an error for us.
        const Error error = lastLibvirtError();
        qCDebug(lcLibvirt) << "keepalive not available on" << uri << error.technicalDetail();
    }
    return std::unique_ptr<Connection>(
        new Connection(std::move(handle), uri, options.readOnly, keepAlive));
}

Connection::Connection(ConnectHandle handle, QString uri, bool readOnly, bool keepAlive)
    : m_handle(std::move(handle))
    , m_uri(std::move(uri))
    , m_readOnly(readOnly)
    , m_keepAlive(keepAlive)
    , m_serial(g_nextSerial++) {}

Connection::~Connection() = default;

bool Connection::isAlive() const {
    const int alive = virConnectIsAlive(m_handle.get());
    if (alive < 0)
        virResetLastError();
    return alive == 1;
}

} // namespace bs
