// Figures that move every poll on libvirt's test driver, for the scale bench (bench_scale).
//
// The test driver's virDomainMemoryStats answers fixed figures (derived from the balloon size) and
// a fixed last_update (627319920), so Balloonscope sees every report after the first as repeated:
// it drops the guest fields and calls the guest "stale". virDomainSetMemory only moves the
// balloon size and the figures derived from it, never last_update. This file defines
// virDomainMemoryStats itself: it calls libvirt's (dlsym RTLD_NEXT) and, for test-driver guests
// only (told by that fixed last_update), replaces the figures with ones that change at every call
// and a last_update of now, as a running guest with a stats period reports them. It also defines
// virConnectGetAllDomainStats: the test driver's bulk answer lacks the balloon group QEMU's has,
// which sends the app to one virDomainMemoryStats per guest, a path no QEMU host takes; the group
// is added here so the monitors work as on a real host (BS_BENCH_PER_GUEST_STATS=1 keeps the
// per-guest path, to measure it). Everything else is libvirt's and the app's.
//
// Linked into bench_scale (a definition in the executable takes the place of libvirt's for the
// app's code it links) and built as libbs_moving_stats.so for LD_PRELOAD into balloonscope-cli.
#include <libvirt/libvirt.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dlfcn.h>
#include <iterator>
#include <unordered_map>
#include <utility>

namespace {

using MemoryStatsFn = int (*)(virDomainPtr, virDomainMemoryStatPtr, unsigned int, unsigned int);

// libvirt's own definition of `name`, the one this file stands in front of.
template <typename Fn>
Fn nextDefinition(const char *name) {
    void *symbol = dlsym(RTLD_NEXT, name);
    Fn f = nullptr;
    static_assert(sizeof(f) == sizeof(symbol));
    std::memcpy(&f, &symbol, sizeof(f));
    return f;
}

MemoryStatsFn realMemoryStats() {
    static const auto fn = nextDefinition<MemoryStatsFn>("virDomainMemoryStats");
    return fn;
}

std::uint64_t mix(std::uint64_t x) { // splitmix64
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// The test driver's fixed last_update: its answers, and only its, carry it. Telling the driver
// this way costs no libvirt call (each public call on a domain formats its UUID for the debug
// log, which would add the harness's own cost to the figures measured).
constexpr unsigned long long TestDriverLastUpdate = 627319920;

bool isTestDriver(const virDomainMemoryStatStruct *stats, int n) {
    for (int i = 0; i < n; ++i)
        if (stats[i].tag == VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE)
            return stats[i].val == TestDriverLastUpdate;
    return false;
}

void set(virDomainMemoryStatPtr stats, int &n, unsigned int capacity, int tag,
         unsigned long long value) {
    for (int i = 0; i < n; ++i) {
        if (stats[i].tag == tag) {
            stats[i].val = value;
            return;
        }
    }
    if (unsigned(n) < capacity) {
        stats[n].tag = tag;
        stats[n].val = value;
        ++n;
    }
}

// A guest's figures at `now`: a slow wave of use (10 min, phase per guest) plus noise, so every
// poll differs; the balloon moves by a few MiB each poll, as an autoballooning host moves it.
struct Figures {
    unsigned long long actual, available, unused, caches, usable, rss, minorFault, lastUpdate;
};

std::uint64_t seedOf(const char *name) { // the guest's own, from its name
    std::uint64_t seed = 0;
    for (const char *c = name; c && *c; ++c)
        seed = mix(seed ^ std::uint64_t(static_cast<unsigned char>(*c)));
    return seed;
}

Figures movingFigures(std::uint64_t seed, unsigned long long actual) {
    if (actual == 0)
        actual = 2ULL << 20; // KiB
    const auto now = std::uint64_t(std::time(nullptr));
    const std::uint64_t noise = mix(seed ^ (now * 0x100000001b3ULL));
    const double wave =
        0.5 + 0.5 * std::sin(double(now % 600) / 600.0 * 6.283185307 + double(seed % 628) / 100);
    const double usedShare = 0.25 + 0.45 * wave + double(noise % 1000) / 50000.0;
    Figures f{};
    f.actual = actual - (noise >> 20) % 16 * 1024;
    f.available = f.actual - 65536;
    f.unused = static_cast<unsigned long long>(double(f.available) * (1.0 - usedShare));
    f.caches = f.available / 10 + (noise >> 32) % 32768;
    f.usable = std::min(f.available, f.unused + f.caches * 8 / 10);
    f.rss = static_cast<unsigned long long>(double(f.actual) * (0.3 + 0.6 * usedShare));
    f.minorFault = now * 40 + seed % 100000;
    f.lastUpdate = now;
    return f;
}

using GetAllStatsFn = int (*)(virConnectPtr, unsigned int, virDomainStatsRecordPtr **,
                              unsigned int);

GetAllStatsFn realGetAllStats() {
    static const auto fn = nextDefinition<GetAllStatsFn>("virConnectGetAllDomainStats");
    return fn;
}

// What each test-driver guest's balloon and maximum are: asked of the test driver once per guest
// and thread (its balloon never moves in the bench; a host's guests are polled on its own thread),
// so the bulk answer below costs no libvirt call, lock or allocation per poll.
struct Sizes {
    unsigned long long actual = 0;
    unsigned long long maximum = 0;
};

Sizes sizesOf(virDomainPtr domain, std::uint64_t seed) {
    static thread_local std::unordered_map<std::uint64_t, Sizes> known;
    if (const auto it = known.find(seed); it != known.end())
        return it->second;
    virDomainInfo info{};
    Sizes sizes;
    if (virDomainGetInfo(domain, &info) == 0) {
        sizes.actual = info.memory;
        sizes.maximum = info.maxMem;
    }
    known.emplace(seed, sizes);
    return sizes;
}

bool hasBalloonGroup(const virDomainStatsRecord *record) {
    for (int i = 0; i < record->nparams; ++i)
        if (std::strncmp(record->params[i].field, "balloon.", 8) == 0)
            return true;
    return false;
}

bool isRunning(const virDomainStatsRecord *record) {
    for (int i = 0; i < record->nparams; ++i)
        if (std::strcmp(record->params[i].field, "state.state") == 0)
            return record->params[i].value.i == VIR_DOMAIN_RUNNING;
    return false;
}

// Environment switch for measuring the per-guest path the test driver forces without this file.
bool perGuestOnly() {
    static const bool on = std::getenv("BS_BENCH_PER_GUEST_STATS") != nullptr;
    return on;
}

} // namespace

extern "C" int virDomainMemoryStats(virDomainPtr domain, virDomainMemoryStatPtr stats,
                                    unsigned int nr_stats, unsigned int flags) {
    const MemoryStatsFn real = realMemoryStats();
    if (!real)
        return -1;
    int n = real(domain, stats, nr_stats, flags);
    if (n < 0 || !isTestDriver(stats, n))
        return n;
    unsigned long long actual = 0;
    for (int i = 0; i < n; ++i)
        if (stats[i].tag == VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON)
            actual = stats[i].val;
    // virDomainGetName formats nothing.
    const Figures f = movingFigures(seedOf(virDomainGetName(domain)), actual);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON, f.actual);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_AVAILABLE, f.available);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_UNUSED, f.unused);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_DISK_CACHES, f.caches);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_USABLE, f.usable);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_RSS, f.rss);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT, f.minorFault);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE, f.lastUpdate);
    return n;
}

// The test driver answers the bulk call with the state group only; QEMU's driver adds the balloon
// group (balloon.current, .maximum, the guest's figures, .last-update) to each running guest's
// record. This adds that group, as QEMU's driver names it, so the monitors take the path they take
// on a real host: one call per host and poll. Only for test-driver connections, only where the
// group is missing, and not at all with BS_BENCH_PER_GUEST_STATS set.
extern "C" int virConnectGetAllDomainStats(virConnectPtr conn, unsigned int stats,
                                           virDomainStatsRecordPtr **retStats, unsigned int flags) {
    const GetAllStatsFn real = realGetAllStats();
    if (!real)
        return -1;
    const int n = real(conn, stats, retStats, flags);
    if (n <= 0 || perGuestOnly() || !(stats & VIR_DOMAIN_STATS_BALLOON))
        return n;
    const char *type = virConnectGetType(conn);
    if (!type || std::strcmp(type, "TEST") != 0)
        return n;
    for (int i = 0; i < n; ++i) {
        virDomainStatsRecordPtr record = (*retStats)[i];
        if (hasBalloonGroup(record) || !isRunning(record))
            continue;
        const std::uint64_t seed = seedOf(virDomainGetName(record->dom));
        const Sizes sizes = sizesOf(record->dom, seed);
        const Figures f = movingFigures(seed, sizes.actual);
        const std::pair<const char *, unsigned long long> fields[] = {
            {"balloon.current", f.actual},         {"balloon.maximum", sizes.maximum},
            {"balloon.minor_fault", f.minorFault}, {"balloon.unused", f.unused},
            {"balloon.available", f.available},    {"balloon.usable", f.usable},
            {"balloon.disk_caches", f.caches},     {"balloon.rss", f.rss},
            {"balloon.last-update", f.lastUpdate}};
        // libvirt frees the array with g_free, which is free() since GLib 2.46: grown once here.
        constexpr int Added = int(std::size(fields));
        void *grown =
            std::realloc(static_cast<void *>(record->params),
                         sizeof(virTypedParameter) * std::size_t(record->nparams + Added));
        if (!grown)
            continue;
        record->params = static_cast<virTypedParameterPtr>(grown);
        for (const auto &[field, value] : fields) {
            virTypedParameter &p = record->params[record->nparams++];
            std::memset(&p, 0, sizeof(p));
            std::strncpy(p.field, field, VIR_TYPED_PARAM_FIELD_LENGTH - 1);
            p.type = VIR_TYPED_PARAM_ULLONG;
            p.value.ul = value;
        }
    }
    return n;
}
