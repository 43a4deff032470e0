#pragma once

#include "settings/Preferences.h"

#include <QDialog>

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
};

} // namespace bs::gui
