#include "WhatIfPanel.h"

#include "common/Units.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

QString sizeText(qint64 kib) {
    return units::formatKiB(quint64(qMax<qint64>(0, kib)));
}

QString hour(qint64 ms) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

WhatIfPanel::WhatIfPanel(QWidget *parent)
    : QGroupBox(tr("What still fits on this host"), parent)
    , m_size(new QDoubleSpinBox(this))
    , m_ksm(new QCheckBox(tr("Count KSM's savings"), this))
    , m_host(new QLabel(this))
    , m_answer(new QLabel(this)) {
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Can I start a guest of"), this));
    m_size->setRange(0, 4096);
    m_size->setDecimals(1);
    m_size->setSingleStep(0.5);
    m_size->setValue(2);
    m_size->setSuffix(QStringLiteral(" GiB"));
    row->addWidget(m_size);
    row->addWidget(new QLabel(tr("?"), this));
    row->addSpacing(12);
    m_ksm->setToolTip(tr("KSM's savings come and go with the guests' pages: they are shown "
                         "beside the figures and only taken off the demand when ticked."));
    row->addWidget(m_ksm);
    row->addStretch(1);
    layout->addLayout(row);
    for (QLabel *l : {m_host, m_answer}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(l);
    }
    QFont bold = m_answer->font();
    bold.setBold(true);
    m_answer->setFont(bold);
    connect(m_size, &QDoubleSpinBox::valueChanged, this, &WhatIfPanel::requestChanged);
    connect(m_ksm, &QCheckBox::toggled, this, &WhatIfPanel::requestChanged);
    clear();
}

WhatIfRequest WhatIfPanel::request() const {
    WhatIfRequest r;
    r.newGuestKiB = qint64(m_size->value() * double(units::KiBPerGiB));
    r.countKsm = m_ksm->isChecked();
    return r;
}

void WhatIfPanel::clear() {
    m_host->setText(tr("No advice yet."));
    m_answer->clear();
}

void WhatIfPanel::show(const HostAdvice &advice) {
    const HostWhatIf &w = advice.whatIf;
    if (!w.known) {
        m_host->setText(tr("The host's memory size is not in the history yet: no what-if."));
        m_answer->clear();
        return;
    }
    QString host =
        tr("Host memory %1, %2 kept free for the host: %3 for guests. Worst hour as "
           "the guests are: %4 (%5); with every recommendation applied: %6 (%7). "
           "Reclaimable in all: %8.")
            .arg(sizeText(w.hostTotalKiB), sizeText(w.reserveKiB), sizeText(w.capacityKiB),
                 sizeText(w.peakTodayKiB), hour(w.peakTodayHourMs), sizeText(w.peakKiB),
                 hour(w.peakHourMs), sizeText(advice.reclaimableKiB));
    if (w.ksmSavedKiB) {
        host += QLatin1Char(' ') + (w.ksmCounted ? tr("KSM saved %1 in that hour (counted).")
                                                 : tr("KSM saved %1 in that hour (not counted)."))
                                       .arg(sizeText(*w.ksmSavedKiB));
    }
    m_host->setText(host);
    QStringList names;
    for (const QString &uuid : w.mustApply) {
        for (const GuestAdvice &g : advice.guests) {
            if (g.uuid == uuid)
                names.append(g.name.isEmpty() ? g.uuid : g.name);
        }
    }
    if (w.fitsToday) {
        m_answer->setText(
            tr("Yes: a guest of %1 fits as the guests are, with %2 to spare in the "
               "worst hour (%3).")
                .arg(sizeText(w.newGuestKiB), sizeText(w.marginKiB), hour(w.worstHourMs)));
    } else if (w.fits) {
        m_answer->setText(
            tr("Yes, once these recommendations are applied: %1. %2 to spare in "
               "the worst hour (%3).")
                .arg(names.join(QStringLiteral(", ")), sizeText(w.marginKiB), hour(w.worstHourMs)));
    } else {
        m_answer->setText(
            tr("No: even with every recommendation applied, a guest of %1 is %2 "
               "short in the worst hour (%3).")
                .arg(sizeText(w.newGuestKiB), sizeText(-w.marginKiB), hour(w.worstHourMs)));
    }
}

} // namespace bs::gui
