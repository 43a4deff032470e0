#include "GuestPicker.h"

#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPixmap>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

constexpr int UuidRole = Qt::UserRole + 1;

QIcon swatch(const QColor &color) {
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    if (color.isValid()) {
        QPainter painter(&pixmap);
        painter.fillRect(QRect(1, 1, 10, 10), color);
    }
    return QIcon(pixmap);
}

} // namespace

GuestPicker::GuestPicker(QWidget *parent)
    : QWidget(parent)
    , m_view(new QListView(this))
    , m_model(new QStandardItemModel(this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Guests to compare"), this);
    layout->addWidget(title);
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformItemSizes(true);
    m_view->setToolTip(tr("Tick the guests to chart together; the guest table's selection "
                          "picks them too."));
    layout->addWidget(m_view, 1);
    connect(m_model, &QStandardItemModel::itemChanged, this, &GuestPicker::onItemChanged);
}

void GuestPicker::setGuests(const QList<GuestInfo> &guests) {
    m_updating = true;
    QHash<QString, QString> names;
    for (const GuestInfo &g : guests)
        names.insert(g.uuid, g.name);
    // A name that two guests share (a guest re-created under its old name) gets its UUID.
    QHash<QString, int> nameCount;
    for (const GuestInfo &g : guests)
        ++nameCount[g.name];
    for (auto it = m_items.begin(); it != m_items.end();) {
        if (names.contains(it.key())) {
            ++it;
            continue;
        }
        m_checked.removeAll(it.key());
        m_model->removeRow(it.value()->row());
        it = m_items.erase(it);
    }
    for (const GuestInfo &g : guests) {
        QStandardItem *item = m_items.value(g.uuid);
        if (!item) {
            item = new QStandardItem;
            item->setCheckable(true);
            item->setCheckState(Qt::Unchecked);
            item->setData(g.uuid, UuidRole);
            m_model->appendRow(item);
            m_items.insert(g.uuid, item);
        }
        const QString name = g.name.isEmpty() ? g.uuid : g.name;
        item->setText(nameCount.value(g.name) > 1
                          ? QStringLiteral("%1 (%2…)").arg(name, g.uuid.left(8))
                          : name);
        item->setToolTip(tr("%1\nUUID %2").arg(name, g.uuid));
    }
    m_model->sort(0);
    m_updating = false;
    applyWanted();
}

void GuestPicker::setChecked(const QStringList &uuids) {
    if (uuids == m_checked && m_wanted.isEmpty())
        return;
    m_wanted = uuids;
    m_updating = true;
    for (QStandardItem *item : std::as_const(m_items))
        item->setCheckState(Qt::Unchecked);
    m_checked.clear();
    m_updating = false;
    applyWanted();
    Q_EMIT checkedChanged(m_checked);
}

void GuestPicker::applyWanted() {
    bool changed = false;
    m_updating = true;
    for (auto it = m_wanted.begin(); it != m_wanted.end();) {
        if (QStandardItem *item = m_items.value(*it)) {
            item->setCheckState(Qt::Checked);
            if (!m_checked.contains(*it))
                m_checked.append(*it);
            it = m_wanted.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    m_updating = false;
    if (changed)
        Q_EMIT checkedChanged(m_checked);
}

void GuestPicker::onItemChanged(QStandardItem *item) {
    if (m_updating)
        return;
    const QString uuid = item->data(UuidRole).toString();
    if (item->checkState() == Qt::Checked && !m_checked.contains(uuid))
        m_checked.append(uuid);
    else if (item->checkState() != Qt::Checked && !m_checked.removeAll(uuid))
        return;
    m_wanted.removeAll(uuid);
    Q_EMIT checkedChanged(m_checked);
}

QStringList GuestPicker::checkedUuids() const {
    return m_checked;
}

QString GuestPicker::nameOf(const QString &uuid) const {
    const QStandardItem *item = m_items.value(uuid);
    return item ? item->text() : uuid;
}

void GuestPicker::setColors(const QHash<QString, QColor> &colors) {
    m_updating = true;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        it.value()->setIcon(swatch(colors.value(it.key())));
    m_updating = false;
}

int GuestPicker::guestCount() const {
    return m_model->rowCount();
}

} // namespace bs::gui
