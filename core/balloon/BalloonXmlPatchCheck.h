#pragma once

#include "BalloonXmlPatch.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace bs {

// The properties every result of patchMemballoon must have, checked independently of how the
// splice was made:
//  - unchanged means byte-identical input, and only when the document already says what the
//    edit asks;
//  - the result is well-formed, has exactly one <memballoon>, and reads back as the edit says;
//  - every byte outside the element is kept: the text before and after it is identical, or
//    (element added) the result minus the element and the whitespace in front of it is the input;
//  - applying the same edit again changes nothing;
//  - `before` and `after` are the element's exact text in the input and the result.
// Returns an empty string when all hold, otherwise the first property violated.
QString checkMemballoonPatch(QByteArrayView original, const MemballoonEdit &edit,
                             const MemballoonPatch &patch);

// An input for the fuzzer split into an edit (the first three bytes) and a document (the rest).
struct MemballoonFuzzCase {
    MemballoonEdit edit;
    QByteArray xml;
};
MemballoonFuzzCase memballoonFuzzCase(const uint8_t *data, size_t size);

// The body of a libFuzzer target:
//   extern "C" int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
//   { return bs::fuzzMemballoonPatch(d, n); }
// Patches the input and checks the properties above; a violated property aborts (that is the
// finding). Refusing an input is fine. Returns 0. Needs no QCoreApplication and no libvirt.
int fuzzMemballoonPatch(const uint8_t *data, size_t size);

} // namespace bs
