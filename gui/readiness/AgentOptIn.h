#pragma once

#include <QObject>

#include <functional>

class QSettings;
class QWidget;

namespace bs::gui {

// Whether readiness checks may use the guest agent on a host, remembered per host URI. Agent
// commands make libvirt mark a guest "tainted" (DOMAIN.md §4), so they are off unless the user
// turned them on for the host, or turned them on for new hosts in the preferences. Turning them
// on for a host the first time needs a confirmation after agentTaintWarning().
class AgentOptIn final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentOptIn)

public:
    explicit AgentOptIn(QSettings &settings, QObject *parent = nullptr);

    bool isEnabled(const QString &hostId) const;
    // The user has confirmed the taint warning for this host before.
    bool isConfirmed(const QString &hostId) const;
    // Enabling marks the host confirmed: call it only after the user confirmed.
    void setEnabled(const QString &hostId, bool enabled);

Q_SIGNALS:
    void changed(const QString &hostId, bool enabled);

private:
    QStringList list(const QString &key) const;
    void setListed(const QString &key, const QString &hostId, bool listed);

    QSettings &m_settings;
};

// Shows agentTaintWarning() and asks whether to go on; true when the user confirms.
using AgentConfirmation = std::function<bool(QWidget *parent, const QString &hostName)>;
bool confirmAgentChecks(QWidget *parent, const QString &hostName);
// The same for the preference "on new hosts".
bool confirmAgentChecksByDefault(QWidget *parent);

} // namespace bs::gui
