#pragma once

#include <QObject>
#include <QPointer>

namespace bs::gui {

class HistoryService;
class PoliciesPage;
class Workbench;

// Puts the balloon-policy replay into the window (issue 15): the "Policies" page, beside Sizing,
// for the host in focus, reading the window's history.
class PoliciesFeature final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PoliciesFeature)

public:
    PoliciesFeature(Workbench *bench, HistoryService *history);
    ~PoliciesFeature() override;

    PoliciesPage *page() const;

private:
    void updateHost();

    Workbench *m_bench;
    QPointer<PoliciesPage> m_page;
};

} // namespace bs::gui
