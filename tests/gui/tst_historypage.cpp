#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "balloon/BalloonChangeEvent.h"
#include "history/ChartCrosshair.h"
#include "history/EnvelopeChart.h"
#include "history/EventMarkers.h"
#include "history/GuestPicker.h"
#include "history/HistoryBanner.h"
#include "history/HistoryPage.h"
#include "history/HistoryService.h"
#include "history/LiveRange.h"
#include "history/RangeBar.h"
#include "history/RecordedSinceLabel.h"
#include "history/RefreshScheduler.h"
#include "history/Sqlite.h"

#include <QApplication>
#include <QComboBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <qcustomplot.h>

using namespace bs;
using namespace bs::gui;
using namespace bs::test;

namespace {

const QString Host = QStringLiteral("qemu+ssh://admin@kvm1/system");
const QString UuidA = QStringLiteral("11111111-1111-1111-1111-111111111111");
const QString UuidB = QStringLiteral("22222222-2222-2222-2222-222222222222");
const QString KeyA = QStringLiteral("guest:") + UuidA;
const QString KeyB = QStringLiteral("guest:") + UuidB;
const QString HostFree = QStringLiteral("host:free");
constexpr qint64 T0 = 1735689600000; // 2025-01-01 00:00:00 UTC, ms
constexpr qint64 Minute = 60 * 1000;
constexpr qint64 Hour = 60 * Minute;

HostSample hostSample(qint64 t, quint64 free) {
    HostSample s;
    s.hostId = Host;
    s.timeMs = t;
    s.total = 16777216;
    s.free = free;
    s.guestsActual = 2 * 4194304;
    s.guestsMaximum = 2 * 8388608;
    s.guestsUsed = 3000;
    s.guestsActive = 2;
    s.guestsReporting = 2;
    return s;
}

} // namespace

// The History page against a real history (a temporary database): what the charts get back,
// the gap a restart leaves, debounced zoom and pan, the min–max band, markers, live appending.
class TestHistoryPage : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;

    std::unique_ptr<HistoryService> service(const QString &file) {
        HistoryOptions o;
        o.path = m_dir.filePath(file);
        o.backgroundCompaction = false;
        o.clockMs = m_clock.function();
        auto s = std::make_unique<HistoryService>(o);
        QSignalSpy opened(s->store(), &HistoryStore::statusChanged);
        if (s->status().state != HistoryStatus::State::Ready)
            opened.wait(10000);
        return s;
    }

    // `minutes` of 5 s polls of guests A (1000 + i KiB used) and B (2000 + i), with host figures.
    void record(HistoryService &history, qint64 start, int minutes) {
        for (int i = 0; i < minutes * 12; ++i) {
            const qint64 t = start + i * 5000;
            history.recordCycle(pollCycle(Host, t,
                                          {guestPoll(UuidA, QStringLiteral("web"), t, 1000 + i),
                                           guestPoll(UuidB, QStringLiteral("db"), t, 2000 + i)}));
            history.store()->recordHost(hostSample(t, 8000000 + quint64(i)));
        }
        QVERIFY(history.store()->waitForIdle());
    }

    std::unique_ptr<HistoryPage> page(HistoryService &history, qint64 nowMs) {
        auto p = std::make_unique<HistoryPage>(&history);
        p->resize(1000, 760);
        p->setClock([nowMs] { return nowMs; });
        p->show();
        if (!QTest::qWaitForWindowExposed(p.get()))
            return nullptr;
        p->setHost(Host, QStringLiteral("kvm1"));
        return p;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock.set(T0);
    }

    void chartsWhatWasRecorded() {
        auto history = service(QStringLiteral("charts.sqlite"));
        record(*history, T0, 2);
        auto p = page(*history, T0 + 2 * Minute);
        QVERIFY(p);
        p->showRange(T0, T0 + 2 * Minute);
        p->showGuests({UuidA, UuidB}); // compare two guests on one metric
        QTRY_COMPARE(p->guestPicker()->guestCount(), 2);
        QTRY_COMPARE(p->guestChart()->pointCount(KeyA), 24);
        QTRY_COMPARE(p->guestChart()->pointCount(KeyB), 24);
        QCOMPARE(p->guestChart()->gapCount(KeyA), 0);
        QCOMPARE(p->guestPicker()->checkedUuids(), (QStringList{UuidA, UuidB}));
        // The values as recorded: A used 1000 KiB at T0.
        const QString atStart = p->guestChart()->valuesAt(T0);
        QVERIFY2(atStart.contains(QStringLiteral("web")) && atStart.contains(QStringLiteral("db")),
                 qPrintable(atStart));
        QVERIFY2(atStart.contains(units::formatKiB(1000).toHtmlEscaped()), qPrintable(atStart));
        // The host chart: Σ used vs Σ actual vs host total, host free.
        QTRY_COMPARE(p->hostChart()->pointCount(HostFree), 24);
        QCOMPARE(p->hostChart()->pointCount(QStringLiteral("host:guests_actual")), 24);
        QCOMPARE(p->hostChart()->pointCount(QStringLiteral("host:total")), 24);
        QVERIFY(p->hostChart()->isSeriesVisible(QStringLiteral("host:guests_used")));
        QVERIFY(p->rangeBar()->resolution().contains(QStringLiteral("raw")));

        // What File → Export Chart… writes: both guests' points as drawn, in the range on screen.
        const ChartData exported = p->guestChart()->exportChart();
        QCOMPARE(exported.series.size(), 2);
        QCOMPARE(exported.series[0].key, KeyA);
        QCOMPARE(exported.series[0].points.size(), 24);
        QCOMPARE(exported.unit, ValueUnit::KiB);
        QVERIFY(!exported.title.isEmpty());
        QCOMPARE(exported.fromMs, p->guestChart()->fromMs());
        QCOMPARE(exported.series[0].points.first().avg, 1000.0);

        // Another metric: the same guests, another series.
        p->setMetric(Metric::Actual);
        QTRY_VERIFY(p->guestChart()->valuesAt(T0).contains(units::formatKiB(4194304)));
    }

    // A query that fails (a real SQLite error: the samples read overflows an integer) is said
    // in the page's banner, and the notice goes once a later round reads again.
    void aFailedReadIsSaid() {
        const QString file = QStringLiteral("failing.sqlite");
        {
            auto history = service(file);
            record(*history, T0, 2);
        }
        {
            auto db =
                sqlite::Database::open(m_dir.filePath(file), sqlite::Database::Mode::ReadWrite);
            QVERIFY(db);
            QVERIFY(
                db->exec("ALTER TABLE samples RENAME TO samples_stored; CREATE VIEW samples AS "
                         "SELECT * FROM samples_stored WHERE abs(-9223372036854775807 - 1) > 0"));
        }
        auto history = service(file);
        auto p = page(*history, T0 + 2 * Minute);
        QVERIFY(p);
        p->showRange(T0, T0 + 2 * Minute);
        p->showGuests({UuidA});
        QTRY_VERIFY(!p->banner()->texts().isEmpty());
        const QString said = p->banner()->texts().join(QLatin1Char('\n'));
        QVERIFY2(said.contains(QStringLiteral("could not be read")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("overflow")), qPrintable(said));
        QCOMPARE(p->guestChart()->pointCount(KeyA), 0);
        // The table is readable again: the next round clears the notice and draws the points.
        {
            auto db =
                sqlite::Database::open(m_dir.filePath(file), sqlite::Database::Mode::ReadWrite);
            QVERIFY(db);
            QVERIFY(db->exec("DROP VIEW samples; ALTER TABLE samples_stored RENAME TO samples"));
        }
        p->showRange(T0 - 5000, T0 + 2 * Minute);
        QTRY_COMPARE(p->guestChart()->pointCount(KeyA), 24);
        QTRY_VERIFY(p->banner()->texts().isEmpty());
    }

    void noGuestTickedKeepsTheChartsWidth() {
        auto history = service(QStringLiteral("none.sqlite"));
        record(*history, T0, 2);
        auto p = page(*history, T0 + 2 * Minute);
        QVERIFY(p);
        p->showRange(T0, T0 + 2 * Minute);
        p->showGuests({UuidA});
        QTRY_COMPARE(p->guestChart()->pointCount(KeyA), 24);
        p->guestPicker()->setChecked({}); // the user unticks the last guest
        QTRY_COMPARE(p->guestChart()->pointCount(KeyA), 0);
        QTRY_VERIFY(!p->scheduler()->inFlight());
        p->guestChart()->replotNow();
        p->hostChart()->replotNow();
        // The empty chart keeps its axis as wide as the host chart's, under the same times.
        QCOMPARE(p->guestChart()->plot()->axisRect()->width(),
                 p->hostChart()->plot()->axisRect()->width());
        QVERIFY(p->guestChart()->plot()->axisRect()->width() > 500);
        QCOMPARE(p->guestChart()->pointBudget(), p->hostChart()->pointBudget());
    }

    void restartShowsEarlierPointsAndAGap() {
        const QString file = QStringLiteral("restart.sqlite");
        {
            auto first = service(file);
            record(*first, T0, 2);
        } // the app quits
        m_clock.set(T0 + 4 * Minute);
        auto second = service(file);
        record(*second, T0 + 4 * Minute, 2);
        auto p = page(*second, T0 + 6 * Minute);
        QVERIFY(p);
        p->showGuests({UuidA});
        p->showRange(T0, T0 + 6 * Minute);
        QTRY_COMPARE(p->guestChart()->pointCount(KeyA), 49); // 2 × 24 polls and the gap
        QCOMPARE(p->guestChart()->gapCount(KeyA), 1);
        QTRY_COMPARE(p->hostChart()->gapCount(HostFree), 1);
        // Nothing under the crosshair in the gap, values on either side.
        QVERIFY(p->guestChart()->valuesAt(T0 + 3 * Minute).contains(QStringLiteral("—")));
        QVERIFY(!p->guestChart()->valuesAt(T0 + Minute).contains(QStringLiteral("—")));
        m_clock.set(T0);
    }

    void zoomAndPanAreDebounced() {
        auto history = service(QStringLiteral("zoom.sqlite"));
        record(*history, T0, 10);
        auto p = page(*history, T0 + 10 * Minute);
        QVERIFY(p);
        p->showGuests({UuidA});
        p->showRange(T0, T0 + 10 * Minute);
        QTRY_COMPARE(p->guestChart()->pointCount(KeyA), 120);
        QTRY_VERIFY(!p->scheduler()->inFlight());
        const int before = p->seriesQueries();

        // Wheel steps over the guest chart, then a drag: one gesture of about half a second,
        // its steps 20 ms apart with the event loop running in between, as a hand makes them.
        QCustomPlot *plot = p->guestChart()->plot();
        const QPointF centre = plot->axisRect()->rect().center();
        for (int i = 0; i < 8; ++i) {
            QWheelEvent wheel(centre, plot->mapToGlobal(centre), QPoint(), QPoint(0, 120),
                              Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(plot, &wheel);
            QTest::qWait(20);
        }
        QTest::mousePress(plot, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
        for (int dx = 10; dx <= 100; dx += 10) {
            QTest::mouseMove(plot, centre.toPoint() + QPoint(dx, 0));
            QTest::qWait(20);
        }
        QTest::mouseRelease(plot, Qt::LeftButton, Qt::NoModifier,
                            centre.toPoint() + QPoint(100, 0));
        QCOMPARE(p->seriesQueries(), before); // nothing read during the gesture
        QVERIFY(!p->isLive());
        const qint64 span = p->toMs() - p->fromMs();
        QVERIFY2(span < 5 * Minute, qPrintable(QString::number(span)));
        // The other chart and the range bar follow at once.
        QCOMPARE(p->hostChart()->fromMs(), p->guestChart()->fromMs());
        QCOMPARE(p->hostChart()->toMs(), p->guestChart()->toMs());
        QCOMPARE(p->rangeBar()->presets()->currentData().toLongLong(), 0); // custom

        QTRY_COMPARE(p->seriesQueries(), before + 1);   // one read after the gesture
        QTest::qWait(3 * RefreshScheduler::DebounceMs); // and no more
        QCOMPARE(p->seriesQueries(), before + 1);
        // At the new zoom level the plot's width buys finer buckets: still one point per poll.
        QTRY_VERIFY(!p->scheduler()->inFlight());
        QVERIFY(p->guestChart()->pointCount(KeyA) > 0);
    }

    void bandOnlyWherePointsAggregate() {
        auto history = service(QStringLiteral("band.sqlite"));
        record(*history, T0, 30);
        auto p = page(*history, T0 + 30 * Minute);
        QVERIFY(p);
        p->showGuests({UuidA});
        // 5 minutes over ~900 px: one poll per point, no band.
        p->showRange(T0, T0 + 5 * Minute);
        QTRY_COMPARE(p->guestChart()->pointCount(KeyA), 60);
        // The host series is its own query: wait for it, not just for the guests'.
        QTRY_COMPARE(p->hostChart()->pointCount(HostFree), 60);
        QVERIFY(!p->guestChart()->bandShown(KeyA));
        QVERIFY(!p->hostChart()->bandShown(HostFree));
        // 6 hours over the same width: several polls per point, the band shows their spread.
        p->showRange(T0, T0 + 6 * 3600 * 1000LL);
        QTRY_VERIFY(p->guestChart()->pointCount(KeyA) < 60);
        QTRY_VERIFY(p->hostChart()->pointCount(HostFree) < 60);
        QVERIFY(p->guestChart()->bandShown(KeyA));
        QVERIFY(p->hostChart()->bandShown(HostFree));
        const QString values = p->guestChart()->valuesAt(T0 + 10 * Minute);
        QVERIFY2(values.contains(QStringLiteral("–")), qPrintable(values)); // avg (min – max)
    }

    void markersForLifecycleAndTheAppsActions() {
        auto history = service(QStringLiteral("markers.sqlite"));
        record(*history, T0, 4);
        LifecycleEvent started;
        started.hostId = Host;
        started.uuid = UuidA;
        started.name = QStringLiteral("web");
        started.event = 2; // VIR_DOMAIN_EVENT_STARTED
        started.timeMs = T0 + Minute;
        history->store()->recordLifecycle(started);
        BalloonChangeEvent change;
        change.hostId = Host;
        change.uuid = UuidB;
        change.name = QStringLiteral("db");
        change.timeMs = T0 + 3 * Minute;
        change.kind = BalloonChangeEvent::Kind::BalloonTarget;
        change.before = 4194304;
        change.after = 3145728;
        history->recordBalloonChange(change);
        QVERIFY(history->store()->waitForIdle());

        auto p = page(*history, T0 + 4 * Minute);
        QVERIFY(p);
        p->showGuests({UuidA});
        p->showRange(T0, T0 + 4 * Minute);
        // The guest chart: A's start (B's balloon change is not A's), and where recording began.
        QTRY_COMPARE(p->guestChart()->pointCount(KeyA), 48);
        QTRY_VERIFY(p->guestChart()->markers()->events().size() >= 2);
        const auto guestEvents = p->guestChart()->markers()->events();
        QVERIFY(std::any_of(guestEvents.cbegin(), guestEvents.cend(), [](const HistoryEvent &e) {
            return e.kind == HistoryEvent::Kind::Lifecycle && e.uuid == UuidA;
        }));
        QVERIFY(std::none_of(guestEvents.cbegin(), guestEvents.cend(), [](const HistoryEvent &e) {
            return e.kind == HistoryEvent::Kind::BalloonTarget;
        }));
        // The host chart has them all, each a marker with a tooltip.
        EventMarkers *markers = p->hostChart()->markers();
        QTRY_VERIFY(markers->markerCount() >= 3);
        QString tips;
        for (double x : markers->markerPixels())
            tips += markers->tooltipAt(x) + QLatin1Char('\n');
        QVERIFY2(tips.contains(QStringLiteral("web: started")), qPrintable(tips));
        QVERIFY2(tips.contains(change.description()), qPrintable(tips));
        QVERIFY(markers->tooltipAt(-100).isEmpty());

        // Hovering a marker: its events join the values in the crosshair's one box.
        QCustomPlot *plot = p->hostChart()->plot();
        const int y = plot->axisRect()->rect().center().y();
        const auto hover = [plot, y](double x) {
            const QPointF at(x, y);
            QMouseEvent move(QEvent::MouseMove, at, plot->mapToGlobal(at), Qt::NoButton,
                             Qt::NoButton, Qt::NoModifier);
            QApplication::sendEvent(plot, &move);
        };
        double startedAt = -1;
        for (double x : markers->markerPixels()) {
            if (markers->tooltipAt(x).contains(QStringLiteral("web: started")))
                startedAt = x;
        }
        QVERIFY(startedAt >= 0);
        hover(startedAt);
        QVERIFY(p->hostChart()->crosshair()->isShown());
        QString box = p->hostChart()->crosshair()->text();
        QVERIFY2(box.contains(QStringLiteral("web: started")), qPrintable(box));
        QVERIFY2(box.contains(hostMetricName(HostMetric::Free).toHtmlEscaped()), qPrintable(box));
        // Away from every marker (a minute from the nearest): the values only.
        hover(plot->xAxis->coordToPixel(double(T0 + 2 * Minute) / 1000.0));
        box = p->hostChart()->crosshair()->text();
        QVERIFY2(!box.contains(QStringLiteral("<hr>")), qPrintable(box));
        QVERIFY(box.contains(hostMetricName(HostMetric::Free).toHtmlEscaped()));

        // Ticking B brings its balloon change onto the guest chart.
        p->showGuests({UuidA, UuidB});
        QTRY_VERIFY(std::any_of(
            p->guestChart()->markers()->events().cbegin(),
            p->guestChart()->markers()->events().cend(),
            [](const HistoryEvent &e) { return e.kind == HistoryEvent::Kind::BalloonTarget; }));
    }

    // A new user opens the History page after a few minutes of recording: the range covers
    // those minutes (not a sliver at the right of an hour) and says since when.
    void opensOnTheRecordedMinutes() {
        auto history = service(QStringLiteral("minutes.sqlite"));
        record(*history, T0, 5); // polls from T0 to T0 + 4:55
        const qint64 now = T0 + 5 * Minute;
        auto p = page(*history, now);
        QVERIFY(p);
        QTRY_VERIFY(p->showsSinceRecordingBegan()); // once the store has answered
        QVERIFY(p->isLive());
        QCOMPARE(p->recordedSpan().firstMs, T0);
        QCOMPARE(p->toMs(), now);
        QVERIFY2(p->fromMs() < T0 && p->fromMs() >= T0 - Minute,
                 qPrintable(QString::number((T0 - p->fromMs()) / 1000)));
        for (EnvelopeChart *chart : {p->guestChart(), p->hostChart()}) {
            QCOMPARE(chart->fromMs(), p->fromMs());
            QCOMPARE(chart->toMs(), now);
        }
        QCOMPARE(p->rangeBar()->presets()->currentData().toLongLong(),
                 RangeBar::SinceRecordingBegan);
        QTRY_VERIFY(p->hostChart()->pointCount(HostFree) >= 60); // every poll across the chart
        const QString since = p->recordedSinceLabel()->text();
        QVERIFY(p->recordedSinceLabel()->isVisible());
        const QString start =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(T0).time(), QLocale::ShortFormat);
        QVERIFY2(since.contains(start), qPrintable(since + QStringLiteral(" / ") + start));

        // The history grows past the preset: the preset's hour, sliding with now.
        p->setClock([] { return T0 + 2 * Hour; });
        QVERIFY(!p->showsSinceRecordingBegan());
        QCOMPARE(p->toMs() - p->fromMs(), Hour);
    }

    void moreHistoryThanThePresetKeepsThePreset() {
        auto history = service(QStringLiteral("longer.sqlite"));
        record(*history, T0, 5);
        const qint64 now = T0 + 2 * Hour;
        auto p = page(*history, now);
        QVERIFY(p);
        QTRY_COMPARE(p->recordedSpan().firstMs, T0);
        QVERIFY(!p->showsSinceRecordingBegan());
        QCOMPARE(p->fromMs(), now - HistoryPage::DefaultPresetSeconds * 1000);
        QCOMPARE(p->rangeBar()->presets()->currentData().toLongLong(),
                 HistoryPage::DefaultPresetSeconds);
        QVERIFY(!p->recordedSinceLabel()->text().isEmpty());
        // Chosen by the user, "since recording began" shows all of it.
        Q_EMIT p->rangeBar()->presetChosen(RangeBar::SinceRecordingBegan);
        QVERIFY(p->showsSinceRecordingBegan());
        QVERIFY(p->fromMs() < T0 && p->fromMs() > T0 - 10 * Minute);
    }

    void theUsersChoiceIsNotOverridden() {
        auto history = service(QStringLiteral("choice.sqlite"));
        record(*history, T0, 5);
        qint64 now = T0 + 5 * Minute;
        auto p = page(*history, 0);
        QVERIFY(p);
        p->setClock([&now] { return now; });
        p->showPreset(15 * 60); // before the store has said since when it records
        QTRY_COMPARE(p->recordedSpan().firstMs, T0);
        QTRY_VERIFY(!p->scheduler()->inFlight());
        QVERIFY(!p->showsSinceRecordingBegan());
        QCOMPARE(p->toMs() - p->fromMs(), 15 * Minute);
        // Nor by the polls that follow.
        now += 5000;
        history->recordCycle(
            pollCycle(Host, now, {guestPoll(UuidA, QStringLiteral("web"), now, 7)}));
        QTRY_COMPARE(p->toMs(), now);
        QCOMPARE(p->toMs() - p->fromMs(), 15 * Minute);
        QCOMPARE(p->rangeBar()->presets()->currentData().toLongLong(), 15 * 60);
    }

    void liveRangeRules() {
        LiveRange range;
        const qint64 now = T0 + 10 * Hour;
        // Nothing recorded: the preset.
        LiveRange::Window w = range.at(now, {});
        QCOMPARE(w.fromMs, now - Hour);
        QVERIFY(!w.sinceRecording);
        // Ten seconds recorded: at least a minute wide, with room before the first poll.
        w = range.at(now, {now - 10000, now});
        QVERIFY(w.sinceRecording);
        QCOMPARE(w.fromMs, now - Minute - LiveRange::marginBefore(Minute));
        // Once the user chose, a short history no longer changes the range.
        range.userChose = true;
        QCOMPARE(range.at(now, {now - 10000, now}).fromMs, now - Hour);
        range.sinceRecordingChosen = true;
        QCOMPARE(range.at(now, {now - 2 * Hour, now}).fromMs,
                 now - 2 * Hour - LiveRange::marginBefore(2 * Hour));
    }

    void recordedSinceSaysTheDateWhenNotToday() {
        RecordedSinceLabel label;
        const QDateTime first = QDateTime::fromMSecsSinceEpoch(T0);
        label.setSince(T0, T0 + 2 * 24 * Hour);
        QVERIFY2(label.text().contains(QLocale().toString(first, QLocale::ShortFormat)),
                 qPrintable(label.text()));
        label.setSince(T0, T0 + Minute);
        QVERIFY2(label.text().contains(QLocale().toString(first.time(), QLocale::ShortFormat)),
                 qPrintable(label.text()));
        QVERIFY(!label.text().contains(QLocale().toString(first.date(), QLocale::ShortFormat)));
        label.setSince(0, T0);
        QVERIFY(label.text().isEmpty());
        QVERIFY(label.isHidden());
    }

    void liveDataIsAppendedCoalesced() {
        auto history = service(QStringLiteral("live.sqlite"));
        record(*history, T0, 2);
        qint64 now = T0 + 2 * Minute;
        auto p = page(*history, 0);
        QVERIFY(p);
        p->setClock([&now] { return now; });
        p->showGuests({UuidA});
        p->showPreset(15 * 60);
        QVERIFY(p->isLive());
        QTRY_COMPARE(p->guestChart()->pointCount(KeyA), 24);
        QTRY_VERIFY(!p->scheduler()->inFlight());
        const int rounds = p->scheduler()->rounds();
        const int replots = p->guestChart()->replotCount();

        // A burst of 20 polls handed over at once (a host catching up): a couple of reads and
        // repaints, not 20.
        for (int i = 0; i < 20; ++i) {
            const qint64 t = T0 + 2 * Minute + i * 5000;
            now = t + 300; // the page looks a moment after the poll
            history->recordCycle(
                pollCycle(Host, t, {guestPoll(UuidA, QStringLiteral("web"), t, 5000)}));
        }
        QTRY_COMPARE(p->guestChart()->pointCount(KeyA), 44);
        QTRY_VERIFY(!p->scheduler()->inFlight());
        QVERIFY2(p->scheduler()->rounds() - rounds <= 3,
                 qPrintable(QString::number(p->scheduler()->rounds() - rounds)));
        QVERIFY(p->guestChart()->replotCount() - replots <= 4);
        // The window slid with the data: it ends at the newest poll's "now".
        QCOMPARE(p->guestChart()->toMs(), now);
        QVERIFY(p->isLive());
    }
};

BS_GUI_TEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
