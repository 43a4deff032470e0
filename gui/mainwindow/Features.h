#pragma once

namespace bs::gui {

class AlertsFeature;
class AutopilotFeature;
class BalloonFeature;
class HistoryFeature;
class PoliciesFeature;
class ReadinessFeature;
class ReportFeature;
class SizingFeature;
class Workbench;

// The window's features, each registered by one line in installFeatures(), and the wires
// between them. A new page is a folder with its feature class (taking a Workbench) plus one line
// there.
struct Features {
    ReadinessFeature *readiness = nullptr;
    ReportFeature *report = nullptr;
    BalloonFeature *balloon = nullptr;
    HistoryFeature *history = nullptr;
    SizingFeature *sizing = nullptr;
    PoliciesFeature *policies = nullptr;
    AutopilotFeature *autopilot = nullptr;
    AlertsFeature *alerts = nullptr;
};

// Creates every feature on `bench` (they are its children) and connects them to each other.
Features installFeatures(Workbench *bench);

} // namespace bs::gui
