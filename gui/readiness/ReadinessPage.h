#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace bs::gui {

class ReadinessTableModel;

// The "Readiness" page: every guest's verdict in one table, for the host selected in the host
// list (or all hosts), with "Inspect all"; the selected guest's reason and next step in full
// below. Double-clicking a guest opens its readiness dialog.
class ReadinessPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadinessPage)

public:
    explicit ReadinessPage(ReadinessTableModel *model, QWidget *parent = nullptr);

    // Empty = every host (the host list has no selection).
    void setHostFilter(const QString &hostId, const QString &hostName);
    QString hostFilter() const { return m_hostId; }
    void setProgress(const QString &text);

    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QPushButton *inspectAllButton() const { return m_inspectAll; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *detailLabel() const { return m_detail; }

Q_SIGNALS:
    void inspectAllRequested();
    void guestActivated(const QString &hostId, const QString &uuid);

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Reports arrive a host's hundred at a time: the summary counts the rows once after them,
    // and only while the page is shown (once more when it is shown again after changes).
    void scheduleSummary();
    void updateSummary();
    void updateDetail();

    ReadinessTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_summary;
    QLabel *m_progress;
    QLabel *m_empty;
    QLabel *m_detail;
    QPushButton *m_inspectAll;
    QTimer *m_summaryDue;
    bool m_summaryStale = false; // rows changed while the page was hidden
    QString m_hostId;
};

} // namespace bs::gui
