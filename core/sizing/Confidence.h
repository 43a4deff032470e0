#pragma once

#include <QString>

namespace bs {

// How far a recommendation can be trusted: the share of the window in which the guest reported
// (its reporting polls against the polls the window holds at the recorded interval), as Azure
// Migrate rates by the share of data points present (SIZING.md §2).
//   High   ≥ 90 % of the window
//   Medium ≥ 50 %
//   Low    anything less, but some need recorded
//   None   no need recorded in the window
enum class Confidence { None, Low, Medium, High };

struct Coverage {
    double share = 0;       // 0..1 of the window
    double daysCovered = 0; // reporting time, in days
    bool operator==(const Coverage &) const = default;
};

Coverage coverageOf(int reportingPolls, int intervalSeconds, qint64 windowSeconds);
Confidence confidenceFor(const Coverage &coverage, bool anyNeed);
QString confidenceKey(Confidence confidence);  // "high", ...: JSON
QString confidenceName(Confidence confidence); // translated

} // namespace bs
