#include "FleetHistory.h"
#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "report/ReportDialog.h"
#include "report/ReportJob.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QProcess>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;
using namespace bs::test;

// The Report dialog against a history filled through the real store: it lists the hosts and
// guests the history knows, writes the PDF off the GUI thread with progress, leaves out the
// guests the user unticked, and opens the file when done.
namespace {

const QString Host = QStringLiteral("qemu+ssh://admin@kvm1/system");

} // namespace

class TestReportDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<HistoryStore> m_store;
    QList<FleetGuest> m_guests;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        HistoryOptions o;
        o.path = m_dir.filePath(QStringLiteral("dialog.sqlite"));
        o.backgroundCompaction = false;
        m_store = std::make_unique<HistoryStore>(o);
        QVERIFY(openAndWait(*m_store));
        const qint64 to = QDateTime::currentMSecsSinceEpoch();
        m_guests = fleetGuests(4, to - 3600000, to);
        recordFleet(*m_store, Host, m_guests, to - 3600000, to, 10);
        recordFleet(*m_store, QStringLiteral("qemu:///system"), fleetGuests(1, to - 600000, to),
                    to - 600000, to, 10);
        QVERIFY(m_store->waitForIdle());
    }

    void listsWhatTheHistoryKnows() {
        ReportDialog dialog(m_store.get());
        dialog.setPreferredHost(Host);
        QTRY_COMPARE(dialog.hostBox()->count(), 2);
        QCOMPARE(dialog.hostBox()->currentData().toString(), Host);
        QCOMPARE(dialog.guestModel()->rowCount(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(dialog.guestModel()->item(i)->checkState(), Qt::Checked);
        dialog.hostBox()->setCurrentIndex(
            dialog.hostBox()->findData(QStringLiteral("qemu:///system")));
        QCOMPARE(dialog.guestModel()->rowCount(), 1);
    }

    void refusesAnIncompleteForm() {
        ReportDialog dialog(m_store.get());
        QTRY_COMPARE(dialog.hostBox()->count(), 2);
        for (int i = 0; i < dialog.guestModel()->rowCount(); ++i)
            dialog.guestModel()->item(i)->setCheckState(Qt::Unchecked);
        QVERIFY(!dialog.start());
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("Tick at least one guest")));
        QVERIFY(!dialog.job()->isRunning());
    }

    // Each section box sets its section; the policies' box is one of them, ticked by default.
    void sectionBoxesChooseTheSections() {
        ReportDialog dialog(m_store.get());
        QCheckBox *policies = nullptr;
        for (QCheckBox *box : dialog.findChildren<QCheckBox *>()) {
            if (box->text().contains(QStringLiteral("Balloon policies")))
                policies = box;
        }
        QVERIFY(policies);
        QVERIFY(policies->isChecked());
        QVERIFY(dialog.request().sections & ReportSection::Policies);
        QCOMPARE(dialog.request().sections, AllReportSections);
        policies->setChecked(false);
        QVERIFY(!(dialog.request().sections & ReportSection::Policies));
        QVERIFY(dialog.request().sections & ReportSection::Sizing);
    }

    void writesTheReportAndOpensIt() {
        ReportDialog dialog(m_store.get());
        dialog.setPreferredHost(Host);
        QTRY_COMPARE(dialog.guestModel()->rowCount(), 4);
        // Leave out the second guest.
        const QString leftOut = dialog.guestModel()->item(1)->text();
        dialog.guestModel()->item(1)->setCheckState(Qt::Unchecked);
        dialog.rangeBox()->setCurrentIndex(dialog.rangeBox()->findData(qint64(3600)));
        const QString path = m_dir.filePath(QStringLiteral("from the dialog.pdf"));
        dialog.setPath(path);
        QList<QUrl> opened;
        dialog.setOpener([&](const QUrl &url) { opened.append(url); });
        QSignalSpy written(&dialog, &ReportDialog::reportWritten);
        QSignalSpy progress(dialog.job(), &ReportJob::progress);
        QVERIFY(dialog.start());
        QVERIFY(dialog.job()->isRunning());
        QVERIFY(written.wait(60000));
        QCOMPARE(written.first().at(0).toString(), path);
        QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(path)});
        QCOMPARE(dialog.progressBar()->value(), 100);
        QVERIFY(progress.size() >= 3);
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("pages")));

        QProcess text;
        text.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
        for (int i = 0; i < 4; ++i) {
            const QString name = dialog.guestModel()->item(i)->text();
            QCOMPARE(pdf.contains(name), name != leftOut);
        }
        QVERIFY(pdf.contains(QStringLiteral("Last hour")));
    }
};

BS_GUI_TEST_MAIN(TestReportDialog)
#include "tst_reportdialog.moc"
