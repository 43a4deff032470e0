// The fleet shape on the real test bed: a recorder of the bed's libvirtd (qemu:///system, a poll
// a second) serves /metrics; Debian's prometheus 2.42 and victoria-metrics 1.79 (loopback ports,
// temporary storage) scrape it every second. The bed's transient guest is started, reports,
// is paused for 50 s (a paused guest's balloon driver reports nothing) and resumed. Then, from
// each server, `history --json --source` and the History page's chart must match the
// recorder's own file for the same guests within one step (the saw-tooth guest, whose figures
// change every 10 s, and the transient one), and the pause must be a gap in both, never zeros.
#include "CliRunner.h"
#include "HistoryTestSupport.h"
#include "ScrapeServer.h"
#include "TestBed.h"
#include "TestMain.h"
#include "history/EnvelopeChart.h"
#include "history/GuestPicker.h"
#include "history/HistoryPage.h"
#include "history/HistoryService.h"
#include "libvirt/LibvirtHandles.h"
#include "promsource/PrometheusReader.h"
#include "report/ChartData.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <cmath>

using namespace bs;
using namespace bs::e2e;
using namespace bs::gui;
using namespace bs::test;

namespace {

constexpr qint64 StepMs = 30000; // the comparison's step: one point per 30 s

struct Point {
    qint64 t = 0;
    double min = 0, avg = 0, max = 0;
    bool gap = false;
};

// A series from `history --json` (the first one).
QList<Point> pointsOfJson(const QString &json) {
    QList<Point> out;
    const QJsonArray points = QJsonDocument::fromJson(json.toUtf8())
                                  .object()
                                  .value(QLatin1String("series"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QLatin1String("points"))
                                  .toArray();
    for (const QJsonValue &v : points) {
        const QJsonObject o = v.toObject();
        Point p;
        p.t = qint64(o.value(QLatin1String("t_ms")).toDouble());
        p.gap = o.contains(QLatin1String("gap"));
        p.min = o.value(QLatin1String("min")).toDouble();
        p.avg = o.value(QLatin1String("avg")).toDouble();
        p.max = o.value(QLatin1String("max")).toDouble();
        out.append(p);
    }
    return out;
}

QList<Point> pointsOf(const QList<EnvelopePoint> &points) {
    QList<Point> out;
    for (const EnvelopePoint &e : points)
        out.append(Point{e.timeMs, e.min, e.avg, e.max, e.isGap()});
    return out;
}

// Every value of `server` lies within the file's envelope around its time: the lowest minimum
// and the highest maximum of the file's points within one step either side (the server's point
// at t covers (t − step, t], the file's bucket at b covers [b, b + step)). Empty when so; else
// the first point that does not.
QString mismatch(const QList<Point> &server, const QList<Point> &file) {
    int compared = 0;
    for (const Point &s : server) {
        if (s.gap)
            continue;
        double lo = INFINITY, hi = -INFINITY;
        for (const Point &f : file) {
            if (f.gap || f.t < s.t - 2 * StepMs || f.t > s.t + StepMs)
                continue;
            lo = std::min(lo, f.min);
            hi = std::max(hi, f.max);
        }
        if (!std::isfinite(lo))
            continue; // the file has nothing near (its first or last bucket): not compared
        ++compared;
        if (s.avg < lo - 1 || s.avg > hi + 1)
            return QStringLiteral("at %1: server %2 KiB, file %3..%4 KiB")
                .arg(QDateTime::fromMSecsSinceEpoch(s.t).toString(Qt::ISODate))
                .arg(s.avg)
                .arg(lo)
                .arg(hi);
    }
    return compared >= 3 ? QString() : QStringLiteral("only %1 points compared").arg(compared);
}

int values(const QList<Point> &points) {
    return int(
        std::count_if(points.cbegin(), points.cend(), [](const Point &p) { return !p.gap; }));
}

QString iso(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

class TestE2eFleet : public QObject {
    Q_OBJECT

    std::optional<TestBed> m_bed;
    QTemporaryDir m_dir;
    QProcess m_recorder;
    std::unique_ptr<ScrapeServer> m_servers[2];
    ConnectHandle m_outside;
    QString m_name; // the transient guest

    QString db() const { return m_dir.filePath(QStringLiteral("recorder.sqlite")); }

    // The server's values of `metric` for `uuid` over [from, to], one point per StepMs.
    QList<Point> serverSeries(int server, const QString &uuid, Metric metric, qint64 from,
                              qint64 to) {
        prom::PrometheusReader reader(m_servers[server]->url());
        QSignalSpy ready(&reader, &HistoryReader::seriesReady);
        QSignalSpy failed(&reader, &HistoryReader::queryFailed);
        reader.querySeries(
            SeriesRequest{m_bed->uri, {uuid}, {metric}, from, to, int((to - from) / StepMs)});
        if (!ready.wait(30000) || ready.isEmpty())
            return {};
        return pointsOf(ready.at(0).at(1).value<SeriesResult>().series.value(0).points);
    }

private Q_SLOTS:
    void initTestCase() {
        QString why;
        m_bed = TestBed::load(&why);
        QVERIFY2(m_bed, qPrintable(why));
        QVERIFY(m_dir.isValid());
        QFile xml(m_bed->lifecycleXml);
        QVERIFY2(xml.open(QIODevice::ReadOnly), qPrintable(m_bed->lifecycleXml));
        m_name = m_bed->guest(QStringLiteral("lifecycle"));
        m_outside.reset(virConnectOpen(m_bed->uri.toUtf8().constData()));
        QVERIFY(m_outside);
        const quint16 port = startRecorder(m_recorder, m_bed->uri, db(), 1);
        QVERIFY2(port != 0, "the recorder did not serve /metrics");
        const QString target = QStringLiteral("127.0.0.1:%1").arg(port);
        m_servers[0] = std::make_unique<ScrapeServer>(ScrapeServer::Kind::Prometheus);
        m_servers[1] = std::make_unique<ScrapeServer>(ScrapeServer::Kind::VictoriaMetrics);
        for (auto &s : m_servers)
            QVERIFY2(s->start({target}, &why), qPrintable(why));
    }

    void cleanupTestCase() {
        if (m_outside) {
            DomainHandle left(virDomainLookupByName(m_outside.get(), m_name.toUtf8().constData()));
            if (left)
                virDomainDestroy(left.get());
            virResetLastError();
        }
        m_recorder.terminate();
        m_recorder.waitForFinished(20000);
        for (auto &s : m_servers)
            s.reset();
    }

    void serversMatchTheFileAndAPauseIsAGap() {
        QFile xml(m_bed->lifecycleXml);
        QVERIFY(xml.open(QIODevice::ReadOnly));
        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        DomainHandle guest(virDomainCreateXML(m_outside.get(), xml.readAll().constData(), 0));
        QVERIFY2(guest, "could not start the transient guest");
        char uuidText[VIR_UUID_STRING_BUFLEN] = {};
        QCOMPARE(virDomainGetUUIDString(guest.get(), uuidText), 0);
        const QString uuid = QString::fromLatin1(uuidText);

        // Reporting: until both servers have a minute of its "used" (the guest boots under TCG).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                for (int i = 0; i < 2; ++i) {
                    if (values(serverSeries(i, uuid, Metric::Used, now - 120000, now)) < 2)
                        return false;
                }
                return true;
            }(),
            150000);
        QTest::qWait(30000); // a longer stretch of reports before the pause (the clock is the
                             // subject here: nothing to wait on)
        QCOMPARE(virDomainSuspend(guest.get()), 0);
        const qint64 paused = QDateTime::currentMSecsSinceEpoch();
        const auto resume = qScopeGuard([&] { virDomainResume(guest.get()); });
        QTest::qWait(50000); // the pause: 50 s without a report
        QCOMPARE(virDomainResume(guest.get()), 0);
        const qint64 resumed = QDateTime::currentMSecsSinceEpoch();
        // Reports again, in both servers.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                for (int i = 0; i < 2; ++i) {
                    const auto points = serverSeries(i, uuid, Metric::Used, resumed, now);
                    if (std::none_of(points.cbegin(), points.cend(), [&](const Point &p) {
                            return !p.gap && p.t > resumed + StepMs;
                        }))
                        return false;
                }
                return true;
            }(),
            120000);
        // At least seven steps since the start, so that the transient guest has five points
        // beside its pause's gap whatever its boot took (a quick boot left 165 s: five steps,
        // one of them the gap). The clock is the subject: nothing to wait on.
        const qint64 wanted = started + 7 * StepMs + 2000;
        if (const qint64 now = QDateTime::currentMSecsSinceEpoch(); now < wanted)
            QTest::qWait(int(wanted - now));
        const qint64 from = started;
        const qint64 to = QDateTime::currentMSecsSinceEpoch() - 2000;
        const int points = int((to - from) / StepMs);
        const QString saw = m_bed->guest(QStringLiteral("sawtooth"));

        // The file, as `history --json --db` reads it.
        const QStringList common{QStringLiteral("history"),
                                 QStringLiteral("--host"),
                                 m_bed->uri,
                                 QStringLiteral("--from"),
                                 iso(from),
                                 QStringLiteral("--to"),
                                 iso(to),
                                 QStringLiteral("--points"),
                                 QString::number(points),
                                 QStringLiteral("--metric"),
                                 QStringLiteral("used"),
                                 QStringLiteral("--json")};
        QHash<QString, QList<Point>> file;
        for (const QString &g : {saw, m_name}) {
            const CliRun run = runCli(
                common + QStringList{QStringLiteral("--domain"), g, QStringLiteral("--db"), db()});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            file.insert(g, pointsOfJson(run.out));
            QVERIFY2(values(file.value(g)) >= 5, qPrintable(run.out));
        }
        for (int i = 0; i < 2; ++i) {
            const QString server = m_servers[i]->name();
            for (const QString &g : {saw, m_name}) {
                const CliRun run = runCli(common + QStringList{QStringLiteral("--domain"), g,
                                                               QStringLiteral("--source"),
                                                               m_servers[i]->url().toString()});
                QVERIFY2(run.exitCode == 0, qPrintable(server + QLatin1Char(' ') + run.err));
                const QList<Point> remote = pointsOfJson(run.out);
                const QString why = mismatch(remote, file.value(g));
                QVERIFY2(why.isEmpty(),
                         qPrintable(server + QLatin1Char(' ') + g + QStringLiteral(": ") + why));
                // Each of the file's points has a server point near it, but at the edges of what
                // was recorded (the start, each gap, the end), where a step's window and the
                // file's bucket can take a report on either side.
                const QList<Point> &local = file.value(g);
                const int edges = 2 + 2 * int(std::count_if(local.cbegin(), local.cend(),
                                                            [](const Point &p) { return p.gap; }));
                QVERIFY2(values(remote) >= values(local) - edges,
                         qPrintable(server + QStringLiteral(": %1 of %2 points")
                                                 .arg(values(remote))
                                                 .arg(values(local))));
                for (const Point &p : remote)
                    QVERIFY2(p.gap || p.min > 0, qPrintable(server)); // never a zero
            }
            // The pause: a gap in the server's series, as in the file. One point per 10 s here:
            // a point sums up 30 s (the window that bridges scrapes), so with 30-s points a 50-s
            // pause can fall between two points that both hold a report.
            QStringList fine = common;
            fine[fine.indexOf(QStringLiteral("--points")) + 1] =
                QString::number(int((to - from) / 10000));
            const QList<Point> remote =
                pointsOfJson(runCli(fine + QStringList{QStringLiteral("--domain"), m_name,
                                                       QStringLiteral("--source"),
                                                       m_servers[i]->url().toString()})
                                 .out);
            bool gap = false;
            for (const Point &p : remote) {
                // After the last report's window has passed, until the resume: nothing.
                const bool inside = p.t > paused + 35000 && p.t < resumed;
                QVERIFY2(
                    !inside || p.gap,
                    qPrintable(server + QStringLiteral(": a value in the pause at ") + iso(p.t)));
                QVERIFY2(p.gap || p.min > 0, qPrintable(server)); // never a zero
                gap = gap || (p.gap && p.t > paused && p.t < resumed + 10000);
            }
            QVERIFY2(gap, qPrintable(server + QStringLiteral(": no gap for the pause")));
        }
        bool fileGap = false;
        for (const Point &p : file.value(m_name))
            fileGap = fileGap || (p.gap && p.t > paused - StepMs && p.t < resumed + StepMs);
        QVERIFY2(fileGap, "the file has no gap for the pause");

        // The History page, reading from each server: its chart of the saw-tooth guest matches
        // the file the same way.
        HistoryOptions options;
        options.path = m_dir.filePath(QStringLiteral("window.sqlite"));
        HistoryService service(options);
        for (int i = 0; i < 2; ++i) {
            HistoryPage page(&service);
            page.setServerRefreshMs(1000);
            page.setHost(m_bed->uri, m_bed->uri);
            page.resize(1000, 700);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            page.setSource(m_servers[i]->url(), m_servers[i]->name());
            QTRY_COMPARE_WITH_TIMEOUT(page.hostId(), m_bed->uri, 30000);
            prom::PrometheusReader reader(m_servers[i]->url());
            QSignalSpy guests(&reader, &HistoryReader::guestsReady);
            reader.queryGuests(m_bed->uri);
            QVERIFY(guests.wait(30000));
            QString sawUuid;
            for (const GuestInfo &g : guests.at(0).at(1).value<QList<GuestInfo>>()) {
                if (g.name == saw)
                    sawUuid = g.uuid;
            }
            QVERIFY(!sawUuid.isEmpty());
            page.setMetric(Metric::Used);
            page.showGuests({sawUuid});
            page.showRange(from, to);
            QList<Point> chart;
            QTRY_VERIFY_WITH_TIMEOUT((
                                         chart.clear(),
                                         [&] {
                                             for (const ChartSeries &s :
                                                  page.guestChart()->exportChart().series)
                                                 chart += pointsOf(s.points);
                                         }(),
                                         values(chart) >= 5),
                                     30000);
            const QString why = mismatch(chart, file.value(saw));
            QVERIFY2(why.isEmpty(),
                     qPrintable(m_servers[i]->name() + QStringLiteral(" chart: ") + why));
        }
        qInfo("compared %lld s of history; the pause %lld s", (to - from) / 1000,
              (resumed - paused) / 1000);
        QCOMPARE(virDomainDestroy(guest.get()), 0);
    }
};

BS_GUI_TEST_MAIN(TestE2eFleet)
#include "tst_e2e_fleet.moc"
