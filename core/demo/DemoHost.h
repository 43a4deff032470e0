#pragma once

#include "DemoTypes.h"

#include <QObject>

class QThread;

namespace bs {

class DemoWorker;

// A demo host inside the process: libvirt's QEMU driver embedded (qemu:///embed?root=<data
// dir>/demo) running four small TCG guests from scripts/build-guest-images: sawtooth and steady
// (reporting), nodriver (no driver), noperiod (stats off). Where QEMU, the images or the driver
// are missing, it offers test:///default instead and says why.
//
// Monitoring it: open the URI of ready() with a MonitoredHost, as any host. Two connections to
// the same embedded root in one process share one driver (checked: a guest started on one is
// listed on the other), so the monitor's own connection sees the demo's guests, and its events.
// A process can embed one root only: a second DemoHost with another data dir fails to open.
//
// Set-up blocks (the first start in a new directory probes QEMU), so it runs on the demo's own
// thread; progress() and ready() arrive queued on the creating thread. Destruction stops the
// guests (the embedded driver has no autodestroy) and joins the thread. Needs a LibvirtRuntime:
// the embedded driver runs on libvirt's event loop in this process.
class DemoHost final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoHost)

public:
    explicit DemoHost(DemoConfig config = {}, QObject *parent = nullptr);
    ~DemoHost() override;

    void start();

Q_SIGNALS:
    void progress(const bs::DemoProgress &progress);
    void ready(const bs::DemoResult &result);

private:
    QThread *m_thread;
    DemoWorker *m_worker;
};

} // namespace bs
