#pragma once

#include "LocalProcessReader.h"
#include "ProcessFigures.h"
#include "SshProcessReader.h"

#include <memory>

namespace bs {

// A host's source of process figures (VmSwap, PSI), chosen from its URI: this machine's /proc
// for a local QEMU host, SSH for a qemu+ssh host that opted in, nothing elsewhere (with the
// reason in status()). One per host, used on the host's worker thread at every poll.
class ProcessFiguresSource {
public:
    ProcessFiguresSource(const QString &uri, bool sshOptIn);
    ~ProcessFiguresSource();

    // The figures of the running guests it could read, by UUID (lower case); status() says
    // where they came from and what is missing.
    ProcessFiguresMap read(const QStringList &runningUuids);
    const ProcessFiguresStatus &status() const { return m_status; }

private:
    ProcessFiguresStatus m_status;
    std::unique_ptr<process::LocalProcessReader> m_local;
    std::unique_ptr<process::SshProcessReader> m_ssh;
};

} // namespace bs
