#include "Features.h"

#include "alerts/AlertsFeature.h"
#include "alerts/AlertsPage.h"
#include "autopilot/AutopilotFeature.h"
#include "balloon/BalloonFeature.h"
#include "history/EnvelopeChart.h"
#include "history/HistoryFeature.h"
#include "history/HistoryPage.h"
#include "history/HistoryService.h"
#include "policies/PoliciesFeature.h"
#include "promsource/PrometheusReader.h"
#include "readiness/ReadinessFeature.h"
#include "report/ReportFeature.h"
#include "sizing/SizingFeature.h"
#include "sizing/SizingPage.h"
namespace bs::gui {

Features installFeatures(Workbench *bench) {
    Features f;
    // The registrations, in the order of their pages and actions.
    f.readiness = new ReadinessFeature(bench); // the readiness badges, page and dialogs
    f.report = new ReportFeature(bench);       // File → Export Chart…, Report…
    f.balloon = new BalloonFeature(bench);     // Stats period…, Balloon target…
    f.history = new HistoryFeature(bench);     // the recorded history and its page
    f.sizing = new SizingFeature(bench, f.history->service());     // the sizing advisor
    f.policies = new PoliciesFeature(bench, f.history->service()); // balloon policies replayed
    f.autopilot = new AutopilotFeature(bench, f.history->service()->store()); // run live, opt-in
    f.alerts = new AlertsFeature(bench, f.history->service()); // balloon health, alerts
    // The wires between them.
    QObject::connect(f.readiness, &ReadinessFeature::statsPeriodRequested, f.balloon,
                     &BalloonFeature::openStatsPeriod);
    QObject::connect(f.balloon, &BalloonFeature::readinessRequested, f.readiness,
                     &ReadinessFeature::openDialog);
    // The app's own balloon changes become history markers.
    QObject::connect(f.balloon, &BalloonFeature::changeRecorded, f.history->service(),
                     &HistoryService::recordBalloonChange);
    // The targets the window sets: what a stuck balloon is judged against.
    QObject::connect(f.balloon, &BalloonFeature::changeRecorded, f.alerts,
                     &AlertsFeature::balloonChanged);
    // The Alerts page's fix for guests without free page reporting.
    QObject::connect(f.alerts->page(), &AlertsPage::freePageReportingRequested, f.balloon,
                     &BalloonFeature::openFreePageReporting);
    // The Sizing page's Apply and its link to Readiness.
    QObject::connect(f.sizing->page(), &SizingPage::readinessRequested, f.readiness,
                     &ReadinessFeature::openDialog);
    QObject::connect(f.sizing->page(), &SizingPage::balloonTargetRequested, f.balloon,
                     &BalloonFeature::openRecommendedTargets);
    QObject::connect(f.sizing->page(), &SizingPage::nextBootRequested, f.balloon,
                     &BalloonFeature::openNextBootMemory);
    // Reports read the history the window records, not a second read-only store on the file.
    f.report->setHistoryStore(f.history->service()->store());
    f.report->setServerReader(
        [page = QPointer<HistoryPage>(f.history->page())]() -> std::unique_ptr<HistoryReader> {
            if (!page || !page->readsServer())
                return nullptr;
            return std::make_unique<prom::PrometheusReader>(page->serverUrl());
        });
    for (EnvelopeChart *chart : {f.history->page()->guestChart(), f.history->page()->hostChart()})
        f.report->addChart(chart, chart); // File → Export Chart… and the charts' context menu
    return f;
}

} // namespace bs::gui
