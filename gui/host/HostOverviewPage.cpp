#include "HostOverviewPage.h"

#include "HostOverviewHub.h"
#include "MemoryBar.h"
#include "common/Units.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

QString kib(const std::optional<quint64> &v) {
    return v ? units::formatKiB(*v) : QString();
}

QString ratio(const std::optional<double> &v) {
    return v ? QStringLiteral("%1×").arg(QLocale().toString(*v, 'f', 2)) : QString();
}

QString percent(const std::optional<double> &v) {
    return v ? QStringLiteral("%1 %").arg(QLocale().toString(*v, 'f', 1)) : QString();
}

QString count(const std::optional<quint64> &v) {
    return v ? QLocale().toString(qulonglong(*v)) : QString();
}

const QColor UsedColor(0x15, 0x65, 0xc0);
const QColor CacheColor(0x90, 0xca, 0xf9);
const QColor FreeColor(0xc8, 0xe6, 0xc9);
const QColor MaximumColor(0xff, 0xb7, 0x4d);
const QColor ActualColor(0xef, 0x6c, 0x00);
const QColor GuestUsedColor(0x6a, 0x1b, 0x9a);

} // namespace

HostOverviewPage::HostOverviewPage(HostOverviewHub *hub, QWidget *parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_memoryBar(new MemoryBar(this))
    , m_memoryForm(new QFormLayout)
    , m_maximumBar(new MemoryBar(this))
    , m_actualBar(new MemoryBar(this))
    , m_guestForm(new QFormLayout)
    , m_ksmForm(new QFormLayout)
    , m_hugePages(new QTableWidget(this))
    , m_hugeGuests(new QLabel(this))
    , m_adviceLayout(new QVBoxLayout) {
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);
    m_subtitle->setWordWrap(true);
    layout->addWidget(m_subtitle);

    auto *advice = new QGroupBox(tr("Advice"), content);
    advice->setLayout(m_adviceLayout);
    layout->addWidget(advice);

    auto *memory = new QGroupBox(tr("Host memory"), content);
    auto *ml = new QVBoxLayout(memory);
    ml->addWidget(m_memoryBar);
    ml->addLayout(m_memoryForm);
    layout->addWidget(memory);

    auto *guests = new QGroupBox(tr("Guests against the host (overcommit)"), content);
    auto *gl = new QVBoxLayout(guests);
    gl->addWidget(new QLabel(tr("Guests' maximum memory:"), guests));
    gl->addWidget(m_maximumBar);
    gl->addWidget(new QLabel(tr("Guests' current allocation (actual) and what they use:"), guests));
    gl->addWidget(m_actualBar);
    gl->addLayout(m_guestForm);
    layout->addWidget(guests);

    auto *ksm = new QGroupBox(tr("KSM (kernel same-page merging)"), content);
    ksm->setLayout(m_ksmForm);
    layout->addWidget(ksm);

    auto *huge = new QGroupBox(tr("Huge pages"), content);
    auto *hl = new QVBoxLayout(huge);
    m_hugePages->setColumnCount(5);
    m_hugePages->setHorizontalHeaderLabels(
        {tr("NUMA cell"), tr("Page size"), tr("Total"), tr("Free"), tr("Used")});
    m_hugePages->verticalHeader()->hide();
    m_hugePages->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_hugePages->horizontalHeader()->setStretchLastSection(true);
    m_hugePages->setMaximumHeight(160);
    hl->addWidget(m_hugePages);
    m_hugeGuests->setWordWrap(true);
    hl->addWidget(m_hugeGuests);
    layout->addWidget(huge);
    layout->addStretch(1);

    // Every poll brings new figures; a hidden page builds them only when it is shown.
    connect(hub, &HostOverviewHub::overviewChanged, this, [this](const QString &hostId) {
        if (hostId != m_hostId)
            return;
        if (isVisible())
            refresh();
        else
            m_stale = true;
    });
    refresh();
}

void HostOverviewPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void HostOverviewPage::setHost(const QString &hostId, const QString &displayName) {
    m_hostId = hostId;
    m_displayName = displayName;
    refresh();
}

void HostOverviewPage::setRow(QFormLayout *form, const QString &key, const QString &label,
                              const QString &value, const QString &tooltip) {
    QLabel *field = m_values.value(key);
    if (!field) {
        field = new QLabel(this);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label, field);
        m_values.insert(key, field);
    }
    const bool missing = value.isEmpty();
    field->setText(missing ? tr("not available") : value);
    field->setEnabled(!missing);
    field->setToolTip(tooltip);
}

QString HostOverviewPage::figureText(const QString &key) const {
    const QLabel *label = m_values.value(key);
    return label ? label->text() : QString();
}

void HostOverviewPage::refresh() {
    m_stale = false;
    const HostOverview *o = m_hostId.isEmpty() ? nullptr : m_hub->overview(m_hostId);
    m_title->setText(m_hostId.isEmpty() ? tr("No host selected") : m_displayName);
    if (!o) {
        m_subtitle->setText(m_hostId.isEmpty() ? tr("Select a host on the left.")
                                               : tr("Waiting for the host's figures…"));
        return;
    }
    m_subtitle->setText(
        tr("%1 · updated %2")
            .arg(m_hostId, QLocale().toString(QDateTime::fromMSecsSinceEpoch(o->timeMs).time(),
                                              QLocale::ShortFormat)));
    showAdvice(m_hub->advice(m_hostId));
    showMemory(*o);
    showGuests(*o);
    showKsm(*o);
    showHugePages(*o);
}

void HostOverviewPage::showMemory(const HostOverview &o) {
    const FigureStatus &status = o.status(HostFigure::NodeMemory);
    const QString why = status.isAvailable() ? QString() : availabilityText(status.availability);
    const NodeMemory &m = o.memory;
    if (m.total && m.free) {
        const quint64 caches = m.buffers.value_or(0) + m.cached.value_or(0);
        const quint64 used = *m.total > *m.free + caches ? *m.total - *m.free - caches : 0;
        m_memoryBar->setSegments(
            {{tr("used %1").arg(units::formatKiB(used)), double(used), UsedColor},
             {tr("buffers/cache %1").arg(units::formatKiB(caches)), double(caches), CacheColor},
             {tr("free %1").arg(units::formatKiB(*m.free)), double(*m.free), FreeColor}},
            double(*m.total));
    } else {
        m_memoryBar->setSegments({}, 0, why);
    }
    const QString tip = status.detail;
    setRow(m_memoryForm, QStringLiteral("total"), tr("Total:"),
           kib(m.total.has_value() ? m.total : o.hostTotal()), tip);
    setRow(m_memoryForm, QStringLiteral("free"), tr("Free:"), kib(m.free), tip);
    setRow(m_memoryForm, QStringLiteral("buffers"), tr("Buffers:"), kib(m.buffers), tip);
    setRow(m_memoryForm, QStringLiteral("cached"), tr("Cached:"), kib(m.cached), tip);
    setRow(m_memoryForm, QStringLiteral("freeWithCaches"), tr("Free incl. buffers and cache:"),
           kib(m.freeWithCaches()), tip);
    if (!status.isAvailable())
        m_values.value(QStringLiteral("free"))->setText(why);
}

void HostOverviewPage::showGuests(const HostOverview &o) {
    const OvercommitFigures &c = o.overcommit;
    const double total = double(o.hostTotal().value_or(0));
    if (total > 0 && c.maximum) {
        m_maximumBar->setSegments({{tr("Σ maximum %1 (%2 of the host)")
                                        .arg(units::formatKiB(*c.maximum), ratio(c.maximumRatio)),
                                    double(*c.maximum), MaximumColor}},
                                  total);
    } else {
        m_maximumBar->setSegments({}, 0, tr("not available"));
    }
    if (total > 0 && c.actual) {
        QList<MemoryBar::Segment> segments;
        const quint64 used = c.used.value_or(0);
        if (used > 0 && used <= *c.actual) {
            segments.append(
                {tr("Σ used %1").arg(units::formatKiB(used)), double(used), GuestUsedColor});
            segments.append({tr("Σ actual %1").arg(units::formatKiB(*c.actual)),
                             double(*c.actual - used), ActualColor});
        } else {
            segments.append({tr("Σ actual %1").arg(units::formatKiB(*c.actual)), double(*c.actual),
                             ActualColor});
        }
        m_actualBar->setSegments(segments, total);
    } else {
        m_actualBar->setSegments({}, 0, tr("not available"));
    }
    setRow(m_guestForm, QStringLiteral("maximum"), tr("Σ maximum (running guests):"),
           c.maximum
               ? tr("%1 = %2 of the host").arg(units::formatKiB(*c.maximum), ratio(c.maximumRatio))
               : QString());
    setRow(m_guestForm, QStringLiteral("definedMaximum"), tr("Σ maximum (all defined guests):"),
           c.definedMaximum
               ? tr("%1 = %2 of the host")
                     .arg(units::formatKiB(*c.definedMaximum), ratio(c.definedMaximumRatio))
               : QString());
    setRow(m_guestForm, QStringLiteral("actual"), tr("Σ actual:"),
           c.actual
               ? tr("%1 = %2 of the host").arg(units::formatKiB(*c.actual), ratio(c.actualRatio))
               : QString());
    setRow(m_guestForm, QStringLiteral("used"), tr("Σ used (reporting guests):"),
           c.used ? tr("%1 = %2 of the host, %3 of what those guests have")
                        .arg(units::formatKiB(*c.used), percent(c.usedPercentOfHost),
                             percent(c.usedPercentOfGuests))
                  : QString(),
           tr("Only guests whose balloon driver reports count here."));
}

void HostOverviewPage::showKsm(const HostOverview &o) {
    const FigureStatus &status = o.status(HostFigure::Ksm);
    const KsmParameters &k = o.ksm;
    const KsmFigures &f = o.ksmFigures;
    const QString tip = status.isAvailable() ? QString()
                                             : availabilityText(status.availability) +
                                                   QLatin1Char('\n') + status.detail;
    setRow(m_ksmForm, QStringLiteral("ksmActivity"), tr("State:"),
           status.isAvailable() ? ksmActivityName(f.activity)
                                : availabilityText(status.availability),
           tip);
    setRow(m_ksmForm, QStringLiteral("ksmSaved"), tr("Memory saved:"),
           f.saved
               ? tr("%1 (%2 pages sharing)").arg(units::formatKiB(*f.saved), count(k.pagesSharing))
               : QString(),
           tip);
    setRow(m_ksmForm, QStringLiteral("ksmRatio"), tr("Sharing ratio:"),
           f.sharingRatio
               ? tr("%1 mappings per shared page").arg(QLocale().toString(*f.sharingRatio, 'f', 1))
               : QString(),
           tip);
    setRow(m_ksmForm, QStringLiteral("ksmShared"), tr("Pages shared / unshared / volatile:"),
           k.pagesShared
               ? QStringLiteral("%1 / %2 / %3")
                     .arg(count(k.pagesShared), count(k.pagesUnshared), count(k.pagesVolatile))
               : QString(),
           tip);
    setRow(m_ksmForm, QStringLiteral("ksmScans"), tr("Full scans:"), count(k.fullScans), tip);
    setRow(m_ksmForm, QStringLiteral("ksmRate"), tr("Scan rate:"),
           k.pagesToScan && k.sleepMillisecs
               ? tr("%1 pages every %2 ms").arg(count(k.pagesToScan), count(k.sleepMillisecs))
               : QString(),
           tip);
}

void HostOverviewPage::showHugePages(const HostOverview &o) {
    m_hugePages->setRowCount(0);
    for (const HugePagePool &pool : o.hugePagePools) {
        const int row = m_hugePages->rowCount();
        m_hugePages->insertRow(row);
        m_hugePages->setItem(row, 0, new QTableWidgetItem(QString::number(pool.cell)));
        m_hugePages->setItem(row, 1, new QTableWidgetItem(pageSizeText(pool.pageSize)));
        m_hugePages->setItem(row, 2, new QTableWidgetItem(count(pool.total)));
        m_hugePages->setItem(row, 3, new QTableWidgetItem(count(pool.free)));
        m_hugePages->setItem(
            row, 4,
            new QTableWidgetItem(pool.consistent() ? count(pool.used()) : tr("inconsistent")));
    }
    const auto guests = o.hugePageGuests();
    QStringList names;
    for (const GuestBacking &g : guests)
        names.append(g.name);
    const FigureStatus &status = o.status(HostFigure::FreeHugePages);
    QString text =
        guests.isEmpty()
            ? tr("No guest is backed by huge pages.")
            : tr("Guests backed by huge pages: %1").arg(names.join(QStringLiteral(", ")));
    if (!status.isAvailable())
        text += QLatin1Char(' ') +
                tr("Free huge pages: %1.").arg(availabilityText(status.availability));
    m_hugeGuests->setText(text);
}

void HostOverviewPage::showAdvice(const QList<Advice> &advice) {
    while (QLayoutItem *item = m_adviceLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (advice.isEmpty()) {
        m_adviceLayout->addWidget(new QLabel(tr("Nothing to point out."), this));
        return;
    }
    for (const Advice &a : advice) {
        auto *row = new QLabel(this);
        row->setWordWrap(true);
        row->setTextFormat(Qt::RichText);
        const QString icon =
            a.severity == AdviceSeverity::Warn ? QStringLiteral("⚠") : QStringLiteral("ℹ");
        QString html = QStringLiteral("%1 %2").arg(icon, a.text.toHtmlEscaped());
        if (!a.guestUuids.isEmpty())
            html +=
                QStringLiteral(" <a href=\"readiness\">%1</a>").arg(tr("Check their readiness…"));
        row->setText(html);
        row->setProperty("adviceText", a.text);
        const QStringList uuids = a.guestUuids;
        connect(row, &QLabel::linkActivated, this,
                [this, uuids] { Q_EMIT readinessRequested(m_hostId, uuids); });
        m_adviceLayout->addWidget(row);
    }
}

QStringList HostOverviewPage::adviceTexts() const {
    QStringList out;
    for (int i = 0; i < m_adviceLayout->count(); ++i) {
        if (auto *label = qobject_cast<QLabel *>(m_adviceLayout->itemAt(i)->widget()))
            out.append(label->property("adviceText").toString());
    }
    return out;
}

} // namespace bs::gui
