#include "TestMain.h"
#include "alerts/AlertNotifier.h"
#include "alerts/AlertRulesDialog.h"
#include "alerts/AlertsFeature.h"
#include "alerts/AlertsModel.h"
#include "alerts/AlertsPage.h"
#include "charts/LiveChart.h"
#include "history/HistoryFeature.h"
#include "history/HistoryService.h"
#include "libvirt/CredentialProvider.h"
#include "mainwindow/Features.h"
#include "workbench/Workbench.h"

#include <QCheckBox>
#include <QDBusConnection>
#include <QDBusError>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::gui;

// The window's alerts: desktop notifications seen by a notification server on a real session
// bus (a dbus-daemon this test starts), one per condition until it clears, rate-limited; the
// Alerts page and the history markers fed by the watchdog; the rules dialog and the settings.
namespace {

const QString Host = QStringLiteral("qemu:///system");
const QString Uuid = QStringLiteral("11111111-1111-1111-1111-111111111111");
constexpr qint64 T0 = 1'800'000'000'000;

// A notification server (org.freedesktop.Notifications) that keeps what it was asked to show.
class FakeNotifications final : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Shown {
        uint id = 0;
        uint replaces = 0;
        QString app;
        QString summary;
        QString body;
        QVariantMap hints;
    };
    QList<Shown> shown;
    QList<uint> closed;

public Q_SLOTS:
    uint Notify(const QString &app, uint replaces, const QString &, const QString &summary,
                const QString &body, const QStringList &, const QVariantMap &hints, int) {
        const uint id = replaces ? replaces : m_next++;
        shown.append({id, replaces, app, summary, body, hints});
        Q_EMIT notified();
        return id;
    }
    void CloseNotification(uint id) {
        closed.append(id);
        Q_EMIT closedOne();
    }
    QStringList GetCapabilities() { return {QStringLiteral("body")}; }

Q_SIGNALS:
    void notified();
    void closedOne();

private:
    uint m_next = 1;
};

AlertChange change(AlertChange::Kind kind, const QString &condition, Severity severity,
                   qint64 timeMs, const QString &guest = QStringLiteral("vm1")) {
    AlertChange c;
    c.kind = kind;
    c.timeMs = timeMs;
    c.finding.rule = HealthRule::GuestStale;
    c.finding.severity = severity;
    c.finding.hostId = Host;
    c.finding.guest = guest;
    c.finding.condition = condition;
    c.finding.message = QStringLiteral("No new report for 12 s.");
    return c;
}

PollCycle cycle(qint64 timeMs, qint64 ageSeconds, StatsState state) {
    PollCycle c;
    c.hostId = Host;
    c.timeMs = timeMs;
    MemorySample s;
    s.hostId = Host;
    s.uuid = Uuid;
    s.name = QStringLiteral("vm1");
    s.timeMs = timeMs;
    s.state = DomainState::Running;
    s.statsState = state;
    s.balloon.model = BalloonModel::Virtio;
    s.balloon.period = 2;
    s.balloon.freePageReporting = true; // no note for it
    s.stats.actual = 192 * 1024;
    s.stats.lastUpdate = timeMs / 1000 - ageSeconds;
    if (state == StatsState::Reporting) {
        s.freshReport = true;
        s.stats.available = 140 * 1024;
        s.stats.usable = 100 * 1024;
        s.stats.swapIn = quint64(timeMs / 1000 - T0 / 1000) * 8; // 8 KiB/s
        s.stats.swapOut = 0;
        s.stats.majorFault = 0;
    }
    c.samples = {s};
    return c;
}

} // namespace

class TestAlerts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_daemon;
    QString m_address;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        // A session bus of our own: the notifications go nowhere else.
        m_daemon.start(
            QStringLiteral("dbus-daemon"),
            {QStringLiteral("--config-file=/usr/share/dbus-1/session.conf"),
             QStringLiteral("--address=unix:path=") + m_dir.filePath(QStringLiteral("bus")),
             QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        QVERIFY2(m_daemon.waitForStarted(), "dbus-daemon (package dbus-daemon) did not start");
        QVERIFY(m_daemon.waitForReadyRead(10000));
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        QVERIFY(m_address.startsWith(QStringLiteral("unix:")));
    }

    void cleanupTestCase() {
        m_daemon.terminate();
        m_daemon.waitForFinished(5000);
    }

    void notificationsOnASessionBus() {
        QDBusConnection server =
            QDBusConnection::connectToBus(m_address, QStringLiteral("notification-server"));
        QVERIFY2(server.isConnected(), qPrintable(server.lastError().message()));
        FakeNotifications fake;
        QVERIFY(server.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &fake,
                                      QDBusConnection::ExportAllSlots));
        QVERIFY(server.registerService(QStringLiteral("org.freedesktop.Notifications")));
        QDBusConnection client = QDBusConnection::connectToBus(m_address, QStringLiteral("app"));
        QVERIFY(client.isConnected());

        AlertNotifier notifier(client);
        QSignalSpy notified(&fake, &FakeNotifications::notified);
        QSignalSpy closed(&fake, &FakeNotifications::closedOne);
        QSignalSpy acknowledged(&notifier, &AlertNotifier::acknowledged);
        notifier.notify(
            QStringLiteral("kvm1"),
            {change(AlertChange::Kind::Raised, QStringLiteral("a"), Severity::Warning, T0)});
        QVERIFY(notified.wait(5000));
        QCOMPARE(fake.shown.size(), 1);
        QCOMPARE(fake.shown[0].app, QStringLiteral("Balloonscope"));
        QCOMPARE(fake.shown[0].summary, QStringLiteral("Warning: vm1 on kvm1: Stale reports"));
        QCOMPARE(fake.shown[0].body, QStringLiteral("No new report for 12 s."));
        QCOMPARE(fake.shown[0].hints.value(QStringLiteral("urgency")).toInt(), 1);
        // The server's id for it came back: an escalation replaces it, a clear closes it.
        QVERIFY(acknowledged.count() == 1 || acknowledged.wait(5000));

        // A note is never a notification; the same condition is not shown twice.
        notifier.notify(
            QStringLiteral("kvm1"),
            {change(AlertChange::Kind::Raised, QStringLiteral("n"), Severity::Info, T0),
             change(AlertChange::Kind::Raised, QStringLiteral("a"), Severity::Warning, T0 + 1000)});
        // ... but once more when it turns critical, replacing the first.
        notifier.notify(QStringLiteral("kvm1"),
                        {change(AlertChange::Kind::Escalated, QStringLiteral("a"),
                                Severity::Critical, T0 + 2000)});
        QVERIFY(notified.wait(5000));
        QCOMPARE(fake.shown.size(), 2);
        QCOMPARE(fake.shown[1].summary, QStringLiteral("Critical: vm1 on kvm1: Stale reports"));
        QCOMPARE(fake.shown[1].replaces, fake.shown[0].id);
        QCOMPARE(fake.shown[1].hints.value(QStringLiteral("urgency")).toInt(), 2);

        // Cleared: the notification is closed; raised again: shown again.
        notifier.notify(QStringLiteral("kvm1"),
                        {change(AlertChange::Kind::Cleared, QStringLiteral("a"), Severity::Critical,
                                T0 + 3000)});
        QVERIFY(closed.wait(5000));
        QCOMPARE(fake.closed, QList<uint>{fake.shown[0].id});
        notifier.notify(
            QStringLiteral("kvm1"),
            {change(AlertChange::Kind::Raised, QStringLiteral("a"), Severity::Warning, T0 + 4000)});
        QVERIFY(notified.wait(5000));
        QCOMPARE(fake.shown.size(), 3);

        // At most `burst` a minute: the rest are held back and counted in the next one.
        notifier.setBurst(4);
        notifier.notify(QStringLiteral("kvm1"),
                        {change(AlertChange::Kind::Raised, QStringLiteral("b"), Severity::Warning,
                                T0 + 5000, QStringLiteral("vm2")),
                         change(AlertChange::Kind::Raised, QStringLiteral("c"), Severity::Warning,
                                T0 + 5000, QStringLiteral("vm3"))});
        QTRY_COMPARE_WITH_TIMEOUT(fake.shown.size(), 4, 5000);
        QCOMPARE(notifier.heldBack(), 1);
        notifier.notify(QStringLiteral("kvm1"),
                        {change(AlertChange::Kind::Raised, QStringLiteral("d"), Severity::Warning,
                                T0 + 70000, QStringLiteral("vm4"))});
        QTRY_COMPARE_WITH_TIMEOUT(fake.shown.size(), 5, 5000);
        QVERIFY2(fake.shown[4].body.contains(QStringLiteral("1 more alert(s) held back")),
                 qPrintable(fake.shown[4].body));

        // Off: nothing goes out.
        notifier.setEnabled(false);
        notifier.notify(QStringLiteral("kvm1"),
                        {change(AlertChange::Kind::Raised, QStringLiteral("e"), Severity::Critical,
                                T0 + 200000)});
        QVERIFY(!notified.wait(500));
        QCOMPARE(fake.shown.size(), 5);
        server.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    }

    void pageAndMarkersFollowTheWatchdog() {
        QSettings settings(m_dir.filePath(QStringLiteral("w.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("history/path"),
                          m_dir.filePath(QStringLiteral("w.sqlite")));
        QWidget dialogs;
        Workbench bench(settings, std::make_shared<NoCredentials>());
        bench.setDialogParent(&dialogs);
        const Features features = installFeatures(&bench);
        AlertsFeature *alerts = features.alerts;
        QVERIFY(alerts);
        QVERIFY(bench.pages().contains(alerts->page()));
        alerts->setNotificationsEnabled(false); // no session bus needed here
        QSignalSpy markers(features.history->service(), &HistoryService::eventQueued);

        alerts->watch()->addCycle(cycle(T0, 1, StatsState::Reporting));
        QCOMPARE(alerts->model()->rowCount(), 0);
        QVERIFY(alerts->page()->summary()->text().startsWith(QStringLiteral("No alerts")));

        alerts->watch()->addCycle(cycle(T0 + 12000, 12, StatsState::Stale));
        QCOMPARE(alerts->model()->rowCount(), 2); // stale reports, readiness regression
        QCOMPARE(alerts->page()->summary()->text(),
                 QStringLiteral("0 critical, 2 warning(s), 0 note(s)"));
        QCOMPARE(alerts->model()->index(0, AlertsModel::GuestColumn).data().toString(),
                 QStringLiteral("vm1"));
        QVERIFY(alerts->model()
                    ->index(0, AlertsModel::FindingColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("What to do:")));
        // The selected alert in full, and still selected when the alerts change.
        alerts->page()->table()->setCurrentIndex(
            alerts->model()->index(1, AlertsModel::FindingColumn));
        const QString selected =
            alerts->model()->index(1, AlertsModel::FindingColumn).data(Qt::UserRole).toString();
        QVERIFY(alerts->page()->detail()->text().contains(QStringLiteral("What to do:")));
        alerts->watch()->addCycle(cycle(T0 + 13000, 13, StatsState::Stale));
        QCOMPARE(alerts->page()->table()->currentIndex().data(Qt::UserRole).toString(), selected);
        QStringList texts;
        for (const QList<QVariant> &args : markers)
            texts << args.at(0).value<HistoryEvent>().text;
        QVERIFY2(texts.contains(QStringLiteral("Readiness: ready → nothing delivering stats")),
                 qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(std::any_of(texts.cbegin(), texts.cend(), [](const QString &t) {
            return t.startsWith(QStringLiteral("Alert (warning): Stale reports: No new report"));
        }));
        for (const QList<QVariant> &args : markers) {
            const HistoryEvent e = args.at(0).value<HistoryEvent>();
            QCOMPARE(e.uuid, Uuid);
            QCOMPARE(e.source, QStringLiteral("health"));
        }

        // The charted guest's pressure lane: its rates between fresh reports (8 KiB/s). On
        // screen: a hidden chart draws nothing.
        bench.liveChart()->window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(bench.liveChart()->window()));
        bench.liveChart()->showGuest(Host, Uuid, QStringLiteral("vm1"));
        Q_EMIT bench.currentGuestChanged(Host, Uuid);
        QVERIFY(!bench.liveChart()->isPressureLaneShown()); // one fresh report: no rate yet
        markers.clear();
        alerts->watch()->addCycle(cycle(T0 + 14000, 0, StatsState::Reporting));
        QTRY_VERIFY(bench.liveChart()->isPressureLaneShown());
        QCOMPARE(bench.liveChart()->pressurePointCount(), 1);
        QCOMPARE(alerts->model()->rowCount(), 0);
        QCOMPARE(markers.count(), 3); // two cleared, the verdict back to ready
    }

    void fixButtonAsksForTheSelectedGuests() {
        QSettings settings(m_dir.filePath(QStringLiteral("f.ini")), QSettings::IniFormat);
        Workbench bench(settings, std::make_shared<NoCredentials>());
        AlertsFeature alerts(&bench, nullptr);
        alerts.setNotificationsEnabled(false);
        PollCycle c = cycle(T0, 1, StatsState::Reporting);
        c.samples[0].balloon.freePageReporting = false; // a note, with the fix
        alerts.watch()->addCycle(c);
        QCOMPARE(alerts.model()->rowCount(), 1);
        QPushButton *fix = alerts.page()->fixButton();
        QVERIFY(!fix->isEnabled()); // nothing selected
        alerts.page()->table()->selectRow(0);
        QVERIFY(fix->isEnabled());
        QSignalSpy asked(alerts.page(), &AlertsPage::freePageReportingRequested);
        fix->click();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toString(), Host);
        QCOMPARE(asked.at(0).at(1).toStringList(), QStringList{Uuid});
    }

    void rulesAreEditedAndKept() {
        QSettings settings(m_dir.filePath(QStringLiteral("r.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("history/path"),
                          m_dir.filePath(QStringLiteral("r.sqlite")));
        HealthThresholds chosen;
        {
            AlertRulesDialog dialog(HealthThresholds{});
            QCOMPARE(dialog.levelsEdit(HealthRule::StrandedMemory)->text(), QStringLiteral("1G:-"));
            QCOMPARE(dialog.levelsEdit(HealthRule::HostAvailable)->text(),
                     QStringLiteral("1G/10%:512M/5%"));
            dialog.levelsEdit(HealthRule::StrandedMemory)->setText(QStringLiteral("lots"));
            dialog.accept();
            QVERIFY(dialog.result() != QDialog::Accepted);
            QVERIFY(dialog.error().contains(QStringLiteral("Stranded memory")));
            dialog.levelsEdit(HealthRule::StrandedMemory)->setText(QStringLiteral("2G:4G"));
            dialog.enabledBox(HealthRule::FreePageReporting)->setChecked(false);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            chosen = dialog.thresholds();
        }
        QCOMPARE(chosen.strandedWarningKiB.value(), quint64(2 * 1024 * 1024));
        QCOMPARE(chosen.strandedCriticalKiB.value(), quint64(4 * 1024 * 1024));
        QVERIFY(!chosen.isEnabled(HealthRule::FreePageReporting));
        {
            Workbench bench(settings, std::make_shared<NoCredentials>());
            AlertsFeature alerts(&bench, nullptr);
            alerts.setThresholds(chosen);
            alerts.setNotificationsEnabled(false);
        }
        Workbench bench(settings, std::make_shared<NoCredentials>());
        AlertsFeature alerts(&bench, nullptr);
        QCOMPARE(alerts.watch()->thresholds(), chosen);
        QVERIFY(!alerts.notifier()->isEnabled());
        QVERIFY(!alerts.page()->notificationsBox()->isChecked());
    }
};

BS_GUI_TEST_MAIN(TestAlerts)
#include "tst_alerts.moc"
