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

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDBusConnection>
#include <QDBusError>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
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

ActiveAlert alert(const QString &host, int guest, Severity severity, qint64 sinceMs,
                  const QString &message = QStringLiteral("Free page reporting is off.")) {
    ActiveAlert a;
    a.sinceMs = sinceMs;
    a.finding.rule = HealthRule::FreePageReporting;
    a.finding.severity = severity;
    a.finding.hostId = host;
    a.finding.uuid = QStringLiteral("uuid-%1").arg(guest);
    a.finding.guest = QStringLiteral("vm%1").arg(guest);
    a.finding.condition = QStringLiteral("free_page_reporting\n%1\nuuid-%2").arg(host).arg(guest);
    a.finding.message = message;
    return a;
}

// Every signal a model can announce a change with, counted.
struct ModelSpies {
    explicit ModelSpies(QAbstractItemModel *m)
        : reset(m, &QAbstractItemModel::modelReset)
        , layout(m, &QAbstractItemModel::layoutChanged)
        , inserted(m, &QAbstractItemModel::rowsInserted)
        , removed(m, &QAbstractItemModel::rowsRemoved)
        , moved(m, &QAbstractItemModel::rowsMoved)
        , changed(m, &QAbstractItemModel::dataChanged) {}
    void clear() {
        reset.clear();
        layout.clear();
        inserted.clear();
        removed.clear();
        moved.clear();
        changed.clear();
    }
    int total() const {
        return int(reset.count() + layout.count() + inserted.count() + removed.count() +
                   moved.count() + changed.count());
    }
    QSignalSpy reset, layout, inserted, removed, moved, changed;
};

// The rows as the model lists them: host and condition.
QStringList rowsOf(const AlertsModel &model) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.alertAt(row).finding.hostId + QLatin1Char('|') +
                   model.alertAt(row).finding.condition;
    return out;
}

// The order the model promises: worst first, newest first, then by condition and host.
QStringList expectedOrder(QList<ActiveAlert> all) {
    std::sort(all.begin(), all.end(), [](const ActiveAlert &a, const ActiveAlert &b) {
        if (a.finding.severity != b.finding.severity)
            return a.finding.severity > b.finding.severity;
        if (a.sinceMs != b.sinceMs)
            return a.sinceMs > b.sinceMs;
        if (a.finding.condition != b.finding.condition)
            return a.finding.condition < b.finding.condition;
        return a.finding.hostId < b.finding.hostId;
    });
    QStringList out;
    for (const ActiveAlert &a : all)
        out << a.finding.hostId + QLatin1Char('|') + a.finding.condition;
    return out;
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

    // Issue 18: one host's evaluation touches that host's rows only, and announces exactly what
    // changed: no reset, no re-sort, nothing at all when nothing changed.
    void modelUpdatesOnlyWhatChanged() {
        AlertsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString a = QStringLiteral("test:///a");
        const QString b = QStringLiteral("test:///b");
        QList<ActiveAlert> first;
        QList<ActiveAlert> second;
        for (int g = 0; g < 50; ++g) {
            first << alert(a, g, Severity::Info, T0);
            second << alert(b, g, Severity::Info, T0 + 5); // a poll 5 ms later: newer, on top
        }
        ModelSpies spies(&model);
        model.setAlerts(a, QStringLiteral("a"), first);
        QCOMPARE(spies.inserted.count(), 1); // one run of 50
        QCOMPARE(spies.inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(spies.inserted.at(0).at(2).toInt(), 49);
        model.setAlerts(b, QStringLiteral("b"), second);
        QCOMPARE(spies.inserted.count(), 2);
        QCOMPARE(spies.inserted.at(1).at(1).toInt(), 0);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(rowsOf(model), expectedOrder(first + second));
        QCOMPARE(model.count(Severity::Info), 100);

        // The same alerts again, in another order: nothing to announce.
        spies.clear();
        std::reverse(first.begin(), first.end());
        model.setAlerts(a, QStringLiteral("a"), first);
        model.setAlerts(b, QStringLiteral("b"), second);
        QCOMPARE(spies.total(), 0);

        // A figure moved in one of b's findings: one dataChanged for its row, nothing else.
        second[7].finding.message = QStringLiteral("Free page reporting is still off.");
        model.setAlerts(b, QStringLiteral("b"), second);
        QCOMPARE(spies.total(), 1);
        QCOMPARE(spies.changed.count(), 1);
        const int row7 = model.rowOf(b, second[7].finding.condition);
        QCOMPARE(spies.changed.at(0).at(0).value<QModelIndex>().row(), row7);
        QCOMPARE(spies.changed.at(0).at(1).value<QModelIndex>().row(), row7);
        QCOMPARE(model.index(row7, AlertsModel::FindingColumn).data().toString(),
                 second[7].finding.message);

        // A finding appears: exactly one insert, of one row, where it sorts; it goes: one remove.
        spies.clear();
        const ActiveAlert warning = alert(a, 99, Severity::Warning, T0 + 10'000);
        first << warning;
        model.setAlerts(a, QStringLiteral("a"), first);
        QCOMPARE(spies.total(), 1);
        QCOMPARE(spies.inserted.count(), 1);
        QCOMPARE(spies.inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(spies.inserted.at(0).at(2).toInt(), 0);
        QCOMPARE(model.count(Severity::Warning), 1);
        QCOMPARE(rowsOf(model), expectedOrder(first + second));
        spies.clear();
        first.removeLast();
        model.setAlerts(a, QStringLiteral("a"), first);
        QCOMPARE(spies.total(), 1);
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(spies.removed.at(0).at(1).toInt(), 0);
        QCOMPARE(spies.removed.at(0).at(2).toInt(), 0);
        QCOMPARE(model.count(Severity::Warning), 0);

        // An escalation moves its row (a selection on it would follow); the counts follow.
        spies.clear();
        const int before = model.rowOf(a, first[3].finding.condition);
        QPersistentModelIndex held = model.index(before, 0);
        first[3].finding.severity = Severity::Critical;
        model.setAlerts(a, QStringLiteral("a"), first);
        QCOMPARE(spies.reset.count() + spies.layout.count() + spies.inserted.count() +
                     spies.removed.count(),
                 0);
        QCOMPARE(spies.moved.count(), 1);
        QCOMPARE(model.rowOf(a, first[3].finding.condition), 0);
        QCOMPARE(held.row(), 0);
        QCOMPARE(model.count(Severity::Critical), 1);
        QCOMPARE(model.count(Severity::Info), 99);
        QCOMPARE(rowsOf(model), expectedOrder(first + second));

        // A host gone: its rows go, in one run, the other's stay untouched.
        spies.clear();
        model.removeHost(a);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.changed.count(), 0);
        QCOMPARE(rowsOf(model), expectedOrder(second));
        QCOMPARE(model.count(Severity::Critical), 0);
        QCOMPARE(model.count(Severity::Info), 50);
    }

    // Random updates of several hosts: after each, the rows are those in force in the promised
    // order, the counts add up, and the model's announcements are consistent (the tester).
    void modelMatchesARebuildUnderRandomUpdates() {
        AlertsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QRandomGenerator random(18);
        QHash<QString, QList<ActiveAlert>> hosts;
        for (int step = 0; step < 400; ++step) {
            const QString host = QStringLiteral("test:///h%1").arg(random.bounded(4));
            QList<ActiveAlert> alerts;
            QSet<int> guests;
            for (int n = random.bounded(12); n > 0; --n)
                guests.insert(random.bounded(16));
            for (const int g : std::as_const(guests)) {
                const auto old = std::find_if(
                    hosts[host].cbegin(), hosts[host].cend(), [&](const ActiveAlert &x) {
                        return x.finding.uuid == QStringLiteral("uuid-%1").arg(g);
                    });
                // Kept ones keep their time (sometimes their severity); new ones get a time that
                // may tie with others.
                const qint64 since =
                    old != hosts[host].cend() ? old->sinceMs : T0 + random.bounded(5) * 1000;
                const Severity severity = Severity(1 + random.bounded(3));
                alerts << alert(host, g, severity, since,
                                QStringLiteral("figure %1").arg(random.bounded(3)));
            }
            if (random.bounded(20) == 0) {
                model.removeHost(host);
                hosts.remove(host);
            } else {
                model.setAlerts(host, host, alerts);
                hosts[host] = alerts;
            }
            QList<ActiveAlert> all;
            for (const QList<ActiveAlert> &h : std::as_const(hosts))
                all += h;
            QCOMPARE(rowsOf(model), expectedOrder(all));
            for (const Severity sev : {Severity::Info, Severity::Warning, Severity::Critical})
                QCOMPARE(model.count(sev),
                         int(std::count_if(all.cbegin(), all.cend(), [sev](const ActiveAlert &a) {
                             return a.finding.severity == sev;
                         })));
            for (int row = 0; row < model.rowCount(); ++row) {
                const ActiveAlert &shown = model.alertAt(row);
                const auto it = std::find(all.cbegin(), all.cend(), shown);
                QVERIFY(it != all.cend()); // the newest figures, not a stale copy
            }
        }
        QCOMPARE(reset.count(), 0);
    }

    // Through the feature: each host's cycles update its rows without resetting the model, the
    // page's summary follows, and a new warning is notified once however many cycles it holds.
    void featureNotifiesOncePerNewAlert() {
        QDBusConnection server =
            QDBusConnection::connectToBus(m_address, QStringLiteral("notification-server-2"));
        QVERIFY(server.isConnected());
        FakeNotifications fake;
        QVERIFY(server.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &fake,
                                      QDBusConnection::ExportAllSlots));
        QVERIFY(server.registerService(QStringLiteral("org.freedesktop.Notifications")));
        QDBusConnection client = QDBusConnection::connectToBus(m_address, QStringLiteral("app-2"));
        QVERIFY(client.isConnected());

        QSettings settings(m_dir.filePath(QStringLiteral("n.ini")), QSettings::IniFormat);
        Workbench bench(settings, std::make_shared<NoCredentials>());
        AlertsFeature alerts(&bench, nullptr, client);
        alerts.setNotificationsEnabled(true);
        ModelSpies spies(alerts.model());
        const QString other = QStringLiteral("test:///other");
        const auto onHost = [](PollCycle c, const QString &host) {
            c.hostId = host;
            for (MemorySample &s : c.samples)
                s.hostId = host;
            return c;
        };
        // The other host polls half a second later: its rows are newer, above the first's.
        alerts.watch()->addCycle(cycle(T0, 1, StatsState::Reporting));
        alerts.watch()->addCycle(onHost(cycle(T0 + 500, 1, StatsState::Reporting), other));
        for (int i = 0; i < 4; ++i) { // stale on both hosts for four cycles
            const qint64 t = T0 + 12000 + i * 1000;
            alerts.watch()->addCycle(cycle(t, 12 + i, StatsState::Stale));
            alerts.watch()->addCycle(onHost(cycle(t + 500, 12 + i, StatsState::Stale), other));
        }
        QCOMPARE(alerts.model()->rowCount(), 4); // stale reports, readiness regression, twice
        QCOMPARE(alerts.page()->summary()->text(),
                 QStringLiteral("0 critical, 4 warning(s), 0 note(s)"));
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.layout.count(), 0);
        QCOMPARE(spies.inserted.count(), 2); // each host's two new rows, in one run each
        QCOMPARE(spies.removed.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(fake.shown.size(), 4, 5000);
        QTest::qWait(200); // nothing more comes
        QCOMPARE(fake.shown.size(), 4);
        QStringList summaries;
        for (const FakeNotifications::Shown &n : std::as_const(fake.shown))
            summaries << n.summary;
        summaries.sort();
        summaries.removeDuplicates();
        QCOMPARE(summaries.size(), 4); // one per condition (two rules, two hosts)

        // Back to reporting on one host: its two rows go, its notifications close; the other's
        // rows are not touched.
        spies.clear();
        alerts.watch()->addCycle(cycle(T0 + 16000, 0, StatsState::Reporting));
        QCOMPARE(alerts.model()->rowCount(), 2);
        QCOMPARE(spies.reset.count(), 0);
        QCOMPARE(spies.removed.count(), 1);
        QCOMPARE(spies.changed.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(fake.closed.size(), 2, 5000);
        QCOMPARE(alerts.page()->summary()->text(),
                 QStringLiteral("0 critical, 2 warning(s), 0 note(s)"));
        QCOMPARE(fake.shown.size(), 4);
        server.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
    }

    // The page's columns are fitted when rows come or go, once per burst, and only while it is
    // shown; new figures in the same rows cause no fit (ResizeToContents measured again after
    // every change).
    void columnsFitWhenRowsChangeNotFigures() {
        AlertsModel model;
        AlertsPage page(&model);
        QList<ActiveAlert> alerts;
        for (int g = 0; g < 20; ++g)
            alerts << alert(Host, g, Severity::Info, T0);
        model.setAlerts(Host, QStringLiteral("kvm1"), alerts); // hidden: fitted when shown
        QVERIFY(page.fitPending());
        page.resize(900, 400);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_VERIFY(!page.fitPending());
        QVERIFY(page.table()->columnWidth(AlertsModel::GuestColumn) > 0);

        alerts[3].finding.message = QStringLiteral("Free page reporting is off, still.");
        model.setAlerts(Host, QStringLiteral("kvm1"), alerts);
        QVERIFY(!page.fitPending());

        alerts << alert(Host, 20, Severity::Warning, T0 + 1000);
        model.setAlerts(Host, QStringLiteral("kvm1"), alerts);
        model.setAlerts(QStringLiteral("test:///b"), QStringLiteral("b"),
                        {alert(QStringLiteral("test:///b"), 1, Severity::Info, T0)});
        QVERIFY(page.fitPending());
        QTRY_VERIFY(!page.fitPending());

        // A width the user chose stays.
        page.table()->horizontalHeader()->resizeSection(AlertsModel::GuestColumn, 333);
        alerts.removeLast();
        model.setAlerts(Host, QStringLiteral("kvm1"), alerts);
        page.fitColumns();
        QCOMPARE(page.table()->columnWidth(AlertsModel::GuestColumn), 333);
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
