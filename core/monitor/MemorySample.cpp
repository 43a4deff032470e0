#include "MemorySample.h"

#include "libvirt/ConnectionEvents.h"

namespace bs {

QString LifecycleEvent::description() const {
    return describeLifecycleEvent(event, detail);
}

} // namespace bs
