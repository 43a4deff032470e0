#include "HostText.h"

#include "common/Units.h"

#include <QCoreApplication>
#include <QDateTime>

namespace bs::cli {

namespace {

class HostText {
    Q_DECLARE_TR_FUNCTIONS(HostText)

public:
    HostText(QTextStream &stream, const HostOverview &overview)
        : m_out(stream)
        , m_o(overview) {}

    void print(const QList<Advice> &advice);

private:
    void line(const QString &label, const QString &value) {
        m_out << QStringLiteral("  %1  %2").arg(label, -24).arg(value) << Qt::endl;
    }
    QString kib(const std::optional<quint64> &v) const;
    QString ratio(const std::optional<double> &v) const;
    // Prints "not available ..." and returns false when the group is missing.
    bool available(HostFigure figure);
    void memory();
    void guests();
    void ksm();
    void hugePages();

    QTextStream &m_out;
    const HostOverview &m_o;
    QLocale m_locale;
};

QString HostText::kib(const std::optional<quint64> &v) const {
    if (!v)
        return QStringLiteral("-");
    return QStringLiteral("%1 KiB (%2)").arg(*v).arg(units::formatKiB(*v, m_locale));
}

QString HostText::ratio(const std::optional<double> &v) const {
    return v ? tr("%1× the host").arg(m_locale.toString(*v, 'f', 2)) : QStringLiteral("-");
}

bool HostText::available(HostFigure figure) {
    const FigureStatus &s = m_o.status(figure);
    if (s.isAvailable())
        return true;
    QString text = availabilityText(s.availability);
    if (!s.detail.isEmpty())
        text += QStringLiteral(" (%1)").arg(s.detail);
    m_out << QStringLiteral("  %1").arg(text) << Qt::endl;
    return false;
}

void HostText::memory() {
    m_out << tr("Memory (virsh nodememstats)") << Qt::endl;
    if (available(HostFigure::NodeMemory)) {
        line(tr("total"), kib(m_o.memory.total));
        line(tr("free"), kib(m_o.memory.free));
        line(tr("buffers"), kib(m_o.memory.buffers));
        line(tr("cached"), kib(m_o.memory.cached));
    }
    m_out << tr("Node (virsh nodeinfo)") << Qt::endl;
    if (available(HostFigure::NodeInfo) && m_o.info) {
        line(tr("memory size"), kib(m_o.info->memory));
        line(tr("CPUs, NUMA cells"), QStringLiteral("%1, %2 (%3)")
                                         .arg(m_o.info->cpus)
                                         .arg(m_o.info->nodes)
                                         .arg(m_o.info->model));
    }
}

void HostText::guests() {
    const OvercommitFigures &f = m_o.overcommit;
    m_out << tr("Guests against the host (%1 running of %2; host total %3)")
                 .arg(f.guestsActive)
                 .arg(f.guestsDefined)
                 .arg(f.hostTotal ? units::formatKiB(*f.hostTotal, m_locale) : tr("unknown"))
          << Qt::endl;
    line(tr("sum of maximum"), QStringLiteral("%1, %2").arg(kib(f.maximum), ratio(f.maximumRatio)));
    line(tr("sum of actual"), QStringLiteral("%1, %2").arg(kib(f.actual), ratio(f.actualRatio)));
    line(tr("sum of used"), tr("%1 (%2 of %3 guests report)")
                                .arg(kib(f.used))
                                .arg(f.guestsReporting)
                                .arg(f.guestsActive));
    if (f.usedPercentOfGuests)
        line(tr("used of their memory"),
             QStringLiteral("%1 %").arg(m_locale.toString(*f.usedPercentOfGuests, 'f', 1)));
    line(tr("all defined, maximum"),
         QStringLiteral("%1, %2").arg(kib(f.definedMaximum), ratio(f.definedMaximumRatio)));
}

void HostText::ksm() {
    m_out << tr("KSM (virsh node-memory-tune)") << Qt::endl;
    if (!available(HostFigure::Ksm))
        return;
    const KsmParameters &k = m_o.ksm;
    const KsmFigures &f = m_o.ksmFigures;
    const auto v = [](const std::optional<quint64> &x) {
        return x ? QString::number(*x) : QStringLiteral("-");
    };
    line(QStringLiteral("shm_pages_shared"), v(k.pagesShared));
    line(QStringLiteral("shm_pages_sharing"), v(k.pagesSharing));
    line(QStringLiteral("shm_pages_unshared"), v(k.pagesUnshared));
    line(QStringLiteral("shm_pages_volatile"), v(k.pagesVolatile));
    line(QStringLiteral("shm_full_scans"), v(k.fullScans));
    line(QStringLiteral("shm_pages_to_scan"), v(k.pagesToScan));
    line(QStringLiteral("shm_sleep_millisecs"), v(k.sleepMillisecs));
    line(QStringLiteral("shm_merge_across_nodes"),
         k.mergeAcrossNodes ? QString::number(int(*k.mergeAcrossNodes)) : QStringLiteral("-"));
    line(tr("saved"), f.saved ? tr("%1 KiB (%2 MiB)")
                                    .arg(*f.saved)
                                    .arg(m_locale.toString(double(*f.saved) / 1024.0, 'f', 1))
                              : QStringLiteral("-"));
    line(tr("sharing ratio"),
         f.sharingRatio ? m_locale.toString(*f.sharingRatio, 'f', 2) : QStringLiteral("-"));
    line(tr("scan rate"),
         f.scanPagesPerSecond
             ? tr("%1 pages/s").arg(m_locale.toString(*f.scanPagesPerSecond, 'f', 0))
             : QStringLiteral("-"));
    line(tr("ksmd"), ksmActivityName(f.activity));
    line(tr("page size"), m_o.pageSize ? QStringLiteral("%1 KiB (%2)")
                                             .arg(*m_o.pageSize)
                                             .arg(pageSizeSourceKey(m_o.pageSizeSource))
                                       : tr("unknown"));
}

void HostText::hugePages() {
    m_out << tr("Huge pages (virsh capabilities, virsh freepages)") << Qt::endl;
    const bool topology = available(HostFigure::Topology);
    if (topology && m_o.hugePagePools.isEmpty())
        line(tr("pools"), tr("none"));
    if (topology && !m_o.hugePagePools.isEmpty() && available(HostFigure::FreeHugePages)) {
        for (const HugePagePool &p : m_o.hugePagePools) {
            const auto v = [](const std::optional<quint64> &x) {
                return x ? QString::number(*x) : QStringLiteral("-");
            };
            line(tr("cell %1, %2 KiB pages").arg(p.cell).arg(p.pageSize),
                 tr("%1 total, %2 free%3")
                     .arg(v(p.total), v(p.free),
                          p.consistent() ? QString() : tr(" (more free than total)")));
        }
    }
    if (!available(HostFigure::GuestBacking))
        return;
    QStringList backed;
    for (const GuestBacking &g : m_o.hugePageGuests())
        backed.append(g.active ? g.name : tr("%1 (shut off)").arg(g.name));
    line(tr("guests on huge pages"),
         backed.isEmpty() ? tr("none") : backed.join(QStringLiteral(", ")));
}

void HostText::print(const QList<Advice> &advice) {
    m_out << tr("Host %1 at %2")
                 .arg(m_o.hostId, QDateTime::fromMSecsSinceEpoch(m_o.timeMs).toString(Qt::ISODate))
          << Qt::endl;
    memory();
    guests();
    ksm();
    hugePages();
    m_out << tr("Advice") << Qt::endl;
    if (advice.isEmpty())
        m_out << QStringLiteral("  %1").arg(tr("nothing to point out")) << Qt::endl;
    for (const Advice &a : advice)
        m_out << QStringLiteral("  %1 %2: %3")
                     .arg(adviceSeverityKey(a.severity), -4)
                     .arg(a.ruleId, a.text)
              << Qt::endl;
    m_out << Qt::flush;
}

} // namespace

void printHostText(QTextStream &stream, const HostOverview &overview, const QList<Advice> &advice) {
    HostText(stream, overview).print(advice);
}

} // namespace bs::cli
