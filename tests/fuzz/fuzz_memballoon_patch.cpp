// The <memballoon> XML patch: whatever the bytes, patching never crashes and keeps its
// properties (bytes outside the element identical, idempotent); fuzzMemballoonPatch aborts
// when a property breaks.
#include "balloon/BalloonXmlPatchCheck.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return bs::fuzzMemballoonPatch(data, size);
}
