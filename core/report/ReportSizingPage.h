#pragma once

#include "ReportData.h"
#include "ReportElements.h"

#include <QCoreApplication>
#include <QList>

namespace bs {

// The report's Sizing section (issue 14): the policy and its window, where the need came from
// and what it is, every guest's need and recommendation in one table (a note under a guest
// without a number, one whose shrink is vetoed, one short of its maximum, one whose need counts
// cache), then the host what-if. The figures are adviseHost()'s, as `balloonscope-cli advise`
// prints them; only the layout is the report's.
class ReportSizingPage {
    Q_DECLARE_TR_FUNCTIONS(ReportSizingPage)

public:
    static ElementList elements(const ReportData &data);
    static QString anchor() { return QStringLiteral("sizing"); }
    // The guests the table lists: the report's own when it names some, else every guest of the
    // advice (those that did not report too: they say why they have no number).
    static QList<GuestAdvice> listedGuests(const ReportData &data);
};

} // namespace bs
