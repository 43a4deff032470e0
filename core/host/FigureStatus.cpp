#include "FigureStatus.h"

#include <QCoreApplication>

namespace bs {

QString hostFigureKey(HostFigure figure) {
    switch (figure) {
    case HostFigure::NodeMemory:
        return QStringLiteral("node_memory");
    case HostFigure::NodeInfo:
        return QStringLiteral("node_info");
    case HostFigure::Ksm:
        return QStringLiteral("ksm");
    case HostFigure::Topology:
        return QStringLiteral("topology");
    case HostFigure::FreeHugePages:
        return QStringLiteral("free_huge_pages");
    case HostFigure::GuestBacking:
        return QStringLiteral("guest_backing");
    }
    return {};
}

QString availabilityKey(Availability value) {
    switch (value) {
    case Availability::NotRead:
        return QStringLiteral("not_read");
    case Availability::Available:
        return QStringLiteral("available");
    case Availability::Unsupported:
        return QStringLiteral("unsupported");
    case Availability::Denied:
        return QStringLiteral("denied");
    case Availability::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString availabilityText(Availability value) {
    switch (value) {
    case Availability::NotRead:
        return QCoreApplication::translate("bs::FigureStatus", "not read yet");
    case Availability::Available:
        return QCoreApplication::translate("bs::FigureStatus", "available");
    case Availability::Unsupported:
        return QCoreApplication::translate("bs::FigureStatus", "not available on this host");
    case Availability::Denied:
        return QCoreApplication::translate("bs::FigureStatus",
                                           "not available on this connection (permission)");
    case Availability::Failed:
        return QCoreApplication::translate("bs::FigureStatus", "could not be read this time");
    }
    return {};
}

} // namespace bs
