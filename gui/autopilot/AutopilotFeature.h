#pragma once

#include "autopilot/AutopilotEngine.h"
#include "policy/GuestPolicySettings.h"

#include <QHash>
#include <QObject>
#include <QPointer>

namespace bs {
class AutopilotRunner;
class BalloonControls;
class HistoryStore;
} // namespace bs

namespace bs::gui {

class AutopilotPage;
class Workbench;

// The autopilot in the window (issue 15): the "Autopilot" page for the host in focus, one
// AutopilotRunner per host that runs it (off until started; per host), and the guests' opt-in,
// read from and written to their <metadata> on the host's thread, so the recorder and every
// other Balloonscope see the same. Its markers go to the window's history, whose lease also
// decides whether this window or a recorder runs the host's autopilot.
class AutopilotFeature final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AutopilotFeature)

public:
    AutopilotFeature(Workbench *bench, HistoryStore *history);
    ~AutopilotFeature() override;

    AutopilotPage *page() const;
    bool isRunning(const QString &hostId) const;
    void start(const QString &hostId, const AutopilotConfig &config);
    void stop(const QString &hostId, bool giveBack);
    // Reads the host's guests and their settings (guestsRead), writes one guest's (guestWritten).
    void readGuests(const QString &hostId);
    void writeGuest(const QString &hostId, const QString &uuid,
                    const std::optional<GuestPolicySettings> &settings);

Q_SIGNALS:
    void stateChanged(const QString &hostId);
    void guestsRead(const QString &hostId, const bs::GuestPolicyList &guests);
    void guestWritten(const QString &hostId, const QString &uuid, const QString &error);
    void decided(const QString &hostId, const QList<bs::AutopilotAction> &actions, bool dryRun);
    void settingsRead(const QString &hostId, int enabledGuests);

private:
    struct Pilot {
        BalloonControls *controls = nullptr;
        AutopilotRunner *runner = nullptr;
    };
    void updateHost();
    void drop(const QString &hostId);

    Workbench *m_bench;
    QPointer<HistoryStore> m_history;
    QHash<QString, Pilot> m_pilots;
    QPointer<AutopilotPage> m_page;
};

} // namespace bs::gui
