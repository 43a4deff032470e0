#include "CliRunner.h"
#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "policies/PoliciesPage.h"
#include "policies/ReplayBar.h"
#include "policies/ReplayChart.h"
#include "policies/ReplaySummaryModel.h"
#include "policy/PolicyReplayJson.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QJsonDocument>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace bs;
using namespace bs::gui;
using namespace bs::test;

// The Policies page over a history the real store wrote: the same replay as `balloonscope-cli
// simulate` on the same range (byte for byte as JSON), its summary, charts and squeeze list,
// its choices kept, and what it says when there is nothing to replay.
namespace {

const QString Host = QStringLiteral("qemu:///system");
const QString Steady = QStringLiteral("22222222-2222-2222-2222-222222222222");
const QString Growing = QStringLiteral("44444444-4444-4444-4444-444444444444");
constexpr qint64 MiB = 1024;
constexpr qint64 GiB = 1024 * 1024;

MemorySample guest(const QString &uuid, qint64 t, qint64 need) {
    MemorySample s;
    s.uuid = uuid;
    s.name = uuid == Steady ? QStringLiteral("steady") : QStringLiteral("growing");
    s.timeMs = t;
    s.state = DomainState::Running;
    s.statsState = StatsState::Reporting;
    s.freshReport = true;
    s.stats.actual = quint64(4 * GiB);
    s.stats.maximum = quint64(4 * GiB);
    s.stats.lastUpdate = t / 1000;
    s.stats.available = quint64(4 * GiB);
    s.stats.usable = quint64(4 * GiB - need);
    s.stats.unused = quint64(4 * GiB - need);
    return s;
}

} // namespace

class TestPoliciesPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;
    QString m_db;
    qint64 m_from = 0;
    qint64 m_to = 0;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("policies.sqlite"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch() / 60000 * 60000;
        m_from = now - 3600000;
        m_to = now;
        m_clock.set(m_from);
        HistoryStore store(testHistoryOptions(m_db, m_clock));
        QVERIFY(openAndWait(store));
        // The last hour at 10 s: 16 GiB host with 2 GiB free incl. caches; a steady guest
        // needing 1 GiB and one whose need grows from 1 to 3.5 GiB.
        for (int i = 0; i < 360; ++i) {
            const qint64 t = m_from + i * 10000;
            store.record(pollCycle(
                Host, t, {guest(Steady, t, GiB), guest(Growing, t, GiB + i * 7 * MiB)}, 10));
            HostSample h;
            h.hostId = Host;
            h.timeMs = t;
            h.total = quint64(16 * GiB);
            h.free = quint64(GiB);
            h.buffers = quint64(0);
            h.cached = quint64(GiB);
            store.recordHost(h);
        }
        QVERIFY(store.waitForIdle());
    }

    void replaysAsTheCliDoes() {
        m_clock.set(m_to);
        HistoryStore store(testHistoryOptions(m_db, m_clock));
        QVERIFY(openAndWait(store));
        QSettings settings(m_dir.filePath(QStringLiteral("a.ini")), QSettings::IniFormat);
        PoliciesPage page(&store, settings);
        page.bar()->targetBox()->setValue(70);
        QSignalSpy shown(&page, &PoliciesPage::replayShown);
        page.setHost(Host, QStringLiteral("this machine"));
        page.replay(m_from, m_to);
        QVERIFY(shown.wait(20000));
        QCOMPARE(page.runs().size(), 3);
        QVERIFY2(page.statusLabel()->text().contains(QStringLiteral("Open-loop")),
                 qPrintable(page.statusLabel()->text()));

        const CliRun cli =
            runCli({QStringLiteral("simulate"), QStringLiteral("--db"), m_db,
                    QStringLiteral("--host"), Host, QStringLiteral("--from"),
                    QDateTime::fromMSecsSinceEpoch(m_from, Qt::UTC).toString(Qt::ISODateWithMs),
                    QStringLiteral("--to"),
                    QDateTime::fromMSecsSinceEpoch(m_to, Qt::UTC).toString(Qt::ISODateWithMs),
                    QStringLiteral("--host-target"), QStringLiteral("70%"),
                    QStringLiteral("--json"), QStringLiteral("--series")});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        QCOMPARE(QJsonDocument::fromJson(cli.out.toUtf8()).object(),
                 policyReplayJson(page.input(), page.runs(), true));

        // What the page shows of it.
        QCOMPARE(page.summary()->rowCount(), 3);
        int squeezes = 0;
        for (const PolicyReplay &run : page.runs())
            squeezes += int(run.squeezes.size());
        QCOMPARE(page.squeezeList()->topLevelItemCount(), squeezes);
        QCOMPARE(page.guestBox()->count(), 2);
        // Need, recorded balloon and one line per policy; the host: recorded free + per policy.
        QCOMPARE(page.guestChart()->lineCount(), 2 + 3);
        QCOMPARE(page.hostChart()->lineCount(), 1 + 3);
        const PolicyReplay &mine = page.runs()[2];
        QCOMPARE(mine.policy, PolicyKind::Balloonscope);
        QVERIFY(mine.squeezes.isEmpty());
        QVERIFY(mine.handedBackPeakKiB > 0); // the host was over its 70 % target
    }

    void choicesReplayAndAreKept() {
        m_clock.set(m_to);
        HistoryStore store(testHistoryOptions(m_db, m_clock));
        QVERIFY(openAndWait(store));
        const QString ini = m_dir.filePath(QStringLiteral("b.ini"));
        {
            QSettings settings(ini, QSettings::IniFormat);
            PoliciesPage page(&store, settings);
            QSignalSpy shown(&page, &PoliciesPage::replayShown);
            page.setHost(Host, QStringLiteral("this machine"));
            page.refresh();
            QVERIFY(shown.wait(20000));
            QCOMPARE(page.summary()->rowCount(), 3);
            // Unticking MOM replays the two others (after the edit settles).
            page.bar()->policyBox(PolicyKind::Mom)->setChecked(false);
            page.bar()->floorBox()->setValue(512);
            QVERIFY(shown.wait(20000));
            QCOMPARE(page.summary()->rowCount(), 2);
            QCOMPARE(page.runs().first().policy, PolicyKind::Proxmox);
            // Nothing ticked: said, nothing read.
            page.bar()->policyBox(PolicyKind::Proxmox)->setChecked(false);
            page.bar()->policyBox(PolicyKind::Balloonscope)->setChecked(false);
            QTRY_VERIFY(page.statusLabel()->text().contains(QStringLiteral("Tick")));
            page.bar()->policyBox(PolicyKind::Balloonscope)->setChecked(true);
            QVERIFY(shown.wait(20000));
        }
        QSettings settings(ini, QSettings::IniFormat);
        PoliciesPage again(&store, settings);
        QVERIFY(!again.bar()->policyBox(PolicyKind::Mom)->isChecked());
        QVERIFY(!again.bar()->policyBox(PolicyKind::Proxmox)->isChecked());
        QVERIFY(again.bar()->policyBox(PolicyKind::Balloonscope)->isChecked());
        QCOMPARE(again.bar()->floorBox()->value(), 512);
        QCOMPARE(again.settings().balloonscope.floorKiB, 512 * MiB);
    }

    void nothingToReplay() {
        m_clock.set(m_to);
        HistoryStore store(testHistoryOptions(m_db, m_clock));
        QVERIFY(openAndWait(store));
        QSettings settings(m_dir.filePath(QStringLiteral("c.ini")), QSettings::IniFormat);
        PoliciesPage page(&store, settings);
        QVERIFY(page.statusLabel()->text().contains(QStringLiteral("Choose a host")));
        QSignalSpy shown(&page, &PoliciesPage::replayShown);
        page.setHost(QStringLiteral("qemu+ssh://nobody@elsewhere/system"),
                     QStringLiteral("elsewhere"));
        page.refresh();
        QVERIFY(shown.wait(20000));
        QVERIFY2(page.statusLabel()->text().contains(QStringLiteral("Nothing was recorded")),
                 qPrintable(page.statusLabel()->text()));
        QCOMPARE(page.squeezeList()->topLevelItemCount(), 0);
    }
};

BS_GUI_TEST_MAIN(TestPoliciesPage)
#include "tst_policiespage.moc"
