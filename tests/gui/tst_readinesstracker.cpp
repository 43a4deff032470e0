#include "TestMain.h"
#include "TestSupport.h"
#include "app/HostRegistry.h"
#include "guests/GuestTableModel.h"
#include "readiness/AgentOptIn.h"
#include "readiness/ReadinessDialog.h"
#include "readiness/ReadinessTracker.h"

#include <QCheckBox>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;

namespace {

// tests/fixtures/testdriver/readiness-node.xml: no period, model='none', and a Windows guest
// with period 1 whose static last_update never moves.
QString nodeUri() {
    return QStringLiteral("test://") +
           test::fixturePath(QStringLiteral("testdriver/readiness-node.xml"));
}
const QString DefaultUri = QStringLiteral("test:///default");
const QString NoPeriodUuid = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString NoBalloonUuid = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString StaleUuid = QStringLiteral("33333333-3333-4333-8333-333333333333");

MonitorConfig configFor(const QString &uri) {
    MonitorConfig c;
    c.uri = uri;
    return c;
}

// The tracker with what it needs, and a guest table fed the way ReadinessFeature feeds it.
struct Rig {
    explicit Rig(const QString &settingsPath)
        : settings(settingsPath, QSettings::IniFormat)
        , optIn(settings)
        , registry(std::make_shared<NoCredentials>())
        , tracker(&registry, &optIn) {
        registry.setIntervalSeconds(1);
        tracker.setDebounceMs(200);
        QObject::connect(&registry, &HostRegistry::cycleReady, &guests,
                         &GuestTableModel::applyCycle);
        QObject::connect(&tracker, &ReadinessTracker::reportChanged, &guests,
                         [this](const ReadinessReport &r) {
                             guests.setReadiness(r.hostId, r.uuid, ReadinessSummary::from(r));
                         });
        QObject::connect(&tracker, &ReadinessTracker::inspectionStarted, &guests,
                         [this](const QString &host, bool agent, bool) {
                             agentRuns += agent ? 1 : 0;
                             maxRunning = std::max(maxRunning, ++running[host]);
                         });
        QObject::connect(&tracker, &ReadinessTracker::inspectionFinished, &guests,
                         [this](const QString &host) { --running[host]; });
    }

    // The Readiness column of a guest: (verdict key, provisional).
    QPair<QString, bool> badge(const QString &host, const QString &uuid) const {
        const QModelIndex index =
            guests.index(guests.rowOf(host, uuid), GuestTableModel::Readiness);
        return {index.data(GuestTableModel::VerdictKeyRole).toString(),
                index.data(GuestTableModel::VerdictProvisionalRole).toBool()};
    }
    bool checked(const QString &host, const QString &uuid, const QString &key) const {
        return badge(host, uuid) == qMakePair(key, false);
    }

    QSettings settings;
    AgentOptIn optIn;
    HostRegistry registry;
    ReadinessTracker tracker;
    GuestTableModel guests;
    QHash<QString, int> running;
    int maxRunning = 0;
    int agentRuns = 0;
};

} // namespace

// The tracker on libvirt's test driver: real connections, real poll cycles, real collectors.
class TestReadinessTracker : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void verdictsReachTheGuestTable() {
        Rig rig(m_dir.filePath(QStringLiteral("a.ini")));
        rig.registry.addHost(configFor(nodeUri()));
        rig.registry.addHost(configFor(DefaultUri));
        QTRY_COMPARE_WITH_TIMEOUT(rig.guests.rowCount(), 4, 10000);

        // No period and no balloon are decided by the first check after connecting.
        QTRY_VERIFY_WITH_TIMEOUT(
            rig.checked(nodeUri(), NoPeriodUuid, QStringLiteral("polling_off")), 10000);
        QVERIFY(rig.checked(nodeUri(), NoBalloonUuid, QStringLiteral("no_balloon_device")));
        for (int r = 0; r < rig.guests.rowCount(); ++r) {
            const GuestTableModel::Row *row = rig.guests.rowAt(r);
            if (row->hostId == DefaultUri)
                QTRY_VERIFY_WITH_TIMEOUT(
                    rig.checked(DefaultUri, row->uuid, QStringLiteral("polling_off")), 10000);
        }
        // The stale guest needs two periods (1 s) of samples; the tracker looks again once it
        // has them, without being asked.
        QTRY_VERIFY_WITH_TIMEOUT(
            rig.checked(nodeUri(), StaleUuid, QStringLiteral("not_delivering")), 20000);
        const ReadinessReport *stale = rig.tracker.report(nodeUri(), StaleUuid);
        QVERIFY(stale);
        QCOMPARE(stale->osFamily, OsFamily::Windows);
        QCOMPARE(stale->fix, FixKind::InGuest);

        QCOMPARE(rig.maxRunning, 1); // never two collectors on one host
        QCOMPARE(rig.agentRuns, 0);  // no opt-in: no agent checks
        QVERIFY(!stale->check(CheckId::AgentInfo));
        QCOMPARE(rig.tracker.reports().size(), 4);
    }

    void provisionalUntilChecked() {
        Rig rig(m_dir.filePath(QStringLiteral("b.ini")));
        // What the row shows the moment it appears: no check can have answered yet (the first
        // one starts with that same poll cycle and runs on the host's thread).
        QHash<QString, QPair<QString, bool>> atFirstSight;
        QObject::connect(&rig.guests, &QAbstractItemModel::rowsInserted, &rig.guests,
                         [&](const QModelIndex &, int first, int last) {
                             for (int r = first; r <= last; ++r) {
                                 const QString uuid = rig.guests.rowAt(r)->uuid;
                                 atFirstSight.insert(uuid, rig.badge(nodeUri(), uuid));
                             }
                         });
        rig.registry.addHost(configFor(nodeUri()));
        QTRY_COMPARE_WITH_TIMEOUT(rig.guests.rowCount(), 3, 10000);
        // applyCycle inserts the row before it fills it: the stats state arrives right after.
        QTRY_VERIFY_WITH_TIMEOUT(
            rig.checked(nodeUri(), NoBalloonUuid, QStringLiteral("no_balloon_device")), 10000);
        QCOMPARE(atFirstSight.size(), 3);
        for (const auto &badge : std::as_const(atFirstSight))
            QVERIFY(badge.second); // provisional
    }

    void userCheckWatchesAndMerges() {
        Rig rig(m_dir.filePath(QStringLiteral("c.ini")));
        rig.registry.addHost(configFor(nodeUri()));
        QSignalSpy watching(&rig.tracker, &ReadinessTracker::watching);
        QSignalSpy finished(&rig.tracker, &ReadinessTracker::inspectionFinished);
        QTRY_VERIFY_WITH_TIMEOUT(rig.tracker.report(nodeUri(), NoPeriodUuid), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!rig.tracker.isInspecting(nodeUri()), 10000);

        // "Check again": fresh, so the stale guest is watched anew for two periods.
        QCOMPARE(rig.tracker.watchSecondsFor(nodeUri(), {StaleUuid}), 6); // 2 × 1 + 2 + 2 × 1
        finished.clear();
        rig.tracker.checkNow(nodeUri(), {StaleUuid}, true);
        QVERIFY(rig.tracker.isInspecting(nodeUri()));
        // A second request while it runs is merged, not run alongside.
        rig.tracker.checkNow(nodeUri(), {NoPeriodUuid}, true);
        QVERIFY(watching.wait(5000));
        QCOMPARE(watching.last().at(0).toString(), nodeUri());
        QTRY_VERIFY_WITH_TIMEOUT(!rig.tracker.isInspecting(nodeUri()), 15000);
        QCOMPARE(rig.tracker.report(nodeUri(), StaleUuid)->verdict, Verdict::NotDelivering);
        QVERIFY(rig.tracker.report(nodeUri(), StaleUuid)->observedSeconds >= 4.0);
        QCOMPARE(rig.maxRunning, 1);
    }

    void agentChecksOnlyAfterConfirmation() {
        Rig rig(m_dir.filePath(QStringLiteral("d.ini")));
        rig.registry.addHost(configFor(nodeUri()));
        QSignalSpy started(&rig.tracker, &ReadinessTracker::inspectionStarted);
        QTRY_VERIFY_WITH_TIMEOUT(rig.tracker.report(nodeUri(), StaleUuid), 10000);

        ReadinessDialog dialog(nodeUri(), StaleUuid);
        int asked = 0;
        bool answer = false;
        dialog.setAgentOptIn(&rig.optIn, [&](QWidget *, const QString &) {
            ++asked;
            return answer;
        });
        QObject::connect(&dialog, &ReadinessDialog::checkAgainRequested, &rig.tracker,
                         [&](const QString &host, const QString &uuid) {
                             rig.tracker.checkNow(host, {uuid}, true);
                         });
        dialog.setReport(*rig.tracker.report(nodeUri(), StaleUuid));

        // The user declines the warning: nothing changes, no agent check runs.
        dialog.agentCheckBox()->click();
        QCOMPARE(asked, 1);
        QVERIFY(!dialog.agentCheckBox()->isChecked());
        QVERIFY(!rig.optIn.isEnabled(nodeUri()));
        rig.tracker.inspectHost(nodeUri());
        QTRY_VERIFY_WITH_TIMEOUT(!rig.tracker.isInspecting(nodeUri()), 10000);
        for (const auto &args : std::as_const(started))
            QCOMPARE(args.at(1).toBool(), false);

        // The user confirms: remembered, and a check with the agent follows at once.
        answer = true;
        started.clear();
        dialog.agentCheckBox()->click();
        QCOMPARE(asked, 2);
        QVERIFY(rig.optIn.isEnabled(nodeUri()));
        QVERIFY(rig.optIn.isConfirmed(nodeUri()));
        QVERIFY(!started.isEmpty());
        QCOMPARE(started.first().at(1).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(
            rig.tracker.report(nodeUri(), StaleUuid)->check(CheckId::AgentInfo), 15000);

        // Off, then on again: the host was confirmed before, so no second warning.
        dialog.agentCheckBox()->click();
        QVERIFY(!rig.optIn.isEnabled(nodeUri()));
        dialog.agentCheckBox()->click();
        QCOMPARE(asked, 2);
        QVERIFY(rig.optIn.isEnabled(nodeUri()));

        // Remembered per host URI in the settings, not for other hosts.
        AgentOptIn again(rig.settings);
        QVERIFY(again.isEnabled(nodeUri()));
        QVERIFY(!again.isEnabled(DefaultUri));
    }

    void removedGuestsAndHostsDropTheirReports() {
        Rig rig(m_dir.filePath(QStringLiteral("e.ini")));
        rig.registry.addHost(configFor(nodeUri()));
        QSignalSpy removed(&rig.tracker, &ReadinessTracker::reportsRemoved);
        QTRY_VERIFY_WITH_TIMEOUT(rig.tracker.report(nodeUri(), NoPeriodUuid), 10000);
        rig.registry.removeHost(nodeUri());
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.first().at(0).toString(), nodeUri());
        QVERIFY(removed.first().at(1).toStringList().isEmpty());
        QVERIFY(!rig.tracker.report(nodeUri(), NoPeriodUuid));
        QVERIFY(rig.tracker.reports().isEmpty());
    }

    void periodicRecheckTakesOneHostAtATime() {
        Rig rig(m_dir.filePath(QStringLiteral("g.ini")));
        rig.registry.addHost(configFor(nodeUri()));
        rig.registry.addHost(configFor(DefaultUri));
        QTRY_VERIFY_WITH_TIMEOUT(
            rig.checked(nodeUri(), StaleUuid, QStringLiteral("not_delivering")), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !rig.tracker.isInspecting(nodeUri()) && !rig.tracker.isInspecting(DefaultUri), 10000);

        // Every 2 s: the hosts one after the other, half the interval for the round (500 ms
        // apart with two hosts), never both at the same moment.
        QElapsedTimer clock;
        QList<QPair<QString, qint64>> started;
        QObject::connect(&rig.tracker, &ReadinessTracker::inspectionStarted, &rig.guests,
                         [&](const QString &host, bool, bool byUser) {
                             if (!byUser)
                                 started.append({host, clock.elapsed()});
                         });
        clock.start();
        rig.tracker.setRefreshIntervalMs(2000);
        QTRY_VERIFY_WITH_TIMEOUT(started.size() >= 2, 5000);
        QVERIFY2(started.at(0).first != started.at(1).first, "one host was re-checked twice");
        QVERIFY2(started.at(0).second >= 1800, "re-checked before the interval");
        const qint64 gap = started.at(1).second - started.at(0).second;
        QVERIFY2(gap >= 400,
                 qPrintable(QStringLiteral("second host %1 ms after the first").arg(gap)));
        QVERIFY2(gap <= 1500,
                 qPrintable(QStringLiteral("second host %1 ms after the first").arg(gap)));
    }

    void userCheckOnAnUnknownHostFails() {
        Rig rig(m_dir.filePath(QStringLiteral("f.ini")));
        QSignalSpy failed(&rig.tracker, &ReadinessTracker::inspectionFailed);
        rig.tracker.checkNow(QStringLiteral("test:///nowhere"), {}, false);
        QCOMPARE(failed.size(), 1);
    }
};

BS_GUI_TEST_MAIN(TestReadinessTracker)
#include "tst_readinesstracker.moc"
