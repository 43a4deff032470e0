#include "TestGuests.h"
#include "TestMain.h"
#include "balloon/BalloonTargetDialog.h"
#include "balloon/DomainMemoryConfig.h"
#include "balloon/InlineMessage.h"
#include "balloon/ScopeChooser.h"
#include "ballooncontrol/BalloonControls.h"
#include "monitor/MonitoredHost.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>

using namespace bs;
using namespace bs::gui;
using namespace bs::test;

namespace {

struct Host {
    explicit Host(bool readOnly = false)
        : host(config(readOnly), std::make_shared<NoCredentials>())
        , controls(&host) {}

    static MonitorConfig config(bool readOnly) {
        MonitorConfig c;
        c.uri = QStringLiteral("test:///default");
        c.intervalSeconds = 1;
        c.readOnly = readOnly;
        return c;
    }

    bool connect() {
        QSignalSpy status(host.worker(), &HostMonitor::statusChanged);
        host.start();
        for (int i = 0; i < 50; ++i) {
            for (const auto &args : std::as_const(status)) {
                if (args.at(0).value<HostStatus>().state == HostStatus::State::Connected)
                    return true;
            }
            status.wait(200);
        }
        return false;
    }

    MonitoredHost host;
    BalloonControls controls;
};

bool readGuest(BalloonTargetDialog &dialog) {
    QSignalSpy read(&dialog, &BalloonTargetDialog::guestRead);
    return read.wait(5000);
}

std::optional<quint64> currentMemoryOf(const QString &xml) {
    return parseDomainMemoryConfig(xml).currentMemoryKiB;
}

quint64 liveMemoryOf(virDomainPtr domain) {
    virDomainInfo info{};
    return virDomainGetInfo(domain, &info) == 0 ? quint64(info.memory) : 0;
}

constexpr quint64 MiB = 1024;

} // namespace

class TestBalloonTargetDialog : public QObject {
    Q_OBJECT

    ConnectHandle m_conn;

private Q_SLOTS:
    void initTestCase() {
        m_conn.reset(virConnectOpen("test:///default"));
        QVERIFY(m_conn);
    }

    // 4 GiB maximum, 2 GiB now; the test driver's statistics are not fresh, so the guest's use
    // is unknown: floor 128 MiB, and shrinking needs a confirmation.
    void limitsWarningConfirmationAndApply() {
        ScopedTestGuest guest(m_conn.get(), {.name = QStringLiteral("bs-btd-apply")});
        QVERIFY(guest.ok());
        Host h;
        QVERIFY(h.connect());
        BalloonTargetDialog dialog(&h.host, &h.controls, guest.uuid());
        dialog.show();
        QStringList asked;
        bool answer = false;
        dialog.setConfirmation([&](QWidget *, const QString &title, const QString &text) {
            asked << title + QLatin1Char('|') + text;
            return answer;
        });
        QVERIFY(readGuest(dialog));
        QVERIFY(dialog.windowTitle().contains(guest.name()));
        QCOMPARE(dialog.slider()->minimum(), 128);
        QCOMPARE(dialog.slider()->maximum(), 4096);
        QCOMPARE(dialog.spinBox()->value(), 2048); // starts at the balloon's size now
        QVERIFY(dialog.usedLabel()->text().contains(QLatin1String("unknown")));
        const QString limits = dialog.limitsLabel()->text();
        QVERIFY2(limits.contains(QLatin1String("Floor 128 MiB")), qPrintable(limits));
        QVERIFY2(limits.contains(QLatin1String("maximum ") + units::formatKiB(4096 * MiB)),
                 qPrintable(limits));
        QVERIFY(!dialog.applyButton()->isEnabled()); // nothing to change yet
        QVERIFY(dialog.plan().notes.join(u' ').contains(QLatin1String("already ") +
                                                        units::formatKiB(2048 * MiB)));

        // Above the maximum: refused, with the reason.
        dialog.setTargetMiB(99999);
        QVERIFY(dialog.refusalMessage()->isVisibleTo(&dialog));
        QVERIFY2(dialog.refusalMessage()->text().contains(
                     QLatin1String("above the guest's maximum memory")),
                 qPrintable(dialog.refusalMessage()->text()));
        QVERIFY(!dialog.applyButton()->isEnabled());
        QCOMPARE(dialog.slider()->value(), 4096); // pinned at its end
        // Below the floor.
        dialog.setTargetMiB(64);
        QVERIFY2(dialog.refusalMessage()->text().contains(QLatin1String("below the safe floor of "
                                                                        "128 MiB")),
                 qPrintable(dialog.refusalMessage()->text()));
        QVERIFY(!dialog.applyButton()->isEnabled());
        dialog.setTargetMiB(0);
        QVERIFY(dialog.refusalMessage()->text().contains(QLatin1String("not a size")));

        // Inside the limits: a warning (use unknown), and Apply asks first.
        dialog.slider()->setValue(1536);
        QCOMPARE(dialog.spinBox()->value(), 1536);
        QVERIFY(!dialog.refusalMessage()->isVisibleTo(&dialog));
        QVERIFY(dialog.warningMessage()->isVisibleTo(&dialog));
        QVERIFY(dialog.warningMessage()->text().contains(QLatin1String("memory use is unknown")));
        QVERIFY(dialog.applyButton()->isEnabled());
        dialog.applyButton()->click();
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.constFirst().contains(QLatin1String("memory use is unknown")));
        QTest::qWait(300);
        QCOMPARE(currentMemoryOf(guest.xml(VIR_DOMAIN_XML_INACTIVE)),
                 std::optional<quint64>(2048 * MiB)); // declined: nothing happened

        answer = true;
        QSignalSpy changes(&h.controls, &BalloonControls::changeRecorded);
        QSignalSpy reread(&dialog, &BalloonTargetDialog::guestRead);
        dialog.applyButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(reread.size(), 1, 5000);
        QVERIFY2(dialog.resultMessage()->text().contains(QLatin1String("Result: applied")),
                 qPrintable(dialog.resultMessage()->text()));
        QCOMPARE(dialog.resultMessage()->kind(), InlineMessage::Kind::Info);
        QCOMPARE(currentMemoryOf(guest.xml(VIR_DOMAIN_XML_INACTIVE)),
                 std::optional<quint64>(1536 * MiB));
        QCOMPARE(liveMemoryOf(guest.domain()), 1536 * MiB);
        QCOMPARE(changes.size(), 2);
        for (const auto &args : std::as_const(changes)) {
            const auto event = args.at(0).value<BalloonChangeEvent>();
            QCOMPARE(event.kind, BalloonChangeEvent::Kind::BalloonTarget);
            QCOMPARE(event.before, std::optional<qint64>(2048 * MiB));
            QCOMPARE(event.after, std::optional<qint64>(1536 * MiB));
        }
        QVERIFY(!dialog.applyButton()->isEnabled()); // read again: already 1.5 GiB
    }

    // A fresh report (which the test driver cannot give: its last_update is from 1989) sets the
    // floor at what the guest uses and the warning under the margin above it.
    void marginAboveUsedFromAFreshReport() {
        ScopedTestGuest guest(m_conn.get(), {.name = QStringLiteral("bs-btd-margin")});
        QVERIFY(guest.ok());
        Host h;
        QVERIFY(h.connect());
        BalloonTargetDialog dialog(&h.host, &h.controls, guest.uuid());
        QVERIFY(readGuest(dialog));
        // Keep the synthetic figures: no updates from the test driver's polls.
        QObject::disconnect(h.host.worker(), nullptr, &dialog, nullptr);
        BalloonTargetPolicy policy;
        policy.margin = 0.25; // from the preferences
        dialog.setPolicy(policy);
        GuestBalloonInfo info;
        info.hostId = QStringLiteral("test:///default");
        info.uuid = guest.uuid();
        info.name = guest.name();
        info.state = DomainState::Running;
        info.persistent = true;
        info.liveBalloon.model = info.persistentBalloon.model = BalloonModel::Virtio;
        info.liveBalloon.period = 2;
        info.liveMaximumKiB = info.persistentMaximumKiB = 4096 * MiB;
        info.liveCurrentKiB = info.persistentCurrentKiB = 2048 * MiB;
        info.stats.actual = 2048 * MiB;
        info.stats.available = 2000 * MiB;
        info.stats.usable = 1000 * MiB; // used (excluding cache) = 1000 MiB
        info.stats.unused = 800 * MiB;
        info.statsFresh = true;
        dialog.setGuest(info);
        QVERIFY2(dialog.usedLabel()->text().startsWith(units::formatKiB(1000 * MiB)),
                 qPrintable(dialog.usedLabel()->text()));
        QCOMPARE(dialog.slider()->minimum(), 1000);
        QVERIFY2(dialog.limitsLabel()->text().contains(QLatin1String("used + 25 %")),
                 qPrintable(dialog.limitsLabel()->text()));

        dialog.setTargetMiB(1100); // under 1250 = used + 25 %
        QVERIFY(dialog.warningMessage()->isVisibleTo(&dialog));
        QVERIFY2(dialog.warningMessage()->text().contains(QLatin1String("less than 25 %")),
                 qPrintable(dialog.warningMessage()->text()));
        QVERIFY(dialog.applyButton()->isEnabled());
        dialog.setTargetMiB(1300);
        QVERIFY(!dialog.warningMessage()->isVisibleTo(&dialog));
        dialog.setTargetMiB(900); // under what it uses
        QVERIFY2(dialog.refusalMessage()->text().contains(QLatin1String("below what the guest "
                                                                        "uses now")),
                 qPrintable(dialog.refusalMessage()->text()));
        QVERIFY(!dialog.applyButton()->isEnabled());
        // Only the persistent configuration: its floor is the minimum, not the guest's use.
        dialog.scopeChooser()->setChoice(false, true);
        QCOMPARE(dialog.slider()->minimum(), 128);
        QVERIFY(!dialog.refusalMessage()->isVisibleTo(&dialog));
        QVERIFY(!dialog.warningMessage()->isVisibleTo(&dialog));
    }

    void readOnlyDisablesWithTheReason() {
        ScopedTestGuest guest(m_conn.get(), {.name = QStringLiteral("bs-btd-ro")});
        QVERIFY(guest.ok());
        Host h(true);
        QVERIFY(h.connect());
        BalloonTargetDialog dialog(&h.host, &h.controls, guest.uuid());
        QVERIFY(readGuest(dialog));
        QVERIFY(dialog.banner()->text().contains(QLatin1String("read-only")));
        QVERIFY(!dialog.spinBox()->isEnabled());
        QVERIFY(!dialog.slider()->isEnabled());
        QVERIFY(!dialog.applyButton()->isEnabled());
        QVERIFY(dialog.refusalMessage()->text().contains(QLatin1String("read-only")));
    }

    void guestWithoutBalloonAndInactiveGuest() {
        ScopedTestGuest none(m_conn.get(),
                             {.name = QStringLiteral("bs-btd-none"),
                              .balloon = QStringLiteral("<memballoon model='none'/>")});
        ScopedTestGuest off(m_conn.get(), {.name = QStringLiteral("bs-btd-off"), .running = false});
        QVERIFY(none.ok() && off.ok());
        Host h;
        QVERIFY(h.connect());
        BalloonTargetDialog noBalloon(&h.host, &h.controls, none.uuid());
        QVERIFY(readGuest(noBalloon));
        noBalloon.setTargetMiB(1024);
        QVERIFY(noBalloon.refusalMessage()->text().contains(QLatin1String("no balloon device")));
        QVERIFY(!noBalloon.applyButton()->isEnabled());

        BalloonTargetDialog stopped(&h.host, &h.controls, off.uuid());
        QVERIFY(readGuest(stopped));
        stopped.setTargetMiB(1024);
        QVERIFY(stopped.applyButton()->isEnabled()); // both chosen: its configuration only
        stopped.scopeChooser()->setChoice(true, false);
        QVERIFY(stopped.refusalMessage()->text().contains(QLatin1String("not running")));
        QVERIFY(!stopped.applyButton()->isEnabled());
    }
};

BS_GUI_TEST_MAIN(TestBalloonTargetDialog)
#include "tst_balloontargetdialog.moc"
