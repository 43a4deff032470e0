#include "HugePages.h"

#include <algorithm>

namespace bs {

namespace {

std::optional<quint64> times(const std::optional<quint64> &pages, quint64 size) {
    if (!pages)
        return std::nullopt;
    return *pages * size;
}

} // namespace

std::optional<quint64> HugePagePool::used() const {
    if (!total || !free || *free > *total)
        return std::nullopt;
    return *total - *free;
}

std::optional<quint64> HugePagePool::totalKiB() const {
    return times(total, pageSize);
}

std::optional<quint64> HugePagePool::freeKiB() const {
    return times(free, pageSize);
}

std::optional<quint64> HugePageSize::totalKiB() const {
    return times(total, pageSize);
}

std::optional<quint64> HugePageSize::freeKiB() const {
    return times(free, pageSize);
}

std::optional<quint64> HugePageSize::usedKiB() const {
    if (!total || !free || !consistent || *free > *total)
        return std::nullopt;
    return (*total - *free) * pageSize;
}

QList<HugePagePool> hugePagePools(const HostTopology &topology) {
    QList<HugePagePool> pools;
    for (const NumaCell &cell : topology.cells) {
        for (const CellPages &pages : cell.pages) {
            if (!topology.isHugePagePool(cell, pages))
                continue;
            HugePagePool pool;
            pool.cell = cell.id;
            pool.pageSize = pages.size;
            pool.total = pages.count;
            pools.append(pool);
        }
    }
    std::stable_sort(pools.begin(), pools.end(), [](const HugePagePool &a, const HugePagePool &b) {
        return a.cell != b.cell ? a.cell < b.cell : a.pageSize < b.pageSize;
    });
    return pools;
}

void applyFreePages(QList<HugePagePool> &pools, const QList<quint64> &sizes, int firstCell,
                    int cellCount, const QList<quint64> &counts) {
    const qsizetype n = sizes.size();
    for (HugePagePool &pool : pools) {
        const int cellIndex = pool.cell - firstCell;
        const qsizetype sizeIndex = sizes.indexOf(pool.pageSize);
        if (cellIndex < 0 || cellIndex >= cellCount || sizeIndex < 0)
            continue;
        const qsizetype at = qsizetype(cellIndex) * n + sizeIndex;
        if (at < counts.size())
            pool.free = counts.at(at);
    }
}

QList<HugePageSize> hugePagesBySize(const QList<HugePagePool> &pools) {
    QList<HugePageSize> sizes;
    for (const HugePagePool &pool : pools) {
        auto it = std::find_if(sizes.begin(), sizes.end(),
                               [&](const HugePageSize &s) { return s.pageSize == pool.pageSize; });
        if (it == sizes.end()) {
            HugePageSize s;
            s.pageSize = pool.pageSize;
            s.total = pool.total;
            s.free = pool.free;
            s.consistent = pool.consistent();
            sizes.append(s);
            continue;
        }
        it->total =
            (it->total && pool.total) ? std::optional(*it->total + *pool.total) : std::nullopt;
        it->free = (it->free && pool.free) ? std::optional(*it->free + *pool.free) : std::nullopt;
        it->consistent = it->consistent && pool.consistent();
    }
    std::sort(sizes.begin(), sizes.end(),
              [](const HugePageSize &a, const HugePageSize &b) { return a.pageSize < b.pageSize; });
    return sizes;
}

QString pageSizeText(quint64 kib) {
    if (kib >= 1024 * 1024 && kib % (1024 * 1024) == 0)
        return QStringLiteral("%1 GiB").arg(kib / (1024 * 1024));
    if (kib >= 1024 && kib % 1024 == 0)
        return QStringLiteral("%1 MiB").arg(kib / 1024);
    return QStringLiteral("%1 KiB").arg(kib);
}

std::optional<quint64> hugePagesTotalKiB(const QList<HugePageSize> &sizes) {
    std::optional<quint64> sum;
    for (const HugePageSize &s : sizes) {
        if (const auto kib = s.totalKiB())
            sum = sum.value_or(0) + *kib;
    }
    return sum;
}

std::optional<quint64> hugePagesFreeKiB(const QList<HugePageSize> &sizes) {
    std::optional<quint64> sum;
    for (const HugePageSize &s : sizes) {
        if (!s.consistent)
            continue;
        if (const auto kib = s.freeKiB())
            sum = sum.value_or(0) + *kib;
    }
    return sum;
}

} // namespace bs
