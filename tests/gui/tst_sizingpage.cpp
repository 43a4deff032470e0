#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "TestSupport.h"
#include "balloon/BalloonFeature.h"
#include "balloon/NextBootDialog.h"
#include "connection/Connections.h"
#include "guests/GuestTableModel.h"
#include "libvirt/CredentialProvider.h"
#include "sizing/PolicyBar.h"
#include "sizing/SizingPage.h"
#include "sizing/SizingTableModel.h"
#include "sizing/WhatIfPanel.h"
#include "workbench/Workbench.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;
using namespace bs::test;

// The Sizing page over a history the real store wrote (the same advice as adviseHost on the
// same query), its what-if and Apply signals; "Set for next boot" against libvirt's test
// driver through the balloon feature.
namespace {

const QString Host = QStringLiteral("qemu:///system");
const QString Steady = QStringLiteral("22222222-2222-2222-2222-222222222222");
const QString Silent = QStringLiteral("33333333-3333-3333-3333-333333333333");
constexpr qint64 MiB = 1024;
constexpr qint64 GiB = 1024 * 1024;

MemorySample steady(qint64 t) {
    MemorySample s;
    s.uuid = Steady;
    s.name = QStringLiteral("steady");
    s.timeMs = t;
    s.state = DomainState::Running;
    s.statsState = StatsState::Reporting;
    s.freshReport = true;
    s.stats.actual = quint64(2 * GiB);
    s.stats.maximum = quint64(4 * GiB);
    s.stats.lastUpdate = t / 1000;
    s.stats.available = quint64(2 * GiB);
    s.stats.usable = quint64(2 * GiB - 300 * MiB);
    s.stats.unused = quint64(2 * GiB - 400 * MiB);
    return s;
}

MemorySample silent(qint64 t) {
    MemorySample s;
    s.uuid = Silent;
    s.name = QStringLiteral("nodriver");
    s.timeMs = t;
    s.state = DomainState::Running;
    s.statsState = StatsState::NoDriver;
    s.stats.actual = quint64(GiB);
    s.stats.maximum = quint64(GiB);
    return s;
}

QString balloonHostUri() {
    return QStringLiteral("test://") +
           test::fixturePath(QStringLiteral("testdriver/balloon-host.xml"));
}
const QString Web01 = QStringLiteral("a9da93b2-63c6-481d-9290-f1fc2a493f31");

void selectRow(SizingPage &page, const QString &uuid) {
    page.selectGuests({uuid});
}

} // namespace

class TestSizingPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;
    QString m_db;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("sizing.sqlite"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_clock.set(now - 3600000);
        HistoryStore store(testHistoryOptions(m_db, m_clock));
        QVERIFY(openAndWait(store));
        store.recordHostMemory(Host, now - 3600000, quint64(8 * GiB));
        for (int i = 0; i < 360; ++i) { // the last hour at 10 s
            const qint64 t = now - 3600000 + i * 10000;
            store.record(pollCycle(Host, t, {steady(t), silent(t)}, 10));
        }
        QVERIFY(store.waitForIdle());
    }

    void showsTheAdviceOfTheHistory() {
        m_clock.set(QDateTime::currentMSecsSinceEpoch());
        HistoryStore store(testHistoryOptions(m_db, m_clock));
        QVERIFY(openAndWait(store));
        QSettings settings(m_dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        SizingPage page(&store, settings);
        QSignalSpy shown(&page, &SizingPage::adviceShown);
        page.setHost(Host, QStringLiteral("this machine"));
        page.refresh();
        QVERIFY(shown.wait(10000));
        QCOMPARE(page.model()->rowCount(), 2);

        // The same numbers as adviseHost on the same query (Balanced by default).
        const SizingPolicy balanced = SizingPolicy::fromPreset(SizingPreset::Balanced);
        const HostAdvice expected = adviseHost(
            queryNeeds(store, needRequestFor(Host, balanced, QDateTime::currentMSecsSinceEpoch())),
            balanced, page.whatIf()->request());
        const GuestAdvice *s = page.model()->adviceFor(Steady);
        QVERIFY(s);
        QCOMPARE(s->recommendedKiB, std::optional<qint64>(345 * MiB)); // 300 MiB + 15 %
        QCOMPARE(s->recommendedKiB, expected.guests[1].recommendedKiB);
        QCOMPARE(s->reclaimableKiB, 2 * GiB - 345 * MiB);
        const GuestAdvice *n = page.model()->adviceFor(Silent);
        QVERIFY(n);
        QCOMPARE(n->status, AdviceStatus::NotReporting);
        QVERIFY(page.summaryLabel()->text().contains(QLatin1String("1 of 2 guests advised")));

        // A guest without a number: Readiness only.
        QSignalSpy readiness(&page, &SizingPage::readinessRequested);
        selectRow(page, Silent);
        QVERIFY(!page.targetButton()->isEnabled());
        QVERIFY(!page.nextBootButton()->isEnabled());
        QVERIFY(page.readinessButton()->isEnabled());
        page.readinessButton()->click();
        QCOMPARE(readiness.size(), 1);
        QCOMPARE(readiness.first().at(1).toString(), Silent);

        // The steady guest: both Apply buttons hand over its recommendation.
        QSignalSpy target(&page, &SizingPage::balloonTargetRequested);
        QSignalSpy nextBoot(&page, &SizingPage::nextBootRequested);
        selectRow(page, Steady);
        QVERIFY(page.targetButton()->isEnabled());
        page.targetButton()->click();
        page.nextBootButton()->click();
        QCOMPARE(target.size(), 1);
        const auto targets = target.first().at(1).value<QHash<QString, qint64>>();
        QCOMPARE(targets.value(Steady), 345 * MiB);
        QCOMPARE(nextBoot.size(), 1);

        // What-if: 8 GiB host, 1 GiB reserve, 3 GiB held today.
        page.whatIf()->sizeBox()->setValue(4);
        QVERIFY2(page.whatIf()->answerLabel()->text().startsWith(QLatin1String("Yes")),
                 qPrintable(page.whatIf()->answerLabel()->text()));
        page.whatIf()->sizeBox()->setValue(5);
        QVERIFY2(page.whatIf()->answerLabel()->text().contains(QLatin1String("steady")),
                 qPrintable(page.whatIf()->answerLabel()->text()));
        page.whatIf()->sizeBox()->setValue(7);
        QVERIFY2(page.whatIf()->answerLabel()->text().startsWith(QLatin1String("No")),
                 qPrintable(page.whatIf()->answerLabel()->text()));

        // A floor of its own for the steady guest: kept, and the recommendation follows.
        page.setGuestFloor({Steady}, GiB);
        QCOMPARE(page.model()->adviceFor(Steady)->recommendedKiB, std::optional<qint64>(GiB));
        QCOMPARE(settings.value(QStringLiteral("sizing/guestFloors/") + Steady).toLongLong(), GiB);
        page.setGuestFloor({Steady}, 0);
        QCOMPARE(page.model()->adviceFor(Steady)->recommendedKiB, std::optional<qint64>(345 * MiB));
        QVERIFY(!settings.contains(QStringLiteral("sizing/guestFloors/") + Steady));

        // Another preset reads again and is kept.
        shown.clear();
        page.policyBar()->presetBox()->setCurrentIndex(
            page.policyBar()->presetBox()->findData(int(SizingPreset::Conservative)));
        QVERIFY(shown.wait(10000));
        QCOMPARE(page.model()->adviceFor(Steady)->recommendedKiB,
                 std::optional<qint64>(360 * MiB)); // 300 MiB + 20 %
        QCOMPARE(settings.value(QStringLiteral("sizing/preset")).toString(),
                 QStringLiteral("conservative"));
    }

    void unreadableHistorySaysWhy() {
        HistoryStore store(
            testHistoryOptions(m_dir.filePath(QStringLiteral("none.sqlite")), m_clock));
        QVERIFY(openAndWait(store));
        QSettings settings(m_dir.filePath(QStringLiteral("s2.ini")), QSettings::IniFormat);
        SizingPage page(&store, settings);
        QSignalSpy shown(&page, &SizingPage::adviceShown);
        page.setHost(QStringLiteral("qemu+ssh://nowhere/system"), QStringLiteral("nowhere"));
        page.refresh();
        QVERIFY(shown.wait(10000));
        QCOMPARE(page.model()->rowCount(), 0);
        QVERIFY(page.summaryLabel()->text().contains(QLatin1String("Nothing recorded")));
    }

    // "Set for next boot" on web-01 (maximum 4 GiB, current 2 GiB) with 5 GiB: <memory> is
    // raised first, then <currentMemory>; both become markers; a second look finds it done.
    void nextBootWritesThePersistentMemory() {
        QSettings settings(m_dir.filePath(QStringLiteral("s3.ini")), QSettings::IniFormat);
        QWidget dialogs;
        Workbench bench(settings, std::make_shared<NoCredentials>());
        bench.setDialogParent(&dialogs);
        auto *balloon = new BalloonFeature(&bench);
        bench.connections()->connectTemporary(balloonHostUri(), false);
        QTRY_COMPARE_WITH_TIMEOUT(bench.guestModel()->rowCount(), 4, 10000);
        QSignalSpy changes(balloon, &BalloonFeature::changeRecorded);

        NextBootDialog *dialog = balloon->openNextBootMemory(balloonHostUri(), {{Web01, 5 * GiB}});
        QVERIFY(dialog);
        QSignalSpy planned(dialog, &NextBootDialog::planned);
        QVERIFY(planned.wait(10000));
        const QString preview = dialog->preview()->toPlainText();
        QVERIFY2(preview.contains(QLatin1String("-<memory unit='KiB'>4194304</memory>")),
                 qPrintable(preview));
        QVERIFY(
            preview.contains(QLatin1String("+<currentMemory unit='KiB'>5242880</currentMemory>")));
        QVERIFY(dialog->applyButton()->isEnabled());
        QSignalSpy applied(dialog, &NextBootDialog::applied);
        dialog->applyButton()->click();
        QVERIFY(applied.wait(10000));
        QVERIFY2(dialog->resultLabel()->text().startsWith(QLatin1String("1 changed")),
                 qPrintable(dialog->resultLabel()->text() + dialog->preview()->toPlainText()));
        QTRY_COMPARE(changes.size(), 2);
        QCOMPARE(changes[0].at(0).value<BalloonChangeEvent>().kind,
                 BalloonChangeEvent::Kind::MaximumMemory);
        QCOMPARE(changes[1].at(0).value<BalloonChangeEvent>().kind,
                 BalloonChangeEvent::Kind::BalloonTarget);

        NextBootDialog *again = balloon->openNextBootMemory(balloonHostUri(), {{Web01, 5 * GiB}});
        QSignalSpy plannedAgain(again, &NextBootDialog::planned);
        QVERIFY(plannedAgain.wait(10000));
        QVERIFY(!again->applyButton()->isEnabled());
        QVERIFY2(again->preview()->toPlainText().contains(QLatin1String("already")),
                 qPrintable(again->preview()->toPlainText()));
    }
};

BS_GUI_TEST_MAIN(TestSizingPage)
#include "tst_sizingpage.moc"
