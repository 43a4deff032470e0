#pragma once

#include <atomic>
#include <thread>

namespace bs {

// libvirt's process-wide set-up, owned by main() (and by each test's initTestCase): the default
// event loop implementation, registered before any connection opens and run on its own thread so
// keepalive and domain events work while worker threads block in calls; and an error handler
// that keeps libvirt from printing every error to stderr (errors are read as values instead).
//
// libvirt allows registering its event implementation once per process; creating a second
// runtime after the first is destroyed restarts only the thread.
class LibvirtRuntime final {
public:
    LibvirtRuntime();
    ~LibvirtRuntime();
    LibvirtRuntime(const LibvirtRuntime &) = delete;
    LibvirtRuntime &operator=(const LibvirtRuntime &) = delete;

    // Whether a runtime is up: Connection::open refuses to run without one.
    static bool isRunning();

    // Call first thing in main(), before the Q*Application exists. libvirt's event loop runs on
    // glib's default context; Qt's glib dispatcher would take that same context on the main
    // thread, so libvirt's events would run on the GUI thread and its own thread would starve.
    // Qt's plain UNIX dispatcher leaves glib to libvirt.
    static void prepareProcess();

private:
    void run();

    std::atomic_bool m_stop{false};
    std::thread m_thread;
};

} // namespace bs
