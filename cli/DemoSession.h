#pragma once

#include "InterruptHandler.h"
#include "demo/DemoHost.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

namespace bs::cli {

// --demo: the embedded demo host for the length of one command. Set-up progress goes to stderr;
// destruction stops the demo guests. Ctrl-C and SIGTERM end the command cleanly so that this
// happens (the embedded driver has no autodestroy: a killed CLI would leave QEMUs running until
// the next --demo run finds and stops them).
class DemoSession final {
    Q_DECLARE_TR_FUNCTIONS(DemoSession)

public:
    DemoSession();
    ~DemoSession();
    DemoSession(const DemoSession &) = delete;
    DemoSession &operator=(const DemoSession &) = delete;

    // Blocks until the demo host is up and returns the URI to monitor (test:///default when it
    // fell back, with the reason printed). Empty when interrupted.
    std::optional<QString> start();

private:
    std::unique_ptr<InterruptHandler> m_interrupts;
    std::unique_ptr<DemoHost> m_host;
    bool m_guestsRun = false;
};

} // namespace bs::cli
