#include "AgentOptIn.h"

#include "readiness/ReadinessTypes.h"
#include "settings/Preferences.h"

#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

namespace bs::gui {

namespace {

// Lists of URIs rather than one key per URI: a URI's slashes would be taken for groups.
const QString EnabledKey = QStringLiteral("readiness/agentEnabledHosts");
const QString DisabledKey = QStringLiteral("readiness/agentDisabledHosts");
const QString ConfirmedKey = QStringLiteral("readiness/agentConfirmedHosts");

} // namespace

AgentOptIn::AgentOptIn(QSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings) {}

QStringList AgentOptIn::list(const QString &key) const {
    return m_settings.value(key).toStringList();
}

void AgentOptIn::setListed(const QString &key, const QString &hostId, bool listed) {
    QStringList hosts = list(key);
    if (hosts.contains(hostId) == listed)
        return;
    if (listed)
        hosts.append(hostId);
    else
        hosts.removeAll(hostId);
    m_settings.setValue(key, hosts);
}

bool AgentOptIn::isEnabled(const QString &hostId) const {
    if (list(EnabledKey).contains(hostId))
        return true;
    if (list(DisabledKey).contains(hostId))
        return false;
    return Preferences::load(m_settings).agentChecksByDefault;
}

bool AgentOptIn::isConfirmed(const QString &hostId) const {
    return list(ConfirmedKey).contains(hostId);
}

void AgentOptIn::setEnabled(const QString &hostId, bool enabled) {
    const bool before = isEnabled(hostId);
    setListed(EnabledKey, hostId, enabled);
    setListed(DisabledKey, hostId, !enabled);
    if (enabled)
        setListed(ConfirmedKey, hostId, true);
    m_settings.sync();
    if (before != enabled)
        Q_EMIT changed(hostId, enabled);
}

namespace {

bool askWithWarning(QWidget *parent, const QString &question) {
    QMessageBox box(QMessageBox::Warning, AgentOptIn::tr("Use the guest agent?"), question,
                    QMessageBox::Cancel, parent);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(agentTaintWarning());
    QPushButton *yes =
        box.addButton(AgentOptIn::tr("Use the guest agent"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == yes;
}

} // namespace

bool confirmAgentChecks(QWidget *parent, const QString &hostName) {
    return askWithWarning(
        parent, AgentOptIn::tr("Use the guest agent for readiness checks on %1?").arg(hostName));
}

bool confirmAgentChecksByDefault(QWidget *parent) {
    return askWithWarning(parent, AgentOptIn::tr("Use the guest agent for readiness checks on "
                                                 "every host you add from now on?"));
}

} // namespace bs::gui
