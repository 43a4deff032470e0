#pragma once

#include <QColor>
#include <QWidget>

namespace bs::gui {

// A horizontal bar of stacked segments (used, buffers/cache, free; or guest sums against the
// host) with a legend-free look: each segment's label is drawn in it when it fits, and the
// tooltip lists them all.
class MemoryBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryBar)

public:
    struct Segment {
        QString label;
        double value = 0;
        QColor color;
    };

    explicit MemoryBar(QWidget *parent = nullptr);

    // `total` is the bar's full width; segments beyond it are clipped (a marker shows the
    // excess). An empty list shows "not available".
    void setSegments(const QList<Segment> &segments, double total, const QString &emptyText = {});
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<Segment> m_segments;
    double m_total = 0;
    QString m_emptyText;
};

} // namespace bs::gui
