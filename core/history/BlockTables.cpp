#include "BlockTables.h"

#include "StoredColumns.h"
#include "model/Metric.h"

namespace bs::history {

namespace {

BlockTableSpec makeSamples() {
    BlockTableSpec spec;
    spec.name = "samples";
    spec.blocks = "sample_blocks";
    spec.owner = "guest_id";
    spec.values.append("flags");
    for (const char *column : SampleValueColumns)
        spec.values.append(column);
    spec.columns = BlockColumns::plain(int(spec.values.size()));
    // 256 polls: 21 minutes at 5 s, 4 at 1 s. Appending re-codes the open block, so a bigger
    // one costs the compactor more per step for a few per cent less on disk.
    spec.maxRows = 256;
    return spec;
}

// n_host, n_report, n_gap, then min, avg, max of every metric; avg and max are coded against
// the min of the same row (within a minute they differ by little).
BlockTableSpec makeRollup(const char *name, const char *blocks, int maxRows) {
    BlockTableSpec spec;
    spec.name = name;
    spec.blocks = blocks;
    spec.owner = "guest_id";
    spec.values = {"n_host", "n_report", "n_gap"};
    std::vector<int> bases = {-1, -1, -1};
    for (Metric m : allMetrics()) {
        const QByteArray k = metricKey(m).toLatin1();
        const int min = int(spec.values.size());
        spec.values.append(k + "_min");
        spec.values.append(k + "_avg");
        spec.values.append(k + "_max");
        bases.insert(bases.end(), {-1, min, min});
    }
    spec.columns = BlockColumns{int(spec.values.size()), bases};
    spec.maxRows = maxRows;
    return spec;
}

} // namespace

const BlockTableSpec &sampleBlocks() {
    static const BlockTableSpec spec = makeSamples();
    return spec;
}

const BlockTableSpec &minuteBlocks() {
    static const BlockTableSpec spec = makeRollup("rollup_1m", "rollup_1m_blocks", 240); // 4 h
    return spec;
}

const BlockTableSpec &hourBlocks() {
    static const BlockTableSpec spec = makeRollup("rollup_1h", "rollup_1h_blocks", 240); // 10 d
    return spec;
}

const BlockTableSpec *blockTableNamed(const QByteArray &name) {
    for (const BlockTableSpec *spec : {&sampleBlocks(), &minuteBlocks(), &hourBlocks()}) {
        if (spec->name == name)
            return spec;
    }
    return nullptr;
}

QByteArray createBlockTableSql(const BlockTableSpec &spec) {
    return "CREATE TABLE " + spec.blocks +
           "(owner INTEGER NOT NULL, t0 INTEGER NOT NULL, t1 INTEGER NOT NULL, "
           "n INTEGER NOT NULL, data BLOB NOT NULL);\n"
           "CREATE UNIQUE INDEX " +
           spec.blocks + "_by_owner ON " + spec.blocks + "(owner, t0);\n" +
           "CREATE VIRTUAL TABLE " + spec.name + " USING bs_blocks(" + spec.name + ");\n";
}

} // namespace bs::history
