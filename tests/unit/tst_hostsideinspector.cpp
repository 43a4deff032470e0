#include "ReadinessTestData.h"
#include "TestMain.h"

using namespace bs;
using namespace bs::test;

namespace {

const ReadinessCheck &find(const HostAssessment &a, CheckId id) {
    for (const ReadinessCheck &c : a.checks) {
        if (c.id == id)
            return c;
    }
    qFatal("check %s missing", qPrintable(ReadinessCheck::checkIdKey(id)));
}

CheckStatus status(const HostAssessment &a, CheckId id) {
    return find(a, id).status;
}

bool has(const HostAssessment &a, CheckId id) {
    for (const ReadinessCheck &c : a.checks) {
        if (c.id == id)
            return true;
    }
    return false;
}

} // namespace

// The host-side rules of DOMAIN.md §3, row by row, from evidence only (no libvirt).
class TestHostSideInspector : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noPeriodIsPollingOff() {
        // A Linux driver reports once when it loads, even without a period: decide from the
        // period, not from the fields.
        const auto a = HostSideInspector::inspect(runningGuest(
            domain(QStringLiteral("virtio")), {reading(0, T0 - 300), reading(30, T0 - 300)}));
        QCOMPARE(a.reporting, ReportingState::NotApplicable);
        const ReadinessCheck &period = find(a, CheckId::StatsPeriodLive);
        QCOMPARE(period.status, CheckStatus::Fail);
        QCOMPARE(period.fix, FixKind::StatsPeriod);
        QCOMPARE(period.commands,
                 QStringList{QStringLiteral(
                     "virsh -c qemu:///system dommemstat g --period 10 --live --config")});
        QCOMPARE(status(a, CheckId::StatsPeriodPersistent), CheckStatus::Fail);
        // The one-shot report is still evidence that a driver exists.
        QCOMPARE(status(a, CheckId::LastUpdateReported), CheckStatus::Pass);
        QVERIFY(find(a, CheckId::LastUpdateReported).evidence.contains(QString::number(T0 - 300)));
        QCOMPARE(status(a, CheckId::LastUpdateAdvancing), CheckStatus::Unknown);
        QVERIFY(!HostSideInspector::needsMoreObservation(
            runningGuest(domain(QStringLiteral("virtio")))));
    }

    void periodZeroIsOff() {
        const auto a =
            HostSideInspector::inspect(runningGuest(domain(QStringLiteral("virtio"), 0)));
        QCOMPARE(status(a, CheckId::StatsPeriodLive), CheckStatus::Fail);
        QVERIFY(find(a, CheckId::StatsPeriodLive).evidence.contains(QLatin1String("period='0'")));
    }

    void modelNone() {
        const auto a = HostSideInspector::inspect(runningGuest(domain(QStringLiteral("none"))));
        const ReadinessCheck &device = find(a, CheckId::BalloonDevice);
        QCOMPARE(device.status, CheckStatus::Fail);
        QCOMPARE(device.fix, FixKind::HostAdmin);
        QVERIFY(device.evidence.contains(QLatin1String("model='none'")));
        QVERIFY(device.commands.contains(QStringLiteral("virsh -c qemu:///system edit g")));
        QCOMPARE(status(a, CheckId::StatsPeriodLive), CheckStatus::Unknown);
        QCOMPARE(a.reporting, ReportingState::NotApplicable);
    }

    void noMemballoonElement() {
        const auto a = HostSideInspector::inspect(runningGuest(domain(QString())));
        QCOMPARE(status(a, CheckId::BalloonDevice), CheckStatus::Fail);
    }

    void neverReportedAfterTwoPeriods() {
        // period 2 s: 2 × 2 + 2 s of slack decide
        const auto a = HostSideInspector::inspect(runningGuest(
            domain(QStringLiteral("virtio"), 2), {reading(0, 0), reading(3, 0), reading(6, 0)}));
        QCOMPARE(a.reporting, ReportingState::NeverReported);
        QCOMPARE(status(a, CheckId::LastUpdateReported), CheckStatus::Fail);
        QCOMPARE(status(a, CheckId::LastUpdateAdvancing), CheckStatus::Unknown);
        QCOMPARE(status(a, CheckId::GuestFields), CheckStatus::Fail);
        QCOMPARE(a.neededSeconds, 6.0);
    }

    void neverReportedButTooEarly() {
        const HostEvidence e =
            runningGuest(domain(QStringLiteral("virtio"), 2), {reading(0, 0), reading(5, 0)});
        const auto a = HostSideInspector::inspect(e);
        QCOMPARE(a.reporting, ReportingState::Undecided);
        QVERIFY(HostSideInspector::needsMoreObservation(e));
        QCOMPARE(status(a, CheckId::LastUpdateReported), CheckStatus::Unknown);
        QCOMPARE(status(a, CheckId::LastUpdateAdvancing), CheckStatus::Unknown);
        QVERIFY(!find(a, CheckId::LastUpdateAdvancing).remedy.isEmpty()); // "check again in ..."
    }

    void missingLastUpdateCountsAsNever() {
        StatsObservation first = reading(0, 0);
        StatsObservation last = reading(30, 0);
        first.stats.lastUpdate.reset();
        last.stats.lastUpdate.reset();
        const auto a = HostSideInspector::inspect(
            runningGuest(domain(QStringLiteral("virtio"), 10), {first, last}));
        QCOMPARE(a.reporting, ReportingState::NeverReported);
        QVERIFY(find(a, CheckId::LastUpdateReported)
                    .evidence.contains(QLatin1String("no last_update")));
    }

    void frozenWithOldFields() {
        const auto a = HostSideInspector::inspect(runningGuest(
            domain(QStringLiteral("virtio"), 2), {reading(0, T0 - 50), reading(7, T0 - 50)}));
        QCOMPARE(a.reporting, ReportingState::Frozen);
        QCOMPARE(status(a, CheckId::LastUpdateReported), CheckStatus::Pass);
        const ReadinessCheck &advancing = find(a, CheckId::LastUpdateAdvancing);
        QCOMPARE(advancing.status, CheckStatus::Fail);
        QCOMPARE(advancing.fix, FixKind::InGuest);
        QVERIFY(advancing.evidence.contains(QString::number(T0 - 50)));
        QCOMPARE(status(a, CheckId::GuestFields), CheckStatus::Pass); // old, but there
    }

    void frozenWithOnlyActualAndRss() {
        const auto a = HostSideInspector::inspect(
            runningGuest(domain(QStringLiteral("virtio"), 2),
                         {reading(0, T0 - 50, false), reading(7, T0 - 50, false)}));
        QCOMPARE(a.reporting, ReportingState::Frozen);
        const ReadinessCheck &fields = find(a, CheckId::GuestFields);
        QCOMPARE(fields.status, CheckStatus::Fail);
        QVERIFY(fields.evidence.contains(QLatin1String("actual 1048576 KiB")));
        QVERIFY(fields.evidence.contains(QLatin1String("rss 400000 KiB")));
    }

    void advancing() {
        // The monitor drops the guest fields of a repeated report: only fresh ones carry them.
        const auto a = HostSideInspector::inspect(
            runningGuest(domain(QStringLiteral("virtio"), 2),
                         {reading(0, T0 - 1), reading(1, T0 - 1, false), reading(2, T0 + 1)}));
        QCOMPARE(a.reporting, ReportingState::Advancing);
        QVERIFY(a.guestFields);
        QCOMPARE(status(a, CheckId::LastUpdateAdvancing), CheckStatus::Pass);
        QCOMPARE(status(a, CheckId::GuestFields), CheckStatus::Pass);
        QCOMPARE(status(a, CheckId::LastUpdateReported), CheckStatus::Pass);
        QVERIFY(
            find(a, CheckId::GuestFields).evidence.contains(QLatin1String("unused 600000 KiB")));
        // Two readings are enough when they show an increase: no need to wait two periods.
        QVERIFY(a.observedSeconds < a.neededSeconds);
    }

    void firstReportCountsAsAdvancing() {
        const auto a = HostSideInspector::inspect(runningGuest(
            domain(QStringLiteral("virtio"), 10), {reading(0, 0), reading(1, T0 + 1)}));
        QCOMPARE(a.reporting, ReportingState::Advancing);
    }

    void readingsInAnyOrder() {
        const auto a = HostSideInspector::inspect(runningGuest(
            domain(QStringLiteral("virtio"), 2), {reading(7, T0 - 50), reading(0, T0 - 50)}));
        QCOMPARE(a.reporting, ReportingState::Frozen);
        QCOMPARE(a.observedSeconds, 7.0);
    }

    void oneReadingDecidesNothing() {
        const HostEvidence e =
            runningGuest(domain(QStringLiteral("virtio"), 2), {reading(0, T0 - 1)});
        QCOMPARE(HostSideInspector::inspect(e).reporting, ReportingState::Undecided);
        QVERIFY(HostSideInspector::needsMoreObservation(e));
    }

    void fieldsMissingUsableOrUnused() {
        StatsObservation noUsable = reading(2, T0 + 1);
        noUsable.stats.usable.reset();
        auto a = HostSideInspector::inspect(
            runningGuest(domain(QStringLiteral("virtio"), 2), {reading(0, T0 - 1), noUsable}));
        QCOMPARE(status(a, CheckId::GuestFields), CheckStatus::Pass);
        QVERIFY(find(a, CheckId::GuestFields).evidence.contains(QLatin1String("usable")));
        StatsObservation noUnused = reading(2, T0 + 1);
        noUnused.stats.unused.reset();
        a = HostSideInspector::inspect(
            runningGuest(domain(QStringLiteral("virtio"), 2), {reading(0, T0 - 1), noUnused}));
        QCOMPARE(status(a, CheckId::GuestFields), CheckStatus::Warn);
    }

    void shutOffGuest() {
        HostEvidence e = runningGuest(domain(QStringLiteral("virtio"), 10));
        e.state = DomainState::Shutoff;
        const auto a = HostSideInspector::inspect(e);
        QCOMPARE(status(a, CheckId::GuestRunning), CheckStatus::Fail);
        QCOMPARE(find(a, CheckId::GuestRunning).commands,
                 QStringList{QStringLiteral("virsh -c qemu:///system start g")});
        QCOMPARE(status(a, CheckId::StatsPeriodLive), CheckStatus::Unknown);
        QCOMPARE(status(a, CheckId::StatsPeriodPersistent), CheckStatus::Pass);
        QCOMPARE(a.reporting, ReportingState::NotApplicable);
        QVERIFY(!HostSideInspector::needsMoreObservation(e));
    }

    void pausedGuest() {
        HostEvidence e =
            runningGuest(domain(QStringLiteral("virtio"), 10), {reading(0, T0), reading(40, T0)});
        e.state = DomainState::Paused;
        const auto a = HostSideInspector::inspect(e);
        QCOMPARE(status(a, CheckId::GuestRunning), CheckStatus::Warn);
        QCOMPARE(a.reporting, ReportingState::NotApplicable); // a paused guest is not "frozen"
    }

    void liveOnlyPeriod() {
        HostEvidence e = runningGuest(domain(QStringLiteral("virtio"), 5));
        e.persistentConfig = domain(QStringLiteral("virtio"));
        const auto a = HostSideInspector::inspect(e);
        const ReadinessCheck &persistent = find(a, CheckId::StatsPeriodPersistent);
        QCOMPARE(persistent.status, CheckStatus::Warn);
        QCOMPARE(persistent.fix, FixKind::StatsPeriod);
        QCOMPARE(persistent.commands,
                 QStringList{
                     QStringLiteral("virsh -c qemu:///system dommemstat g --period 10 --config")});
    }

    void transientGuest() {
        HostEvidence e = runningGuest(domain(QStringLiteral("virtio")));
        e.persistent = false;
        e.persistentConfig.reset();
        const auto a = HostSideInspector::inspect(e);
        QCOMPARE(status(a, CheckId::StatsPeriodPersistent), CheckStatus::Info);
        QCOMPARE(
            find(a, CheckId::StatsPeriodLive).commands,
            QStringList{QStringLiteral("virsh -c qemu:///system dommemstat g --period 10 --live")});
    }

    void unreadableXml() {
        HostEvidence e = runningGuest(DomainXmlFacts{});
        const auto a = HostSideInspector::inspect(e);
        QCOMPARE(status(a, CheckId::BalloonDevice), CheckStatus::Unknown);
        QCOMPARE(status(a, CheckId::StatsPeriodLive), CheckStatus::Unknown);
    }

    void windowsAndHugePagesNotes() {
        const auto a = HostSideInspector::inspect(
            runningGuest(domain(QStringLiteral("virtio"), 10,
                                QStringLiteral("http://microsoft.com/win/2k22"), {}, true)));
        QCOMPARE(status(a, CheckId::WindowsFieldMeaning), CheckStatus::Info);
        QCOMPARE(status(a, CheckId::HugePages), CheckStatus::Info);
        QVERIFY(find(a, CheckId::OsFamily)
                    .evidence.contains(QLatin1String("http://microsoft.com/win/2k22")));
        const auto linux = HostSideInspector::inspect(runningGuest(
            domain(QStringLiteral("virtio"), 10, QStringLiteral("http://debian.org/debian/12"))));
        QVERIFY(!has(linux, CheckId::WindowsFieldMeaning));
        QVERIFY(!has(linux, CheckId::HugePages));
    }

    void namesAreQuotedForTheShell() {
        HostEvidence e = runningGuest(domain(QStringLiteral("virtio")));
        e.name = QStringLiteral("it's mine");
        e.uri = QStringLiteral("qemu+ssh://root@kvm1/system");
        const auto a = HostSideInspector::inspect(e);
        QCOMPARE(find(a, CheckId::StatsPeriodLive).commands.constFirst(),
                 QStringLiteral("virsh -c qemu+ssh://root@kvm1/system dommemstat 'it'\\''s mine' "
                                "--period 10 --live --config"));
    }

    void everyFailureSaysWhatToDo() {
        const QList<HostEvidence> cases{
            runningGuest(domain(QStringLiteral("virtio"))),
            runningGuest(domain(QStringLiteral("none"))),
            runningGuest(domain(QStringLiteral("virtio"), 2), {reading(0, 0), reading(9, 0)}),
            runningGuest(domain(QStringLiteral("virtio"), 2),
                         {reading(0, T0), reading(9, T0, false)}),
        };
        for (const HostEvidence &e : cases) {
            for (const ReadinessCheck &c : HostSideInspector::inspect(e).checks) {
                QVERIFY(!c.title().isEmpty());
                QVERIFY(!c.evidence.isEmpty());
                if (c.status == CheckStatus::Fail)
                    QVERIFY2(!c.remedy.isEmpty(), qPrintable(c.key()));
            }
        }
    }
};

BS_TEST_MAIN(TestHostSideInspector)
#include "tst_hostsideinspector.moc"
