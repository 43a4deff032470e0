// `balloonscope-cli check` against the real test bed, as Icinga/Nagios/cron would run it: the
// exit code follows the guest's real state. The bed's "stale" guest is booted afresh (it reports
// for 20 s, then its init removes the balloon driver): OK while it reports; WARNING once no
// report came for 3 stats periods; CRITICAL once none came for 10 (a critical level set with
// --rule). The host's figure and the stranded-memory finding are checked against what the host
// and the guest say themselves.
#include "TestBed.h"
#include "TestMain.h"
#include "libvirt/LibvirtHandles.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <libvirt/libvirt.h>

using namespace bs;
using namespace bs::e2e;

namespace {

// /proc/meminfo's MemFree + Buffers + Cached, KiB: what libvirt's node figures add up to.
qint64 hostFreeWithCachesKiB() {
    QFile f(QStringLiteral("/proc/meminfo"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    qint64 sum = 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() >= 2 &&
            (parts[0] == "MemFree:" || parts[0] == "Buffers:" || parts[0] == "Cached:"))
            sum += parts[1].toLongLong();
    }
    return sum;
}

} // namespace

class TestE2eCheck : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;

    ProgramRun check(const QStringList &extra) const {
        QStringList args{QStringLiteral("check"), QStringLiteral("--connect"), m_bed->uri,
                         QStringLiteral("--watch"), QStringLiteral("0")};
        return runProgram(qEnvironmentVariable("BS_BINARY_DIR") +
                              QStringLiteral("/bin/balloonscope-cli"),
                          args + extra, 60000);
    }

    // Runs `check` on the stale guest until its exit code is not `from` (or `ms` passed);
    // every run in between must have exited `from`.
    ProgramRun checkUntilNot(int from, int ms, const QStringList &rules) {
        QDeadlineTimer deadline(ms);
        ProgramRun run;
        do {
            run = check(
                QStringList{QStringLiteral("--domain"), m_bed->guest(QStringLiteral("stale"))} +
                rules);
            if (run.exitCode != from)
                return run;
        } while (!deadline.hasExpired());
        return run;
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        QVERIFY2(m_bed, qPrintable(why));
    }

    void exitCodeFollowsTheGuest() {
        ConnectHandle conn(virConnectOpen(m_bed->uri.toUtf8().constData()));
        QVERIFY(conn);
        DomainHandle stale(virDomainLookupByName(
            conn.get(), m_bed->guest(QStringLiteral("stale")).toUtf8().constData()));
        QVERIFY(stale);
        // Boot it afresh: it reports for its first 20 s.
        if (virDomainIsActive(stale.get()) == 1)
            QCOMPARE(virDomainDestroy(stale.get()), 0);
        QCOMPARE(virDomainCreate(stale.get()), 0);

        const QStringList rules{QStringLiteral("--rule"), QStringLiteral("stale=3:10"),
                                QStringLiteral("--rule"),
                                QStringLiteral("free_page_reporting=off")};
        // While it boots it has no report yet (not judged): OK. Wait for its first report.
        QDeadlineTimer firstReport(90000);
        ProgramRun ok;
        do {
            ok = check(
                QStringList{QStringLiteral("--domain"), m_bed->guest(QStringLiteral("stale"))} +
                rules);
            QVERIFY2(ok.exitCode == 0, qPrintable(ok.out + ok.err));
        } while (!ok.out.contains(QStringLiteral("report_age")) && !firstReport.hasExpired());
        QVERIFY2(ok.out.startsWith(QStringLiteral("BALLOONSCOPE OK - 1 running guest")),
                 qPrintable(ok.out));

        const ProgramRun warning = checkUntilNot(0, 60000, rules);
        QVERIFY2(warning.exitCode == 1, qPrintable(warning.out + warning.err));
        QVERIFY(warning.out.startsWith(QStringLiteral("BALLOONSCOPE WARNING - ")));
        QVERIFY2(
            warning.out.contains(QStringLiteral("WARNING: %1: Stale reports: No new report for")
                                     .arg(m_bed->guest(QStringLiteral("stale")))),
            qPrintable(warning.out));

        const ProgramRun critical = checkUntilNot(1, 60000, rules);
        QVERIFY2(critical.exitCode == 2, qPrintable(critical.out + critical.err));
        QVERIFY(critical.out.startsWith(QStringLiteral("BALLOONSCOPE CRITICAL - ")));
        // 10 periods of 2 s: the report is 20 s old or more.
        const QRegularExpression age(QStringLiteral("report_age'=(\\d+)s;6;20;0"));
        const auto m = age.match(critical.out);
        QVERIFY2(m.hasMatch(), qPrintable(critical.out));
        QVERIFY(m.captured(1).toInt() >= 20);
    }

    void hostFigureIsTheHosts() {
        const ProgramRun run =
            check({QStringLiteral("--rule"), QStringLiteral("free_page_reporting=off"),
                   QStringLiteral("--domain"), m_bed->guest(QStringLiteral("sawtooth"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QRegularExpression host(
            QStringLiteral("host_available=(\\d+)B;(\\d+):;(\\d+):;0;(\\d+)"));
        const auto m = host.match(run.out);
        QVERIFY2(m.hasMatch(), qPrintable(run.out));
        const double reported = m.captured(1).toDouble() / 1024;
        const double mine = double(hostFreeWithCachesKiB());
        QVERIFY2(std::abs(reported - mine) < 0.05 * mine,
                 qPrintable(QStringLiteral("%1 vs %2 KiB").arg(reported).arg(mine)));
        // max(1 GiB, 10 %) and max(512 MiB, 5 %) of the host's total (whole KiB).
        const double totalKiB = m.captured(4).toDouble() / 1024;
        QCOMPARE(m.captured(2).toDouble(),
                 std::max(1024.0 * 1024, std::round(totalKiB / 10)) * 1024);
        QCOMPARE(m.captured(3).toDouble(),
                 std::max(512.0 * 1024, std::round(totalKiB / 20)) * 1024);
    }

    void strandedMemoryNamesTheFix() {
        // The saw-tooth guest: RSS far above what it needs (QEMU's own memory counts too), and no
        // free page reporting in the bed's XML. A 1 MiB level makes it a warning.
        const ProgramRun run = check(
            {QStringLiteral("--rule"), QStringLiteral("stranded=1M"), QStringLiteral("--domain"),
             m_bed->guest(QStringLiteral("sawtooth")), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject root = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(root.value(QStringLiteral("exit_code")).toInt(), 1);
        bool stranded = false;
        bool note = false;
        for (const QJsonValue &v : root.value(QStringLiteral("findings")).toArray()) {
            const QJsonObject f = v.toObject();
            if (f.value(QStringLiteral("rule")).toString() == QLatin1String("stranded")) {
                stranded = true;
                QCOMPARE(f.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
                QVERIFY(f.value(QStringLiteral("remedy"))
                            .toString()
                            .contains(QStringLiteral("freePageReporting='on'")));
            }
            if (f.value(QStringLiteral("rule")).toString() == QLatin1String("free_page_reporting"))
                note = f.value(QStringLiteral("severity")).toString() == QLatin1String("info");
        }
        QVERIFY(stranded);
        QVERIFY(note);
    }

    // A guest defined without free page reporting is flagged; the fix (free-page-reporting)
    // changes only that attribute of its persistent XML. The XML is put back afterwards.
    void freePageReportingFixChangesOnlyThatAttribute() {
        const QString name = m_bed->guest(QStringLiteral("noperiod"));
        ConnectHandle conn(virConnectOpen(m_bed->uri.toUtf8().constData()));
        QVERIFY(conn);
        DomainHandle guest(virDomainLookupByName(conn.get(), name.toUtf8().constData()));
        QVERIFY(guest);
        const auto inactiveXml = [&] {
            char *xml = virDomainGetXMLDesc(guest.get(), VIR_DOMAIN_XML_INACTIVE);
            const QString out = QString::fromUtf8(xml ? xml : "");
            free(xml);
            return out;
        };
        const QString before = inactiveXml();
        QVERIFY(before.contains(QStringLiteral("<memballoon model='virtio'")));
        QVERIFY(!before.contains(QStringLiteral("freePageReporting")));

        const ProgramRun flagged = check({QStringLiteral("--domain"), name});
        QVERIFY2(flagged.out.contains(
                     QStringLiteral("NOTE: %1: Free page reporting: Free page reporting is off")
                         .arg(name)),
                 qPrintable(flagged.out));

        const ProgramRun fix = runProgram(
            qEnvironmentVariable("BS_BINARY_DIR") + QStringLiteral("/bin/balloonscope-cli"),
            {QStringLiteral("free-page-reporting"), QStringLiteral("--connect"), m_bed->uri,
             QStringLiteral("--domain"), name, QStringLiteral("--no-autodeflate")},
            60000);
        const QString after = inactiveXml();
        // Put it back first, whatever the checks below say.
        DomainHandle restored(virDomainDefineXML(conn.get(), before.toUtf8().constData()));
        QVERIFY(restored);
        QVERIFY2(fix.exitCode == 0, qPrintable(fix.out + fix.err));
        QVERIFY2(fix.out.contains(QStringLiteral("after its next shutdown and start")) ||
                     fix.out.contains(QStringLiteral("after the next shutdown and start")),
                 qPrintable(fix.out));
        // libvirt's own rendering: exactly one line differs, by exactly that attribute.
        const QStringList b = before.split(QLatin1Char('\n'));
        const QStringList a = after.split(QLatin1Char('\n'));
        QCOMPARE(a.size(), b.size());
        int differing = 0;
        for (int i = 0; i < b.size(); ++i) {
            if (a[i] == b[i])
                continue;
            ++differing;
            QString without = a[i];
            without.remove(QStringLiteral(" freePageReporting='on'"));
            QCOMPARE(without, b[i]);
            QVERIFY(b[i].contains(QStringLiteral("<memballoon")));
        }
        QCOMPARE(differing, 1);
        QCOMPARE(inactiveXml(), before);
    }

    void unreachableHostIsUnknown() {
        const ProgramRun run = runProgram(
            qEnvironmentVariable("BS_BINARY_DIR") + QStringLiteral("/bin/balloonscope-cli"),
            {QStringLiteral("check"), QStringLiteral("--connect"),
             QStringLiteral("qemu+ssh://root@127.0.0.1:%1/system?keyfile=/nonexistent&no_tty=1")
                 .arg(m_bed->sshPort)},
            60000);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.out.startsWith(QStringLiteral("BALLOONSCOPE UNKNOWN - Could not connect")),
                 qPrintable(run.out + run.err));
    }
};

BS_TEST_MAIN(TestE2eCheck)
#include "tst_e2e_check.moc"
