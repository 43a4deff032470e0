#include "RangeBar.h"

#include "history/RangePresets.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

namespace bs::gui {

namespace {

const QString EditFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

} // namespace

RangeBar::RangeBar(QWidget *parent)
    : QWidget(parent)
    , m_presets(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_show(new QPushButton(tr("Show"), this))
    , m_resolution(new QLabel(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Range:"), this));
    for (const RangePreset &p : rangePresets())
        m_presets->addItem(p.label(), p.seconds);
    m_presets->addItem(tr("Since recording began"), SinceRecordingBegan);
    m_customIndex = m_presets->count();
    m_presets->addItem(tr("Custom range"), 0);
    m_presets->setToolTip(tr("A range that ends now and follows the newest polls; or a range of "
                             "your own (zooming or dragging the charts makes one)."));
    layout->addWidget(m_presets);
    layout->addSpacing(12);
    layout->addWidget(new QLabel(tr("From"), this));
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(EditFormat);
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::LocalTime);
    }
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to"), this));
    layout->addWidget(m_to);
    m_show->setToolTip(tr("Show the range between these two times."));
    layout->addWidget(m_show);
    layout->addStretch(1);
    m_resolution->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_resolution);

    connect(m_presets, &QComboBox::activated, this, &RangeBar::onPreset);
    connect(m_show, &QPushButton::clicked, this, &RangeBar::onShow);
}

void RangeBar::showRange(qint64 fromMs, qint64 toMs, bool live, qint64 presetSeconds) {
    const QSignalBlocker blockPresets(m_presets);
    int index = m_customIndex;
    if (live) {
        const int found = m_presets->findData(presetSeconds);
        if (found >= 0)
            index = found;
    }
    m_presets->setCurrentIndex(index);
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(fromMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(toMs));
}

void RangeBar::setResolution(const QString &text) {
    m_resolution->setText(text);
}

QString RangeBar::resolution() const {
    return m_resolution->text();
}

void RangeBar::onPreset(int index) {
    const qint64 seconds = m_presets->itemData(index).toLongLong();
    if (seconds > 0 || seconds == SinceRecordingBegan)
        Q_EMIT presetChosen(seconds);
    else
        m_from->setFocus(); // "Custom range": edit the times, then Show
}

void RangeBar::onShow() {
    qint64 from = m_from->dateTime().toMSecsSinceEpoch();
    qint64 to = m_to->dateTime().toMSecsSinceEpoch();
    if (to < from)
        std::swap(from, to);
    if (to == from)
        to = from + 60 * 1000;
    Q_EMIT customChosen(from, to);
}

} // namespace bs::gui
