#include "PreferencesDialog.h"

#include "readiness/AgentOptIn.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

QSpinBox *spin(QWidget *parent, int min, int max, int value, const QString &suffix) {
    auto *box = new QSpinBox(parent);
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}

} // namespace

PreferencesDialog::PreferencesDialog(const Preferences &current, QWidget *parent)
    : QDialog(parent)
    , m_interval(spin(this, 1, 3600, current.pollIntervalSeconds, tr(" s")))
    , m_period(spin(this, 1, 3600, current.defaultStatsPeriod, tr(" s")))
    , m_margin(new QDoubleSpinBox(this))
    , m_raw(spin(this, 1, 365, current.rawRetentionDays, tr(" days")))
    , m_minute(spin(this, 1, 3650, current.minuteRetentionDays, tr(" days")))
    , m_hour(spin(this, 1, 36500, current.hourRetentionDays, tr(" days")))
    , m_unit(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_agent(new QCheckBox(tr("Run guest-agent checks by default on new hosts"), this))
    , m_initialLanguage(current.language)
    , m_confirmAgent(confirmAgentChecksByDefault) {
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);

    auto *monitoring = new QGroupBox(tr("Monitoring"), this);
    auto *mf = new QFormLayout(monitoring);
    m_interval->setToolTip(tr("How often each host is asked for its guests' statistics."));
    mf->addRow(tr("Poll every:"), m_interval);
    m_period->setToolTip(tr("The stats period the stats-period dialog proposes for guests."));
    mf->addRow(tr("Default stats period:"), m_period);
    m_margin->setRange(0, 100);
    m_margin->setDecimals(0);
    m_margin->setSuffix(QStringLiteral(" %"));
    m_margin->setValue(current.usedMarginPercent);
    m_margin->setToolTip(
        tr("Warn when a balloon target leaves less than this much above the guest's used memory."));
    mf->addRow(tr("Balloon target safety margin:"), m_margin);
    m_agent->setChecked(current.agentChecksByDefault);
    m_agent->setToolTip(
        tr("Agent checks send commands to the QEMU guest agent; libvirt then marks the "
           "guest as \"tainted\". They stay off unless you turn them on."));
    mf->addRow(QString(), m_agent);
    // Turning it on is the first opt-in for every new host: same warning as per host.
    connect(m_agent, &QCheckBox::clicked, this, [this](bool on) {
        if (on && !(m_confirmAgent && m_confirmAgent(this)))
            m_agent->setChecked(false);
    });
    layout->addWidget(monitoring);

    auto *history = new QGroupBox(tr("History"), this);
    auto *hf = new QFormLayout(history);
    hf->addRow(tr("Keep raw samples for:"), m_raw);
    hf->addRow(tr("Keep 1-minute summaries for:"), m_minute);
    hf->addRow(tr("Keep 1-hour summaries for:"), m_hour);
    layout->addWidget(history);

    auto *display = new QGroupBox(tr("Display"), this);
    auto *df = new QFormLayout(display);
    m_unit->addItem(tr("Automatic (MiB or GiB)"), int(units::SizeUnit::Auto));
    m_unit->addItem(QStringLiteral("MiB"), int(units::SizeUnit::MiB));
    m_unit->addItem(QStringLiteral("GiB"), int(units::SizeUnit::GiB));
    m_unit->setCurrentIndex(std::max(0, m_unit->findData(int(current.unit))));
    df->addRow(tr("Memory unit:"), m_unit);
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.language)));
    df->addRow(tr("Language:"), m_language);
    auto *restart =
        new QLabel(tr("A new language applies the next time Balloonscope starts."), this);
    restart->setWordWrap(true);
    restart->setVisible(false);
    df->addRow(QString(), restart);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this, restart] {
        restart->setVisible(m_language->currentData().toString() != m_initialLanguage);
    });
    layout->addWidget(display);

    // Coarser tiers keep at least as long as finer ones.
    connect(m_raw, &QSpinBox::valueChanged, this, [this](int days) { m_minute->setMinimum(days); });
    connect(m_minute, &QSpinBox::valueChanged, this,
            [this](int days) { m_hour->setMinimum(days); });
    m_minute->setMinimum(m_raw->value());
    m_hour->setMinimum(m_minute->value());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

Preferences PreferencesDialog::preferences() const {
    Preferences p;
    p.pollIntervalSeconds = m_interval->value();
    p.defaultStatsPeriod = m_period->value();
    p.usedMarginPercent = m_margin->value();
    p.rawRetentionDays = m_raw->value();
    p.minuteRetentionDays = m_minute->value();
    p.hourRetentionDays = m_hour->value();
    p.unit = units::SizeUnit(m_unit->currentData().toInt());
    p.language = m_language->currentData().toString();
    p.agentChecksByDefault = m_agent->isChecked();
    return p.clamped();
}

} // namespace bs::gui
