#include "AlertRulesDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bs::gui {

AlertRulesDialog::AlertRulesDialog(const HealthThresholds &thresholds, QWidget *parent)
    : QDialog(parent)
    , m_error(new QLabel(this))
    , m_result(thresholds) {
    setWindowTitle(tr("Alert rules"));
    auto *intro = new QLabel(
        tr("Each rule with its levels, as WARNING:CRITICAL (\"-\" for none). Sizes take K, M or "
           "G; the host's floor is SIZE/PERCENT%, the larger of the two; swap-in is KiB/s with "
           "@SECONDS it must last. The same words as balloonscope-cli check --rule."),
        this);
    intro->setWordWrap(true);
    auto *grid = new QGridLayout;
    const HealthThresholds defaults;
    for (int i = 0; i < HealthRuleCount; ++i) {
        const auto rule = HealthRule(i);
        Row &row = m_rows[size_t(i)];
        row.enabled = new QCheckBox(healthRuleTitle(rule), this);
        row.levels = new QLineEdit(this);
        row.levels->setObjectName(healthRuleKey(rule));
        auto *hint = new QLabel(tr("default: %1").arg(defaults.describe(rule)), this);
        hint->setWordWrap(true);
        hint->setForegroundRole(QPalette::PlaceholderText);
        connect(row.enabled, &QCheckBox::toggled, row.levels, &QWidget::setEnabled);
        grid->addWidget(row.enabled, i, 0);
        grid->addWidget(row.levels, i, 1);
        grid->addWidget(hint, i, 2);
    }
    grid->setColumnStretch(2, 1);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(highlight);"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AlertRulesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { show(HealthThresholds{}); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    show(thresholds);
}

void AlertRulesDialog::show(const HealthThresholds &thresholds) {
    for (int i = 0; i < HealthRuleCount; ++i) {
        const auto rule = HealthRule(i);
        Row &row = m_rows[size_t(i)];
        row.enabled->setChecked(thresholds.isEnabled(rule));
        HealthThresholds on = thresholds;
        on.enabled[size_t(i)] = true; // the levels a rule that is off would come back with
        row.levels->setText(on.specValue(rule));
        row.levels->setEnabled(thresholds.isEnabled(rule));
    }
    m_error->hide();
}

QString AlertRulesDialog::error() const {
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

void AlertRulesDialog::accept() {
    HealthThresholds t;
    QStringList errors;
    for (int i = 0; i < HealthRuleCount; ++i) {
        const auto rule = HealthRule(i);
        const Row &row = m_rows[size_t(i)];
        const QString key = healthRuleKey(rule);
        QString e = t.apply(key + QLatin1Char('=') + row.levels->text().trimmed());
        if (!e.isEmpty()) {
            errors << QStringLiteral("%1: %2").arg(healthRuleTitle(rule), e);
            continue;
        }
        if (!row.enabled->isChecked())
            t.enabled[size_t(i)] = false;
    }
    if (!errors.isEmpty()) {
        m_error->setText(errors.join(QLatin1Char('\n')));
        m_error->show();
        return;
    }
    m_error->clear();
    m_error->hide();
    m_result = t;
    QDialog::accept();
}

} // namespace bs::gui
