#include "PeriodChooser.h"

#include "InlineMessage.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace bs::gui {

PeriodChooser::PeriodChooser(QWidget *parent)
    : QWidget(parent)
    , m_every(new QRadioButton(tr("&Every"), this))
    , m_seconds(new QLineEdit(this))
    , m_off(new QRadioButton(tr("O&ff: stop the statistics"), this))
    , m_message(new InlineMessage(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    auto *group = new QButtonGroup(this);
    group->addButton(m_every);
    group->addButton(m_off);
    m_every->setObjectName(QStringLiteral("periodEvery"));
    m_off->setObjectName(QStringLiteral("periodOff"));
    m_seconds->setObjectName(QStringLiteral("periodSeconds"));
    row->addWidget(m_every);
    // Wide enough for "3600" and a little more, so a longer mistake stays readable.
    m_seconds->setMaximumWidth(m_seconds->fontMetrics().horizontalAdvance(u'0') * 10);
    m_seconds->setToolTip(tr("Seconds between two reports of the guest's balloon driver, 1 to "
                             "3600. Short periods show changes sooner and cost the guest a "
                             "little more."));
    row->addWidget(m_seconds);
    auto *unit = new QLabel(tr("seconds (1–3600)"), this);
    unit->setBuddy(m_seconds);
    row->addWidget(unit);
    row->addSpacing(24);
    m_off->setToolTip(tr("Removes the stats period: the guest stops reporting its memory use "
                         "and Balloonscope only sees the host's figures."));
    row->addWidget(m_off);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addWidget(m_message);

    m_every->setChecked(true);
    m_seconds->setText(QString::number(StatsPeriodSetting::Default));
    connect(m_seconds, &QLineEdit::textEdited, this, [this] {
        m_every->setChecked(true); // typing a period means "every"
        revalidate();
    });
    connect(m_every, &QRadioButton::toggled, this, &PeriodChooser::revalidate);
    connect(m_off, &QRadioButton::toggled, this, [this](bool on) {
        m_seconds->setEnabled(!on);
        revalidate();
    });
    revalidate();
}

void PeriodChooser::setSeconds(int seconds) {
    m_seconds->setText(QString::number(seconds));
    m_every->setChecked(true);
    revalidate();
}

void PeriodChooser::revalidate() {
    m_setting.reset();
    m_error.clear();
    if (m_off->isChecked()) {
        m_setting = StatsPeriodSetting::off();
    } else if (const auto parsed = StatsPeriodSetting::parse(m_seconds->text())) {
        if (parsed->isOff())
            m_error = tr("To turn the statistics off, choose \"Off\".");
        else
            m_setting = *parsed;
    } else {
        m_error = parsed.error().message;
    }
    m_message->setMessage(InlineMessage::Kind::Error, m_error);
    Q_EMIT changed();
}

} // namespace bs::gui
