#include "PoliciesFeature.h"

#include "PoliciesPage.h"
#include "history/HistoryService.h"
#include "libvirt/ConnectionUri.h"
#include "workbench/Workbench.h"

namespace bs::gui {

PoliciesFeature::PoliciesFeature(Workbench *bench, HistoryService *history)
    : QObject(bench)
    , m_bench(bench)
    , m_page(new PoliciesPage(history->store(), bench->settings())) {
    bench->addPage(m_page, tr("Policies"));
    connect(bench, &Workbench::currentHostChanged, this, &PoliciesFeature::updateHost);
    connect(bench, &Workbench::preferencesChanged, this,
            [this] { m_page->setUnit(m_bench->preferences().unit); });
    m_page->setUnit(m_bench->preferences().unit);
    updateHost();
}

PoliciesFeature::~PoliciesFeature() {
    delete m_page; // ours until the window deletes it (it does so first, when there is one)
}

PoliciesPage *PoliciesFeature::page() const {
    return m_page;
}

void PoliciesFeature::updateHost() {
    const QString hostId = m_bench->currentHostId();
    m_page->setHost(hostId, hostId.isEmpty() ? QString() : hostDisplayName(hostId));
}

} // namespace bs::gui
