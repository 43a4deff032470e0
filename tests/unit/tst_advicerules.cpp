#include "TestMain.h"
#include "host/AdviceRules.h"

using namespace bs;

namespace {

constexpr quint64 MiB = 1024;
constexpr quint64 GiB = 1024 * 1024;
constexpr quint64 Page = 4; // KiB

// A host situation: an overview and its guests, built the way the collector fills them.
struct Situation {
    HostOverview overview;
    QList<MemorySample> guests;

    Situation &host(quint64 total, quint64 free, quint64 buffers = 0, quint64 cached = 0) {
        overview.connected = true;
        overview.memory = {total, free, buffers, cached};
        overview.setStatus(HostFigure::NodeMemory, {Availability::Available, {}});
        return *this;
    }
    Situation &guest(const QString &name, quint64 maximum, quint64 actual,
                     std::optional<double> usedShare = {}, StatsState state = StatsState::Reporting,
                     BalloonModel model = BalloonModel::Virtio) {
        MemorySample s;
        s.uuid = name + QStringLiteral("-uuid");
        s.name = name;
        s.state = DomainState::Running;
        s.stats.maximum = maximum;
        s.stats.actual = actual;
        s.balloon.model = model;
        s.statsState = state;
        if (usedShare) {
            s.stats.available = actual;
            s.stats.unused = actual - quint64(double(actual) * *usedShare);
            s.freshReport = true;
        } else if (state == StatsState::Reporting) {
            s.statsState = StatsState::Off;
        }
        guests.append(s);
        return *this;
    }
    Situation &ksm(quint64 shared, quint64 sharing, quint64 unshared, quint64 fullScans,
                   KsmActivity activity = KsmActivity::Scanning) {
        KsmParameters k;
        k.pagesToScan = 100;
        k.sleepMillisecs = 20;
        k.pagesShared = shared;
        k.pagesSharing = sharing;
        k.pagesUnshared = unshared;
        k.pagesVolatile = 0;
        k.fullScans = fullScans;
        k.mergeAcrossNodes = true;
        overview.ksm = k;
        overview.pageSize = Page;
        overview.ksmFigures = deriveKsmFigures(k, Page, activity);
        overview.setStatus(HostFigure::Ksm, {Availability::Available, {}});
        return *this;
    }
    Situation &cells(int n) {
        overview.topology.cells.clear();
        for (int i = 0; i < n; ++i)
            overview.topology.cells.append(NumaCell{i, {}, {}, 0});
        return *this;
    }
    // A pool of `size` KiB pages, summed over the cells.
    Situation &pool(quint64 size, quint64 total, quint64 free) {
        HugePagePool p;
        p.pageSize = size;
        p.total = total;
        p.free = free;
        overview.hugePagePools.append(p);
        overview.hugePageSizes = hugePagesBySize(overview.hugePagePools);
        overview.setStatus(HostFigure::FreeHugePages, {Availability::Available, {}});
        overview.setStatus(HostFigure::GuestBacking, {Availability::Available, {}});
        return *this;
    }
    Situation &backed(const QString &name, bool active, quint64 memory, QList<quint64> sizes = {}) {
        GuestBacking g;
        g.uuid = name + QStringLiteral("-uuid");
        g.name = name;
        g.active = active;
        g.backing.parsed = true;
        g.backing.hugePages = true;
        g.backing.memory = memory;
        for (quint64 size : sizes)
            g.backing.pages.append(HugePageRequest{size, {}});
        overview.guestBacking.append(g);
        overview.setStatus(HostFigure::GuestBacking, {Availability::Available, {}});
        return *this;
    }
    // The overcommit figures, as the collector computes them last.
    Situation &done() {
        overview.overcommit = overcommitFigures(guests, overview.hostTotal());
        return *this;
    }
};

// test:///default as the collector sees it: no node memory, no KSM, 3 GiB from nodeinfo,
// the "test" guest with 8 GiB maximum, 2 GiB actual and no stats period.
Situation testDriver() {
    Situation s;
    s.overview.connected = true;
    s.overview.setStatus(HostFigure::NodeMemory, {Availability::Unsupported, {}});
    s.overview.setStatus(HostFigure::Ksm, {Availability::Unsupported, {}});
    s.overview.info = NodeInfo{QStringLiteral("i686"), 3145728, 16, 1400, 2, 2, 2, 2};
    s.guest(QStringLiteral("test"), 8 * GiB, 2 * GiB, std::nullopt, StatsState::Off);
    s.pool(2048, 0, 19).pool(1048576, 0, 45);
    return s.done();
}

// A 64 GiB host with room to spare and four reporting guests using 40 % of theirs.
Situation healthy() {
    Situation s;
    s.host(64 * GiB, 30 * GiB, 1 * GiB, 9 * GiB);
    for (int i = 0; i < 4; ++i)
        s.guest(QStringLiteral("vm%1").arg(i), 8 * GiB, 8 * GiB, 0.4);
    return s;
}

struct Case {
    const char *name;
    Situation (*build)();
    QStringList expected; // "rule:severity", in the order adviseHost gives them
};

const Case Cases[] = {
    {"healthy host", [] { return healthy().done(); }, {}},
    {"test driver",
     [] { return testDriver(); },
     {QStringLiteral("overcommit.maximum:warn"), QStringLiteral("balloon.no-stats:warn")}},
    {"oversold 1.25x, guests idle",
     [] {
         Situation s;
         s.host(64 * GiB, 20 * GiB, GiB, 10 * GiB);
         for (int i = 0; i < 10; ++i)
             s.guest(QStringLiteral("vm%1").arg(i), 8 * GiB, 4 * GiB, 0.4);
         return s.done();
     },
     {QStringLiteral("overcommit.maximum:info")}},
    {"oversold 1.25x, guests busy",
     [] {
         Situation s;
         s.host(64 * GiB, 20 * GiB, GiB, 10 * GiB);
         for (int i = 0; i < 10; ++i)
             s.guest(QStringLiteral("vm%1").arg(i), 8 * GiB, 4 * GiB, 0.85);
         return s.done();
     },
     {QStringLiteral("overcommit.maximum:warn")}},
    {"oversold 2x",
     [] {
         Situation s;
         s.host(64 * GiB, 30 * GiB, GiB, 10 * GiB);
         for (int i = 0; i < 16; ++i)
             s.guest(QStringLiteral("vm%1").arg(i), 8 * GiB, 2 * GiB, 0.3);
         return s.done();
     },
     {QStringLiteral("overcommit.maximum:warn")}},
    {"exactly the host is not oversold",
     [] {
         Situation s;
         s.host(64 * GiB, 30 * GiB);
         for (int i = 0; i < 8; ++i)
             s.guest(QStringLiteral("vm%1").arg(i), 8 * GiB, 2 * GiB, 0.3);
         return s.done();
     },
     {}},
    {"guests hold 95 % now",
     [] {
         Situation s;
         s.host(64 * GiB, 8 * GiB, 0, 0);
         for (int i = 0; i < 8; ++i)
             s.guest(QStringLiteral("vm%1").arg(i), 8 * GiB, quint64(7.6 * GiB), 0.5);
         return s.done();
     },
     {QStringLiteral("overcommit.actual:warn")}},
    {"host short of memory",
     [] {
         Situation s = healthy();
         s.host(64 * GiB, 2 * GiB, 512 * MiB, 512 * MiB); // 4.7 %
         return s.done();
     },
     {QStringLiteral("host.low-free:warn")}},
    {"free exactly 10 %",
     [] {
         Situation s = healthy();
         s.host(100 * GiB, 10 * GiB);
         return s.done();
     },
     {}},
    {"KSM scans but saves 20 MiB of 64 GiB",
     [] {
         Situation s = healthy();
         s.ksm(1000, 5120, 2000000, 5); // 20 MiB saved, 390 unique pages per saved one
         return s.done();
     },
     {QStringLiteral("ksm.low-yield:warn")}},
    {"KSM saves nothing after 10 scans",
     [] {
         Situation s = healthy();
         s.ksm(0, 0, 1500000, 10, KsmActivity::Unknown);
         return s.done();
     },
     {QStringLiteral("ksm.low-yield:warn")}},
    {"KSM low yield but stopped",
     [] {
         Situation s = healthy();
         s.ksm(1000, 5120, 2000000, 5, KsmActivity::Stopped);
         return s.done();
     },
     {}},
    {"KSM after its first pass is not judged",
     [] {
         Situation s = healthy();
         s.ksm(1000, 5120, 2000000, 1);
         return s.done();
     },
     {}},
    {"KSM low savings but little wasted effort",
     [] {
         Situation s = healthy();
         s.ksm(1000, 51200, 100000, 5); // 200 MiB saved, 2 unique per saved
         return s.done();
     },
     {}}, // 200 MiB is < 1 % of the host, but rescanning 2 pages per saved one is no waste
    {"KSM saves 8 GiB, host has 40 GiB free",
     [] {
         Situation s = healthy();
         s.ksm(250000, 2097152, 400000, 30);
         return s.done();
     },
     {QStringLiteral("ksm.effective:info")}},
    {"KSM saves more than the host has free",
     [] {
         Situation s = healthy();
         s.host(64 * GiB, 3 * GiB, 0, GiB);
         s.ksm(250000, 2097152, 400000, 30);
         return s.done();
     },
     {QStringLiteral("host.low-free:warn"), QStringLiteral("ksm.needed:warn")}},
    {"KSM across two NUMA nodes",
     [] {
         Situation s = healthy();
         s.ksm(250000, 2097152, 400000, 30).cells(2);
         return s.done();
     },
     {QStringLiteral("ksm.effective:info"), QStringLiteral("ksm.merge-across-nodes:info")}},
    {"huge pages reserved for nobody",
     [] {
         Situation s = healthy();
         s.pool(2048, 16384, 16384); // 32 GiB
         return s.done();
     },
     {QStringLiteral("hugepages.unused:warn")}},
    {"huge pages kept for a shut-off guest",
     [] {
         Situation s = healthy();
         s.pool(2048, 8192, 8192).backed(QStringLiteral("redis"), false, 16 * GiB);
         return s.done();
     },
     {QStringLiteral("hugepages.unused:info")}},
    {"huge pages in use with a big spare",
     [] {
         Situation s = healthy();
         s.pool(1048576, 16, 8).backed(QStringLiteral("db"), true, 8 * GiB, {1048576});
         return s.done();
     },
     {QStringLiteral("hugepages.unused:info")}},
    {"huge pages in use, small spare",
     [] {
         Situation s = healthy();
         s.pool(2048, 4352, 256).backed(QStringLiteral("db"), true, 8 * GiB); // 512 MiB free
         return s.done();
     },
     {}},
    {"shut-off guest needs more 1 GiB pages than free",
     [] {
         Situation s = healthy();
         s.pool(1048576, 8, 2).pool(2048, 512, 512);
         s.backed(QStringLiteral("db"), false, 16 * GiB, {1048576});
         return s.done();
     },
     {QStringLiteral("hugepages.cannot-start:warn")}},
    {"shut-off guest, default size, one pool",
     [] {
         Situation s = healthy();
         s.pool(2048, 2048, 1024).pool(1048576, 0, 0); // 2 GiB free of 2 MiB pages
         s.backed(QStringLiteral("redis"), false, 4 * GiB);
         return s.done(); // 2 GiB free is under 5 % of the host: not worth a line of its own
     },
     {QStringLiteral("hugepages.cannot-start:warn")}},
    {"no balloon on an oversold host",
     [] {
         Situation s;
         s.host(32 * GiB, 16 * GiB, GiB, 4 * GiB);
         s.guest(QStringLiteral("a"), 16 * GiB, 8 * GiB, 0.3)
             .guest(QStringLiteral("b"), 16 * GiB, 8 * GiB, 0.3)
             .guest(QStringLiteral("legacy"), 8 * GiB, 8 * GiB, std::nullopt, StatsState::NoBalloon,
                    BalloonModel::None);
         return s.done();
     },
     {QStringLiteral("overcommit.maximum:info"), QStringLiteral("balloon.absent:info")}},
    {"silent balloons on a host with room",
     [] {
         Situation s = healthy();
         s.guest(QStringLiteral("win"), 4 * GiB, 4 * GiB, std::nullopt, StatsState::Stale)
             .guest(QStringLiteral("new"), 4 * GiB, 4 * GiB, std::nullopt, StatsState::NoDriver)
             .guest(QStringLiteral("booting"), 4 * GiB, 4 * GiB, std::nullopt, StatsState::Waiting);
         return s.done();
     },
     {QStringLiteral("balloon.no-stats:info")}},
    {"nothing known",
     [] {
         Situation s;
         s.overview.connected = true;
         return s.done();
     },
     {}},
};

QStringList keys(const QList<Advice> &advice) {
    QStringList out;
    for (const Advice &a : advice)
        out.append(a.ruleId + QLatin1Char(':') + adviceSeverityKey(a.severity));
    return out;
}

Advice find(const QList<Advice> &advice, const QString &id) {
    for (const Advice &a : advice) {
        if (a.ruleId == id)
            return a;
    }
    return {};
}

// English with group separators, so the expected texts are fixed.
const QLocale C(QLocale::English, QLocale::UnitedStates);

} // namespace

class TestAdviceRules : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void situations_data() {
        QTest::addColumn<int>("index");
        for (int i = 0; i < int(std::size(Cases)); ++i)
            QTest::newRow(Cases[i].name) << i;
    }
    void situations() {
        QFETCH(int, index);
        const Case &c = Cases[index];
        const Situation s = c.build();
        const QList<Advice> advice = adviseHost(s.overview, s.guests, C);
        QCOMPARE(keys(advice), c.expected);
        for (const Advice &a : advice) {
            QVERIFY2(adviceRuleIds().contains(a.ruleId), qPrintable(a.ruleId));
            QVERIFY(!a.text.isEmpty());
            QVERIFY(!a.figures.isEmpty()); // every line shows what it rests on
        }
    }

    void figuresInTheText() {
        const Situation s = testDriver();
        const QList<Advice> advice = adviseHost(s.overview, s.guests, C);
        const Advice over = find(advice, QStringLiteral("overcommit.maximum"));
        QVERIFY(over.text.contains(u"2.67×"));
        QVERIFY(over.text.contains(u"8,192 MiB")); // MiB below 10 GiB, as everywhere
        QVERIFY(over.text.contains(u"3,072 MiB"));
        QCOMPARE(over.figure(QStringLiteral("maximum")), double(8 * GiB));
        QCOMPARE(over.figure(QStringLiteral("host_total")), 3145728.0);
        QVERIFY(qAbs(over.figure(QStringLiteral("maximum_ratio")) - 8.0 / 3.0) < 1e-9);
        const Advice silent = find(advice, QStringLiteral("balloon.no-stats"));
        QCOMPARE(silent.guestUuids, QStringList{QStringLiteral("test-uuid")});
        QVERIFY(silent.text.contains(u"test (1 of 1)"));
    }

    void usedShareInTheOversoldLine() {
        Situation s;
        s.host(64 * GiB, 20 * GiB, GiB, 10 * GiB);
        for (int i = 0; i < 10; ++i)
            s.guest(QStringLiteral("vm%1").arg(i), 8 * GiB, 4 * GiB, 0.85);
        s.done();
        const Advice a =
            find(adviseHost(s.overview, s.guests, C), QStringLiteral("overcommit.maximum"));
        QVERIFY(a.text.contains(u"1.25×"));
        QVERIFY(a.text.contains(u"(10 of 10) use 85 %"));
        QVERIFY(qAbs(a.figure(QStringLiteral("guests_used_percent")) - 85.0) < 0.01);
    }

    void ksmLowYieldFigures() {
        Situation s = healthy();
        s.ksm(1000, 5120, 2000000, 5).done();
        const Advice a = find(adviseHost(s.overview, s.guests, C), QStringLiteral("ksm.low-yield"));
        QVERIFY(a.text.contains(u"5 full scans"));
        QVERIFY(a.text.contains(u"5,000 pages/s"));
        QVERIFY(a.text.contains(u"20.0 MiB"));
        QVERIFY(a.text.contains(u"391 unique pages"));
        QCOMPARE(a.figure(QStringLiteral("saved")), 20480.0);
        QCOMPARE(a.figure(QStringLiteral("full_scans")), 5.0);
    }

    void manyNamesAreCut() {
        Situation s = healthy();
        for (int i = 0; i < 8; ++i)
            s.guest(QStringLiteral("quiet%1").arg(i), GiB, GiB, std::nullopt, StatsState::Off);
        s.done();
        const Advice a =
            find(adviseHost(s.overview, s.guests, C), QStringLiteral("balloon.no-stats"));
        QCOMPARE(a.guestUuids.size(), 8);
        QVERIFY(a.text.contains(u"quiet4"));
        QVERIFY(!a.text.contains(u"quiet5"));
        QVERIFY(a.text.contains(u"3 more"));
    }

    void cannotStartNamesTheGuest() {
        Situation s = healthy();
        s.pool(1048576, 8, 2).backed(QStringLiteral("db"), false, 16 * GiB, {1048576}).done();
        const Advice a =
            find(adviseHost(s.overview, s.guests, C), QStringLiteral("hugepages.cannot-start"));
        QVERIFY(a.text.contains(u"Guest db is configured for 16.0 GiB in 1 GiB huge pages, but "
                                u"only 2,048 MiB"));
        QCOMPARE(a.figure(QStringLiteral("needed")), double(16 * GiB));
        QCOMPARE(a.figure(QStringLiteral("free")), double(2 * GiB));
        QCOMPARE(a.guestUuids, QStringList{QStringLiteral("db-uuid")});
    }

    void warningsComeFirst() {
        Situation s = healthy();
        s.host(64 * GiB, 2 * GiB, 0, 0);
        s.ksm(250000, 2097152, 400000, 30).cells(2).done(); // needed (warn), across nodes (info)
        const QStringList k = keys(adviseHost(s.overview, s.guests, C));
        QCOMPARE(
            k, (QStringList{QStringLiteral("host.low-free:warn"), QStringLiteral("ksm.needed:warn"),
                            QStringLiteral("ksm.merge-across-nodes:info")}));
    }
};

BS_TEST_MAIN(TestAdviceRules)
#include "tst_advicerules.moc"
