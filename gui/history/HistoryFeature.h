#pragma once

#include "HistoryPage.h"

#include <QLabel>
#include <QObject>
#include <QPointer>

class QAction;

namespace bs::gui {

class HistoryService;
class Workbench;

// Puts the history into the window: the HistoryService (records every host the window
// watches), the "History" page, the "History" guest action, and the history's state in the
// status bar. Registered once in Features.cpp; owns its widgets (the window shows them). The
// history file is `history/path` in the settings if set (tests, demos), else the XDG data dir.
class HistoryFeature final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryFeature)

public:
    explicit HistoryFeature(Workbench *bench);
    ~HistoryFeature() override;

    HistoryService *service() const { return m_service; }
    HistoryPage *page() const { return m_page; }
    QAction *action() const { return m_action; }
    QLabel *statusLabel() const { return m_status; }

private:
    void updateHost();
    void followGuestSelection();
    void showSelected();
    void applyPreferences();
    void updateStatus();

    Workbench *m_bench;
    HistoryService *m_service;
    QPointer<HistoryPage> m_page;
    QAction *m_action;
    QPointer<QLabel> m_status;
};

} // namespace bs::gui
