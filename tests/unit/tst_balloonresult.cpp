#include "TestMain.h"
#include "balloon/BalloonResult.h"

using namespace bs;
using Outcome = StepResult::Outcome;
using Outcomes = QList<Outcome>;
Q_DECLARE_METATYPE(Outcomes)

class TestBalloonResult : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void outcome_data() {
        QTest::addColumn<Outcomes>("steps");
        QTest::addColumn<int>("refusals");
        QTest::addColumn<GuestOutcome>("expected");

        QTest::newRow("nothing to do") << Outcomes{} << 0 << GuestOutcome::Unchanged;
        QTest::newRow("all done") << Outcomes{Outcome::Done, Outcome::Done} << 0
                                  << GuestOutcome::Applied;
        QTest::newRow("one of two failed")
            << Outcomes{Outcome::Done, Outcome::Failed} << 0 << GuestOutcome::Partial;
        QTest::newRow("rest not attempted")
            << Outcomes{Outcome::Done, Outcome::NotAttempted} << 0 << GuestOutcome::Partial;
        QTest::newRow("done, but a part was refused")
            << Outcomes{Outcome::Done} << 1 << GuestOutcome::Partial;
        QTest::newRow("only refused") << Outcomes{} << 2 << GuestOutcome::Failed;
        QTest::newRow("all failed")
            << Outcomes{Outcome::Failed, Outcome::NotAttempted} << 0 << GuestOutcome::Failed;
    }

    void outcome() {
        QFETCH(Outcomes, steps);
        QFETCH(int, refusals);
        QFETCH(GuestOutcome, expected);
        QList<StepResult> results;
        for (Outcome o : steps)
            results.append({BalloonStep{}, o, std::nullopt, {}});
        QList<StepRefusal> refused(refusals,
                                   StepRefusal{StepRefusal::Part::Live, QStringLiteral("no.")});
        QCOMPARE(outcomeOf(results, refused), expected);
    }

    void summary() {
        ApplySummary s;
        for (GuestOutcome o :
             {GuestOutcome::Applied, GuestOutcome::Unchanged, GuestOutcome::Applied})
            s.add(o);
        QVERIFY(s.allGood());
        QCOMPARE(s.total(), 3);
        s.add(GuestOutcome::Partial);
        QVERIFY(!s.allGood());
        ApplySummary cancelled;
        cancelled.cancelled = true;
        QVERIFY(!cancelled.allGood());
    }

    void notAttemptedKeepsEveryStep() {
        GuestPlan plan;
        plan.name = QStringLiteral("db");
        plan.steps = {BalloonStep{}, BalloonStep{}};
        plan.refusals = {StepRefusal{StepRefusal::Part::Persistent, QStringLiteral("transient.")}};
        const GuestApplyResult r = notAttempted(plan, Error::cancelled(QStringLiteral("Stopped.")));
        QCOMPARE(r.outcome, GuestOutcome::Failed);
        QCOMPARE(r.steps.size(), 2);
        for (const StepResult &s : r.steps) {
            QCOMPARE(s.outcome, Outcome::NotAttempted);
            QCOMPARE(s.error->message, QStringLiteral("Stopped."));
        }
        QCOMPARE(r.details(), QStringLiteral("live stats period: off → off — not attempted: "
                                             "Stopped.; live stats period: off → off — not "
                                             "attempted: Stopped.; persistent: transient."));
        QCOMPARE(notAttempted(GuestPlan{}, Error{}).outcome, GuestOutcome::Unchanged);
    }

    void keys() {
        QCOMPARE(guestOutcomeKey(GuestOutcome::Applied), QStringLiteral("applied"));
        QCOMPARE(guestOutcomeKey(GuestOutcome::Unchanged), QStringLiteral("unchanged"));
        QCOMPARE(guestOutcomeKey(GuestOutcome::Partial), QStringLiteral("partial"));
        QCOMPARE(guestOutcomeKey(GuestOutcome::Failed), QStringLiteral("failed"));
        QCOMPARE(applyScopeKey(ApplyScope::LiveAndConfig), QStringLiteral("live+config"));
    }
};

BS_TEST_MAIN(TestBalloonResult)
#include "tst_balloonresult.moc"
