#include "SizingTableModel.h"

#include <QBrush>
#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace bs::gui {

SizingTableModel::SizingTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void SizingTableModel::setAdvice(const QList<GuestAdvice> &advice) {
    beginResetModel();
    m_advice = advice;
    endResetModel();
}

void SizingTableModel::setUnit(units::SizeUnit unit) {
    if (unit == m_unit)
        return;
    m_unit = unit;
    if (!m_advice.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const GuestAdvice *SizingTableModel::adviceFor(const QString &uuid) const {
    for (const GuestAdvice &a : m_advice) {
        if (a.uuid == uuid)
            return &a;
    }
    return nullptr;
}

int SizingTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_advice.size());
}

int SizingTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString SizingTableModel::size(std::optional<qint64> kib) const {
    return kib ? units::formatKiB(quint64(qMax<qint64>(0, *kib)), QLocale(), m_unit)
               : QStringLiteral("–");
}

QStringList SizingTableModel::notes(const GuestAdvice &a) {
    QStringList out;
    const QLocale locale;
    if (a.status != AdviceStatus::Advised)
        out.append(adviceReason(a));
    if (a.vetoed) {
        out.append(
            tr("Not below today's balloon: it swapped in %1 and had %2 major faults in "
               "the window.")
                .arg(units::formatKiB(quint64(a.swapInKiB)), locale.toString(a.majorFaults)));
        for (const PressureEvidence &e : a.evidence) {
            out.append(tr("%1: swap-in %2, %3 major faults")
                           .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(e.toMs),
                                                QLocale::ShortFormat),
                                units::formatKiB(quint64(e.swapInKiB)),
                                locale.toString(e.majorFaults)));
        }
    }
    if (a.shortKiB > 0) {
        out.append(tr("Short by %1: the recommendation is above the maximum memory; raise the "
                      "maximum at the next boot.")
                       .arg(units::formatKiB(quint64(a.shortKiB))));
    }
    if (a.cacheCounted) {
        out.append(tr("Cache counted as used: the guest does not report usable memory, so need "
                      "= available − unused (an over-estimate)."));
    }
    if (a.status == AdviceStatus::Advised && !a.running)
        out.append(tr("Not running now: the advice is for its next boot."));
    return out;
}

QVariant SizingTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_advice.size())
        return {};
    const GuestAdvice &a = m_advice.at(index.row());
    const bool advised = a.status == AdviceStatus::Advised;
    if (role == UuidRole)
        return a.uuid;
    if (role == SortRole) {
        switch (index.column()) {
        case Guest:
            return a.name.toLower();
        case Maximum:
            return double(a.maximumKiB.value_or(-1));
        case Actual:
            return double(a.actualKiB.value_or(-1));
        case NeedP50:
            return double(a.needP50.value_or(-1));
        case NeedP95:
            return double(a.needP95.value_or(-1));
        case NeedP99:
            return double(a.needP99.value_or(-1));
        case Recommended:
            return double(a.recommendedKiB.value_or(-1));
        case Reclaimable:
            return double(advised ? a.reclaimableKiB : -1);
        case Confidence:
            return a.coverage.share + int(a.confidence);
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole) {
        const bool number = index.column() >= Maximum && index.column() <= Reclaimable;
        return QVariant::fromValue(Qt::AlignVCenter | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines{a.name.isEmpty() ? a.uuid : a.name};
        if (advised) {
            QStringList tiers;
            for (Tier t : a.tiers)
                tiers.append(tierSourceName(t));
            lines.append(
                tr("Need from %1: %2 readings.")
                    .arg(tiers.join(QStringLiteral(", ")), QLocale().toString(a.needPoints)));
            lines.append(tr("Floor: %1.").arg(units::formatKiB(quint64(a.floorKiB))));
            lines.append(tr("Reported for %1 days of the window.")
                             .arg(QLocale().toString(a.coverage.daysCovered, 'g', 2)));
        }
        lines.append(notes(a));
        return lines.join(QLatin1Char('\n'));
    }
    if (role == Qt::ForegroundRole) {
        if (!advised && index.column() != Guest)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if (index.column() == Notes && (a.shortKiB > 0 || a.vetoed))
            return QBrush(QColor(0xb0, 0x60, 0x00));
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Guest:
        return a.name.isEmpty() ? a.uuid : a.name;
    case Maximum:
        return size(a.maximumKiB);
    case Actual:
        return size(a.actualKiB);
    case NeedP50:
        return size(a.needP50);
    case NeedP95:
        return size(a.needP95);
    case NeedP99:
        return size(a.needP99);
    case Recommended:
        return size(a.recommendedKiB);
    case Reclaimable:
        return advised ? size(a.reclaimableKiB) : QStringLiteral("–");
    case Confidence:
        if (!advised)
            return confidenceName(Confidence::None);
        // "High (97 %)"; a sliver of the window with two significant digits ("Low (0.012 %)").
        return tr("%1 (%2 %)")
            .arg(confidenceName(a.confidence),
                 a.coverage.share >= 0.1 ? QLocale().toString(a.coverage.share * 100, 'f', 0)
                                         : QLocale().toString(a.coverage.share * 100, 'g', 2));
    case Notes: {
        const QStringList n = notes(a);
        return n.isEmpty() ? QString()
                           : n.first() + (n.size() > 1 ? QStringLiteral(" …") : QString());
    }
    default:
        return {};
    }
}

QVariant SizingTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case NeedP50:
        case NeedP95:
        case NeedP99:
            return tr("Need = available − usable: what the guest could not give back without "
                      "swapping. On Windows the BalloonService's figures: standby memory counts "
                      "as free, part of the file cache as usable.");
        case Recommended:
            return tr("The policy's percentile of the need plus its headroom, plus what the "
                      "guest's kernel holds outside the memory it reports (balloon − "
                      "available), at least the floor, rounded up to whole MiB.");
        case Reclaimable:
            return tr("Balloon size now minus the recommendation, when positive.");
        case Confidence:
            return tr("Share of the window in which the guest reported.");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Guest:
        return tr("Guest");
    case Maximum:
        return tr("Maximum");
    case Actual:
        return tr("Actual");
    case NeedP50:
        return tr("Need P50");
    case NeedP95:
        return tr("P95");
    case NeedP99:
        return tr("P99");
    case Recommended:
        return tr("Recommended");
    case Reclaimable:
        return tr("Reclaimable");
    case Confidence:
        return tr("Confidence");
    case Notes:
        return tr("Notes");
    default:
        return {};
    }
}

} // namespace bs::gui
