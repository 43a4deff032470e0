#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>

namespace bs::gui {

class HistoryService;
class SizingPage;
class Workbench;

// Puts the sizing advisor into the window (issue 14): the "Sizing" page for the host in focus,
// reading the window's history. Its Apply buttons and its Readiness link are signals of the
// page; Features.cpp wires them to the balloon and readiness features.
class SizingFeature final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SizingFeature)

public:
    SizingFeature(Workbench *bench, HistoryService *history);
    ~SizingFeature() override;

    SizingPage *page() const { return m_page; }

private:
    void updateHost();
    void applyPreferences();

    Workbench *m_bench;
    QPointer<SizingPage> m_page;
};

} // namespace bs::gui
