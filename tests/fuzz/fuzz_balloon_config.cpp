// Reading <memballoon> out of arbitrary (mostly broken) domain XML never crashes, and a document
// that does not parse is never taken for "no balloon".
#include "model/BalloonConfig.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QString xml = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const bs::BalloonConfig config = bs::parseBalloonConfig(xml);
    if (config.period && config.model == bs::BalloonModel::Unknown && !config.modelName.isEmpty())
        std::abort();
    return 0;
}
