#include "TestMain.h"
#include "balloon/StatsPeriodPlanner.h"

using namespace bs;
using Kind = BalloonStep::Kind;
using Part = StepRefusal::Part;
using Kinds = QList<Kind>;
using Parts = QList<Part>;
Q_DECLARE_METATYPE(Kinds)
Q_DECLARE_METATYPE(Parts)

namespace {

QString balloonXml(BalloonModel model, std::optional<int> period) {
    if (model == BalloonModel::Absent)
        return {};
    const QString name = balloonModelKey(model);
    if (!period)
        return QStringLiteral("    <memballoon model='%1'/>\n").arg(name);
    return QStringLiteral("    <memballoon model='%1'>\n      <stats period='%2'/>\n"
                          "    </memballoon>\n")
        .arg(name)
        .arg(*period);
}

BalloonConfig config(BalloonModel model, std::optional<int> period) {
    BalloonConfig c;
    c.model = model;
    c.modelName = model == BalloonModel::Absent ? QString() : balloonModelKey(model);
    c.period = period;
    return c;
}

struct G {
    DomainState state = DomainState::Running;
    bool persistent = true;
    BalloonModel liveModel = BalloonModel::Virtio;
    std::optional<int> livePeriod = std::nullopt;
    BalloonModel configModel = BalloonModel::Virtio;
    std::optional<int> configPeriod = std::nullopt;
    QString type = QStringLiteral("kvm");

    GuestBalloonInfo make() const {
        GuestBalloonInfo g;
        g.hostId = QStringLiteral("qemu:///system");
        g.uuid = QStringLiteral("0d342b80-9e16-43df-b75b-6e189527ff32");
        g.name = QStringLiteral("web-01");
        g.state = state;
        g.persistent = persistent;
        g.domainType = type;
        if (isActive(state))
            g.liveBalloon = config(liveModel, livePeriod);
        if (persistent) {
            g.persistentBalloon = config(configModel, configPeriod);
            g.persistentXml = QStringLiteral("<domain type='%1'>\n  <name>web-01</name>\n"
                                             "  <devices>\n    <disk/>\n%2  </devices>\n"
                                             "</domain>\n")
                                  .arg(type, balloonXml(configModel, configPeriod));
        }
        return g;
    }
};

StatsPeriodRequest req(std::optional<int> seconds = 10, ApplyScope scope = ApplyScope::Automatic,
                       bool switchToVirtio = false) {
    StatsPeriodRequest r;
    r.period = seconds ? *StatsPeriodSetting::seconds(*seconds) : StatsPeriodSetting::off();
    r.scope = scope;
    r.switchToVirtio = switchToVirtio;
    return r;
}

} // namespace

class TestStatsPeriodPlanner : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plan_data() {
        QTest::addColumn<GuestBalloonInfo>("guest");
        QTest::addColumn<StatsPeriodRequest>("request");
        QTest::addColumn<Kinds>("steps");
        QTest::addColumn<Parts>("refused");
        QTest::addColumn<bool>("offerSwitch");
        QTest::addColumn<bool>("restart");

        const auto none = BalloonModel::None;
        const auto absent = BalloonModel::Absent;
        const auto off = DomainState::Shutoff;
        const G running;

        QTest::newRow("running persistent, automatic: live and config")
            << running.make() << req() << Kinds{Kind::LivePeriod, Kind::PersistentPeriod} << Parts{}
            << false << false;
        QTest::newRow("live only") << running.make() << req(10, ApplyScope::Live)
                                   << Kinds{Kind::LivePeriod} << Parts{} << false << false;
        QTest::newRow("config only") << running.make() << req(10, ApplyScope::Config)
                                     << Kinds{Kind::PersistentPeriod} << Parts{} << false << false;
        QTest::newRow("already set: nothing to do")
            << G{.livePeriod = 10, .configPeriod = 10}.make() << req() << Kinds{} << Parts{}
            << false << false;
        QTest::newRow("inactive, automatic: config only")
            << G{.state = off}.make() << req() << Kinds{Kind::PersistentPeriod} << Parts{} << false
            << false;
        QTest::newRow("inactive, live asked: refused")
            << G{.state = off}.make() << req(10, ApplyScope::Live) << Kinds{} << Parts{Part::Live}
            << false << false;
        QTest::newRow("inactive, both asked: config done, live refused")
            << G{.state = off}.make() << req(10, ApplyScope::LiveAndConfig)
            << Kinds{Kind::PersistentPeriod} << Parts{Part::Live} << false << false;
        QTest::newRow("transient, automatic: live only")
            << G{.persistent = false}.make() << req() << Kinds{Kind::LivePeriod} << Parts{} << false
            << false;
        QTest::newRow("transient, config asked: refused")
            << G{.persistent = false}.make() << req(10, ApplyScope::Config) << Kinds{}
            << Parts{Part::Persistent} << false << false;
        QTest::newRow("model none: both refused, switch offered")
            << G{.liveModel = none, .configModel = none}.make() << req() << Kinds{}
            << Parts{Part::Live, Part::Persistent} << true << false;
        QTest::newRow("model none, switch chosen: define, live waits for a restart")
            << G{.liveModel = none, .configModel = none}.make()
            << req(10, ApplyScope::Automatic, true) << Kinds{Kind::PersistentModel} << Parts{}
            << true << true;
        QTest::newRow("model none, switch chosen but live forced: live refused")
            << G{.liveModel = none, .configModel = none}.make()
            << req(10, ApplyScope::LiveAndConfig, true) << Kinds{Kind::PersistentModel}
            << Parts{Part::Live} << true << true;
        QTest::newRow("no element, inactive, switch chosen")
            << G{.state = off, .configModel = absent}.make() << req(10, ApplyScope::Automatic, true)
            << Kinds{Kind::PersistentModel} << Parts{} << true << true;
        QTest::newRow("xen model: refused, no switch offered")
            << G{.liveModel = BalloonModel::Xen,
                 .configModel = BalloonModel::Xen,
                 .type = QStringLiteral("xen")}
                   .make()
            << req(10, ApplyScope::Automatic, true) << Kinds{}
            << Parts{Part::Live, Part::Persistent} << false << false;
        QTest::newRow("model none on a Xen guest: no switch")
            << G{.liveModel = none, .configModel = none, .type = QStringLiteral("xen")}.make()
            << req(10, ApplyScope::Automatic, true) << Kinds{}
            << Parts{Part::Live, Part::Persistent} << false << false;
        QTest::newRow("off, explicitly: both set to 0")
            << G{.livePeriod = 10, .configPeriod = 5}.make() << req(std::nullopt)
            << Kinds{Kind::LivePeriod, Kind::PersistentPeriod} << Parts{} << false << false;
        QTest::newRow("off on model none: already off")
            << G{.liveModel = none, .configModel = none}.make() << req(std::nullopt) << Kinds{}
            << Parts{} << false << false;
        QTest::newRow("virtio-transitional counts as virtio")
            << G{.liveModel = BalloonModel::VirtioTransitional,
                 .configModel = BalloonModel::VirtioTransitional}
                   .make()
            << req(5) << Kinds{Kind::LivePeriod, Kind::PersistentPeriod} << Parts{} << false
            << false;
        QTest::newRow("switched config, not restarted yet: live works, config already virtio")
            << G{.liveModel = none, .configModel = BalloonModel::Virtio, .configPeriod = 10}.make()
            << req() << Kinds{} << Parts{Part::Live} << false << false;
        QTest::newRow("test driver guests can switch")
            << G{.liveModel = none, .configModel = none, .type = QStringLiteral("test")}.make()
            << req(10, ApplyScope::Config, true) << Kinds{Kind::PersistentModel} << Parts{} << true
            << true;

        GuestBalloonInfo readOnly = running.make();
        readOnly.readOnly = true;
        QTest::newRow("read-only connection")
            << readOnly << req() << Kinds{} << Parts{Part::Guest} << false << false;
        GuestBalloonInfo gone = running.make();
        gone.error = Error::notFound(QStringLiteral("There is no guest named \"x\"."));
        QTest::newRow("unreadable guest")
            << gone << req() << Kinds{} << Parts{Part::Guest} << false << false;
    }

    void plan() {
        QFETCH(GuestBalloonInfo, guest);
        QFETCH(StatsPeriodRequest, request);
        QFETCH(Kinds, steps);
        QFETCH(Parts, refused);
        QFETCH(bool, offerSwitch);
        QFETCH(bool, restart);
        const GuestPlan plan = planStatsPeriod(guest, request);
        Kinds kinds;
        for (const BalloonStep &s : plan.steps) {
            kinds.append(s.kind);
            QCOMPARE(s.period, request.period.seconds());
            QVERIFY(!s.describe().isEmpty());
        }
        Parts parts;
        for (const StepRefusal &r : plan.refusals) {
            parts.append(r.part);
            QVERIFY2(r.reason.endsWith(u'.'), qPrintable(r.reason)); // a sentence, not a code
        }
        QCOMPARE(kinds, steps);
        QCOMPARE(parts, refused);
        QCOMPARE(plan.offerVirtioSwitch, offerSwitch);
        QCOMPARE(plan.needsRestart, restart);
        QCOMPARE(plan.uuid, guest.uuid);
        if (plan.steps.isEmpty() && plan.refusals.isEmpty())
            QVERIFY(!plan.notes.isEmpty()); // "nothing to do" is said, not silent
    }

    void previewShowsThePersistentChange() {
        const GuestPlan plan = planStatsPeriod(G{}.make(), req(10));
        QVERIFY(plan.preview.changed);
        QCOMPARE(plan.preview.diff, (QStringList{QStringLiteral("- <memballoon model='virtio'/>"),
                                                 QStringLiteral("+ <memballoon model='virtio'>"),
                                                 QStringLiteral("+   <stats period='10'/>"),
                                                 QStringLiteral("+ </memballoon>")}));
    }

    void switchStepCarriesItsBase() {
        const GuestBalloonInfo guest =
            G{.liveModel = BalloonModel::None, .configModel = BalloonModel::None}.make();
        const GuestPlan plan = planStatsPeriod(guest, req(10, ApplyScope::Automatic, true));
        QCOMPARE(plan.steps.size(), 1);
        const BalloonStep &step = plan.steps.constFirst();
        QCOMPARE(step.baseXml, guest.persistentXml);
        QCOMPARE(step.edit, MemballoonEdit::switchToVirtio(10));
        QCOMPARE(step.beforeModel, QStringLiteral("none"));
        QVERIFY(plan.preview.diffText().contains(QLatin1String("- <memballoon model='none'/>")));
        QVERIFY(plan.preview.diffText().contains(QLatin1String("+   <stats period='10'/>")));
        QVERIFY(plan.notes.join(u' ').contains(QLatin1String("shutdown and start")));
    }

    void beforeValuesAreRecorded() {
        const GuestPlan plan = planStatsPeriod(G{.livePeriod = 3}.make(), req(10));
        QCOMPARE(plan.steps.size(), 2);
        QCOMPARE(plan.steps.at(0).before, std::optional<qint64>(3));
        QCOMPARE(plan.steps.at(1).before, std::optional<qint64>());
        QCOMPARE(plan.steps.at(0).describe(), QStringLiteral("live stats period: 3 s → 10 s"));
        QCOMPARE(plan.steps.at(1).describe(),
                 QStringLiteral("persistent stats period: off → 10 s"));
    }
};

BS_TEST_MAIN(TestStatsPeriodPlanner)
#include "tst_statsperiodplanner.moc"
