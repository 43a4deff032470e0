#pragma once

#include "policy/PolicyReplay.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace bs::gui {

// The Policies page's choices: the stretch of history to replay, which policies, and the
// settings they share (host target as a share of RAM, floor, Balloonscope's headroom).
// changed() after every edit.
class ReplayBar final : public QWidget {
    Q_OBJECT

public:
    explicit ReplayBar(QWidget *parent = nullptr);

    ReplaySettings settings() const;
    void setSettings(const ReplaySettings &settings);
    qint64 rangeSeconds() const;
    void setRangeSeconds(qint64 seconds);

    QComboBox *rangeBox() const { return m_range; }
    QCheckBox *policyBox(PolicyKind kind) const;
    QSpinBox *targetBox() const { return m_target; }
    QSpinBox *floorBox() const { return m_floor; }
    QSpinBox *headroomBox() const { return m_headroom; }

Q_SIGNALS:
    void changed();

private:
    QComboBox *m_range;
    QList<QCheckBox *> m_policies; // allPolicies() order
    QSpinBox *m_target;
    QSpinBox *m_floor;
    QSpinBox *m_headroom;
};

} // namespace bs::gui
