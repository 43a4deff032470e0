#include "ChartCrosshair.h"

#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <qcustomplot.h>

namespace bs::gui {

namespace {

constexpr int BoxOffset = 14; // pixels between the cursor and the value box

} // namespace

ChartCrosshair::ChartCrosshair(QCustomPlot *plot, std::function<QString(double)> valuesAt,
                               std::function<QString(double)> markerTip, QObject *parent)
    : QObject(parent)
    , m_plot(plot)
    , m_valuesAt(std::move(valuesAt))
    , m_markerTip(std::move(markerTip))
    , m_line(new QCPItemStraightLine(plot))
    , m_box(new QLabel(plot)) {
    QCPLayer *overlay = m_plot->layer(QStringLiteral("overlay"));
    overlay->setMode(QCPLayer::lmBuffered);
    m_line->setLayer(overlay);
    m_line->setSelectable(false);
    m_line->setVisible(false);
    m_box->setTextFormat(Qt::RichText);
    m_box->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_box->setAutoFillBackground(true);
    m_box->setBackgroundRole(QPalette::ToolTipBase);
    m_box->setForegroundRole(QPalette::ToolTipText);
    m_box->setFrameShape(QFrame::Box);
    m_box->setMargin(4);
    m_box->hide();
    m_plot->installEventFilter(this);
    connect(m_plot, &QCustomPlot::mouseMove, this,
            [this](QMouseEvent *event) { moveTo(event->position().toPoint()); });
}

bool ChartCrosshair::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_plot && event->type() == QEvent::Leave)
        hide();
    return QObject::eventFilter(watched, event);
}

void ChartCrosshair::moveTo(const QPoint &pos) {
    const QRect area = m_plot->axisRect()->rect();
    if (!area.contains(pos) || (QApplication::mouseButtons() & Qt::LeftButton)) {
        hide(); // outside the data, or dragging the time axis
        return;
    }
    const double key = m_plot->xAxis->pixelToCoord(pos.x());
    m_line->point1->setCoords(key, 0);
    m_line->point2->setCoords(key, 1);
    m_line->setPen(QPen(m_plot->xAxis->basePen().color(), 1, Qt::SolidLine));
    m_line->setVisible(true);
    m_plot->layer(QStringLiteral("overlay"))->replot();

    QString text = m_valuesAt(key);
    const QString tip = m_markerTip(pos.x());
    if (!tip.isEmpty())
        text += QStringLiteral("<hr>") +
                tip.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    m_box->setText(text);
    m_box->adjustSize();
    // Beside the cursor, on whichever side has room.
    int x = pos.x() + BoxOffset;
    if (x + m_box->width() > area.right())
        x = pos.x() - BoxOffset - m_box->width();
    const int y = qBound(area.top(), pos.y() - m_box->height() / 2,
                         qMax(area.top(), area.bottom() - m_box->height()));
    m_box->move(qMax(area.left(), x), y);
    m_box->show();
    m_box->raise();
}

void ChartCrosshair::hide() {
    if (m_line->visible()) {
        m_line->setVisible(false);
        m_plot->layer(QStringLiteral("overlay"))->replot();
    }
    m_box->hide();
}

bool ChartCrosshair::isShown() const {
    return !m_box->isHidden();
}

QString ChartCrosshair::text() const {
    return m_box->text();
}

} // namespace bs::gui
