#pragma once

#include "settings/Preferences.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace bs::gui {

// Edits Preferences: monitoring, history retention, units, language, agent checks.
class PreferencesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(const Preferences &current, QWidget *parent = nullptr);
    Preferences preferences() const;
    QCheckBox *agentCheckBox() const { return m_agent; }
    // Asked when the user turns agent checks on for new hosts (they taint guests); tests pass
    // their own answer.
    void setAgentConfirmation(std::function<bool(QWidget *parent)> confirm) {
        m_confirmAgent = std::move(confirm);
    }

private:
    QSpinBox *m_interval;
    QSpinBox *m_period;
    QDoubleSpinBox *m_margin;
    QSpinBox *m_raw;
    QSpinBox *m_minute;
    QSpinBox *m_hour;
    QComboBox *m_unit;
    QComboBox *m_language;
    QCheckBox *m_agent;
    QString m_initialLanguage;
    std::function<bool(QWidget *parent)> m_confirmAgent;
};

} // namespace bs::gui
