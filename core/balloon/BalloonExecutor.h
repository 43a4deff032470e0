#pragma once

#include "BalloonChangeEvent.h"
#include "BalloonResult.h"

#include <libvirt/libvirt.h>

#include <functional>

namespace bs {

class Connection;

// Applies plans with libvirt, one guest at a time, on the host's worker thread (blocking calls).
//
// Live and persistent changes are separate calls, never AFFECT_LIVE|AFFECT_CONFIG together: the
// test driver refuses the pair outright, and QEMU applies the live half before the config half,
// so a failure of the second would come back as one error with the first half silently done.
// Separate calls report each half on its own.
//
// Each step is checked afterwards where libvirt can show it (the period in the live or inactive
// XML, the model after a define, <currentMemory>), so "done" means seen, not just accepted. A
// guest that disappears stops its remaining steps ("not attempted: the guest no longer
// exists"); nothing done is ever left out of the result.
class BalloonExecutor {
public:
    using ChangeSink = std::function<void(const BalloonChangeEvent &)>;
    using StepHook = std::function<void(const GuestPlan &, int step)>;

    explicit BalloonExecutor(const Connection &connection);

    // Applies `plan`; `onChange` hears of every change libvirt made (for the event markers).
    GuestApplyResult apply(const GuestPlan &plan, const ChangeSink &onChange = {}) const;

    // Test seam: runs before each step, e.g. to make the guest vanish mid-apply.
    void setBeforeStep(StepHook hook) { m_beforeStep = std::move(hook); }

private:
    Status run(virDomainPtr domain, const BalloonStep &step, QString &note) const;
    Status setPeriod(virDomainPtr domain, const BalloonStep &step) const;
    Status defineBalloon(virDomainPtr domain, const BalloonStep &step) const;
    Status setTarget(virDomainPtr domain, const BalloonStep &step) const;

    const Connection &m_connection;
    StepHook m_beforeStep;
};

// libvirt's error for a balloon change, as a sentence a user can act on (the read-only case, the
// guest gone, the driver unable), with libvirt's own words kept as detail.
Error explainLibvirtFailure(Error error);

} // namespace bs
