#pragma once

#include "libvirt/CredentialProvider.h"

namespace bs::cli {

// Answers libvirt's prompts on the terminal (secrets without echo). Without a terminal on
// stdin it declines, so cron jobs fail fast with exit code 3 instead of hanging.
class TerminalCredentials final : public CredentialProvider {
public:
    std::optional<QStringList> answer(const CredentialRequest &request) override;
};

} // namespace bs::cli
