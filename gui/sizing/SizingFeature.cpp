#include "SizingFeature.h"

#include "SizingPage.h"
#include "history/HistoryService.h"
#include "libvirt/ConnectionUri.h"
#include "workbench/Workbench.h"

namespace bs::gui {

SizingFeature::SizingFeature(Workbench *bench, HistoryService *history)
    : QObject(bench)
    , m_bench(bench)
    , m_page(new SizingPage(history->store(), bench->settings())) {
    bench->addPage(m_page, tr("Sizing"));
    connect(bench, &Workbench::currentHostChanged, this, &SizingFeature::updateHost);
    connect(bench, &Workbench::preferencesChanged, this, &SizingFeature::applyPreferences);
    applyPreferences();
    updateHost();
}

SizingFeature::~SizingFeature() {
    delete m_page; // ours until the window deletes it (it does so first, when there is one)
}

void SizingFeature::updateHost() {
    const QString hostId = m_bench->currentHostId();
    m_page->setHost(hostId, hostId.isEmpty() ? QString() : hostDisplayName(hostId));
}

void SizingFeature::applyPreferences() {
    m_page->setUnit(m_bench->preferences().unit);
}

} // namespace bs::gui
