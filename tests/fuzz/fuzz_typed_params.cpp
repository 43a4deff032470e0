// Typed-parameter stats parsing: turn the input into a real libvirt typed-parameter array
// (names, types and values from the bytes) and parse it as a domain stats record.
#include "libvirt/TypedParams.h"

#include <QByteArray>

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    virTypedParameterPtr params = nullptr;
    int n = 0;
    int max = 0;
    size_t at = 0;
    static const char *known[] = {
        "balloon.current", "balloon.maximum",     "balloon.unused", "balloon.available",
        "balloon.usable",  "balloon.last-update", "balloon.rss",    "balloon.disk_caches",
        "state.state",     "balloon.swap_in",     "balloon.x"};
    while (at + 10 <= size && n < 64) {
        const uint8_t kind = data[at] % 7;
        const char *name = known[data[at + 1] % (sizeof(known) / sizeof(known[0]))];
        long long value = 0;
        std::memcpy(&value, data + at + 2, sizeof(value));
        at += 10;
        switch (kind) {
        case 0:
            virTypedParamsAddInt(&params, &n, &max, name, int(value));
            break;
        case 1:
            virTypedParamsAddUInt(&params, &n, &max, name, unsigned(value));
            break;
        case 2:
            virTypedParamsAddLLong(&params, &n, &max, name, value);
            break;
        case 3:
            virTypedParamsAddULLong(&params, &n, &max, name,
                                    static_cast<unsigned long long>(value));
            break;
        case 4: {
            double d = 0;
            std::memcpy(&d, &value, sizeof(d));
            virTypedParamsAddDouble(&params, &n, &max, name, d);
            break;
        }
        case 5:
            virTypedParamsAddBoolean(&params, &n, &max, name, int(value & 1));
            break;
        default: {
            const QByteArray s = QByteArray::number(value);
            virTypedParamsAddString(&params, &n, &max, name, s.constData());
            break;
        }
        }
    }
    (void)bs::copyTypedParams(params, n);
    (void)bs::balloonStatsFromDomainStats(params, n);
    (void)bs::stateFromDomainStats(params, n);
    virTypedParamsFree(params, n);

    // and the per-guest array form
    virDomainMemoryStatStruct stats[16];
    const int count = int(std::min<size_t>(size / sizeof(virDomainMemoryStatStruct), 16));
    std::memcpy(stats, data, size_t(count) * sizeof(virDomainMemoryStatStruct));
    (void)bs::balloonStatsFromMemoryStats(stats, count);
    return 0;
}
