// The history's column blocks (ColumnBlock.h) read from arbitrary bytes, as from a damaged file:
// decoding never reads out of bounds, never hangs, and whatever decodes codes back to the same
// rows (the codec's round trip).
#include "history/BlockTables.h"
#include "history/ColumnBlock.h"

#include <QByteArray>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    using namespace bs::history;
    // The first byte picks the column layout: the raw samples' or a roll-up's (based columns).
    const BlockColumns &columns = data[0] % 2 ? sampleBlocks().columns : minuteBlocks().columns;
    const QByteArray block(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    std::vector<BlockRow> rows;
    if (!decodeRows(block, columns, rows))
        return 0;
    std::vector<BlockRow> again;
    if (!decodeRows(encodeBlock(rows, columns), columns, again) || again.size() != rows.size())
        std::abort();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (again[i].t != rows[i].t || again[i].values != rows[i].values)
            std::abort();
    }
    return 0;
}
