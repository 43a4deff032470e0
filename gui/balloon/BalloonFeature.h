#pragma once

#include "balloon/BalloonChangeEvent.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <map>

class QAction;

namespace bs {
class BalloonControls;
}

namespace bs::gui {

class BalloonTargetDialog;
class FreePageReportingDialog;
class NextBootDialog;
class ChangeMarkers;
class StatsPeriodDialog;
class Workbench;

// Puts the balloon controls into the main window: the guest actions "Stats period…" and "Balloon
// target…" (enabled for what is selected; disabled, with the reason, on read-only connections),
// their dialogs, one BalloonControls per host (so that a result outlives its dialog), and the
// markers of balloon changes on the live chart. Features.cpp connects the readiness
// dialog's "Set stats period…" to openStatsPeriod().
class BalloonFeature final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BalloonFeature)

public:
    explicit BalloonFeature(Workbench *bench);
    ~BalloonFeature() override;

    QAction *statsPeriodAction() const { return m_periodAction; }
    QAction *balloonTargetAction() const { return m_targetAction; }
    QAction *freePageReportingAction() const { return m_freePagesAction; }
    ChangeMarkers *markers() const { return m_markers; }

    // Opens a stats-period dialog for these guests of one host (null when the host is not
    // watched). Also for read-only hosts: the dialog then says why nothing can change.
    StatsPeriodDialog *openStatsPeriod(const QString &hostId, const QStringList &uuids);
    // Opens (or raises) the balloon-target dialog of one guest.
    BalloonTargetDialog *openBalloonTarget(const QString &hostId, const QString &uuid);
    BalloonControls *controlsFor(const QString &hostId);
    // The Sizing page's Apply: a balloon-target dialog per guest, its recommendation (KiB)
    // filled in; or one dialog writing the memory the guests start with at their next boot.
    void openRecommendedTargets(const QString &hostId, const QHash<QString, qint64> &targetsKiB);
    // Guest → Free Page Reporting… for these guests of one host (the Alerts page's fix too).
    FreePageReportingDialog *openFreePageReporting(const QString &hostId, const QStringList &uuids);
    NextBootDialog *openNextBootMemory(const QString &hostId,
                                       const QHash<QString, qint64> &memoryKiB);

Q_SIGNALS:
    // Every change libvirt accepted, from any dialog: the history's event markers.
    void changeRecorded(const bs::BalloonChangeEvent &event);
    // A dialog's "Readiness…" link: the readiness feature opens its dialog.
    void readinessRequested(const QString &hostId, const QString &uuid);

private:
    void openSelectedStatsPeriod();
    void openSelectedTarget();
    void updateActions();
    void onHostAboutToBeRemoved(const QString &hostId);
    QString hostName(const QString &hostId) const;

    Workbench *m_bench;
    QAction *m_periodAction;
    QAction *m_targetAction;
    QAction *m_freePagesAction;
    ChangeMarkers *m_markers;
    std::map<QString, BalloonControls *> m_controls; // children of this object
    QList<QPointer<StatsPeriodDialog>> m_periodDialogs;
    QHash<QString, QPointer<BalloonTargetDialog>> m_targetDialogs; // "host\nuuid"
};

} // namespace bs::gui
