#pragma once

#include "sizing/SizingPolicy.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;
class QLabel;

namespace bs::gui {

// The Sizing page's policy: a preset (Conservative, Balanced, Aggressive) or a custom
// percentile, headroom and window; the default floor. policyChanged after every edit.
class PolicyBar final : public QWidget {
    Q_OBJECT

public:
    explicit PolicyBar(QWidget *parent = nullptr);

    SizingPolicy policy() const { return m_policy; }
    void setPolicy(const SizingPolicy &policy);

    QComboBox *presetBox() const { return m_preset; }
    QDoubleSpinBox *percentileBox() const { return m_percentile; }
    QSpinBox *headroomBox() const { return m_headroom; }
    QSpinBox *windowBox() const { return m_window; }
    QSpinBox *floorBox() const { return m_floor; }

Q_SIGNALS:
    void policyChanged(const bs::SizingPolicy &policy);

private:
    void onPreset();
    void onCustomEdit();
    void show(const SizingPolicy &policy);

    SizingPolicy m_policy;
    QComboBox *m_preset;
    QDoubleSpinBox *m_percentile;
    QSpinBox *m_headroom;
    QSpinBox *m_window;
    QSpinBox *m_floor;
    bool m_showing = false;
};

} // namespace bs::gui
