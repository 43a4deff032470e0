#include "TestMain.h"
#include "readiness/ChecklistModel.h"
#include "readiness/CommandBox.h"
#include "readiness/ReadinessDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFont>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;

namespace {

const QString Host = QStringLiteral("qemu+ssh://root@kvm1/system");
const QString Uuid = QStringLiteral("33333333-3333-4333-8333-333333333333");

// Reports as the inspector builds them, written out by hand: the dialog only shows them.
ReadinessReport report(Verdict verdict, FixKind fix, const QStringList &commands,
                       OsFamily os = OsFamily::Linux) {
    ReadinessReport r;
    r.hostId = Host;
    r.uuid = Uuid;
    r.name = QStringLiteral("web01");
    r.timeMs = 1764150000000;
    r.state = DomainState::Running;
    r.osFamily = os;
    r.verdict = verdict;
    r.reason = QStringLiteral("Because of the test.");
    r.nextStep = QStringLiteral("Do the next thing.");
    r.fix = fix;
    r.fixCommands = commands;
    r.decidingCheck = CheckId::StatsPeriodLive;
    ReadinessCheck running(CheckId::GuestRunning, CheckStatus::Pass);
    running.evidence = QStringLiteral("State: running.");
    ReadinessCheck period(CheckId::StatsPeriodLive, CheckStatus::Fail);
    period.evidence = QStringLiteral("No <stats period> in the live XML.");
    period.remedy = QStringLiteral("Set a period.");
    ReadinessCheck channel(CheckId::AgentChannel, CheckStatus::Info);
    channel.evidence = QStringLiteral("Guest-agent checks are off for this guest (opt-in).");
    r.checks = {running, period, channel};
    return r;
}

const QStringList VirshPeriod{
    QStringLiteral("virsh -c qemu+ssh://root@kvm1/system dommemstat web01 --period 10 --live")};
const QStringList WindowsService{QStringLiteral("# in the guest, as Administrator"),
                                 QStringLiteral(".\\blnsvr.exe -i"),
                                 QStringLiteral("Start-Service BalloonService")};

bool shown(QWidget *w) {
    return w->isVisibleTo(w->window());
}

} // namespace

class TestReadinessDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void headerAndChecklist() {
        ReadinessDialog dialog(Host, Uuid);
        dialog.setNames(QStringLiteral("web01"), QStringLiteral("kvm1"));
        dialog.setReport(report(Verdict::PollingOff, FixKind::StatsPeriod, VirshPeriod));
        QCOMPARE(dialog.verdictLabel()->text(), QStringLiteral("Polling off"));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("reasonLabel"))
                    ->text()
                    .contains(QLatin1String("Because of the test.")));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("nextStepLabel"))
                    ->text()
                    .contains(QLatin1String("Do the next thing.")));
        QVERIFY(dialog.windowTitle().contains(QLatin1String("web01")));

        ChecklistModel *checks = dialog.checklist();
        QCOMPARE(checks->rowCount(), 3);
        QCOMPARE(checks->index(1, ChecklistModel::Check).data().toString(),
                 ReadinessCheck::checkTitle(CheckId::StatsPeriodLive));
        QCOMPARE(checks->index(1, ChecklistModel::Result).data(ChecklistModel::StatusKeyRole),
                 QVariant(QStringLiteral("fail")));
        QVERIFY(!checks->index(1, ChecklistModel::Result).data(Qt::DecorationRole).isNull());
        // The deciding check, and only it, stands out.
        QCOMPARE(checks->decidingRow(), 1);
        for (int r = 0; r < checks->rowCount(); ++r) {
            const QModelIndex i = checks->index(r, ChecklistModel::Evidence);
            QCOMPARE(i.data(ChecklistModel::DecidingRole).toBool(), r == 1);
            QCOMPARE(i.data(Qt::FontRole).value<QFont>().bold(), r == 1);
        }
        // Agent checks say where they come from.
        QCOMPARE(checks->index(2, ChecklistModel::Source).data().toString(),
                 QStringLiteral("guest agent"));
        QCOMPARE(checks->index(0, ChecklistModel::Source).data().toString(),
                 QStringLiteral("host"));
        QCOMPARE(checks->index(1, ChecklistModel::Remedy).data().toString(),
                 QStringLiteral("Set a period."));
    }

    void statsPeriodFixIsOurs() {
        ReadinessDialog dialog(Host, Uuid);
        dialog.setReport(report(Verdict::PollingOff, FixKind::StatsPeriod, VirshPeriod));
        QVERIFY(shown(dialog.statsPeriodButton()));
        // Nothing listens yet (the stats-period dialog is not in this build): disabled, and
        // the virsh alternative is there to copy.
        QVERIFY(!dialog.statsPeriodButton()->isEnabled());
        QVERIFY(shown(dialog.commandBox()));
        QCOMPARE(dialog.commandBox()->text(), VirshPeriod.first());

        dialog.setStatsPeriodAvailable(true);
        QVERIFY(dialog.statsPeriodButton()->isEnabled());
        QSignalSpy requested(&dialog, &ReadinessDialog::statsPeriodRequested);
        dialog.statsPeriodButton()->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), Host);
        QCOMPARE(requested.first().at(1).toStringList(), QStringList{Uuid});
    }

    void inGuestFixIsCommandsToCopy() {
        ReadinessDialog dialog(Host, Uuid);
        dialog.setReport(
            report(Verdict::NotDelivering, FixKind::InGuest, WindowsService, OsFamily::Windows));
        QVERIFY(!shown(dialog.statsPeriodButton()));
        QVERIFY(shown(dialog.commandBox()));
        QCOMPARE(dialog.commandBox()->text(), WindowsService.join(QLatin1Char('\n')));
        QVERIFY(dialog.commandBox()->findChild<QLabel *>()->text().contains(
            QLatin1String("PowerShell")));
        auto *text = dialog.commandBox()->findChild<QWidget *>(QStringLiteral("commandText"));
        QVERIFY(text->font().fixedPitch() || text->font().styleHint() == QFont::TypeWriter ||
                text->font().family().contains(QLatin1String("Mono"), Qt::CaseInsensitive));

        QApplication::clipboard()->clear();
        dialog.commandBox()->copyButton()->click();
        QCOMPARE(QApplication::clipboard()->text(), WindowsService.join(QLatin1Char('\n')));
    }

    void hostAdminFixAndNoFix() {
        ReadinessDialog dialog(Host, Uuid);
        const QStringList edit{QStringLiteral("virsh edit web01")};
        dialog.setReport(report(Verdict::NoBalloonDevice, FixKind::HostAdmin, edit));
        QVERIFY(!shown(dialog.statsPeriodButton()));
        QVERIFY(shown(dialog.commandBox()));
        QCOMPARE(dialog.commandBox()->text(), edit.first());

        dialog.setReport(report(Verdict::Ready, FixKind::None, {}));
        QVERIFY(!shown(dialog.statsPeriodButton()));
        QVERIFY(!shown(dialog.commandBox()));
        QCOMPARE(dialog.verdictLabel()->text(), QStringLiteral("Ready"));
    }

    void stillWatchingAndProgress() {
        ReadinessDialog dialog(Host, Uuid);
        ReadinessReport r = report(Verdict::Unknown, FixKind::None, {});
        r.decidingCheck = CheckId::LastUpdateAdvancing;
        dialog.setReport(r);
        QCOMPARE(dialog.verdictLabel()->text(), QStringLiteral("Checking…"));

        QSignalSpy again(&dialog, &ReadinessDialog::checkAgainRequested);
        dialog.checkAgainButton()->click();
        QCOMPARE(again.size(), 1);
        dialog.setChecking(true);
        QVERIFY(!dialog.checkAgainButton()->isEnabled());
        dialog.setWatching(17, 1);
        auto *progress = dialog.findChild<QLabel *>(QStringLiteral("progressLabel"));
        QVERIFY(progress->text().contains(QLatin1String("17")));
        dialog.setChecking(false);
        QVERIFY(dialog.checkAgainButton()->isEnabled());
        dialog.setFailed(QStringLiteral("no connection"));
        QVERIFY(progress->text().contains(QLatin1String("no connection")));
    }

    void agentOptInNeedsConfirmation() {
        QSettings settings(m_dir.filePath(QStringLiteral("optin.ini")), QSettings::IniFormat);
        AgentOptIn optIn(settings);
        ReadinessDialog dialog(Host, Uuid);
        QStringList asked;
        bool answer = false;
        dialog.setAgentOptIn(&optIn, [&](QWidget *, const QString &hostName) {
            asked << hostName;
            return answer;
        });
        dialog.setNames(QStringLiteral("web01"), QStringLiteral("kvm1"));
        QSignalSpy again(&dialog, &ReadinessDialog::checkAgainRequested);
        QVERIFY(!dialog.agentCheckBox()->isChecked());

        dialog.agentCheckBox()->click();
        QCOMPARE(asked, QStringList{QStringLiteral("kvm1")});
        QVERIFY(!dialog.agentCheckBox()->isChecked());
        QVERIFY(!optIn.isEnabled(Host));
        QVERIFY(again.isEmpty());

        answer = true;
        dialog.agentCheckBox()->click();
        QCOMPARE(asked.size(), 2);
        QVERIFY(dialog.agentCheckBox()->isChecked());
        QVERIFY(optIn.isEnabled(Host));
        QCOMPARE(again.size(), 1);

        // A second dialog on the same host follows the opt-in.
        ReadinessDialog other(Host, QStringLiteral("another"));
        other.setAgentOptIn(&optIn, [&](QWidget *, const QString &) { return false; });
        QVERIFY(other.agentCheckBox()->isChecked());
        dialog.agentCheckBox()->click();
        QVERIFY(!other.agentCheckBox()->isChecked());
    }

    // Long evidence wraps, and the row is as tall as every line of it, Chinese ones included.
    void rowsFitTheirWrappedText() {
        ReadinessDialog dialog(Host, Uuid);
        ReadinessReport r = report(Verdict::PollingOff, FixKind::None, {});
        r.checks[0].evidence = QString::fromUtf8(
            "气球驱动报告过：last_update = 627319920（1989-11-17T15:32:00Z，按本机时钟在读取前 "
            "1168382677 秒）。 Without a period this may be the single report a Linux driver "
            "sends when it loads.");
        dialog.setReport(r);
        dialog.resize(900, 700);
        dialog.show();
        QTableView *view = dialog.checklistView();
        QTRY_VERIFY(view->columnWidth(ChecklistModel::Evidence) > 0);
        const int lines = 2; // at the very least, at any sensible column width
        QVERIFY2(view->rowHeight(0) >= lines * view->fontMetrics().lineSpacing(),
                 qPrintable(QString::number(view->rowHeight(0))));
        QVERIFY(view->rowHeight(0) > view->rowHeight(1));
        // A wider column (the dialog grows): fewer lines, a lower row.
        const int before = view->rowHeight(0);
        dialog.resize(1600, 700);
        QTRY_VERIFY(view->rowHeight(0) < before);
        QVERIFY(view->rowHeight(0) >= view->fontMetrics().lineSpacing());
    }

    void agentUsedIsSaid() {
        ReadinessDialog dialog(Host, Uuid);
        ReadinessReport r = report(Verdict::Ready, FixKind::None, {});
        r.agentUsed = true;
        dialog.setReport(r);
        auto *tainted = dialog.findChild<QLabel *>(QStringLiteral("taintedLabel"));
        QVERIFY(shown(tainted));
        QVERIFY(tainted->text().contains(QLatin1String("tainted")));
        r.agentUsed = false;
        dialog.setReport(r);
        QVERIFY(!shown(tainted));
    }
};

BS_GUI_TEST_MAIN(TestReadinessDialog)
#include "tst_readinessdialog.moc"
