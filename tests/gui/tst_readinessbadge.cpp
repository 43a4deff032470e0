#include "TestMain.h"
#include "readiness/ReadinessBadge.h"
#include "readiness/ReadinessIcons.h"

using namespace bs;
using namespace bs::gui;

class TestReadinessBadge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void provisionalMapping_data() {
        QTest::addColumn<StatsState>("state");
        QTest::addColumn<Verdict>("verdict");
        QTest::newRow("reporting") << StatsState::Reporting << Verdict::Ready;
        QTest::newRow("off") << StatsState::Off << Verdict::PollingOff;
        QTest::newRow("no_balloon") << StatsState::NoBalloon << Verdict::NoBalloonDevice;
        QTest::newRow("no_driver") << StatsState::NoDriver << Verdict::NoBalloonDriver;
        QTest::newRow("stale") << StatsState::Stale << Verdict::NotDelivering;
        QTest::newRow("waiting") << StatsState::Waiting << Verdict::Unknown;
        QTest::newRow("inactive") << StatsState::Inactive << Verdict::Unknown;
        QTest::newRow("unknown") << StatsState::Unknown << Verdict::Unknown;
    }
    void provisionalMapping() {
        QFETCH(StatsState, state);
        QFETCH(Verdict, verdict);
        QCOMPARE(provisionalVerdict(state), verdict);
        const ReadinessBadge badge = ReadinessBadge::of(nullptr, state);
        QCOMPARE(badge.verdict, verdict);
        QVERIFY(badge.provisional);
        QCOMPARE(badge.text, verdictName(verdict));
        const QString tip = ReadinessBadge::toolTip(nullptr, state);
        QVERIFY2(tip.contains(ReadinessTexts::provisionalNote().toHtmlEscaped()), qPrintable(tip));
    }

    void checkedVerdictWins() {
        ReadinessReport report;
        report.verdict = Verdict::NotDelivering;
        report.reason = QStringLiteral("Reports <stopped>.");
        report.nextStep = QStringLiteral("Start BalloonService.");
        report.decidingCheck = CheckId::LastUpdateAdvancing;
        const ReadinessSummary summary = ReadinessSummary::from(report);
        QVERIFY(!summary.stillWatching);
        // The stats state says "reporting"; the check knows better.
        const ReadinessBadge badge = ReadinessBadge::of(&summary, StatsState::Reporting);
        QCOMPARE(badge.verdict, Verdict::NotDelivering);
        QVERIFY(!badge.provisional);
        const QString tip = ReadinessBadge::toolTip(&summary, StatsState::Reporting);
        QVERIFY(tip.contains(QLatin1String("Reports &lt;stopped&gt;.")));
        QVERIFY(tip.contains(QLatin1String("Start BalloonService.")));
        QVERIFY(!tip.contains(ReadinessTexts::provisionalNote().toHtmlEscaped()));
    }

    void stillWatchingStaysProvisional() {
        ReadinessReport report;
        report.verdict = Verdict::Unknown;
        report.reason = QStringLiteral("Not watched long enough: 3 s of the 22 s.");
        report.decidingCheck = CheckId::LastUpdateAdvancing;
        QVERIFY(isStillWatching(report));
        const ReadinessSummary summary = ReadinessSummary::from(report);
        const ReadinessBadge badge = ReadinessBadge::of(&summary, StatsState::Stale);
        QCOMPARE(badge.verdict, Verdict::NotDelivering);
        QVERIFY(badge.provisional);
        QVERIFY(ReadinessBadge::toolTip(&summary, StatsState::Stale)
                    .contains(QLatin1String("3 s of the 22 s")));

        // Unknown for another reason (the guest does not run) is a checked verdict.
        report.decidingCheck = CheckId::GuestRunning;
        QVERIFY(!isStillWatching(report));
    }

    void iconsDifferForProvisional() {
        const QImage checked = verdictIcon(Verdict::Ready, false).pixmap(16).toImage();
        const QImage provisional = verdictIcon(Verdict::Ready, true).pixmap(16).toImage();
        QVERIFY(!checked.isNull());
        QVERIFY(checked != provisional);
        QVERIFY(verdictIcon(Verdict::Ready).pixmap(16).toImage() !=
                verdictIcon(Verdict::NoBalloonDriver).pixmap(16).toImage());
    }
};

BS_GUI_TEST_MAIN(TestReadinessBadge)
#include "tst_readinessbadge.moc"
