#include "EnvelopeBands.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace bs::gui {

namespace {

// Source-over of a premultiplied colour onto a premultiplied pixel.
inline QRgb over(QRgb src, QRgb dst) {
    const uint inverse = 255 - qAlpha(src);
    const auto channel = [&](uint s, uint d) {
        return s + (d * inverse + 127) / 255;
    };
    return qRgba(int(channel(uint(qRed(src)), uint(qRed(dst)))),
                 int(channel(uint(qGreen(src)), uint(qGreen(dst)))),
                 int(channel(uint(qBlue(src)), uint(qBlue(dst)))),
                 int(channel(uint(qAlpha(src)), uint(qAlpha(dst)))));
}

} // namespace

EnvelopeBands::EnvelopeBands(QCPAxis *keyAxis, QCPAxis *valueAxis)
    : QCPAbstractPlottable(keyAxis, valueAxis) {
    setSelectable(QCP::stNone);
}

void EnvelopeBands::setBandCount(int count) {
    m_bands.resize(count);
}

void EnvelopeBands::setBand(int index, const QList<EnvelopePoint> &points, double divisor,
                            double bucketSeconds, const QColor &color, bool visible) {
    if (index >= m_bands.size())
        m_bands.resize(index + 1);
    Band &band = m_bands[index];
    band.spans.clear();
    band.color = qPremultiply(color.rgba());
    band.visible = visible;
    const double half = std::max(bucketSeconds, 1.0) / 2;
    for (const EnvelopePoint &p : points) {
        if (p.isGap() || p.samples <= 1)
            continue;
        const double key = double(p.timeMs) / 1000.0;
        band.spans.append(Span{key - half, key + half, p.min / divisor, p.max / divisor});
    }
}

bool EnvelopeBands::bandShown(int index) const {
    return index >= 0 && index < m_bands.size() && m_bands[index].visible &&
           !m_bands[index].spans.isEmpty();
}

double EnvelopeBands::selectTest(const QPointF &, bool, QVariant *) const {
    return -1; // never selected: the lines above are what the user points at
}

QCPRange EnvelopeBands::getKeyRange(bool &foundRange, QCP::SignDomain) const {
    QCPRange range;
    foundRange = false;
    for (const Band &b : m_bands) {
        if (b.spans.isEmpty())
            continue;
        const QCPRange r(b.spans.constFirst().from, b.spans.constLast().to);
        range = foundRange
                    ? QCPRange(std::min(range.lower, r.lower), std::max(range.upper, r.upper))
                    : r;
        foundRange = true;
    }
    return range;
}

QCPRange EnvelopeBands::getValueRange(bool &foundRange, QCP::SignDomain,
                                      const QCPRange &inKeyRange) const {
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    const bool anyKey = inKeyRange == QCPRange();
    for (const Band &b : m_bands) {
        for (const Span &s : b.spans) {
            if (!anyKey && (s.to < inKeyRange.lower || s.from > inKeyRange.upper))
                continue;
            low = std::min(low, s.low);
            high = std::max(high, s.high);
        }
    }
    foundRange = low <= high;
    return foundRange ? QCPRange(low, high) : QCPRange();
}

void EnvelopeBands::composite(const Band &band, const QRect &area, qreal dpr) {
    const int width = m_image.width();
    const int height = m_image.height();
    int *top = m_top.data();
    int *bottom = m_bottom.data();
    std::fill(top, top + width, std::numeric_limits<int>::max());
    std::fill(bottom, bottom + width, -1);
    const QCPRange keys = mKeyAxis->range();
    int first = width;
    int last = -1;
    for (const Span &s : band.spans) {
        if (s.to < keys.lower || s.from > keys.upper)
            continue;
        const double x0 = (mKeyAxis->coordToPixel(s.from) - area.left()) * dpr;
        const double x1 = (mKeyAxis->coordToPixel(s.to) - area.left()) * dpr;
        const double y0 = (mValueAxis->coordToPixel(s.high) - area.top()) * dpr;
        const double y1 = (mValueAxis->coordToPixel(s.low) - area.top()) * dpr;
        const int left = std::clamp(int(std::floor(std::min(x0, x1))), 0, width - 1);
        const int right = std::clamp(int(std::ceil(std::max(x0, x1))) - 1, left, width - 1);
        const int high = std::clamp(int(std::floor(std::min(y0, y1))), 0, height - 1);
        const int low = std::clamp(int(std::ceil(std::max(y0, y1))), high, height - 1);
        for (int x = left; x <= right; ++x) {
            top[x] = std::min(top[x], high);
            bottom[x] = std::max(bottom[x], low);
        }
        first = std::min(first, left);
        last = std::max(last, right);
    }
    const qsizetype stride = m_image.bytesPerLine() / qsizetype(sizeof(QRgb));
    auto *bits = reinterpret_cast<QRgb *>(m_image.bits());
    for (int x = first; x <= last; ++x) {
        if (bottom[x] < 0)
            continue;
        m_dirtyTop = std::min(m_dirtyTop, top[x]);
        m_dirtyBottom = std::max(m_dirtyBottom, bottom[x]);
        QRgb *pixel = bits + qsizetype(top[x]) * stride + x;
        for (int y = top[x]; y <= bottom[x]; ++y, pixel += stride)
            *pixel = *pixel ? over(band.color, *pixel) : band.color;
    }
}

void EnvelopeBands::draw(QCPPainter *painter) {
    if (!mKeyAxis || !mValueAxis)
        return;
    const QRect area = clipRect();
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QSize size(qCeil(area.width() * dpr), qCeil(area.height() * dpr));
    if (size.isEmpty())
        return;
    if (m_image.size() != size) {
        m_image = QImage(size, QImage::Format_ARGB32_Premultiplied);
        m_image.fill(Qt::transparent);
        m_top.resize(size.width());
        m_bottom.resize(size.width());
    } else if (m_dirtyBottom >= m_dirtyTop) {
        // Only the rows the last draw wrote are not transparent any more.
        const qsizetype row = m_image.bytesPerLine();
        std::memset(m_image.scanLine(m_dirtyTop), 0,
                    size_t(row) * size_t(m_dirtyBottom - m_dirtyTop + 1));
    }
    m_dirtyTop = size.height();
    m_dirtyBottom = -1;
    for (const Band &band : std::as_const(m_bands)) {
        if (band.visible && !band.spans.isEmpty())
            composite(band, area, dpr);
    }
    if (m_dirtyBottom < m_dirtyTop)
        return;
    m_image.setDevicePixelRatio(dpr);
    const QRect rows(0, m_dirtyTop, size.width(), m_dirtyBottom - m_dirtyTop + 1);
    painter->drawImage(QPointF(area.left(), area.top() + m_dirtyTop / dpr), m_image, rows);
}

void EnvelopeBands::drawLegendIcon(QCPPainter *, const QRectF &) const {}

} // namespace bs::gui
