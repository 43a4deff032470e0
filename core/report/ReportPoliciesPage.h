#pragma once

#include "ReportData.h"
#include "ReportElements.h"

#include <QCoreApplication>

namespace bs {

// The report's Policies section (issue 15): the report's range replayed open-loop through each
// balloon policy (oVirt MOM, Proxmox, Balloonscope) with its default settings. One table row per
// policy with the figures the Policies tab's summary shows (changes, squeezes, time squeezed,
// worst deficit, handed back mean and peak, host free at its lowest), the host's free memory as
// recorded and as each policy would have left it, and the first squeezes. The figures are
// replayPolicies()'s, as `balloonscope-cli simulate` prints them; only the layout is the report's.
class ReportPoliciesPage {
    Q_DECLARE_TR_FUNCTIONS(ReportPoliciesPage)

public:
    static ElementList elements(const ReportData &data);
    static QString anchor() { return QStringLiteral("policies"); }
    // How many squeezes the page lists; the rest are counted ("and 5 more").
    static constexpr int MaxListedSqueezes = 12;
    // The host's free memory as recorded and under each policy (empty when the host's own
    // figures were not recorded in the range).
    static ChartData hostFreeChart(const ReportData &data);
};

} // namespace bs
