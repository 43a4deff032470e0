#pragma once

#include "host/Advice.h"
#include "host/HostOverview.h"

#include <QHash>
#include <QObject>

namespace bs {
class HostOverviewFeed;
}

namespace bs::gui {

class HostRegistry;

// One HostOverviewFeed per watched host, created and dropped with the host; keeps the latest
// overview and advice of each for the host page, and passes host samples on (history).
class HostOverviewHub final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostOverviewHub)

public:
    explicit HostOverviewHub(HostRegistry *registry, QObject *parent = nullptr);
    ~HostOverviewHub() override;

    const HostOverview *overview(const QString &hostId) const;
    // The host's feed (the autopilot pairs its polls with the host's figures); null when the
    // host is not watched. Deleted with the host (hostAboutToBeRemoved).
    HostOverviewFeed *feed(const QString &hostId) const;
    QList<Advice> advice(const QString &hostId) const;

Q_SIGNALS:
    void overviewChanged(const QString &hostId);
    void sampleReady(const bs::HostSample &sample);

private:
    void attach(const QString &hostId);
    void detach(const QString &hostId);

    struct Entry {
        HostOverviewFeed *feed = nullptr;
        std::optional<HostOverview> overview;
        QList<Advice> advice;
    };
    HostRegistry *m_registry;
    QHash<QString, Entry> m_entries;
};

} // namespace bs::gui
