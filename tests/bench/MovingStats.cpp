// Figures that move every poll on libvirt's test driver, for the scale bench (bench_scale).
//
// The test driver's virDomainMemoryStats answers fixed figures (derived from the balloon size) and
// a fixed last_update (627319920), so Balloonscope sees every report after the first as repeated:
// it drops the guest fields and calls the guest "stale". virDomainSetMemory only moves the
// balloon size and the figures derived from it, never last_update. This file defines
// virDomainMemoryStats itself: it calls libvirt's (dlsym RTLD_NEXT) and, for test-driver guests
// only (told by that fixed last_update), replaces the figures with ones that change at every call
// and a last_update of now, as a running guest with a stats period reports them. Everything else
// is libvirt's and the app's.
//
// Linked into bench_scale (a definition in the executable takes the place of libvirt's for the
// app's code it links) and built as libbs_moving_stats.so for LD_PRELOAD into balloonscope-cli.
#include <libvirt/libvirt.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <ctime>
#include <dlfcn.h>

namespace {

using MemoryStatsFn = int (*)(virDomainPtr, virDomainMemoryStatPtr, unsigned int, unsigned int);

MemoryStatsFn realMemoryStats() {
    static const MemoryStatsFn fn = [] {
        void *symbol = dlsym(RTLD_NEXT, "virDomainMemoryStats");
        MemoryStatsFn f = nullptr;
        static_assert(sizeof(f) == sizeof(symbol));
        std::memcpy(&f, &symbol, sizeof(f));
        return f;
    }();
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

} // namespace

extern "C" int virDomainMemoryStats(virDomainPtr domain, virDomainMemoryStatPtr stats,
                                    unsigned int nr_stats, unsigned int flags) {
    const MemoryStatsFn real = realMemoryStats();
    if (!real)
        return -1;
    int n = real(domain, stats, nr_stats, flags);
    if (n < 0 || !isTestDriver(stats, n))
        return n;
    // The guest's own seed, from its name (virDomainGetName formats nothing).
    std::uint64_t seed = 0;
    for (const char *c = virDomainGetName(domain); c && *c; ++c)
        seed = mix(seed ^ std::uint64_t(static_cast<unsigned char>(*c)));
    unsigned long long actual = 0;
    for (int i = 0; i < n; ++i)
        if (stats[i].tag == VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON)
            actual = stats[i].val;
    if (actual == 0)
        actual = 2ULL << 20; // KiB
    const auto now = std::uint64_t(std::time(nullptr));
    const std::uint64_t noise = mix(seed ^ (now * 0x100000001b3ULL));
    // A slow wave of use (10 min, phase per guest) plus noise: every poll differs.
    const double wave =
        0.5 + 0.5 * std::sin(double(now % 600) / 600.0 * 6.283185307 + double(seed % 628) / 100);
    const double usedShare = 0.25 + 0.45 * wave + double(noise % 1000) / 50000.0;
    // The balloon moves by a few MiB each poll, as an autoballooning host moves it.
    actual = actual - (noise >> 20) % 16 * 1024;
    const unsigned long long available = actual - 65536;
    const auto unused = static_cast<unsigned long long>(double(available) * (1.0 - usedShare));
    const unsigned long long caches = available / 10 + (noise >> 32) % 32768;
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON, actual);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_AVAILABLE, available);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_UNUSED, unused);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_DISK_CACHES, caches);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_USABLE,
        std::min(available, unused + caches * 8 / 10));
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_RSS,
        static_cast<unsigned long long>(double(actual) * (0.3 + 0.6 * usedShare)));
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_MINOR_FAULT, now * 40 + seed % 100000);
    set(stats, n, nr_stats, VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE, now);
    return n;
}
