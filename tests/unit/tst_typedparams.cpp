#include "TestMain.h"
#include "libvirt/TypedParams.h"

using namespace bs;

// Builds real libvirt typed-parameter arrays with libvirt's own API, as the bulk stats call
// hands them out.
class ParamBuilder {
public:
    ~ParamBuilder() { virTypedParamsFree(m_params, m_n); }
    ParamBuilder &ull(const char *name, unsigned long long v) {
        virTypedParamsAddULLong(&m_params, &m_n, &m_max, name, v);
        return *this;
    }
    ParamBuilder &ll(const char *name, long long v) {
        virTypedParamsAddLLong(&m_params, &m_n, &m_max, name, v);
        return *this;
    }
    ParamBuilder &i(const char *name, int v) {
        virTypedParamsAddInt(&m_params, &m_n, &m_max, name, v);
        return *this;
    }
    ParamBuilder &s(const char *name, const char *v) {
        virTypedParamsAddString(&m_params, &m_n, &m_max, name, v);
        return *this;
    }
    QList<TypedParam> copy() const { return copyTypedParams(m_params, m_n); }
    const virTypedParameter *data() const { return m_params; }
    int size() const { return m_n; }

private:
    virTypedParameterPtr m_params = nullptr;
    int m_n = 0;
    int m_max = 0;
};

class TestTypedParams : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fullBalloonRecord() {
        // The keys a real QEMU guest with a reporting driver gives (virsh domstats --balloon).
        ParamBuilder b;
        b.i("state.state", VIR_DOMAIN_RUNNING)
            .i("state.reason", 1)
            .ull("balloon.current", 1048576)
            .ull("balloon.maximum", 2097152)
            .ull("balloon.swap_in", 0)
            .ull("balloon.swap_out", 0)
            .ull("balloon.major_fault", 210)
            .ull("balloon.minor_fault", 50123)
            .ull("balloon.unused", 801234)
            .ull("balloon.available", 1001616)
            .ull("balloon.usable", 812000)
            .ull("balloon.last-update", 1764152000)
            .ull("balloon.disk_caches", 10500)
            .ull("balloon.hugetlb_pgalloc", 0)
            .ull("balloon.hugetlb_pgfail", 0)
            .ull("balloon.rss", 250000);
        QCOMPARE(b.copy().size(), 16);
        QCOMPARE(stateFromDomainStats(b.data(), b.size()), DomainState::Running);
        const BalloonStats s = balloonStatsFromDomainStats(b.data(), b.size());
        QCOMPARE(s.actual, std::optional<quint64>(1048576));
        QCOMPARE(s.maximum, std::optional<quint64>(2097152));
        QCOMPARE(s.unused, std::optional<quint64>(801234));
        QCOMPARE(s.available, std::optional<quint64>(1001616));
        QCOMPARE(s.usable, std::optional<quint64>(812000));
        QCOMPARE(s.diskCaches, std::optional<quint64>(10500));
        QCOMPARE(s.majorFault, std::optional<quint64>(210));
        QCOMPARE(s.minorFault, std::optional<quint64>(50123));
        QCOMPARE(s.swapIn, std::optional<quint64>(0));
        QCOMPARE(s.hugetlbPgFail, std::optional<quint64>(0));
        QCOMPARE(s.rss, std::optional<quint64>(250000));
        QCOMPARE(s.lastUpdate, std::optional<qint64>(1764152000));
        QVERIFY(s.hasGuestFields());
    }

    void hostSideOnly() {
        // Stats off: QEMU gives only current/maximum/rss; the guest fields stay absent, not 0.
        ParamBuilder b;
        b.i("state.state", VIR_DOMAIN_RUNNING)
            .ull("balloon.current", 524288)
            .ull("balloon.maximum", 524288)
            .ull("balloon.rss", 90000);
        const BalloonStats s = balloonStatsFromDomainStats(b.data(), b.size());
        QCOMPARE(s.actual, std::optional<quint64>(524288));
        QVERIFY(!s.unused.has_value());
        QVERIFY(!s.available.has_value());
        QVERIFY(!s.lastUpdate.has_value());
        QVERIFY(!s.hasGuestFields());
    }

    void unknownAndOddKeys() {
        ParamBuilder b;
        b.i("state.state", VIR_DOMAIN_SHUTOFF)
            .ull("balloon.some_future_field", 7)
            .s("balloon.unused", "not a number")
            .ll("balloon.available", -1) // QEMU's "not filled" must not become a huge number
            .ull("cpu.time", 12345);
        QCOMPARE(stateFromDomainStats(b.data(), b.size()), DomainState::Shutoff);
        const BalloonStats s = balloonStatsFromDomainStats(b.data(), b.size());
        QVERIFY(!s.unused.has_value());
        QVERIFY(!s.available.has_value());
        QCOMPARE(s, BalloonStats{});
    }

    void noStateKey() {
        ParamBuilder b;
        b.ull("balloon.current", 1);
        QCOMPARE(stateFromDomainStats(b.data(), b.size()), DomainState::Unknown);
    }

    void emptyAndNull() {
        QVERIFY(copyTypedParams(nullptr, 5).isEmpty());
        QVERIFY(copyTypedParams(nullptr, -1).isEmpty());
        QCOMPARE(balloonStatsFromMemoryStats(nullptr, 3), BalloonStats{});
        QCOMPARE(balloonStatsFromDomainStats(nullptr, 3), BalloonStats{});
        QCOMPARE(stateFromDomainStats(nullptr, 3), DomainState::Unknown);
    }

    void memoryStatsArray() {
        // What virDomainMemoryStats fills for test:///default.
        virDomainMemoryStatStruct raw[] = {
            {VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON, 2097152},
            {VIR_DOMAIN_MEMORY_STAT_SWAP_IN, 0},
            {VIR_DOMAIN_MEMORY_STAT_UNUSED, 1048576},
            {VIR_DOMAIN_MEMORY_STAT_AVAILABLE, 2097152},
            {VIR_DOMAIN_MEMORY_STAT_USABLE, 1048576},
            {VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE, 627319920},
            {VIR_DOMAIN_MEMORY_STAT_RSS, 1048576},
            {99, 5}, // a tag newer than us
        };
        const BalloonStats s = balloonStatsFromMemoryStats(raw, int(std::size(raw)));
        QCOMPARE(s.actual, std::optional<quint64>(2097152));
        QCOMPARE(s.unused, std::optional<quint64>(1048576));
        QCOMPARE(s.available, std::optional<quint64>(2097152));
        QCOMPARE(s.lastUpdate, std::optional<qint64>(627319920));
        QVERIFY(!s.diskCaches.has_value());
    }

    void clearGuestFieldsKeepsHostSide() {
        BalloonStats s;
        s.actual = 1;
        s.rss = 2;
        s.maximum = 3;
        s.unused = 4;
        s.available = 5;
        s.lastUpdate = 6;
        s.clearGuestFields();
        QCOMPARE(s.actual, std::optional<quint64>(1));
        QCOMPARE(s.rss, std::optional<quint64>(2));
        QCOMPARE(s.lastUpdate, std::optional<qint64>(6));
        QVERIFY(!s.hasGuestFields());
    }
};

BS_TEST_MAIN(TestTypedParams)
#include "tst_typedparams.moc"
