#include "TestMain.h"
#include "host/KsmFigures.h"
#include "libvirt/TypedParams.h"

using namespace bs;

namespace {

// Builds typed parameters with libvirt's own API and the types virNodeGetMemoryParameters uses
// (virhostmem.c: UINT for the tunables, ULLONG for the counters).
class Params {
public:
    ~Params() { virTypedParamsFree(m_params, m_n); }
    Params &ui(const char *name, unsigned v) {
        virTypedParamsAddUInt(&m_params, &m_n, &m_max, name, v);
        return *this;
    }
    Params &ull(const char *name, unsigned long long v) {
        virTypedParamsAddULLong(&m_params, &m_n, &m_max, name, v);
        return *this;
    }
    QList<TypedParam> copy() const { return copyTypedParams(m_params, m_n); }

private:
    virTypedParameterPtr m_params = nullptr;
    int m_n = 0;
    int m_max = 0;
};

// What this project's test machine returns (virsh -r node-memory-tune, KSM never run).
Params idleHost() {
    Params p;
    p.ui("shm_pages_to_scan", 100)
        .ui("shm_sleep_millisecs", 20)
        .ull("shm_pages_shared", 0)
        .ull("shm_pages_sharing", 0)
        .ull("shm_pages_unshared", 0)
        .ull("shm_pages_volatile", 0)
        .ull("shm_full_scans", 0)
        .ui("shm_merge_across_nodes", 1);
    return p;
}

KsmParameters busy(quint64 shared, quint64 sharing, quint64 unshared, quint64 scans) {
    KsmParameters k;
    k.pagesToScan = 100;
    k.sleepMillisecs = 20;
    k.pagesShared = shared;
    k.pagesSharing = sharing;
    k.pagesUnshared = unshared;
    k.pagesVolatile = 10;
    k.fullScans = scans;
    k.mergeAcrossNodes = true;
    return k;
}

} // namespace

class TestKsmFigures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesLibvirtsTypes() {
        const KsmParameters k = ksmParametersFromTypedParams(idleHost().copy());
        QCOMPARE(k.pagesToScan, std::optional<quint64>(100));
        QCOMPARE(k.sleepMillisecs, std::optional<quint64>(20));
        QCOMPARE(k.pagesShared, std::optional<quint64>(0));
        QCOMPARE(k.fullScans, std::optional<quint64>(0));
        QCOMPARE(k.mergeAcrossNodes, std::optional<bool>(true));
        QVERIFY(k.any());
        QVERIFY(k.neverScanned());
    }

    void kernelWithoutSomeFiles() {
        // libvirt leaves a zeroed slot (no name, no type) for a sysfs file the kernel lacks;
        // an old kernel has no merge_across_nodes.
        virTypedParameter raw[3] = {};
        int n = 0;
        int max = 3;
        virTypedParameterPtr params = raw;
        QCOMPARE(virTypedParamsAddULLong(&params, &n, &max, "shm_pages_sharing", 512), 0);
        n = 2; // slot 1 stays zeroed
        const KsmParameters k = ksmParametersFromTypedParams(copyTypedParams(raw, n));
        QCOMPARE(k.pagesSharing, std::optional<quint64>(512));
        QVERIFY(!k.mergeAcrossNodes.has_value());
        QVERIFY(!k.pagesShared.has_value());
        QVERIFY(!k.neverScanned()); // full_scans unknown: cannot say
    }

    void noKsmAtAll() {
        virTypedParameter raw[8] = {};
        const KsmParameters k = ksmParametersFromTypedParams(copyTypedParams(raw, 8));
        QVERIFY(!k.any());
    }

    void savedAndRatios() {
        // 10 identical 1 GiB guests: 200000 KSM pages shared by 1.8 M mappings.
        const KsmParameters k = busy(200000, 1800000, 300000, 12);
        const KsmFigures f = deriveKsmFigures(k, 4, KsmActivity::Scanning);
        QCOMPARE(f.saved, std::optional<quint64>(1800000ULL * 4)); // KiB
        QCOMPARE(*f.sharingRatio, 9.0);
        QCOMPARE(*f.unsharedPerSaved, 300000.0 / 1800000.0);
        QCOMPARE(f.scanned, std::optional<quint64>((200000ULL + 1800000 + 300000 + 10) * 4));
        QCOMPARE(*f.scanPagesPerSecond, 5000.0);
        QCOMPARE(*f.secondsPerPass, 2300010.0 / 5000.0);
        QCOMPARE(f.activity, KsmActivity::Scanning);
    }

    void pageSizeMatters() {
        // A 64 KiB-page aarch64 host saves 16× more per shared page than x86.
        const KsmParameters k = busy(1, 10, 0, 3);
        QCOMPARE(deriveKsmFigures(k, 64).saved, std::optional<quint64>(640));
        QVERIFY(!deriveKsmFigures(k, std::nullopt).saved.has_value());
        QCOMPARE(*deriveKsmFigures(k, std::nullopt).sharingRatio, 10.0); // ratios still known
    }

    void nothingSharedNoRatio() {
        const KsmFigures f = deriveKsmFigures(busy(0, 0, 5000, 3), 4);
        QCOMPARE(f.saved, std::optional<quint64>(0));
        QVERIFY(!f.sharingRatio.has_value());
        QVERIFY(!f.unsharedPerSaved.has_value());
    }

    void zeroSleepIsNotADivisionByZero() {
        KsmParameters k = busy(1, 2, 3, 1);
        k.sleepMillisecs = 0;
        QCOMPARE(*deriveKsmFigures(k, 4).scanPagesPerSecond, 100000.0);
    }

    void activityFromMovingCounters() {
        KsmActivityTracker t;
        QCOMPARE(t.observe(busy(10, 20, 30, 1), 0), KsmActivity::Unknown); // one reading
        QCOMPARE(t.observe(busy(10, 20, 30, 1), 5000), KsmActivity::Unknown);
        QCOMPARE(t.observe(busy(10, 25, 30, 1), 10000), KsmActivity::Scanning);
        QCOMPARE(t.observe(busy(10, 25, 30, 1), 15000), KsmActivity::Scanning); // mid-pass
        // Frozen for longer than max(60 s, 3 passes): 70 pages at 5000/s pass in 14 ms.
        QCOMPARE(KsmActivityTracker::stoppedAfterMs(busy(10, 25, 30, 1)), 60000);
        QCOMPARE(t.observe(busy(10, 25, 30, 1), 10000 + 60000), KsmActivity::Stopped);
        QCOMPARE(t.observe(busy(10, 25, 30, 2), 80000), KsmActivity::Scanning);
    }

    void longPassesWaitLonger() {
        // 4 M pages at 5000 pages/s: a pass takes 800 s, so 40 min of quiet before "stopped".
        const KsmParameters k = busy(0, 0, 4000000, 1);
        QCOMPARE(KsmActivityTracker::stoppedAfterMs(k), qint64(4000010.0 / 5000.0 * 3000.0));
        KsmParameters huge = busy(0, 0, 400000000, 1);
        QCOMPARE(KsmActivityTracker::stoppedAfterMs(huge), 3600000); // capped at one hour
    }

    void neverScannedIsIdleAtOnce() {
        KsmActivityTracker t;
        const KsmParameters idle = ksmParametersFromTypedParams(idleHost().copy());
        QCOMPARE(t.observe(idle, 0), KsmActivity::Idle);
        QCOMPARE(t.observe(KsmParameters{}, 1000), KsmActivity::Unknown); // figures gone
    }
};

BS_TEST_MAIN(TestKsmFigures)
#include "tst_ksmfigures.moc"
