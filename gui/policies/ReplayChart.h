#pragma once

#include "common/Units.h"
#include "policy/PolicyReplay.h"

#include <QWidget>

class QCustomPlot;

namespace bs::gui {

// A replay drawn: either one guest (its recorded need, highest per bucket, and recorded
// balloon, against the balloon each policy would have set; squeezes shaded) or the host (its
// recorded free memory against what each policy would have left it).
class ReplayChart final : public QWidget {
    Q_OBJECT

public:
    explicit ReplayChart(QWidget *parent = nullptr);

    void setUnit(units::SizeUnit unit);
    void showGuest(const ReplayInput &input, const QList<PolicyReplay> &runs, const QString &uuid);
    void showHost(const ReplayInput &input, const QList<PolicyReplay> &runs);
    void clear(const QString &message);
    QCustomPlot *plot() const { return m_plot; }
    int lineCount() const; // graphs drawn (tests)

private:
    void draw();

    QCustomPlot *m_plot;
    units::SizeUnit m_unit = units::SizeUnit::Auto;
    ReplayInput m_input;
    QList<PolicyReplay> m_runs;
    QString m_uuid; // empty: the host
    QString m_message;
};

} // namespace bs::gui
