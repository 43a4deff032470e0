#pragma once

#include "history/SeriesTypes.h"

#include <QColor>
#include <QImage>
#include <QList>
#include <qcustomplot.h>

namespace bs::gui {

// The min–max bands of a chart's envelope series, drawn as PulseView draws its envelopes: each
// point's [min, max] over its bucket's width is merged into one vertical span per pixel column,
// every band is composited into one image, and the image is drawn once. The cost follows the
// pixels covered, not the number of points or series; a polygon fill of a jagged band (what
// QCPGraph's channel fill draws) costs 10–50 times more in Qt's raster engine. Points that stand
// for a single poll have no spread and add nothing; gaps add nothing.
class EnvelopeBands final : public QCPAbstractPlottable {
public:
    EnvelopeBands(QCPAxis *keyAxis, QCPAxis *valueAxis);

    // Band `index` (created as needed): keys in seconds, values divided by `divisor` (the axis'
    // unit), each point `bucketSeconds` wide. An invisible band is kept but not drawn.
    void setBand(int index, const QList<EnvelopePoint> &points, double divisor,
                 double bucketSeconds, const QColor &color, bool visible);
    void setBandCount(int count);
    bool bandShown(int index) const;

    double selectTest(const QPointF &pos, bool onlySelectable,
                      QVariant *details = nullptr) const override;
    QCPRange getKeyRange(bool &foundRange, QCP::SignDomain inSignDomain) const override;
    QCPRange getValueRange(bool &foundRange, QCP::SignDomain inSignDomain,
                           const QCPRange &inKeyRange) const override;

protected:
    void draw(QCPPainter *painter) override;
    void drawLegendIcon(QCPPainter *painter, const QRectF &rect) const override;

private:
    struct Span {
        double from; // key, seconds
        double to;
        double low; // value, axis unit
        double high;
    };
    struct Band {
        QList<Span> spans; // in key order
        QRgb color = 0;    // premultiplied
        bool visible = true;
    };
    void composite(const Band &band, const QRect &area, qreal dpr);

    QList<Band> m_bands;
    QImage m_image;      // reused between replots
    QList<int> m_top;    // per column, scratch
    QList<int> m_bottom; //
    int m_dirtyTop = 0;  // rows written at the last draw (cleared at the next)
    int m_dirtyBottom = -1;
};

} // namespace bs::gui
