#include "NodeMemory.h"

namespace bs {

std::optional<quint64> NodeMemory::freeWithCaches() const {
    if (!free)
        return std::nullopt;
    return *free + buffers.value_or(0) + cached.value_or(0);
}

NodeMemory nodeMemoryFromStats(const QList<std::pair<QString, quint64>> &fields) {
    NodeMemory memory;
    for (const auto &[field, value] : fields) {
        if (field == u"total")
            memory.total = value;
        else if (field == u"free")
            memory.free = value;
        else if (field == u"buffers")
            memory.buffers = value;
        else if (field == u"cached")
            memory.cached = value;
    }
    return memory;
}

} // namespace bs
