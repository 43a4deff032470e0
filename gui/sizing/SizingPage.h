#pragma once

#include "common/Units.h"
#include "sizing/HostAdvice.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSettings;
class QTableView;
class QSortFilterProxyModel;

namespace bs {
class HistoryReader;
struct Error;
} // namespace bs

namespace bs::gui {

class NeedChart;
class PolicyBar;
class SizingTableModel;
class WhatIfPanel;

// The Sizing page (issue 14): per host, what each guest needs and is recommended, what can be
// reclaimed and what still fits. Asks the history for the window's need (HistoryReader::
// queryNeeds: read on the history thread) and computes the advice with adviseHost, the same
// function `balloonscope-cli advise` and the report use; the selected guest's need is charted
// over the window. Apply hands the recommendations of the selected guests to the balloon
// feature (live balloon target, or memory for the next boot); a guest without a number links to
// Readiness. The policy is kept in the settings (sizing/...).
class SizingPage final : public QWidget {
    Q_OBJECT

public:
    SizingPage(HistoryReader *store, QSettings &settings, QWidget *parent = nullptr);
    ~SizingPage() override;

    QString hostId() const { return m_hostId; }
    void setHost(const QString &hostId, const QString &name);
    void setUnit(units::SizeUnit unit);
    // Re-reads the history now (the page also does when shown, when the policy changes, and
    // every few minutes while shown).
    void refresh();
    const HostAdvice &advice() const { return m_advice; }
    bool hasAdvice() const { return m_hasAdvice; }
    // The selected guests that have a recommendation: uuid → KiB.
    QHash<QString, qint64> selectedRecommendations() const;
    void selectGuests(const QStringList &uuids);
    // A floor of their own for these guests (KiB; 0 removes it), kept in the settings: the
    // recommendation never goes below it.
    void setGuestFloor(const QStringList &uuids, qint64 floorKiB);
    QHash<QString, qint64> guestFloors() const { return m_guestFloors; }

    QTableView *table() const { return m_table; }
    SizingTableModel *model() const { return m_model; }
    NeedChart *chart() const { return m_chart; }
    WhatIfPanel *whatIf() const { return m_whatIf; }
    PolicyBar *policyBar() const { return m_policy; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *targetButton() const { return m_targetButton; }
    QPushButton *nextBootButton() const { return m_nextBootButton; }
    QPushButton *readinessButton() const { return m_readinessButton; }
    QPushButton *floorButton() const { return m_floorButton; }

Q_SIGNALS:
    void balloonTargetRequested(const QString &hostId, const QHash<QString, qint64> &targets);
    void nextBootRequested(const QString &hostId, const QHash<QString, qint64> &memory);
    void readinessRequested(const QString &hostId, const QString &uuid);
    // A new advice is shown (after a query, a policy or a what-if change).
    void adviceShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onNeeds(quint64 id, const NeedResult &result);
    void onSeries(quint64 id, const SeriesResult &result);
    void onFailed(quint64 id, const Error &error);
    void onPolicy(const SizingPolicy &policy);
    void recompute();
    void updateSelection();
    void savePolicy() const;
    SizingPolicy loadPolicy() const;
    QString currentUuid() const;
    QStringList selectedUuids() const;
    void askGuestFloor();
    SizingPolicy effectivePolicy() const;

    HistoryReader *m_store;
    QSettings &m_settings;
    QString m_hostId;
    QString m_hostName;
    SizingPolicy m_currentPolicy;
    QHash<QString, qint64> m_guestFloors; // uuid → KiB
    NeedResult m_needs;
    HostAdvice m_advice;
    bool m_hasAdvice = false;
    quint64 m_needQuery = 0;
    quint64 m_seriesQuery = 0;
    QString m_seriesUuid;
    qint64 m_computedAtMs = 0;
    QTimer m_refreshTimer;

    PolicyBar *m_policy;
    QLabel *m_summary;
    QTableView *m_table;
    SizingTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    NeedChart *m_chart;
    QLabel *m_details;
    WhatIfPanel *m_whatIf;
    QPushButton *m_refreshButton;
    QPushButton *m_targetButton;
    QPushButton *m_nextBootButton;
    QPushButton *m_readinessButton;
    QPushButton *m_floorButton;
};

} // namespace bs::gui
