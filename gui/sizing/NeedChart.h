#pragma once

#include "common/Units.h"
#include "history/SeriesTypes.h"
#include "sizing/GuestAdvice.h"

#include <QWidget>

class QCustomPlot;

namespace bs::gui {

// One guest's need over the sizing window (the highest need per bucket, as recorded: raw polls
// or the roll-ups' maxima) with the lines the advice draws from it: the policy's percentile,
// the recommendation, today's balloon and the maximum memory.
class NeedChart final : public QWidget {
    Q_OBJECT

public:
    explicit NeedChart(QWidget *parent = nullptr);

    void setUnit(units::SizeUnit unit);
    // `need` in KiB (EnvelopePoint max = the bucket's highest need); `percentile` the policy's.
    void show(const QString &title, const QList<EnvelopePoint> &need, const GuestAdvice &advice,
              double percentile, qint64 fromMs, qint64 toMs);
    void clear(const QString &message);
    QCustomPlot *plot() const { return m_plot; }

private:
    void draw();

    QCustomPlot *m_plot;
    units::SizeUnit m_unit = units::SizeUnit::Auto;
    QString m_title;
    QList<EnvelopePoint> m_need;
    GuestAdvice m_advice;
    double m_percentile = 95;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    QString m_message;
};

} // namespace bs::gui
