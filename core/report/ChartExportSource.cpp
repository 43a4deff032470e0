#include "ChartExportSource.h"

#include <QDateTime>
#include <QRegularExpression>

namespace bs {

QString suggestedChartFileName(const ChartData &chart) {
    QString base = chart.provenance.guestName.isEmpty() ? chart.title : chart.provenance.guestName;
    static const QRegularExpression unsafe(QStringLiteral(R"([\s/\\:*?"<>|]+)"));
    base = base.replace(unsafe, QStringLiteral("-")).left(60);
    if (base.isEmpty())
        base = QStringLiteral("chart");
    const QString when =
        QDateTime::fromMSecsSinceEpoch(chart.fromMs > 0 ? chart.fromMs : chart.toMs)
            .toString(QStringLiteral("yyyyMMdd-HHmm"));
    return QStringLiteral("%1-memory-%2").arg(base, when);
}

} // namespace bs
