#include "StatsPeriodModel.h"

#include "PlanText.h"
#include "balloon/StatsPeriodSetting.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

namespace bs::gui {

namespace {

QString modelText(const BalloonConfig &config) {
    switch (config.model) {
    case BalloonModel::Unknown:
        return QStringLiteral("—");
    case BalloonModel::Absent:
        return StatsPeriodModel::tr("no <memballoon>");
    default:
        break;
    }
    return config.modelName;
}

QString periodText(const BalloonConfig &config) {
    if (!canReport(config.model))
        return QStringLiteral("—"); // no virtio balloon: the Balloon column says why
    return describePeriod(config.period);
}

QIcon standardIcon(QStyle::StandardPixmap pixmap) {
    return QApplication::style()->standardIcon(pixmap);
}

} // namespace

StatsPeriodModel::StatsPeriodModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int StatsPeriodModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int StatsPeriodModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StatsPeriodModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Guest:
        return tr("Guest");
    case State:
        return tr("State");
    case Balloon:
        return tr("Balloon model");
    case LivePeriod:
        return tr("Live period");
    case PersistentPeriod:
        return tr("Persistent period");
    case Plan:
        return tr("What applying does");
    case Result:
        return tr("Result");
    case Stats:
        return tr("Stats after applying");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant StatsPeriodModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case Qt::ToolTipRole: {
        const QString tip = tooltip(r, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::DecorationRole:
        if (index.column() == Plan && !r.plan.refusals.isEmpty())
            return standardIcon(r.plan.hasWork() ? QStyle::SP_MessageBoxWarning
                                                 : QStyle::SP_MessageBoxCritical);
        if (index.column() == Result && r.phase == Phase::Done && r.result)
            return standardIcon(r.result->ok() ? QStyle::SP_DialogApplyButton
                                : r.result->outcome == GuestOutcome::Partial
                                    ? QStyle::SP_MessageBoxWarning
                                    : QStyle::SP_MessageBoxCritical);
        if (index.column() == Result && r.phase == Phase::Lost)
            return standardIcon(QStyle::SP_MessageBoxWarning);
        if (index.column() == Stats && r.flow && r.flow->final)
            return standardIcon(r.flow->kind == StatsFlowVerdict::Kind::Flowing
                                    ? QStyle::SP_DialogApplyButton
                                    : QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignLeft | Qt::AlignTop);
    case UuidRole:
        return r.info.uuid;
    case OutcomeKeyRole:
        switch (r.phase) {
        case Phase::Idle:
            return QString();
        case Phase::Queued:
            return QStringLiteral("queued");
        case Phase::Applying:
            return QStringLiteral("applying");
        case Phase::Lost:
            return QStringLiteral("unknown");
        case Phase::Done:
            break;
        }
        return r.result ? guestOutcomeKey(r.result->outcome) : QString();
    case FlowKindRole:
        return r.flow ? int(r.flow->kind) : -1;
    default:
        return {};
    }
}

QVariant StatsPeriodModel::display(const Row &r, int column) const {
    const GuestBalloonInfo &g = r.info;
    switch (Column(column)) {
    case Guest:
        return g.name.isEmpty() ? g.uuid : g.name;
    case State:
        if (g.error)
            return g.error->kind == Error::Kind::NotFound ? tr("gone") : tr("cannot be read");
        return PlanText::cell(
            {domainStateName(g.state), g.persistent ? tr("persistent") : tr("transient")});
    case Balloon: {
        if (g.error)
            return QStringLiteral("—");
        const BalloonConfig &shown = g.isActive() ? g.liveBalloon : g.persistentBalloon;
        if (g.isActive() && g.persistent && g.persistentBalloon.model != BalloonModel::Unknown &&
            g.persistentBalloon.model != g.liveBalloon.model)
            return tr("%1 (next start: %2)")
                .arg(modelText(g.liveBalloon), modelText(g.persistentBalloon));
        return modelText(shown);
    }
    case LivePeriod:
        return g.isActive() && !g.error ? periodText(g.liveBalloon) : QStringLiteral("—");
    case PersistentPeriod:
        return g.persistent && !g.error ? periodText(g.persistentBalloon) : QStringLiteral("—");
    case Plan:
        return PlanText::cell(PlanText::planLines(r.plan, r.skipped));
    case Result:
        switch (r.phase) {
        case Phase::Idle:
            return QString();
        case Phase::Queued:
            return tr("waiting");
        case Phase::Applying:
            return tr("applying…");
        case Phase::Lost:
            return tr("unknown: %1").arg(r.lostReason);
        case Phase::Done:
            break;
        }
        return r.result ? PlanText::cell(PlanText::resultLines(*r.result)) : QString();
    case Stats:
        return r.flow ? PlanText::flowLine(*r.flow) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QString StatsPeriodModel::tooltip(const Row &r, int column) const {
    switch (Column(column)) {
    case Guest:
        return r.info.uuid;
    case State:
        return r.info.error ? r.info.error->message : QString();
    case LivePeriod:
        return r.info.isActive() ? QString() : tr("Not running: there is no live configuration.");
    case PersistentPeriod:
        return r.info.persistent ? QString()
                                 : tr("Transient: there is no persistent configuration.");
    case Result:
        return r.phase == Phase::Done && r.result ? r.result->details() : QString();
    default:
        return {};
    }
}

void StatsPeriodModel::setGuests(const QList<GuestBalloonInfo> &guests) {
    QHash<QString, Row> old;
    for (const Row &r : std::as_const(m_rows))
        old.insert(r.info.uuid, r);
    beginResetModel();
    m_rows.clear();
    for (const GuestBalloonInfo &g : guests) {
        Row r = old.value(g.uuid);
        const QString knownName = r.info.name;
        r.info = g;
        if (g.error && g.name == g.uuid && !knownName.isEmpty())
            r.info.name = knownName; // a guest that is gone keeps the name it had
        r.plan = GuestPlan{};
        r.skipped.clear();
        m_rows.append(r);
    }
    endResetModel();
}

void StatsPeriodModel::setPlan(int row, const GuestPlan &plan, const QString &skipped) {
    if (row < 0 || row >= m_rows.size())
        return;
    m_rows[row].plan = plan;
    m_rows[row].skipped = skipped;
    changed(row, Plan, Plan);
}

int StatsPeriodModel::rowOf(const QString &uuid) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).info.uuid == uuid)
            return i;
    }
    return -1;
}

void StatsPeriodModel::setPhase(const QString &uuid, Phase phase) {
    const int row = rowOf(uuid);
    if (row < 0)
        return;
    m_rows[row].phase = phase;
    if (phase == Phase::Queued || phase == Phase::Applying) {
        m_rows[row].result.reset();
        m_rows[row].flow.reset();
    }
    changed(row, Result, Stats);
}

void StatsPeriodModel::setResult(const GuestApplyResult &result) {
    const int row = rowOf(result.uuid);
    if (row < 0)
        return;
    m_rows[row].phase = Phase::Done;
    m_rows[row].result = result;
    changed(row, Result, Result);
}

void StatsPeriodModel::markUnfinishedLost(const QString &reason) {
    for (int row = 0; row < m_rows.size(); ++row) {
        Row &r = m_rows[row];
        if (r.phase == Phase::Queued || r.phase == Phase::Applying) {
            r.phase = Phase::Lost;
            r.lostReason = reason;
            changed(row, Result, Result);
        }
    }
}

void StatsPeriodModel::setFlow(const StatsFlowVerdict &verdict) {
    const int row = rowOf(verdict.uuid);
    if (row < 0)
        return;
    m_rows[row].flow = verdict;
    changed(row, Stats, Stats);
}

QList<GuestPlan> StatsPeriodModel::plans() const {
    QList<GuestPlan> out;
    out.reserve(m_rows.size());
    for (const Row &r : m_rows)
        out.append(r.plan);
    return out;
}

void StatsPeriodModel::changed(int row, int firstColumn, int lastColumn) {
    Q_EMIT dataChanged(index(row, firstColumn), index(row, lastColumn));
}

} // namespace bs::gui
