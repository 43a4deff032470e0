// Issue 18's scale bench, not a test: 50 hosts × 100 guests polled every 5 s, figures that move
// at every poll, the real window shown and recording its history; then the headless recorder on
// the same hosts. Prints a table and writes JSON (docs/PERFORMANCE.md, "What each figure is").
//
//   bench_scale --work DIR [--json FILE] [--hosts 50] [--guests 100] [--interval 5]
//               [--seconds 120] [--stall-seconds S] [--recorder-seconds 90] [--repeat 5]
//               [--only window|recorder] [--readiness-refresh S]
//
// The hosts: libvirt's test driver, one generated <node> file per host (test:///DIR/hNN.xml),
// each opened by the app's own HostMonitor on its own thread, in this process. The test driver's
// figures never move on their own (MovingStats.cpp): this executable defines
// virDomainMemoryStats, which calls libvirt's and gives each guest figures that change at every
// poll with a fresh last_update; balloonscope-cli gets the same through LD_PRELOAD
// (libbs_moving_stats.so). From there on everything is the app's: the monitors' polls, the
// queued PollCycles, the real MainWindow (every feature, the guest table, the live chart of the
// selected guest, the history recording into its SQLite file).
//
// Window part (needs a display; run under Xvfb by scripts/bench): an idle phase with the window
// shown and no host (the stall baseline), start-up (50 connections, until every host delivered
// two polls and the table holds every guest), one more poll interval to settle, then the
// measured phases, with the readiness re-check of every host (every 5 minutes in the app) brought
// into them, every --readiness-refresh seconds (default: half of --seconds, so once in each
// phase): first --stall-seconds (default: as long as --seconds) of the GUI thread's stalls (a
// 5 ms precise timer, as gui/app/StallMonitor: a tick's lateness); then --seconds of the
// process's CPU (utime+stime, and per thread: GUI, host monitors, history, other) with the stall
// probe off (its own wake-ups cost 1.4-2 % of a core), once the history's minute roll-ups run;
// RSS noted every 10 s through both, VmHWM at the end.
// Then sorting and
// filtering the 5,000-row table, each timed around the real call (QTableView::sortByColumn, the
// filter box's text) including the view's items layout and one synchronous repaint, repeated;
// baseline: the same operations on a QStandardItemModel copy of the table behind a plain
// QSortFilterProxyModel in a QTableView of the same size. Recorder part: `balloonscope-cli record`
// on the same 50 hosts at the same interval, its CPU over the measured phase after its own
// start-up, and VmHWM; the rows it wrote.
#include "app/HostRegistry.h"
#include "guests/GuestFilterProxy.h"
#include "guests/GuestPanel.h"
#include "guests/GuestTableModel.h"
#include "libvirt/LibvirtRuntime.h"
#include "mainwindow/MainWindow.h"
#include "monitor/MemorySample.h"
#include "readiness/ReadinessTracker.h"
#include "workbench/Workbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <sqlite3.h>
#include <unistd.h>
#include <vector>

using namespace bs;
using namespace bs::gui;

namespace {

[[noreturn]] void fail(const QString &why) {
    std::fprintf(stderr, "bench_scale: %s\n", qPrintable(why));
    std::exit(1);
}

void say(const QString &what) {
    std::fprintf(stderr, "bench_scale: %s %s\n",
                 qPrintable(QDateTime::currentDateTime().toString(QStringLiteral("hh:mm:ss"))),
                 qPrintable(what));
}

// Runs the event loop for `ms`, or until `done` holds (checked every 100 ms).
bool waitFor(int ms, const std::function<bool()> &done = {}) {
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer check;
    if (done) {
        if (done())
            return true;
        QObject::connect(&check, &QTimer::timeout, &loop, [&] {
            if (done())
                loop.quit();
        });
        check.start(100);
    }
    deadline.start(ms);
    loop.exec();
    return !done || done();
}

// --- figures of a process, from /proc --------------------------------------------------------

QByteArray readProc(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// utime + stime in seconds of a /proc stat line (fields after the command's closing parenthesis).
double cpuOfStat(const QByteArray &stat) {
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return 0;
    const QList<QByteArray> f = stat.mid(close + 2).split(' ');
    if (f.size() < 13)
        return 0;
    return double(f.at(11).toLongLong() + f.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

double processCpu(qint64 pid) {
    return cpuOfStat(readProc(QStringLiteral("/proc/%1/stat").arg(pid)));
}

// CPU seconds by thread group: "gui" (the main thread), "monitors" (the hosts' threads, named
// host:URI), "history" (the store's threads), "other" (libvirt's event loop, Qt's, ...).
std::map<QString, double> threadCpu(qint64 pid) {
    std::map<QString, double> out;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString comm =
            QString::fromUtf8(readProc(tasks.filePath(tid + QStringLiteral("/comm")))).trimmed();
        QString group = QStringLiteral("other");
        if (tid.toLongLong() == pid)
            group = QStringLiteral("main");
        else if (comm.startsWith(QLatin1String("host:")))
            group = QStringLiteral("monitors");
        else if (comm.startsWith(QLatin1String("history")))
            group = QStringLiteral("history");
        out[group] += cpuOfStat(readProc(tasks.filePath(tid + QStringLiteral("/stat"))));
    }
    return out;
}

qint64 statusKiB(qint64 pid, const char *key) {
    for (const QByteArray &line : readProc(QStringLiteral("/proc/%1/status").arg(pid)).split('\n'))
        if (line.startsWith(key))
            return line.mid(qsizetype(std::strlen(key))).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

// Waits `seconds`, noting VmRSS (MiB) every 10 s: the lists the app keeps (the live series, the
// health window) fill for minutes, so the growth matters as much as the peak.
QJsonArray waitNotingRss(qint64 pid, int seconds) {
    QJsonArray rss;
    for (int done = 0; done < seconds; done += 10) {
        rss.append(qRound(double(statusKiB(pid, "VmRSS:")) / 1024.0));
        waitFor(std::min(10, seconds - done) * 1000);
    }
    rss.append(qRound(double(statusKiB(pid, "VmRSS:")) / 1024.0));
    return rss;
}

QString loadAverage() {
    return QString::fromUtf8(readProc(QStringLiteral("/proc/loadavg")))
        .split(QLatin1Char(' '))
        .mid(0, 3)
        .join(QLatin1Char(' '));
}

// A CPU reading over a phase: the process and its thread groups.
struct CpuMark {
    double wall = 0; // seconds, monotonic
    double process = 0;
    std::map<QString, double> threads;
};

CpuMark markCpu(qint64 pid, const QElapsedTimer &clock) {
    return {double(clock.nsecsElapsed()) / 1e9, processCpu(pid), threadCpu(pid)};
}

QJsonObject cpuBetween(const CpuMark &a, const CpuMark &b) {
    const double wall = b.wall - a.wall;
    QJsonObject o;
    o.insert(QStringLiteral("seconds"), wall);
    o.insert(QStringLiteral("cpuSeconds"), b.process - a.process);
    o.insert(QStringLiteral("coreShare"), (b.process - a.process) / wall);
    QJsonObject threads;
    for (const auto &[group, seconds] : b.threads) {
        const auto before = a.threads.find(group);
        threads.insert(group,
                       (seconds - (before == a.threads.end() ? 0.0 : before->second)) / wall);
    }
    o.insert(QStringLiteral("coreShareByThread"), threads);
    return o;
}

// --- stalls of the GUI thread ----------------------------------------------------------------

// A 5 ms precise timer on this thread, as gui/app/StallMonitor: each tick's lateness (the time
// since the previous tick less 5 ms), kept per phase.
class TickMonitor final : public QObject {
public:
    static constexpr int TickMs = 5;

    TickMonitor() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(TickMs);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_clock.start();
        m_last = m_clock.nsecsElapsed();
        m_timer.start();
    }
    void setPhase(const QString &phase) {
        m_phase = phase;
        m_phaseStart = m_clock.nsecsElapsed();
    }
    // The probe costs the GUI thread a wake-up every 5 ms (about 1.4 % of a core in the idle
    // window): it is off while the window's CPU is measured.
    void pause() { m_timer.stop(); }
    void resume() {
        m_last = m_clock.nsecsElapsed();
        m_timer.start();
    }

    QJsonObject summary(const QString &phase) const {
        std::vector<double> v = m_late.count(phase) ? m_late.at(phase) : std::vector<double>();
        std::sort(v.begin(), v.end());
        const auto at = [&v](double q) {
            return v.empty() ? 0.0 : v[std::min(v.size() - 1, size_t(double(v.size()) * q))];
        };
        QJsonObject o;
        o.insert(QStringLiteral("ticks"), qint64(v.size()));
        o.insert(QStringLiteral("p50Ms"), at(0.50));
        o.insert(QStringLiteral("p99Ms"), at(0.99));
        o.insert(QStringLiteral("p999Ms"), at(0.999));
        o.insert(QStringLiteral("maxMs"), v.empty() ? 0.0 : v.back());
        const auto over = [&v](double ms) {
            return qint64(v.end() - std::upper_bound(v.begin(), v.end(), ms));
        };
        o.insert(QStringLiteral("over16Ms"), over(16));
        o.insert(QStringLiteral("over100Ms"), over(100));
        // When the long ones came: [seconds into the phase, ms late].
        QJsonArray when;
        if (m_long.count(phase))
            for (const auto &[seconds, ms] : m_long.at(phase))
                when.append(QJsonArray{qRound(seconds * 10) / 10.0, qRound(ms * 10) / 10.0});
        o.insert(QStringLiteral("over100MsAt"), when);
        return o;
    }

private:
    void tick() {
        const qint64 now = m_clock.nsecsElapsed();
        const double late = std::max(0.0, double(now - m_last) / 1e6 - TickMs);
        m_last = now;
        m_late[m_phase].push_back(late);
        if (late > 100)
            m_long[m_phase].emplace_back(double(now - m_phaseStart) / 1e9, late);
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_phaseStart = 0;
    QString m_phase = QStringLiteral("start");
    std::map<QString, std::vector<double>> m_late;
    std::map<QString, std::vector<std::pair<double, double>>> m_long;
};

// --- the hosts -------------------------------------------------------------------------------

QString guestName(int host, int guest) {
    return QStringLiteral("bench-h%1-g%2")
        .arg(host, 2, 10, QLatin1Char('0'))
        .arg(guest, 3, 10, QLatin1Char('0'));
}

// One test-driver node file per host: `guests` running guests with a virtio balloon and a 5-s
// stats period, 4 GiB each, balloons between 2 and 4 GiB.
QStringList writeHosts(const QString &dir, int hosts, int guests) {
    QDir().mkpath(dir);
    QStringList uris;
    for (int h = 0; h < hosts; ++h) {
        QByteArray xml = "<node><cpu><mhz>2000</mhz><model>x86_64</model><active>64</active>"
                         "<nodes>1</nodes><sockets>1</sockets><cores>64</cores><threads>1</threads>"
                         "</cpu><memory>1073741824</memory>\n";
        for (int g = 0; g < guests; ++g)
            xml += QStringLiteral("<domain type='test'><name>%1</name>"
                                  "<uuid>00000000-0000-4000-8%2-%3</uuid>"
                                  "<memory unit='KiB'>4194304</memory>"
                                  "<currentMemory unit='KiB'>%4</currentMemory>"
                                  "<os><type arch='x86_64'>hvm</type></os><devices>"
                                  "<memballoon model='virtio'><stats period='5'/></memballoon>"
                                  "</devices></domain>\n")
                       .arg(guestName(h, g))
                       .arg(h, 3, 10, QLatin1Char('0'))
                       .arg(g, 12, 10, QLatin1Char('0'))
                       .arg(2097152 + (g * 7919 % 64) * 32768)
                       .toUtf8();
        xml += "</node>\n";
        const QString path = QStringLiteral("%1/h%2.xml").arg(dir).arg(h, 2, 10, QLatin1Char('0'));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(xml) != xml.size())
            fail(QStringLiteral("cannot write ") + path);
        uris.append(QStringLiteral("test://") + QFileInfo(path).absoluteFilePath());
    }
    return uris;
}

// Rows in a history file: every raw sample, and those with the guest's own figures.
QJsonObject historyRows(const QString &path) {
    QJsonObject o;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return o;
    }
    sqlite3_stmt *q = nullptr;
    const char *sql = "SELECT count(*), count(available), count(DISTINCT guest_id) FROM "
                      "(SELECT guest_id, available FROM samples UNION ALL "
                      "SELECT guest_id, available FROM samples_inbox)";
    if (sqlite3_prepare_v2(db, sql, -1, &q, nullptr) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW) {
        o.insert(QStringLiteral("samples"), sqlite3_column_int64(q, 0));
        o.insert(QStringLiteral("samplesWithGuestFigures"), sqlite3_column_int64(q, 1));
        o.insert(QStringLiteral("guests"), sqlite3_column_int64(q, 2));
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    o.insert(QStringLiteral("fileBytes"), QFileInfo(path).size());
    return o;
}

// --- timing table operations -----------------------------------------------------------------

QJsonObject msSummary(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    QJsonObject o;
    o.insert(QStringLiteral("n"), qint64(v.size()));
    o.insert(QStringLiteral("medianMs"), v.empty() ? 0.0 : v[v.size() / 2]);
    o.insert(QStringLiteral("worstMs"), v.empty() ? 0.0 : v.back());
    QJsonArray all;
    for (double ms : v)
        all.append(qRound(ms * 100) / 100.0);
    o.insert(QStringLiteral("allMs"), all);
    return o;
}

// Times `change` plus what the view does before the user sees it: the items layout and one
// synchronous paint of the viewport.
double timed(QTableView *view, const std::function<void()> &change) {
    QElapsedTimer t;
    t.start();
    change();
    view->doItemsLayout();
    view->viewport()->repaint();
    return double(t.nsecsElapsed()) / 1e6;
}

struct TableTimes {
    std::vector<double> sort, filterApply, filterClear;
};

// Sorts by a few columns and back, and applies and clears a filter, `repeat` times each, with
// the event loop running between (the polls keep arriving meanwhile).
TableTimes timeTable(QTableView *view, const std::function<void(const QString &)> &setFilter,
                     int repeat, const QString &filterText) {
    TableTimes out;
    const std::pair<int, Qt::SortOrder> sorts[] = {{GuestTableModel::Used, Qt::DescendingOrder},
                                                   {GuestTableModel::Actual, Qt::DescendingOrder},
                                                   {GuestTableModel::Name, Qt::AscendingOrder}};
    for (int r = 0; r < repeat; ++r) {
        for (const auto &sort : sorts) {
            const int column = sort.first;
            const Qt::SortOrder order = sort.second;
            out.sort.push_back(timed(view, [&] { view->sortByColumn(column, order); }));
            waitFor(300);
        }
        out.filterApply.push_back(timed(view, [&] { setFilter(filterText); }));
        waitFor(300);
        out.filterClear.push_back(timed(view, [&] { setFilter(QString()); }));
        waitFor(300);
    }
    return out;
}

QJsonObject tableJson(const TableTimes &t, int rowsShownFiltered) {
    QJsonObject o;
    o.insert(QStringLiteral("sort"), msSummary(t.sort));
    o.insert(QStringLiteral("filterApply"), msSummary(t.filterApply));
    o.insert(QStringLiteral("filterClear"), msSummary(t.filterClear));
    o.insert(QStringLiteral("rowsWithFilter"), rowsShownFiltered);
    return o;
}

// --- the parts -------------------------------------------------------------------------------

struct Options {
    QString work;
    int hosts = 50;
    int guests = 100;
    int interval = 5;
    int seconds = 120;     // the CPU and memory phase (stall probe off)
    int stallSeconds = -1; // the stall phase after it (probe on); -1: as long as `seconds`
    int recorderSeconds = 90;
    int repeat = 5;
    // The readiness tracker re-checks every host every 5 minutes; the bench brings that re-check
    // into the measured time (every this many seconds, first halfway through it) so its cost is
    // part of the figures. 0: the product's own interval.
    int readinessRefreshSeconds = -1;
};

QJsonObject windowPart(const Options &o, const QStringList &uris) {
    const qint64 pid = QCoreApplication::applicationPid();
    QElapsedTimer clock;
    clock.start();
    QSettings settings(o.work + QStringLiteral("/window.ini"), QSettings::IniFormat);
    settings.setValue(QStringLiteral("monitor/interval"), o.interval);
    settings.sync();
    TickMonitor ticks;
    auto window = std::make_unique<MainWindow>(settings);
    window->resize(1400, 900);
    window->move(0, 0);
    window->show();
    Workbench *bench = window->workbench();
    GuestPanel *panel = bench->guestPanel();
    if (!panel)
        fail(QStringLiteral("the window has no guest table"));

    // Every cycle the window receives, counted on its way in (the registry's signal).
    qint64 cycles = 0, samples = 0, fresh = 0;
    std::map<QString, int> perHost;
    QObject::connect(bench->registry(), &HostRegistry::cycleReady, bench,
                     [&](const PollCycle &cycle) {
                         ++cycles;
                         ++perHost[cycle.hostId];
                         samples += cycle.samples.size();
                         for (const MemorySample &s : cycle.samples)
                             fresh += s.freshReport ? 1 : 0;
                     });

    say(QStringLiteral("window shown, no host: 10 s of idle (the stall baseline)"));
    waitFor(2000);
    ticks.setPhase(QStringLiteral("idle"));
    const CpuMark idle0 = markCpu(pid, clock);
    waitFor(10000);
    const CpuMark idle1 = markCpu(pid, clock);

    say(QStringLiteral("connecting %1 hosts of %2 guests at %3 s")
            .arg(o.hosts)
            .arg(o.guests)
            .arg(o.interval));
    ticks.setPhase(QStringLiteral("startup"));
    const double startAt = double(clock.nsecsElapsed()) / 1e9;
    for (const QString &uri : uris)
        window->connectTemporary(uri, false);
    const int total = o.hosts * o.guests;
    GuestTableModel *model = bench->guestModel();
    const bool up = waitFor(180000, [&] {
        if (model->rowCount() < total || int(perHost.size()) < o.hosts)
            return false;
        return std::all_of(perHost.cbegin(), perHost.cend(),
                           [](const auto &h) { return h.second >= 2; });
    });
    if (!up)
        fail(QStringLiteral("start-up: %1 rows, %2 hosts polled after 180 s")
                 .arg(model->rowCount())
                 .arg(perHost.size()));
    const double startupSeconds = double(clock.nsecsElapsed()) / 1e9 - startAt;
    // The first guest selected, as a click on its row: its chart is drawn from now on.
    panel->view()->setCurrentIndex(panel->view()->model()->index(0, 0));
    panel->view()->selectRow(0);
    waitFor(o.interval * 1000);

    const int refreshSeconds =
        o.readinessRefreshSeconds < 0 ? o.seconds / 2 : o.readinessRefreshSeconds;
    if (refreshSeconds > 0) {
        auto *tracker = bench->findChild<ReadinessTracker *>();
        if (!tracker)
            fail(QStringLiteral("no readiness tracker"));
        tracker->setRefreshIntervalMs(refreshSeconds * 1000);
    }
    // Stalls first, CPU second: the history's compactor rolls minutes up from the fourth minute
    // on (a third of its thread), so the CPU phase comes when that work is part of every minute.
    const int stallSeconds = o.stallSeconds < 0 ? o.seconds : o.stallSeconds;
    say(QStringLiteral("measuring GUI stalls for %1 s, the probe on (every host's readiness "
                       "re-checked every %2 s)")
            .arg(stallSeconds)
            .arg(refreshSeconds > 0 ? refreshSeconds : 300));
    ticks.setPhase(QStringLiteral("stalls"));
    const CpuMark stalls0 = markCpu(pid, clock);
    QJsonArray rssTimeline = waitNotingRss(pid, stallSeconds);
    const CpuMark stalls1 = markCpu(pid, clock);

    say(QStringLiteral("measuring CPU and memory for %1 s, the stall probe off").arg(o.seconds));
    ticks.pause();
    ticks.setPhase(QStringLiteral("steady"));
    const qint64 cycles0 = cycles, samples0 = samples, fresh0 = fresh;
    const CpuMark steady0 = markCpu(pid, clock);
    const QJsonArray steadyRss = waitNotingRss(pid, o.seconds);
    const CpuMark steady1 = markCpu(pid, clock);
    const qint64 steadyCycles = cycles - cycles0, steadySamples = samples - samples0;
    const qint64 steadyFresh = fresh - fresh0;
    for (qsizetype i = 1; i < steadyRss.size(); ++i)
        rssTimeline.append(steadyRss.at(i));
    ticks.resume();
    ticks.setPhase(QStringLiteral("table"));
    const qint64 hwm = statusKiB(pid, "VmHWM:");
    const qint64 rss = statusKiB(pid, "VmRSS:");

    say(QStringLiteral("sorting and filtering the table, %1 times each").arg(o.repeat));
    QTableView *view = panel->view();
    QLineEdit *filterBox = panel->findChild<QLineEdit *>();
    if (!filterBox)
        fail(QStringLiteral("no filter box"));
    // One guest number on every host: a 50-row answer out of 5,000.
    const QString filterText = QStringLiteral("-g042");
    int rowsFiltered = 0;
    const TableTimes app = timeTable(
        view,
        [&](const QString &text) {
            filterBox->setText(text);
            if (!text.isEmpty())
                rowsFiltered = view->model()->rowCount();
        },
        o.repeat, filterText);

    // The baseline: the same cells in a QStandardItemModel behind a plain proxy, in a view of the
    // same size, shown the same way.
    say(QStringLiteral("baseline: the same operations on a QStandardItemModel copy"));
    ticks.setPhase(QStringLiteral("baseline"));
    QStandardItemModel copy(model->rowCount(), model->columnCount());
    for (int r = 0; r < model->rowCount(); ++r)
        for (int c = 0; c < model->columnCount(); ++c) {
            const QModelIndex i = model->index(r, c);
            auto *item = new QStandardItem(i.data().toString());
            item->setData(i.data(GuestTableModel::SortRole), GuestTableModel::SortRole);
            copy.setItem(r, c, item);
        }
    for (int c = 0; c < model->columnCount(); ++c)
        copy.setHeaderData(c, Qt::Horizontal,
                           model->headerData(c, Qt::Horizontal, Qt::DisplayRole));
    QSortFilterProxyModel plain;
    plain.setSourceModel(&copy);
    plain.setSortRole(GuestTableModel::SortRole);
    plain.setFilterKeyColumn(GuestTableModel::Name);
    plain.setFilterCaseSensitivity(Qt::CaseInsensitive);
    QTableView baselineView;
    baselineView.setModel(&plain);
    baselineView.setSortingEnabled(true);
    baselineView.sortByColumn(GuestTableModel::Name, Qt::AscendingOrder);
    baselineView.resize(view->size());
    baselineView.move(0, 0);
    baselineView.show();
    waitFor(1000);
    int plainFiltered = 0;
    const TableTimes base = timeTable(
        &baselineView,
        [&](const QString &text) {
            plain.setFilterFixedString(text);
            if (!text.isEmpty())
                plainFiltered = plain.rowCount();
        },
        o.repeat, filterText);
    baselineView.hide();

    ticks.setPhase(QStringLiteral("end"));
    window->close();
    window.reset();
    waitFor(1000);

    QJsonObject out;
    out.insert(QStringLiteral("hosts"), o.hosts);
    out.insert(QStringLiteral("guests"), total);
    out.insert(QStringLiteral("intervalSeconds"), o.interval);
    out.insert(QStringLiteral("startupSeconds"), startupSeconds);
    out.insert(QStringLiteral("idle"), cpuBetween(idle0, idle1));
    out.insert(QStringLiteral("idleStalls"), ticks.summary(QStringLiteral("idle")));
    out.insert(QStringLiteral("startupStalls"), ticks.summary(QStringLiteral("startup")));
    out.insert(QStringLiteral("steady"), cpuBetween(steady0, steady1));
    out.insert(QStringLiteral("stallPhase"), cpuBetween(stalls0, stalls1));
    out.insert(QStringLiteral("steadyStalls"), ticks.summary(QStringLiteral("stalls")));
    out.insert(QStringLiteral("steadyCycles"), steadyCycles);
    out.insert(QStringLiteral("steadySamples"), steadySamples);
    out.insert(QStringLiteral("steadyFreshShare"),
               steadySamples ? double(steadyFresh) / double(steadySamples) : 0.0);
    out.insert(QStringLiteral("peakRssKiB"), hwm);
    out.insert(QStringLiteral("rssKiB"), rss);
    out.insert(QStringLiteral("rssMiBEvery10s"), rssTimeline);
    out.insert(QStringLiteral("table"), tableJson(app, rowsFiltered));
    out.insert(QStringLiteral("tableBaseline"), tableJson(base, plainFiltered));
    QString historyFile;
    QDirIterator it(o.work + QStringLiteral("/window-data"), {QStringLiteral("*.sqlite")},
                    QDir::Files, QDirIterator::Subdirectories);
    if (it.hasNext())
        historyFile = it.next();
    out.insert(QStringLiteral("history"),
               historyFile.isEmpty() ? QJsonObject() : historyRows(historyFile));
    return out;
}

QJsonObject recorderPart(const Options &o, const QStringList &uris) {
    const QString cli =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../bin/balloonscope-cli");
    const QString preload =
        QCoreApplication::applicationDirPath() + QStringLiteral("/libbs_moving_stats.so");
    if (!QFileInfo::exists(cli) || !QFileInfo::exists(preload))
        fail(QStringLiteral("needs %1 and %2").arg(cli, preload));
    const QString db = o.work + QStringLiteral("/recorder.sqlite");
    QFile::remove(db);
    const int warmup = 20;
    QStringList args{QStringLiteral("record"),
                     QStringLiteral("--interval"),
                     QString::number(o.interval),
                     QStringLiteral("--db"),
                     db,
                     QStringLiteral("--duration"),
                     QString::number(warmup + o.recorderSeconds + 2 * o.interval)};
    for (const QString &uri : uris)
        args << QStringLiteral("--connect") << uri;
    QProcess recorder;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LD_PRELOAD"), preload);
    env.insert(QStringLiteral("XDG_DATA_HOME"), o.work + QStringLiteral("/recorder-data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), o.work + QStringLiteral("/recorder-config"));
    recorder.setProcessEnvironment(env);
    recorder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    recorder.setStandardOutputFile(o.work + QStringLiteral("/recorder.log"));
    say(QStringLiteral("recorder: %1 hosts of %2 guests at %3 s, %4 s of start-up, then %5 s")
            .arg(o.hosts)
            .arg(o.guests)
            .arg(o.interval)
            .arg(warmup)
            .arg(o.recorderSeconds));
    QElapsedTimer clock;
    clock.start();
    recorder.start(cli, args);
    if (!recorder.waitForStarted())
        fail(QStringLiteral("the recorder did not start"));
    const qint64 pid = recorder.processId();
    waitFor(warmup * 1000);
    if (recorder.state() != QProcess::Running)
        fail(QStringLiteral("the recorder stopped (see %1/recorder.log)").arg(o.work));
    const CpuMark a = markCpu(pid, clock);
    const QJsonArray rssTimeline = waitNotingRss(pid, o.recorderSeconds);
    const CpuMark b = markCpu(pid, clock);
    const qint64 hwm = statusKiB(pid, "VmHWM:");
    recorder.terminate();
    recorder.waitForFinished(30000);
    QJsonObject out;
    out.insert(QStringLiteral("hosts"), o.hosts);
    out.insert(QStringLiteral("guests"), o.hosts * o.guests);
    out.insert(QStringLiteral("intervalSeconds"), o.interval);
    out.insert(QStringLiteral("startupCpuSeconds"), a.process);
    out.insert(QStringLiteral("steady"), cpuBetween(a, b));
    out.insert(QStringLiteral("peakRssKiB"), hwm);
    out.insert(QStringLiteral("rssMiBEvery10s"), rssTimeline);
    out.insert(QStringLiteral("history"), historyRows(db));
    return out;
}

QString pct(const QJsonObject &cpu) {
    return QString::number(cpu.value(QStringLiteral("coreShare")).toDouble() * 100, 'f', 2) +
           QStringLiteral(" %");
}

void printTable(const QJsonObject &r) {
    std::printf("\n%-46s %-22s %s\n", "figure", "target", "measured (baseline in the same run)");
    const auto row = [](const QString &a, const QString &b, const QString &c) {
        std::printf("%-46s %-22s %s\n", qPrintable(a), qPrintable(b), qPrintable(c));
    };
    if (r.contains(QStringLiteral("window"))) {
        const QJsonObject w = r.value(QStringLiteral("window")).toObject();
        const QJsonObject s = w.value(QStringLiteral("steady")).toObject();
        const QJsonObject t = s.value(QStringLiteral("coreShareByThread")).toObject();
        const QJsonObject st = w.value(QStringLiteral("steadyStalls")).toObject();
        const QJsonObject idle = w.value(QStringLiteral("idleStalls")).toObject();
        row(QStringLiteral("window CPU, %1 guests at %2 s, %3 s")
                .arg(w.value(QStringLiteral("guests")).toInt())
                .arg(w.value(QStringLiteral("intervalSeconds")).toInt())
                .arg(s.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 0),
            QStringLiteral("<= 5 % of a core"),
            pct(s) + QStringLiteral(" (GUI thread %1 %, monitors %2 %, history %3 %, other %4 %;"
                                    " stall probe off; with it on, in the stall phase: %5)")
                         .arg(t.value(QStringLiteral("main")).toDouble() * 100, 0, 'f', 2)
                         .arg(t.value(QStringLiteral("monitors")).toDouble() * 100, 0, 'f', 2)
                         .arg(t.value(QStringLiteral("history")).toDouble() * 100, 0, 'f', 2)
                         .arg(t.value(QStringLiteral("other")).toDouble() * 100, 0, 'f', 2)
                         .arg(pct(w.value(QStringLiteral("stallPhase")).toObject())));
        row(QStringLiteral("GUI stalls after start-up, %1 s (%2 ticks)")
                .arg(w.value(QStringLiteral("stallPhase"))
                         .toObject()
                         .value(QStringLiteral("seconds"))
                         .toDouble(),
                     0, 'f', 0)
                .arg(st.value(QStringLiteral("ticks")).toInt()),
            QStringLiteral("p99 <= 16, worst <= 100"),
            QStringLiteral("p50 %1 ms, p99 %2 ms, worst %3 ms, %6 ticks > 100 ms (idle window: "
                           "p99 %4, worst %5 ms)")
                .arg(st.value(QStringLiteral("p50Ms")).toDouble(), 0, 'f', 2)
                .arg(st.value(QStringLiteral("p99Ms")).toDouble(), 0, 'f', 1)
                .arg(st.value(QStringLiteral("maxMs")).toDouble(), 0, 'f', 1)
                .arg(idle.value(QStringLiteral("p99Ms")).toDouble(), 0, 'f', 1)
                .arg(idle.value(QStringLiteral("maxMs")).toDouble(), 0, 'f', 1)
                .arg(st.value(QStringLiteral("over100Ms")).toInt()));
        const QJsonArray rss = w.value(QStringLiteral("rssMiBEvery10s")).toArray();
        row(QStringLiteral("window peak RSS (VmHWM)"), QStringLiteral("<= 300 MiB"),
            QStringLiteral("%1 MiB (RSS %2 -> %3 MiB over the measured phase)")
                .arg(w.value(QStringLiteral("peakRssKiB")).toDouble() / 1024, 0, 'f', 0)
                .arg(rss.first().toInt())
                .arg(rss.last().toInt()));
        const QJsonObject tb = w.value(QStringLiteral("table")).toObject();
        const QJsonObject bb = w.value(QStringLiteral("tableBaseline")).toObject();
        for (const QString &k : {QStringLiteral("sort"), QStringLiteral("filterApply"),
                                 QStringLiteral("filterClear")}) {
            const QJsonObject a = tb.value(k).toObject(), b = bb.value(k).toObject();
            row(QStringLiteral("table %1, %2 rows")
                    .arg(k)
                    .arg(w.value(QStringLiteral("guests")).toInt()),
                QStringLiteral("<= 50 ms"),
                QStringLiteral("median %1 ms, worst %2 ms (plain Qt model: %3 / %4 ms)")
                    .arg(a.value(QStringLiteral("medianMs")).toDouble(), 0, 'f', 1)
                    .arg(a.value(QStringLiteral("worstMs")).toDouble(), 0, 'f', 1)
                    .arg(b.value(QStringLiteral("medianMs")).toDouble(), 0, 'f', 1)
                    .arg(b.value(QStringLiteral("worstMs")).toDouble(), 0, 'f', 1));
        }
    }
    if (r.contains(QStringLiteral("recorder"))) {
        const QJsonObject rec = r.value(QStringLiteral("recorder")).toObject();
        const QJsonObject s = rec.value(QStringLiteral("steady")).toObject();
        const QJsonObject t = s.value(QStringLiteral("coreShareByThread")).toObject();
        row(QStringLiteral("recorder CPU, %1 guests at %2 s, %3 s")
                .arg(rec.value(QStringLiteral("guests")).toInt())
                .arg(rec.value(QStringLiteral("intervalSeconds")).toInt())
                .arg(s.value(QStringLiteral("seconds")).toDouble(), 0, 'f', 0),
            QStringLiteral("<= 2 % of a core"),
            pct(s) +
                QStringLiteral(" (monitors %1 %, history %2 %, main+other %3 %); %4 MiB")
                    .arg(t.value(QStringLiteral("monitors")).toDouble() * 100, 0, 'f', 2)
                    .arg(t.value(QStringLiteral("history")).toDouble() * 100, 0, 'f', 2)
                    .arg((t.value(QStringLiteral("main")).toDouble() +
                          t.value(QStringLiteral("other")).toDouble()) *
                             100,
                         0, 'f', 2)
                    .arg(rec.value(QStringLiteral("peakRssKiB")).toDouble() / 1024, 0, 'f', 0));
    }
}

} // namespace

int main(int argc, char *argv[]) {
    LibvirtRuntime::prepareProcess();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("balloonscope"));
    QApplication::setOrganizationName(QStringLiteral("balloonscope"));
    QCommandLineParser parser;
    const auto option = [](const char *name, const char *value, const char *def = nullptr) {
        return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(name),
                                  QString::fromLatin1(value),
                                  def ? QString::fromLatin1(def) : QString());
    };
    parser.addOptions({option("work", "DIR"), option("json", "FILE"), option("hosts", "N", "50"),
                       option("guests", "N", "100"), option("interval", "S", "5"),
                       option("seconds", "S", "120"), option("recorder-seconds", "S", "90"),
                       option("stall-seconds", "S", "-1"), option("repeat", "N", "5"),
                       option("only", "PART"), option("readiness-refresh", "S", "-1")});
    parser.process(app);
    Options o;
    o.work = parser.value(QStringLiteral("work"));
    if (o.work.isEmpty())
        fail(QStringLiteral("--work DIR is needed"));
    QDir().mkpath(o.work);
    o.work = QDir(o.work).absolutePath();
    o.hosts = parser.value(QStringLiteral("hosts")).toInt();
    o.guests = parser.value(QStringLiteral("guests")).toInt();
    o.interval = parser.value(QStringLiteral("interval")).toInt();
    o.seconds = parser.value(QStringLiteral("seconds")).toInt();
    o.stallSeconds = parser.value(QStringLiteral("stall-seconds")).toInt();
    o.recorderSeconds = parser.value(QStringLiteral("recorder-seconds")).toInt();
    o.repeat = parser.value(QStringLiteral("repeat")).toInt();
    o.readinessRefreshSeconds = parser.value(QStringLiteral("readiness-refresh")).toInt();
    const QString only = parser.value(QStringLiteral("only"));
    // The window's history, settings and caches stay in the work directory.
    for (const char *var : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"})
        qputenv(var, (o.work + QStringLiteral("/window-") +
                      QString::fromLatin1(var).section(QLatin1Char('_'), 1, 1).toLower())
                         .toUtf8());
    const QStringList uris = writeHosts(o.work + QStringLiteral("/hosts"), o.hosts, o.guests);

    QJsonObject result;
    result.insert(QStringLiteral("harness"),
                  QStringLiteral("test-driver hosts in process, virDomainMemoryStats interposed "
                                 "(figures and last_update move every poll)"));
    result.insert(QStringLiteral("loadAverageAtStart"), loadAverage());
    // The recorder first, while this process only waits: its CPU is its own.
    if (only.isEmpty() || only == QLatin1String("recorder"))
        result.insert(QStringLiteral("recorder"), recorderPart(o, uris));
    if (only.isEmpty() || only == QLatin1String("window")) {
        LibvirtRuntime runtime;
        result.insert(QStringLiteral("window"), windowPart(o, uris));
    }
    result.insert(QStringLiteral("loadAverageAtEnd"), loadAverage());
    printTable(result);
    const QString json = parser.value(QStringLiteral("json"));
    if (!json.isEmpty()) {
        QFile f(json);
        if (!f.open(QIODevice::WriteOnly))
            fail(QStringLiteral("cannot write ") + json);
        f.write(QJsonDocument(result).toJson());
    }
    return 0;
}
