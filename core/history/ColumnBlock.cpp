#include "ColumnBlock.h"

#include <algorithm>

namespace bs::history {

namespace {

constexpr uint8_t FormatVersion = 1;

// Mode byte of a column.
constexpr uint8_t NullsNone = 0;
constexpr uint8_t NullsAll = 1;
constexpr uint8_t NullsBitmap = 2;
constexpr uint8_t NullsMask = 3;
constexpr uint8_t Delta = 1 << 2; // against the previous present value
constexpr uint8_t PackShift = 3;  // bits 3-4: how the values are packed
constexpr uint8_t PackMask = 3 << PackShift;
constexpr uint8_t Based = 1 << 5; // against the base column's value in the same row

enum Packing : uint8_t {
    Varints = 0, // one zigzag varint each
    Runs = 1,    // (run length, zigzag varint) pairs
    Bits = 2,    // frame of reference: zigzag varint minimum, width byte, width bits each
};

uint64_t zigzag(qint64 v) {
    return (uint64_t(v) << 1) ^ uint64_t(v >> 63);
}

qint64 unzigzag(uint64_t u) {
    return qint64((u >> 1) ^ (~(u & 1) + 1));
}

void putVarint(QByteArray &out, uint64_t v) {
    while (v >= 0x80) {
        out.append(char(uint8_t(v) | 0x80));
        v >>= 7;
    }
    out.append(char(uint8_t(v)));
}

int varintSize(uint64_t v) {
    int n = 1;
    while (v >= 0x80) {
        v >>= 7;
        ++n;
    }
    return n;
}

class Reader {
public:
    Reader(const uint8_t *data, qsizetype size)
        : m_p(data)
        , m_end(data + size) {}
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }
    const uint8_t *position() const { return m_p; }
    qsizetype left() const { return m_end - m_p; }

    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p == m_end)
                return fail();
            const uint8_t b = *m_p++;
            v |= uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        return fail();
    }
    uint8_t byte() {
        if (m_p == m_end)
            return uint8_t(fail());
        return *m_p++;
    }
    const uint8_t *skip(qsizetype n) {
        if (n < 0 || n > left()) {
            fail();
            return nullptr;
        }
        const uint8_t *at = m_p;
        m_p += n;
        return at;
    }

private:
    uint64_t fail() {
        m_ok = false;
        m_p = m_end;
        return 0;
    }
    const uint8_t *m_p;
    const uint8_t *m_end;
    bool m_ok = true;
};

int bitWidth(uint64_t range) {
    int bits = 0;
    while (range) {
        ++bits;
        range >>= 1;
    }
    return bits;
}

uint64_t rangeOf(const std::vector<qint64> &d, qint64 &min) {
    min = d.empty() ? 0 : *std::min_element(d.begin(), d.end());
    const qint64 max = d.empty() ? 0 : *std::max_element(d.begin(), d.end());
    return uint64_t(max) - uint64_t(min);
}

void pack(QByteArray &out, const std::vector<qint64> &d, Packing packing) {
    switch (packing) {
    case Varints:
        for (const qint64 v : d)
            putVarint(out, zigzag(v));
        break;
    case Runs: {
        std::size_t i = 0;
        while (i < d.size()) {
            std::size_t run = 1;
            while (i + run < d.size() && d[i + run] == d[i])
                ++run;
            putVarint(out, run);
            putVarint(out, zigzag(d[i]));
            i += run;
        }
        break;
    }
    case Bits: {
        qint64 min = 0;
        const int width = bitWidth(rangeOf(d, min));
        putVarint(out, zigzag(min));
        out.append(char(width));
        uint64_t buffer = 0;
        int filled = 0;
        for (const qint64 v : d) {
            const uint64_t offset = uint64_t(v) - uint64_t(min);
            for (int written = 0; written < width;) {
                const int take = qMin(width - written, 64 - filled);
                const uint64_t part =
                    take == 64 ? offset : (offset >> written) & ((uint64_t(1) << take) - 1);
                buffer |= part << filled;
                filled += take;
                written += take;
                if (filled == 64) {
                    for (int b = 0; b < 8; ++b)
                        out.append(char(uint8_t(buffer >> (8 * b))));
                    buffer = 0;
                    filled = 0;
                }
            }
        }
        for (int b = 0; b * 8 < filled; ++b)
            out.append(char(uint8_t(buffer >> (8 * b))));
        break;
    }
    }
}

// What one block's columns are coded through, kept between blocks: coding a block allocated a
// dozen vectors and byte arrays per column, and the history thread codes thousands of small
// blocks a minute at 5,000 guests (issue 18).
struct ColumnScratch {
    std::vector<qint64> raw;    // the present values
    std::vector<qint64> based;  // the present values less their base column's
    std::vector<qint64> deltas; // the chosen ones as deltas, when delta coding wins
};

// Appends one column (its length, then its bytes) to `out`. value(i) is row i's value, base(i)
// its base column's (only called when hasBase).
template <typename Value, typename Base>
void putColumn(QByteArray &out, std::size_t n, const Value &value, const Base &base, bool hasBase,
               ColumnScratch &scratch) {
    std::size_t present = 0;
    bool baseCovers = hasBase;
    for (std::size_t i = 0; i < n; ++i) {
        if (!value(i))
            continue;
        ++present;
        if (hasBase && !base(i))
            baseCovers = false;
    }
    if (present == 0) {
        putVarint(out, 1);
        out.append(char(NullsAll));
        return;
    }
    uint8_t mode = present == n ? NullsNone : NullsBitmap;
    std::vector<qint64> &raw = scratch.raw;
    raw.clear();
    for (std::size_t i = 0; i < n; ++i) {
        if (const std::optional<qint64> v = value(i))
            raw.push_back(*v);
    }
    std::vector<qint64> &based = scratch.based;
    based.clear();
    if (baseCovers) {
        for (std::size_t i = 0; i < n; ++i) {
            if (const std::optional<qint64> v = value(i))
                based.push_back(qint64(uint64_t(*v) - uint64_t(*base(i))));
        }
    }
    // One pass per transform sizes all six codings (delta or not × three packings).
    qsizetype best = -1;
    uint8_t bestMode = 0;
    for (const bool useBase : {false, true}) {
        if (useBase && !baseCovers)
            continue;
        const std::vector<qint64> &x = useBase ? based : raw;
        qsizetype varints[2] = {0, 0};
        qsizetype runs[2] = {0, 0};
        qint64 min[2] = {x.front(), 0};
        qint64 max[2] = {x.front(), 0};
        uint64_t runValue[2] = {0, 0};
        uint64_t runLength[2] = {0, 0};
        uint64_t previous = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const qint64 d[2] = {x[i], qint64(uint64_t(x[i]) - previous)};
            previous = uint64_t(x[i]);
            if (i == 0) {
                min[1] = max[1] = d[1];
            }
            for (int k = 0; k < 2; ++k) {
                const uint64_t z = zigzag(d[k]);
                varints[k] += varintSize(z);
                min[k] = qMin(min[k], d[k]);
                max[k] = qMax(max[k], d[k]);
                if (runLength[k] > 0 && z == runValue[k]) {
                    ++runLength[k];
                } else {
                    if (runLength[k] > 0)
                        runs[k] += varintSize(runLength[k]) + varintSize(runValue[k]);
                    runValue[k] = z;
                    runLength[k] = 1;
                }
            }
        }
        for (int k = 0; k < 2; ++k) {
            runs[k] += varintSize(runLength[k]) + varintSize(runValue[k]);
            const qsizetype bits =
                varintSize(zigzag(min[k])) + 1 +
                (qsizetype(x.size()) * bitWidth(uint64_t(max[k]) - uint64_t(min[k])) + 7) / 8;
            const qsizetype sizes[3] = {varints[k], runs[k], bits};
            for (const Packing packing : {Varints, Runs, Bits}) {
                if (best < 0 || sizes[packing] < best) {
                    best = sizes[packing];
                    bestMode = uint8_t((useBase ? Based : 0) | (k == 1 ? Delta : 0) |
                                       (packing << PackShift));
                }
            }
        }
    }
    const std::vector<qint64> *chosen = (bestMode & Based) ? &based : &raw;
    if (bestMode & Delta) {
        std::vector<qint64> &d = scratch.deltas;
        d.resize(chosen->size());
        uint64_t previous = 0;
        for (std::size_t i = 0; i < d.size(); ++i) {
            d[i] = qint64(uint64_t((*chosen)[i]) - previous);
            previous = uint64_t((*chosen)[i]);
        }
        chosen = &d;
    }
    mode |= bestMode;
    // The column's bytes go straight into `out`; its length is put in front of them after.
    const qsizetype start = out.size();
    out.append(char(mode));
    if ((mode & NullsMask) == NullsBitmap) {
        const qsizetype at = out.size();
        out.append(qsizetype(n + 7) / 8, '\0');
        char *bits = out.data() + at;
        for (std::size_t i = 0; i < n; ++i) {
            if (value(i))
                bits[i / 8] = char(uint8_t(bits[i / 8]) | (1u << (i % 8)));
        }
    }
    pack(out, *chosen, Packing((mode & PackMask) >> PackShift));
    char length[10];
    int used = 0;
    for (uint64_t v = uint64_t(out.size() - start);; v >>= 7) {
        if (v < 0x80) {
            length[used++] = char(uint8_t(v));
            break;
        }
        length[used++] = char(uint8_t(v) | 0x80);
    }
    out.insert(start, length, used);
}

// Decodes one column's bytes into values/present of n rows. `base`: the decoded base column
// when the column is stored against it.
bool decodeColumn(const uint8_t *data, qsizetype size, int n, std::vector<qint64> &values,
                  std::vector<uint8_t> &present, const std::vector<qint64> *baseValues,
                  const std::vector<uint8_t> *basePresent) {
    Reader r(data, size);
    const uint8_t mode = r.byte();
    if (!r.ok() || (mode & ~uint8_t(NullsMask | Delta | PackMask | Based)) != 0 ||
        ((mode & PackMask) >> PackShift) > Bits)
        return false;
    values.assign(std::size_t(n), 0);
    present.assign(std::size_t(n), 0);
    const uint8_t nulls = mode & NullsMask;
    if (nulls == NullsAll)
        return r.atEnd() && mode == NullsAll;
    if (nulls == NullsBitmap) {
        const uint8_t *bits = r.skip((qsizetype(n) + 7) / 8);
        if (!bits)
            return false;
        for (int i = 0; i < n; ++i)
            present[std::size_t(i)] = (bits[i / 8] >> (i % 8)) & 1;
    } else if (nulls == NullsNone) {
        std::fill(present.begin(), present.end(), uint8_t(1));
    } else {
        return false;
    }
    int count = 0;
    for (uint8_t p : present)
        count += p;
    std::vector<uint64_t> coded;
    coded.reserve(std::size_t(count));
    switch (Packing((mode & PackMask) >> PackShift)) {
    case Runs:
        while (int(coded.size()) < count) {
            const uint64_t run = r.varint();
            const uint64_t value = r.varint();
            if (!r.ok() || run == 0 || run > uint64_t(count) - coded.size())
                return false;
            coded.insert(coded.end(), std::size_t(run), value);
        }
        break;
    case Bits: {
        const uint64_t min = uint64_t(unzigzag(r.varint()));
        const int width = r.byte();
        if (!r.ok() || width > 64)
            return false;
        const uint8_t *bits = r.skip((qsizetype(count) * width + 7) / 8);
        if (!bits)
            return false;
        uint64_t held = 0; // bits read from the stream, not yet used: `have` of them
        int have = 0;
        const uint8_t *next = bits;
        for (int i = 0; i < count; ++i) {
            uint64_t offset = 0;
            for (int got = 0; got < width;) {
                if (have == 0) {
                    held = *next++;
                    have = 8;
                }
                const int take = qMin(width - got, have);
                offset |= (held & ((uint64_t(1) << take) - 1)) << got;
                held >>= take;
                have -= take;
                got += take;
            }
            // Stored as zigzag like the other packings, so the rest of the path is shared.
            coded.push_back(zigzag(qint64(min + offset)));
        }
        break;
    }
    default:
        for (int i = 0; i < count; ++i)
            coded.push_back(r.varint());
    }
    if (!r.ok() || !r.atEnd())
        return false;
    if ((mode & Based) && !baseValues)
        return false;
    uint64_t previous = 0;
    std::size_t k = 0;
    for (int i = 0; i < n; ++i) {
        if (!present[std::size_t(i)])
            continue;
        uint64_t v = uint64_t(unzigzag(coded[k++]));
        if (mode & Delta)
            v += previous;
        previous = v;
        if (mode & Based) {
            if (!(*basePresent)[std::size_t(i)])
                return false;
            v += uint64_t((*baseValues)[std::size_t(i)]);
        }
        values[std::size_t(i)] = qint64(v);
    }
    return true;
}

} // namespace

BlockColumns BlockColumns::plain(int count) {
    return BlockColumns{count, std::vector<int>(std::size_t(count), -1)};
}

QByteArray encodeBlock(const std::vector<BlockRow> &rows, const BlockColumns &columns) {
    thread_local ColumnScratch scratch;
    const std::size_t n = rows.size();
    QByteArray out;
    out.reserve(qsizetype(16 + 2 * n * std::size_t(columns.count + 1)));
    out.append(char(FormatVersion));
    putVarint(out, n);
    putVarint(out, uint64_t(columns.count));
    const auto none = [](std::size_t) {
        return std::optional<qint64>();
    };
    putColumn(
        out, n, [&](std::size_t i) { return std::optional<qint64>(rows[i].t); }, none, false,
        scratch);
    for (int c = 0; c < columns.count; ++c) {
        const std::size_t column = std::size_t(c);
        const int base = columns.bases[column];
        const auto value = [&](std::size_t i) {
            return rows[i].values[column];
        };
        if (base >= 0 && base < c) {
            const std::size_t b = std::size_t(base);
            putColumn(
                out, n, value, [&](std::size_t i) { return rows[i].values[b]; }, true, scratch);
        } else {
            putColumn(out, n, value, none, false, scratch);
        }
    }
    return out;
}

bool decodeBlock(const QByteArray &data, const BlockColumns &columns, uint64_t wanted,
                 DecodedBlock &out) {
    Reader r(reinterpret_cast<const uint8_t *>(data.constData()), data.size());
    if (r.byte() != FormatVersion)
        return false;
    const uint64_t n = r.varint();
    const uint64_t count = r.varint();
    // A block never holds more rows than fit in its bytes (each costs at least one bit).
    if (!r.ok() || count != uint64_t(columns.count) || n == 0 || n > uint64_t(data.size()) * 8)
        return false;
    const int rows = int(n);
    std::vector<bool> needed(std::size_t(columns.count));
    for (int c = 0; c < columns.count; ++c)
        needed[std::size_t(c)] = (wanted >> qMin(c, 63)) & 1;
    for (int c = columns.count - 1; c >= 0; --c) {
        const int base = columns.bases[std::size_t(c)];
        if (needed[std::size_t(c)] && base >= 0 && base < c)
            needed[std::size_t(base)] = true;
    }
    out.rows = rows;
    out.values.resize(std::size_t(columns.count));
    out.present.resize(std::size_t(columns.count));
    std::vector<uint8_t> tPresent;
    {
        const uint64_t length = r.varint();
        const uint8_t *at = r.skip(qsizetype(qMin<uint64_t>(length, uint64_t(r.left()) + 1)));
        if (!at || !decodeColumn(at, qsizetype(length), rows, out.t, tPresent, nullptr, nullptr))
            return false;
        for (int i = 0; i < rows; ++i) {
            if (!tPresent[std::size_t(i)] || (i > 0 && out.t[std::size_t(i)] <= out.t[i - 1]))
                return false;
        }
    }
    for (int c = 0; c < columns.count; ++c) {
        const uint64_t length = r.varint();
        const uint8_t *at = r.skip(qsizetype(qMin<uint64_t>(length, uint64_t(r.left()) + 1)));
        if (!at)
            return false;
        auto &values = out.values[std::size_t(c)];
        auto &present = out.present[std::size_t(c)];
        if (!needed[std::size_t(c)]) {
            values.clear();
            present.clear();
            continue;
        }
        const int base = columns.bases[std::size_t(c)];
        const bool hasBase = base >= 0 && base < c;
        if (!decodeColumn(at, qsizetype(length), rows, values, present,
                          hasBase ? &out.values[std::size_t(base)] : nullptr,
                          hasBase ? &out.present[std::size_t(base)] : nullptr))
            return false;
    }
    return r.ok() && r.atEnd();
}

bool decodeRows(const QByteArray &data, const BlockColumns &columns, std::vector<BlockRow> &out) {
    DecodedBlock block;
    if (!decodeBlock(data, columns, ~uint64_t(0), block))
        return false;
    out.resize(std::size_t(block.rows));
    for (int i = 0; i < block.rows; ++i) {
        BlockRow &row = out[std::size_t(i)];
        row.t = block.t[std::size_t(i)];
        row.values.resize(std::size_t(columns.count));
        for (int c = 0; c < columns.count; ++c)
            row.values[std::size_t(c)] = block.value(c, i);
    }
    return true;
}

} // namespace bs::history
