#include "TestMain.h"
#include "readiness/ReadinessPage.h"
#include "readiness/ReadinessTableModel.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>

using namespace bs;
using namespace bs::gui;

namespace {

const QString H1 = QStringLiteral("qemu:///system");
const QString H2 = QStringLiteral("qemu+ssh://root@kvm2/system");

ReadinessReport report(const QString &host, const QString &uuid, const QString &name,
                       Verdict verdict) {
    ReadinessReport r;
    r.hostId = host;
    r.uuid = uuid;
    r.name = name;
    r.verdict = verdict;
    r.timeMs = 1764150000000;
    r.reason = name + QStringLiteral(" reason");
    r.nextStep = name + QStringLiteral(" next");
    r.fix = verdict == Verdict::PollingOff ? FixKind::StatsPeriod : FixKind::None;
    r.decidingCheck = CheckId::StatsPeriodLive;
    return r;
}

} // namespace

class TestReadinessPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void modelRowsAndColumns() {
        ReadinessTableModel model;
        model.setHostNames(
            [](const QString &id) { return id == H2 ? QStringLiteral("kvm2") : QString(); });
        model.setReport(report(H1, QStringLiteral("a"), QStringLiteral("alpha"), Verdict::Ready));
        model.setReport(
            report(H2, QStringLiteral("a"), QStringLiteral("other"), Verdict::PollingOff));
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setReport(
            report(H1, QStringLiteral("a"), QStringLiteral("alpha"), Verdict::NotDelivering));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.first().at(0).toModelIndex().column(),
                 int(ReadinessTableModel::VerdictColumn));
        // Checked again, same verdict and texts: only "checked at" is announced, so the page's
        // proxy (sorted by verdict) leaves the row where it is.
        changed.clear();
        ReadinessReport again =
            report(H1, QStringLiteral("a"), QStringLiteral("alpha"), Verdict::NotDelivering);
        again.timeMs += 60000;
        model.setReport(again);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().column(),
                 int(ReadinessTableModel::CheckedAtColumn));
        changed.clear();
        const auto at = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(at(0, ReadinessTableModel::VerdictColumn).toString(),
                 verdictName(Verdict::NotDelivering));
        QCOMPARE(at(0, ReadinessTableModel::HostColumn).toString(), H1); // no name: the URI
        QCOMPARE(at(1, ReadinessTableModel::HostColumn).toString(), QStringLiteral("kvm2"));
        QCOMPARE(at(1, ReadinessTableModel::ReasonColumn).toString(),
                 QStringLiteral("other reason"));
        QCOMPARE(at(1, ReadinessTableModel::NextStepColumn).toString(),
                 QStringLiteral("other next"));
        QCOMPARE(at(1, 0, ReadinessTableModel::FixKindRole).toString(),
                 QStringLiteral("stats_period"));
        QVERIFY(!at(1, ReadinessTableModel::CheckedAtColumn).toString().isEmpty());

        // A host that does not answer: its verdicts say as of when, greyed; the other host's not.
        model.setHostAsOf(H2, QStringLiteral("as of 10:42:07, host not answering"));
        QCOMPARE(at(1, ReadinessTableModel::VerdictColumn).toString(),
                 verdictName(Verdict::PollingOff) +
                     QStringLiteral(" (as of 10:42:07, host not answering)"));
        QVERIFY(at(1, ReadinessTableModel::VerdictColumn, Qt::ForegroundRole).isValid());
        QCOMPARE(at(0, ReadinessTableModel::VerdictColumn).toString(),
                 verdictName(Verdict::NotDelivering));
        QVERIFY(!at(0, ReadinessTableModel::VerdictColumn, Qt::ForegroundRole).isValid());
        model.setHostAsOf(H2, {});
        QCOMPARE(at(1, ReadinessTableModel::VerdictColumn).toString(),
                 verdictName(Verdict::PollingOff));

        model.removeReports(H2, {});
        QCOMPARE(model.rowCount(), 1);
        model.removeReports(H1, {QStringLiteral("b")});
        QCOMPARE(model.rowCount(), 1);
        model.removeReports(H1, {QStringLiteral("a")});
        QCOMPARE(model.rowCount(), 0);
    }

    void removalKeepsTheOtherRowsFindable() {
        ReadinessTableModel model;
        // Interleaved hosts: H1 a, H2 a, H1 b, H1 c, H2 b, H1 d, H2 c.
        for (const auto &[host, uuid] : QList<QPair<QString, QString>>{{H1, QStringLiteral("a")},
                                                                       {H2, QStringLiteral("a")},
                                                                       {H1, QStringLiteral("b")},
                                                                       {H1, QStringLiteral("c")},
                                                                       {H2, QStringLiteral("b")},
                                                                       {H1, QStringLiteral("d")},
                                                                       {H2, QStringLiteral("c")}})
            model.setReport(report(host, uuid, host + uuid, Verdict::Ready));
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.removeReports(H1, {QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("x")});
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(removed.size(), 1); // b and c were adjacent: one removal
        QCOMPARE(removed.first().at(1).toInt(), 2);
        QCOMPARE(removed.first().at(2).toInt(), 3);
        for (const auto &[host, uuid] : QList<QPair<QString, QString>>{{H1, QStringLiteral("a")},
                                                                       {H2, QStringLiteral("a")},
                                                                       {H2, QStringLiteral("b")},
                                                                       {H1, QStringLiteral("d")}}) {
            const int row = model.rowOf(host, uuid);
            QVERIFY(row >= 0);
            QCOMPARE(model.index(row, ReadinessTableModel::GuestColumn).data().toString(),
                     host + uuid);
        }
        QCOMPARE(model.rowOf(H1, QStringLiteral("b")), -1);
        // An update after the removal lands on the right row.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setReport(report(H1, QStringLiteral("d"), QStringLiteral("renamed"), Verdict::Ready));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 3);
        QCOMPARE(model.index(3, ReadinessTableModel::GuestColumn).data().toString(),
                 QStringLiteral("renamed"));
        removed.clear();
        model.removeReports(H2, {});
        QCOMPARE(removed.size(), 2); // rows 1-2 and 4: two removals
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(H1, QStringLiteral("d")), 1);
        QCOMPARE(model.rowOf(H2, QStringLiteral("a")), -1);
    }

    void pageFiltersByHostAndSummarises() {
        ReadinessTableModel model;
        ReadinessPage page(&model);
        QVERIFY(page.view()->isHidden()); // nothing checked yet: the hint instead
        // A hidden page does not count its rows as reports arrive: it counts when it is shown.
        model.setReport(report(H1, QStringLiteral("a"), QStringLiteral("alpha"), Verdict::Ready));
        QCoreApplication::processEvents();
        QVERIFY(page.summaryLabel()->text().isEmpty());
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.summaryLabel()->text(), QStringLiteral("Ready: 1 of 1"));
        model.setReport(
            report(H1, QStringLiteral("b"), QStringLiteral("beta"), Verdict::NoBalloonDriver));
        model.setReport(
            report(H2, QStringLiteral("c"), QStringLiteral("gamma"), Verdict::PollingOff));
        // Counted once after the reports (the next turn of the event loop), not once each.
        QCOMPARE(page.summaryLabel()->text(), QStringLiteral("Ready: 1 of 1"));
        QTRY_COMPARE(page.summaryLabel()->text(),
                     QStringLiteral("Ready: 1 of 3 · Need attention: 2"));
        QCOMPARE(page.proxy()->rowCount(), 3);

        page.setHostFilter(H1, QStringLiteral("local"));
        QCOMPARE(page.proxy()->rowCount(), 2);
        QVERIFY(page.view()->isColumnHidden(ReadinessTableModel::HostColumn));
        QCOMPARE(page.summaryLabel()->text(), QStringLiteral("Ready: 1 of 2 · Need attention: 1"));
        // A URI that starts like another does not match it.
        page.setHostFilter(QStringLiteral("qemu:///sys"), {});
        QCOMPARE(page.proxy()->rowCount(), 0);
        page.setHostFilter({}, {});
        QCOMPARE(page.proxy()->rowCount(), 3);

        // What needs attention sorts first, ready last.
        QCOMPARE(page.proxy()
                     ->index(page.proxy()->rowCount() - 1, ReadinessTableModel::GuestColumn)
                     .data()
                     .toString(),
                 QStringLiteral("alpha"));
    }

    void detailAndActivation() {
        ReadinessTableModel model;
        ReadinessPage page(&model);
        model.setReport(
            report(H1, QStringLiteral("b"), QStringLiteral("beta"), Verdict::NoBalloonDriver));
        page.view()->setCurrentIndex(page.proxy()->index(0, 0));
        QVERIFY(page.detailLabel()->text().contains(QLatin1String("beta reason")));
        QVERIFY(page.detailLabel()->text().contains(QLatin1String("beta next")));

        QSignalSpy activated(&page, &ReadinessPage::guestActivated);
        Q_EMIT page.view()->activated(page.proxy()->index(0, 2));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).toString(), H1);
        QCOMPARE(activated.first().at(1).toString(), QStringLiteral("b"));

        QSignalSpy inspect(&page, &ReadinessPage::inspectAllRequested);
        page.inspectAllButton()->click();
        QCOMPARE(inspect.size(), 1);
    }
};

BS_GUI_TEST_MAIN(TestReadinessPage)
#include "tst_readinesspage.moc"
