#pragma once

#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QTableWidget;
class QVBoxLayout;

namespace bs {
struct HostOverview;
struct Advice;
} // namespace bs

namespace bs::gui {

class HostOverviewHub;
class MemoryBar;

// The host's side of memory for one host: its memory, the guests' sums against it
// (overcommit), KSM, huge pages, and advice grounded in those numbers. Figures a host cannot
// give say so once ("not available on this host"), without dialogs.
class HostOverviewPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostOverviewPage)

public:
    HostOverviewPage(HostOverviewHub *hub, QWidget *parent = nullptr);

    void setHost(const QString &hostId, const QString &displayName);
    QString hostId() const { return m_hostId; }

    // For tests: the text shown for a figure row ("Total", "KSM saved", ...).
    QString figureText(const QString &key) const;
    QStringList adviceTexts() const;

Q_SIGNALS:
    // "Guests with a balloon but no stats": open their readiness.
    void readinessRequested(const QString &hostId, const QStringList &uuids);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refresh();
    void showMemory(const HostOverview &o);
    void showGuests(const HostOverview &o);
    void showKsm(const HostOverview &o);
    void showHugePages(const HostOverview &o);
    void showAdvice(const QList<Advice> &advice);
    void setRow(QFormLayout *form, const QString &key, const QString &label, const QString &value,
                const QString &tooltip = {});

    HostOverviewHub *m_hub;
    QString m_hostId;
    bool m_stale = false; // new figures came while hidden: shown when the page is
    QString m_displayName;
    QLabel *m_title;
    QLabel *m_subtitle;
    MemoryBar *m_memoryBar;
    QFormLayout *m_memoryForm;
    MemoryBar *m_maximumBar;
    MemoryBar *m_actualBar;
    QFormLayout *m_guestForm;
    QFormLayout *m_ksmForm;
    QTableWidget *m_hugePages;
    QLabel *m_hugeGuests;
    QVBoxLayout *m_adviceLayout;
    QHash<QString, QLabel *> m_values;
};

} // namespace bs::gui
