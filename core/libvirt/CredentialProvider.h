#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

// One question libvirt's auth callback asks (one virConnectCredential).
struct CredentialPrompt {
    enum class Type {
        Username,
        AuthName,
        Language,
        CNonce,
        Passphrase,
        EchoPrompt,
        NoEchoPrompt,
        Realm,
        External
    };
    Type type = Type::Username;
    QString prompt;        // libvirt's prompt text
    QString challenge;     // extra context (e.g. a host key fingerprint), may be empty
    QString defaultResult; // libvirt's suggestion, may be empty

    // Whether the answer must be hidden while typed and never logged.
    bool isSecret() const { return type == Type::Passphrase || type == Type::NoEchoPrompt; }
};

struct CredentialRequest {
    QString uri; // redacted URI of the host asking
    QList<CredentialPrompt> prompts;
};

// Answers libvirt's questions while a connection opens. Called on the worker thread that opens
// the connection; an implementation may block it (the GUI one waits for a dialog on the GUI
// thread). Returning nullopt means the user declined: the open fails with "cancelled".
class CredentialProvider {
public:
    virtual ~CredentialProvider() = default;
    virtual std::optional<QStringList> answer(const CredentialRequest &request) = 0;
};

// A provider that answers nothing: for read-only tools and tests where prompting is wrong.
class NoCredentials final : public CredentialProvider {
public:
    std::optional<QStringList> answer(const CredentialRequest &) override { return std::nullopt; }
};

} // namespace bs

Q_DECLARE_METATYPE(bs::CredentialRequest)
