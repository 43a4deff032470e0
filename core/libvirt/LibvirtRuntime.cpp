#include "LibvirtRuntime.h"

#include "common/Logging.h"

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <mutex>

namespace bs {

namespace {

std::atomic_bool g_running{false};

void silentErrorHandler(void *, virErrorPtr error) {
    // Errors are read with virGetLastError by the failing call; this only keeps them off stderr.
    if (error && error->message)
        qCDebug(lcLibvirt) << "libvirt:" << error->message;
}

void wakeUp(int timer, void *) {
    virEventRemoveTimeout(timer);
}

} // namespace

LibvirtRuntime::LibvirtRuntime() {
    static std::once_flag once;
    std::call_once(once, [] {
        virInitialize();
        virSetErrorFunc(nullptr, silentErrorHandler);
        if (virEventRegisterDefaultImpl() < 0)
            qCCritical(lcLibvirt) << "could not register libvirt's event loop";
    });
    m_thread = std::thread([this] { run(); });
    g_running = true;
}

LibvirtRuntime::~LibvirtRuntime() {
    g_running = false;
    m_stop = true;
    // A zero timeout makes virEventRunDefaultImpl return so the loop sees m_stop.
    virEventAddTimeout(0, wakeUp, nullptr, nullptr);
    if (m_thread.joinable())
        m_thread.join();
}

void LibvirtRuntime::prepareProcess() {
    qputenv("QT_NO_GLIB", "1");
    // An embedded QEMU driver (the demo host) logs like a daemon, to our stderr: its warnings
    // ("tainted: high-privileges", xattr timestamps) are not for users, and errors reach us as
    // values. Default level "error" hides them; raised errors are still not logged, since no
    // output is configured. LIBVIRT_DEBUG / LIBVIRT_LOG_OUTPUTS set by the user still win.
    // Read once, by virInitialize in the runtime's constructor.
    if (!qEnvironmentVariableIsSet("LIBVIRT_DEBUG") &&
        !qEnvironmentVariableIsSet("LIBVIRT_LOG_OUTPUTS"))
        qputenv("LIBVIRT_DEBUG", "4");
}

bool LibvirtRuntime::isRunning() {
    return g_running;
}

void LibvirtRuntime::run() {
    while (!m_stop) {
        if (virEventRunDefaultImpl() < 0) {
            qCWarning(lcLibvirt) << "libvirt event loop iteration failed";
            virResetLastError();
        }
    }
}

} // namespace bs
