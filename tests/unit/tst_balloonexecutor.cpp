#include "TestGuests.h"
#include "TestMain.h"
#include "balloon/BalloonExecutor.h"
#include "balloon/BalloonInspector.h"
#include "balloon/BalloonTargetPlanner.h"
#include "balloon/DomainMemoryConfig.h"
#include "balloon/StatsPeriodPlanner.h"
#include "libvirt/Connection.h"

#include <QDateTime>

using namespace bs;
using namespace bs::test;
using Outcome = StepResult::Outcome;

namespace {

const QString VirtioWithPeriod5 =
    QStringLiteral("<memballoon model='virtio'><stats period='5'/></memballoon>");
const QString ModelNone = QStringLiteral("<memballoon model='none'/>");

StatsPeriodRequest period(std::optional<int> seconds, ApplyScope scope = ApplyScope::Automatic,
                          bool switchToVirtio = false) {
    StatsPeriodRequest r;
    r.period = seconds ? *StatsPeriodSetting::seconds(*seconds) : StatsPeriodSetting::off();
    r.scope = scope;
    r.switchToVirtio = switchToVirtio;
    return r;
}

} // namespace

class TestBalloonExecutor : public QObject {
    Q_OBJECT

    std::unique_ptr<Connection> m_conn;
    std::unique_ptr<Connection> m_readOnly;

    GuestBalloonInfo inspect(const ScopedTestGuest &guest) {
        auto guests =
            inspectGuests(*m_conn, {{guest.uuid()}, false}, QDateTime::currentMSecsSinceEpoch());
        if (!guests || guests->size() != 1)
            return {};
        return guests->constFirst();
    }

private Q_SLOTS:
    void initTestCase() {
        auto rw = Connection::open(QStringLiteral("test:///default"), {}, nullptr);
        QVERIFY(rw.ok());
        m_conn = std::move(rw).value();
        OpenOptions options;
        options.readOnly = true;
        auto ro = Connection::open(QStringLiteral("test:///default"), options, nullptr);
        QVERIFY(ro.ok());
        m_readOnly = std::move(ro).value();
    }

    void periodLiveAndConfig() {
        ScopedTestGuest guest(m_conn->get(), {.name = QStringLiteral("bs-exec-period")});
        QVERIFY2(guest.ok(), qPrintable(guest.error()));
        const GuestPlan plan = planStatsPeriod(inspect(guest), period(10));
        QCOMPARE(plan.steps.size(), 2);
        QList<BalloonChangeEvent> events;
        const GuestApplyResult result = BalloonExecutor(*m_conn).apply(
            plan, [&](const BalloonChangeEvent &e) { events.append(e); });
        QCOMPARE(result.outcome, GuestOutcome::Applied);
        QVERIFY(result.ok());
        QCOMPARE(parseBalloonConfig(guest.xml()).period, std::optional<int>(10));
        QCOMPARE(parseBalloonConfig(guest.xml(VIR_DOMAIN_XML_INACTIVE)).period,
                 std::optional<int>(10));
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.at(0).kind, BalloonChangeEvent::Kind::StatsPeriod);
        QVERIFY(events.at(0).live);
        QVERIFY(!events.at(1).live);
        QCOMPARE(events.at(1).after, std::optional<qint64>(10));
        QCOMPARE(events.at(1).description(),
                 QStringLiteral("Stats period (persistent): off → 10 s"));
        QVERIFY2(result.details().contains(QStringLiteral("live stats period: off → 10 s — done")),
                 qPrintable(result.details()));
    }

    void turningOffIsApplied() {
        ScopedTestGuest guest(
            m_conn->get(), {.name = QStringLiteral("bs-exec-off"), .balloon = VirtioWithPeriod5});
        QVERIFY(guest.ok());
        const GuestApplyResult result =
            BalloonExecutor(*m_conn).apply(planStatsPeriod(inspect(guest), period(std::nullopt)));
        QCOMPARE(result.outcome, GuestOutcome::Applied);
        QCOMPARE(parseBalloonConfig(guest.xml()).period.value_or(0), 0);
        QCOMPARE(parseBalloonConfig(guest.xml(VIR_DOMAIN_XML_INACTIVE)).period.value_or(0), 0);
    }

    void switchToVirtioKeepsSecretsAndTheRest() {
        ScopedTestGuest guest(m_conn->get(),
                              {.name = QStringLiteral("bs-exec-switch"), .balloon = ModelNone});
        QVERIFY(guest.ok());
        const GuestPlan plan =
            planStatsPeriod(inspect(guest), period(10, ApplyScope::Automatic, true));
        QCOMPARE(plan.steps.size(), 1);
        QVERIFY(plan.refusals.isEmpty());
        QList<BalloonChangeEvent> events;
        const GuestApplyResult result = BalloonExecutor(*m_conn).apply(
            plan, [&](const BalloonChangeEvent &e) { events.append(e); });
        QVERIFY2(result.ok(), qPrintable(result.details()));

        const QString persistent = guest.xml(VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE);
        QCOMPARE(parseBalloonConfig(persistent).model, BalloonModel::Virtio);
        QCOMPARE(parseBalloonConfig(persistent).period, std::optional<int>(10));
        QVERIFY2(persistent.contains(QLatin1String("passwd='s3cret'")), qPrintable(persistent));
        QVERIFY(persistent.contains(QLatin1String("/guest/bs-exec-switch.img")));
        QCOMPARE(parseBalloonConfig(guest.xml()).model, BalloonModel::None); // until restarted
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.constFirst().kind, BalloonChangeEvent::Kind::BalloonModel);
        QCOMPARE(events.constFirst().beforeModel, QStringLiteral("none"));
        QCOMPARE(events.constFirst().afterModel, QStringLiteral("virtio"));
    }

    void configChangedSinceThePreviewIsRefused() {
        ScopedTestGuest guest(m_conn->get(),
                              {.name = QStringLiteral("bs-exec-race"), .balloon = ModelNone});
        QVERIFY(guest.ok());
        const GuestPlan plan =
            planStatsPeriod(inspect(guest), period(10, ApplyScope::Config, true));
        // Someone else edits the guest between the preview and "Apply".
        QString edited = guest.xml(VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE);
        edited.replace(QLatin1String("</name>"),
                       QLatin1String("</name>\n  <description>edited</description>"));
        DomainHandle redefined(virDomainDefineXML(m_conn->get(), edited.toUtf8().constData()));
        QVERIFY(redefined);

        const GuestApplyResult result = BalloonExecutor(*m_conn).apply(plan);
        QCOMPARE(result.outcome, GuestOutcome::Failed);
        QVERIFY2(result.details().contains(QLatin1String("changed since the preview")),
                 qPrintable(result.details()));
        QCOMPARE(parseBalloonConfig(guest.xml(VIR_DOMAIN_XML_INACTIVE)).model, BalloonModel::None);
    }

    void guestVanishedBeforeApply() {
        auto *guest = new ScopedTestGuest(
            m_conn->get(), {.name = QStringLiteral("bs-exec-gone"), .persistent = false});
        QVERIFY(guest->ok());
        const GuestPlan plan = planStatsPeriod(inspect(*guest), period(10));
        delete guest; // destroyed: a transient guest is gone
        const GuestApplyResult result = BalloonExecutor(*m_conn).apply(plan);
        QCOMPARE(result.outcome, GuestOutcome::Failed);
        QCOMPARE(result.steps.size(), 1);
        QCOMPARE(result.steps.constFirst().outcome, Outcome::NotAttempted);
        QVERIFY2(result.details().contains(QLatin1String("The guest no longer exists")),
                 qPrintable(result.details()));
    }

    void guestVanishesMidApply() {
        ScopedTestGuest guest(m_conn->get(), {.name = QStringLiteral("bs-exec-midway")});
        QVERIFY(guest.ok());
        const GuestPlan plan = planStatsPeriod(inspect(guest), period(10));
        QCOMPARE(plan.steps.size(), 2);
        BalloonExecutor executor(*m_conn);
        executor.setBeforeStep([&](const GuestPlan &, int step) {
            if (step == 1)
                guest.remove(); // after the live change, before the persistent one
        });
        QList<BalloonChangeEvent> events;
        const GuestApplyResult result =
            executor.apply(plan, [&](const BalloonChangeEvent &e) { events.append(e); });
        QCOMPARE(result.outcome, GuestOutcome::Partial); // said, not hidden
        QCOMPARE(result.steps.at(0).outcome, Outcome::Done);
        QCOMPARE(result.steps.at(1).outcome, Outcome::Failed);
        QVERIFY2(result.steps.at(1).error->message.contains(QLatin1String("no longer exists")),
                 qPrintable(result.steps.at(1).error->message));
        QCOMPARE(events.size(), 1);
    }

    void readOnlyConnectionIsReported() {
        ScopedTestGuest guest(m_conn->get(), {.name = QStringLiteral("bs-exec-ro")});
        QVERIFY(guest.ok());
        // A plan made on a read-write view, applied through a read-only connection: libvirt
        // itself refuses, and the result says why in words.
        const GuestPlan plan = planStatsPeriod(inspect(guest), period(10));
        const GuestApplyResult result = BalloonExecutor(*m_readOnly).apply(plan);
        QCOMPARE(result.outcome, GuestOutcome::Failed);
        const Error &error = *result.steps.constFirst().error;
        QCOMPARE(error.code, int(VIR_ERR_OPERATION_DENIED));
        QVERIFY2(error.message.startsWith(QLatin1String("The connection is read-only")),
                 qPrintable(error.message));
        QVERIFY(!parseBalloonConfig(guest.xml()).period);
    }

    void balloonTargetLiveAndConfig() {
        ScopedTestGuest guest(m_conn->get(), {.name = QStringLiteral("bs-exec-target")});
        QVERIFY(guest.ok());
        BalloonTargetRequest request;
        request.targetKiB = 1048576; // from 2 GiB to 1 GiB
        GuestPlan plan = planBalloonTarget(inspect(guest), request);
        QCOMPARE(plan.warnings.size(), 1); // the test driver's figures are never fresh
        const GuestApplyResult unconfirmed = BalloonExecutor(*m_conn).apply(plan);
        QCOMPARE(unconfirmed.outcome, GuestOutcome::Failed);
        QVERIFY(unconfirmed.details().contains(QLatin1String("not confirmed")));

        plan.warningsAccepted = true;
        QList<BalloonChangeEvent> events;
        const GuestApplyResult result = BalloonExecutor(*m_conn).apply(
            plan, [&](const BalloonChangeEvent &e) { events.append(e); });
        QCOMPARE(result.outcome, GuestOutcome::Applied);
        virDomainInfo info{};
        QCOMPARE(virDomainGetInfo(guest.domain(), &info), 0);
        QCOMPARE(quint64(info.memory), quint64(1048576));
        QCOMPARE(parseDomainMemoryConfig(guest.xml(VIR_DOMAIN_XML_INACTIVE)).currentMemoryKiB,
                 std::optional<quint64>(1048576));
        QCOMPARE(events.size(), 2);
        QCOMPARE(events.constFirst().kind, BalloonChangeEvent::Kind::BalloonTarget);
        QCOMPARE(events.constFirst().before, std::optional<qint64>(2097152));
        QCOMPARE(events.constFirst().after, std::optional<qint64>(1048576));
    }

    void libvirtGuardsTheMaximumToo() {
        ScopedTestGuest guest(m_conn->get(), {.name = QStringLiteral("bs-exec-max")});
        QVERIFY(guest.ok());
        GuestPlan plan; // made by hand: the planner would never let this through
        plan.uuid = guest.uuid();
        plan.name = guest.name();
        BalloonStep step;
        step.kind = BalloonStep::Kind::LiveTarget;
        step.targetKiB = 16777216;
        plan.steps.append(step);
        const GuestApplyResult result = BalloonExecutor(*m_conn).apply(plan);
        QCOMPARE(result.outcome, GuestOutcome::Failed);
        QVERIFY2(result.details().contains(QLatin1String("higher than max memory")),
                 qPrintable(result.details()));
    }

    // What libvirt 9.0.0's test driver does with the calls we make (and the ones we avoid).
    void testDriverBehaviour_data() {
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("guest"); // running / off / transient / none
        QTest::addColumn<int>("value");
        QTest::addColumn<uint>("flags");
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<int>("code"); // 0: the call succeeds

        const uint live = VIR_DOMAIN_AFFECT_LIVE;
        const uint config = VIR_DOMAIN_AFFECT_CONFIG;
        QTest::newRow("period live") << "period"
                                     << "running" << 10 << live << false << 0;
        QTest::newRow("period config") << "period"
                                       << "running" << 10 << config << false << 0;
        QTest::newRow("period current on a running guest") << "period"
                                                           << "running" << 10 << 0u << false << 0;
        QTest::newRow("period live|config: refused by the test driver")
            << "period"
            << "running" << 10 << (live | config) << false << int(VIR_ERR_INVALID_ARG);
        QTest::newRow("period -1: refused by the API")
            << "period"
            << "running" << -1 << live << false << int(VIR_ERR_INVALID_ARG);
        QTest::newRow("period 0 turns it off") << "period"
                                               << "running" << 0 << live << false << 0;
        QTest::newRow("period on model none")
            << "period"
            << "none" << 10 << live << false << int(VIR_ERR_INTERNAL_ERROR);
        QTest::newRow("period live on an inactive guest")
            << "period"
            << "off" << 10 << live << false << int(VIR_ERR_OPERATION_INVALID);
        QTest::newRow("period config on an inactive guest") << "period"
                                                            << "off" << 10 << config << false << 0;
        QTest::newRow("period config on a transient guest")
            << "period"
            << "transient" << 10 << config << false << int(VIR_ERR_OPERATION_INVALID);
        QTest::newRow("period, read-only")
            << "period"
            << "running" << 10 << live << true << int(VIR_ERR_OPERATION_DENIED);
        QTest::newRow("memory live") << "memory"
                                     << "running" << 1048576 << live << false << 0;
        QTest::newRow("memory config") << "memory"
                                       << "running" << 1048576 << config << false << 0;
        QTest::newRow("memory live|config: refused by the test driver")
            << "memory"
            << "running" << 1048576 << (live | config) << false << int(VIR_ERR_INVALID_ARG);
        QTest::newRow("memory above the maximum")
            << "memory"
            << "running" << 8388608 << live << false << int(VIR_ERR_INVALID_ARG);
        QTest::newRow("memory 0") << "memory"
                                  << "running" << 0 << live << false << int(VIR_ERR_INVALID_ARG);
        QTest::newRow("memory 100 KiB: no floor in libvirt, ours is the only one")
            << "memory"
            << "running" << 100 << live << false << 0;
        QTest::newRow("memory live on model none: the test driver does not care")
            << "memory"
            << "none" << 1048576 << live << false << 0;
        QTest::newRow("memory, read-only")
            << "memory"
            << "running" << 1048576 << live << true << int(VIR_ERR_OPERATION_DENIED);
    }

    void testDriverBehaviour() {
        QFETCH(QString, call);
        QFETCH(QString, guest);
        QFETCH(int, value);
        QFETCH(uint, flags);
        QFETCH(bool, readOnly);
        QFETCH(int, code);
        ScopedTestGuest g(m_conn->get(),
                          {.name = QStringLiteral("bs-exec-drv"),
                           .balloon = guest == u"none"
                                          ? ModelNone
                                          : QStringLiteral("<memballoon model='virtio'/>"),
                           .persistent = guest != u"transient",
                           .running = guest != u"off"});
        QVERIFY2(g.ok(), qPrintable(g.error()));
        DomainHandle domain(virDomainLookupByUUIDString((readOnly ? m_readOnly : m_conn)->get(),
                                                        g.uuid().toUtf8().constData()));
        QVERIFY(domain);
        const int rc = call == u"period"
                           ? virDomainSetMemoryStatsPeriod(domain.get(), value, flags)
                           : virDomainSetMemoryFlags(domain.get(), ulong(value), flags);
        virErrorPtr error = virGetLastError();
        const int seen = rc < 0 && error ? error->code : 0;
        const QString message =
            error && error->message ? QString::fromUtf8(error->message) : QString();
        virResetLastError();
        QVERIFY2(rc < 0 ? code != 0 : code == 0, qPrintable(message));
        QCOMPARE(seen, code);
    }
};

BS_TEST_MAIN(TestBalloonExecutor)
#include "tst_balloonexecutor.moc"
