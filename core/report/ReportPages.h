#pragma once

#include "ReportData.h"
#include "ReportElements.h"

#include <QCoreApplication>

namespace bs {

// The flowing part of a report as page elements: the host summary and one block per guest
// (heading with the readiness badge, chart, min/avg/p95/max table, facts). The cover is drawn by
// ReportDocument.
class ReportPages {
    Q_DECLARE_TR_FUNCTIONS(ReportPages)

public:
    static ElementList host(const ReportData &data);
    // The health markers of the range (part of the host summary).
    static ElementList alerts(const ReportData &data);
    static ElementList guests(const ReportData &data);
    // Anchors for the contents.
    static QString hostAnchor() { return QStringLiteral("host"); }
    static QString guestsAnchor() { return QStringLiteral("guests"); }
    static QString guestAnchor(const QString &uuid) { return QStringLiteral("guest:") + uuid; }
    // The "how to read this report" notes, one paragraph each.
    static QStringList readingNotes();
};

} // namespace bs
