#include "CliRunner.h"
#include "FleetHistory.h"
#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "history/HistoryStore.h"
#include "policy/PolicyTypes.h"

#include <QDateTime>
#include <QFile>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace bs;
using namespace bs::test;

// `balloonscope-cli report` and `export` as cron runs them: the built binary, no display, exit
// codes for scripts, and files that are what they claim to be.
namespace {

const QString Host = QStringLiteral("qemu:///system");
constexpr qint64 T0 = 1735722000000; // 2025-01-01 09:00:00 UTC
constexpr qint64 Span = 2 * 3600000;

QString iso(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

class TestReportCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    QList<FleetGuest> m_guests;

    QStringList range() const {
        return {QStringLiteral("--from"), iso(T0), QStringLiteral("--to"), iso(T0 + Span)};
    }
    QString file(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_db = file(QStringLiteral("history.sqlite"));
        FakeClock clock;
        clock.set(T0 + Span + 600000);
        HistoryOptions o;
        o.path = m_db;
        o.backgroundCompaction = false;
        o.clockMs = clock.function();
        HistoryStore store(o);
        QVERIFY(openAndWait(store));
        m_guests = fleetGuests(5, T0, T0 + Span);
        recordFleet(store, Host, m_guests, T0, T0 + Span, 10);
        QVERIFY(store.waitForIdle());
        store.compactNow();
        QVERIFY(store.waitForIdle());
    }

    void badArgumentsExitTwo_data() {
        QTest::addColumn<QStringList>("args");
        const QString db = QStringLiteral("--db");
        QTest::newRow("report without --host") << QStringList{
            QStringLiteral("report"), QStringLiteral("--out"), QStringLiteral("x.pdf")};
        QTest::newRow("report without --out")
            << QStringList{QStringLiteral("report"), QStringLiteral("--host"), Host};
        QTest::newRow("report to a .png")
            << QStringList{QStringLiteral("report"), QStringLiteral("--host"), Host,
                           QStringLiteral("--out"), QStringLiteral("x.png")};
        QTest::newRow("report, bad range") << QStringList{
            QStringLiteral("report"),  QStringLiteral("--host"),    Host,
            QStringLiteral("--range"), QStringLiteral("yesterday"), QStringLiteral("--out"),
            QStringLiteral("x.pdf")};
        QTest::newRow("report, bad sections") << QStringList{
            QStringLiteral("report"),     QStringLiteral("--host"), Host,
            QStringLiteral("--sections"), QStringLiteral("cover"),  QStringLiteral("--out"),
            QStringLiteral("x.pdf")};
        QTest::newRow("export without --domain")
            << QStringList{QStringLiteral("export"), QStringLiteral("--host"), Host,
                           QStringLiteral("--out"), QStringLiteral("x.csv")};
        QTest::newRow("export to .txt") << QStringList{
            QStringLiteral("export"),   QStringLiteral("--host"), Host,
            QStringLiteral("--domain"), QStringLiteral("web-01"), QStringLiteral("--out"),
            QStringLiteral("x.txt")};
        QTest::newRow("export --raw to .png") << QStringList{
            QStringLiteral("export"),   QStringLiteral("--host"), Host,
            QStringLiteral("--domain"), QStringLiteral("web-01"), QStringLiteral("--raw"),
            QStringLiteral("--out"),    QStringLiteral("x.png")};
        QTest::newRow("export, zero width") << QStringList{
            QStringLiteral("export"),   QStringLiteral("--host"), Host,
            QStringLiteral("--domain"), QStringLiteral("web-01"), QStringLiteral("--width"),
            QStringLiteral("0"),        QStringLiteral("--out"),  QStringLiteral("x.png")};
        QTest::newRow("export, --range and --from") << QStringList{
            QStringLiteral("export"),   QStringLiteral("--host"), Host,
            QStringLiteral("--domain"), QStringLiteral("web-01"), QStringLiteral("--range"),
            QStringLiteral("1h"),       QStringLiteral("--from"), iso(T0),
            QStringLiteral("--out"),    QStringLiteral("x.csv")};
    }
    void badArgumentsExitTwo() {
        QFETCH(QStringList, args);
        const CliRun run = runCli(args + QStringList{QStringLiteral("--db"), m_db});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
    }

    void reportWritesAValidPdf() {
        const QString out = file(QStringLiteral("cron report.pdf"));
        const CliRun run =
            runCli(QStringList{QStringLiteral("report"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--host"), Host, QStringLiteral("--out"), out} +
                   range());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("5 guests")));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {out, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        QCOMPARE(text.exitCode(), 0);
        const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
        for (const FleetGuest &g : std::as_const(m_guests))
            QVERIFY2(pdf.contains(g.name), qPrintable(g.name));
        QVERIFY(pdf.contains(QStringLiteral("2025-01-01")));
    }

    void reportNamesGuestsThatAreNotThere() {
        const QString out = file(QStringLiteral("some.pdf"));
        const CliRun run =
            runCli(QStringList{QStringLiteral("report"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--host"), Host, QStringLiteral("--domains"),
                               QStringLiteral("web-01,nosuch"), QStringLiteral("--out"), out} +
                   range());
        QCOMPARE(run.exitCode, 1); // written, but not everything asked for
        QVERIFY(run.err.contains(QStringLiteral("nosuch")));
        QVERIFY(QFile::exists(out));
        const CliRun none = runCli(
            QStringList{QStringLiteral("report"), QStringLiteral("--db"), m_db,
                        QStringLiteral("--host"), QStringLiteral("qemu+ssh://elsewhere/system"),
                        QStringLiteral("--out"), file(QStringLiteral("no.pdf"))} +
            range());
        QCOMPARE(none.exitCode, 1);
        QVERIFY(!QFile::exists(file(QStringLiteral("no.pdf"))));
    }

    // --sections sizing alone: the advice without the host summary or the guests' pages.
    void reportWithTheSizingSectionOnly() {
        const QString out = file(QStringLiteral("sizing.pdf"));
        const CliRun run =
            runCli(QStringList{QStringLiteral("report"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--host"), Host, QStringLiteral("--sections"),
                               QStringLiteral("cover,sizing"), QStringLiteral("--out"), out} +
                   range());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("2 pages")), qPrintable(run.out));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {out, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY(pdf.contains(QStringLiteral("Balanced: P95 + 15 % over 14 days")));
        QVERIFY(pdf.contains(QStringLiteral("Host what-if")));
        QVERIFY(!pdf.contains(QStringLiteral("Host summary")));
        for (const FleetGuest &g : std::as_const(m_guests))
            QVERIFY2(pdf.contains(g.name), qPrintable(g.name));
    }

    // --sections policies alone: the replay's page without the host summary or the guests';
    // a misspelt key is refused with the keys it takes.
    void reportWithThePoliciesSectionOnly() {
        const QString out = file(QStringLiteral("policies.pdf"));
        const CliRun run =
            runCli(QStringList{QStringLiteral("report"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--host"), Host, QStringLiteral("--sections"),
                               QStringLiteral("cover,policies"), QStringLiteral("--out"), out} +
                   range());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("2 pages")), qPrintable(run.out));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {out, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY(pdf.contains(QStringLiteral("open-loop replay")));
        for (PolicyKind k : allPolicies())
            QVERIFY2(pdf.contains(policyName(k)), qPrintable(policyName(k)));
        QVERIFY(pdf.contains(QStringLiteral("First squeezes")));
        QVERIFY(!pdf.contains(QStringLiteral("Host summary")));
        QVERIFY(!pdf.contains(QStringLiteral("Host what-if")));

        const QString misspelt = file(QStringLiteral("misspelt.pdf"));
        const CliRun bad =
            runCli(QStringList{QStringLiteral("report"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--host"), Host, QStringLiteral("--sections"),
                               QStringLiteral("cover,policy"), QStringLiteral("--out"), misspelt} +
                   range());
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QStringLiteral("cover,policy")), qPrintable(bad.err));
        QVERIFY2(bad.err.contains(QStringLiteral("policies")), qPrintable(bad.err));
        QVERIFY(!QFile::exists(misspelt));
    }

    void reportInChinese() {
        const QString out = file(QStringLiteral("zh.pdf"));
        const CliRun run =
            runCli(QStringList{QStringLiteral("report"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--host"), Host, QStringLiteral("--out"), out,
                               QStringLiteral("--lang"), QStringLiteral("zh_CN")} +
                   range());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {out, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY(pdf.contains(QStringLiteral("已用"))); // "used", from the zh_CN catalogue
        QVERIFY(pdf.contains(QStringLiteral("监控-控制台")));
        QVERIFY(pdf.contains(QStringLiteral("均衡"))); // the sizing policy, "Balanced"
    }

    void exportImagesAreValid() {
        const QString png = file(QStringLiteral("web.png"));
        CliRun run = runCli(QStringList{QStringLiteral("export"), QStringLiteral("--db"), m_db,
                                        QStringLiteral("--host"), Host, QStringLiteral("--domain"),
                                        QStringLiteral("web-01"), QStringLiteral("--out"), png,
                                        QStringLiteral("--width"), QStringLiteral("1000"),
                                        QStringLiteral("--height"), QStringLiteral("500"),
                                        QStringLiteral("--dpi"), QStringLiteral("200")} +
                            range());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1000, 500));
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 200);

        const QString svg = file(QStringLiteral("web.svg"));
        run = runCli(QStringList{QStringLiteral("export"), QStringLiteral("--db"), m_db,
                                 QStringLiteral("--host"), Host, QStringLiteral("--domain"),
                                 QStringLiteral("web-01"), QStringLiteral("--out"), svg} +
                     range());
        QCOMPARE(run.exitCode, 0);
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svgFile);
        int paths = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"path")
                ++paths;
        }
        QVERIFY(!xml.hasError());
        QVERIFY(paths > 3);

        const QString pdf = file(QStringLiteral("web.pdf"));
        run = runCli(QStringList{QStringLiteral("export"), QStringLiteral("--db"), m_db,
                                 QStringLiteral("--host"), Host, QStringLiteral("--domain"),
                                 QStringLiteral("web-01"), QStringLiteral("--out"), pdf} +
                     range());
        QCOMPARE(run.exitCode, 0);
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QCOMPARE(pdfFile.read(5), QByteArray("%PDF-"));
    }

    void exportCsvHoldsTheQuerysPoints() {
        const QString csv = file(QStringLiteral("web.csv"));
        const CliRun run =
            runCli(QStringList{QStringLiteral("export"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--host"), Host, QStringLiteral("--domain"),
                               QStringLiteral("web-01"), QStringLiteral("--points"),
                               QStringLiteral("240"), QStringLiteral("--metric"),
                               QStringLiteral("used"), QStringLiteral("--out"), csv} +
                   range());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // The same query, asked of the store directly.
        HistoryOptions o;
        o.path = m_db;
        o.access = HistoryOptions::Access::ReadOnly;
        HistoryStore store(o);
        QVERIFY(openAndWait(store));
        const SeriesResult result = querySeries(
            store, SeriesRequest{Host, {m_guests[0].uuid}, {Metric::Used}, T0, T0 + Span, 240});
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QStringList lines =
            QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.takeFirst(),
                 QStringLiteral("time,t_ms,used_min,used_avg,used_max,used_polls,gaps"));
        const QList<EnvelopePoint> &points = result.series[0].points;
        QCOMPARE(lines.size(), points.size());
        for (int i = 0; i < points.size(); ++i) {
            const QStringList cells = lines[i].split(QLatin1Char(','));
            QCOMPARE(cells[1].toLongLong(), points[i].timeMs);
            QCOMPARE(cells[2].toDouble(), points[i].min);
            QCOMPARE(cells[3].toDouble(), points[i].avg);
            QCOMPARE(cells[4].toDouble(), points[i].max);
            QCOMPARE(cells[5].toInt(), points[i].samples);
            QCOMPARE(QDateTime::fromString(cells[0], Qt::ISODateWithMs).toMSecsSinceEpoch(),
                     points[i].timeMs);
            QVERIFY(cells[0].endsWith(QLatin1Char('Z'))); // UTC
        }
    }

    void exportRawJson() {
        const QString json = file(QStringLiteral("raw.json"));
        const CliRun run = runCli(
            QStringList{QStringLiteral("export"), QStringLiteral("--db"), m_db,
                        QStringLiteral("--host"), Host, QStringLiteral("--domain"),
                        m_guests[1].uuid, QStringLiteral("--raw"), QStringLiteral("--out"), json} +
            range());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(o[QStringLiteral("name")].toString(), m_guests[1].name);
        const QJsonArray samples = o[QStringLiteral("samples")].toArray();
        QCOMPARE(samples.size(), int(Span / 10000));
        const MemorySample first = fleetPoll(m_guests[1], T0);
        QCOMPARE(samples[0].toObject()[QStringLiteral("unused")].toInteger(),
                 qint64(*first.stats.unused));
    }

    void exportOfAnUnknownGuest() {
        const CliRun run =
            runCli(QStringList{QStringLiteral("export"), QStringLiteral("--db"), m_db,
                               QStringLiteral("--host"), Host, QStringLiteral("--domain"),
                               QStringLiteral("nosuch"), QStringLiteral("--out"),
                               file(QStringLiteral("n.csv"))} +
                   range());
        QCOMPARE(run.exitCode, 1);
        const CliRun missingDb = runCli(
            QStringList{QStringLiteral("export"), QStringLiteral("--db"),
                        file(QStringLiteral("no-such-dir/none.sqlite")), QStringLiteral("--host"),
                        Host, QStringLiteral("--domain"), QStringLiteral("web-01"),
                        QStringLiteral("--out"), file(QStringLiteral("n.csv"))} +
            range());
        QCOMPARE(missingDb.exitCode, 4);
    }
};

BS_TEST_MAIN(TestReportCli)
#include "tst_reportcli.moc"
