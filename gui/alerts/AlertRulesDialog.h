#pragma once

#include "health/HealthThresholds.h"

#include <QDialog>

#include <array>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace bs::gui {

// Alerts → Rules…: each health rule on or off, with its levels in the same words as
// `balloonscope-cli check --rule` (WARN:CRIT, "-" for none; the host floor as SIZE/PCT%; swap-in
// with @SECONDS; severities as note, warning or critical). A level that does not read keeps the
// dialog open and says why.
class AlertRulesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertRulesDialog)

public:
    explicit AlertRulesDialog(const HealthThresholds &thresholds, QWidget *parent = nullptr);

    HealthThresholds thresholds() const { return m_result; }

    // For tests: the row of one rule.
    QCheckBox *enabledBox(HealthRule rule) const { return m_rows[size_t(rule)].enabled; }
    QLineEdit *levelsEdit(HealthRule rule) const { return m_rows[size_t(rule)].levels; }
    QString error() const;
    void accept() override;

private:
    void show(const HealthThresholds &thresholds);

    struct Row {
        QCheckBox *enabled = nullptr;
        QLineEdit *levels = nullptr;
    };
    std::array<Row, HealthRuleCount> m_rows{};
    QLabel *m_error;
    HealthThresholds m_result;
};

} // namespace bs::gui
