#pragma once

#include <QObject>

class QAction;
class QLabel;

namespace bs::gui {

class HistoryPage;
class HistoryService;
class MainWindow;

// Puts the history into the main window: the HistoryService (records every host the window
// watches), the "History" page, the "History" guest action, and the history's state in the
// status bar. MainWindow creates it once. The history file is `history/path` in the settings
// if set (tests, demos), else the XDG data dir.
class HistoryFeature final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryFeature)

public:
    explicit HistoryFeature(MainWindow *window);
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

    MainWindow *m_window;
    HistoryService *m_service;
    HistoryPage *m_page;
    QAction *m_action;
    QLabel *m_status;
};

} // namespace bs::gui
