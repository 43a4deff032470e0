#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QMetaType>
#include <QString>

#include <optional>

namespace bs {

// A change to the <devices><memballoon> element of a domain XML.
struct MemballoonEdit {
    enum class Stats {
        Keep,   // leave <stats> as it is
        Set,    // <stats period='N'/>, N >= 1
        Remove, // no <stats> element: polling off (what libvirt writes for period 0)
    };

    std::optional<QString> model; // e.g. "virtio"; empty = keep the model as written
    Stats stats = Stats::Keep;
    int period = 0; // seconds, for Stats::Set
    // freePageReporting='on'/'off' and autodeflate='on'/'off' on the element; empty = keep.
    // Only on an existing element: a guest without a balloon needs a model first.
    std::optional<bool> freePageReporting;
    std::optional<bool> autodeflate;

    static MemballoonEdit setPeriod(int seconds) {
        MemballoonEdit e;
        e.stats = Stats::Set;
        e.period = seconds;
        return e;
    }
    static MemballoonEdit removePeriod() {
        MemballoonEdit e;
        e.stats = Stats::Remove;
        return e;
    }
    // A virtio balloon, with a period when seconds > 0 (the <stats> element is left alone
    // otherwise).
    static MemballoonEdit switchToVirtio(int seconds) {
        MemballoonEdit e;
        e.model = QStringLiteral("virtio");
        e.stats = seconds > 0 ? Stats::Set : Stats::Keep;
        e.period = seconds;
        return e;
    }
    // Free page reporting on (and autodeflate on, when asked): the host gets freed memory back.
    static MemballoonEdit reportFreePages(bool alsoAutodeflate) {
        MemballoonEdit e;
        e.freePageReporting = true;
        if (alsoAutodeflate)
            e.autodeflate = true;
        return e;
    }
    MemballoonEdit withModel(const QString &name) const {
        MemballoonEdit e = *this;
        e.model = name;
        return e;
    }
    bool editsAttributes() const { return freePageReporting || autodeflate; }
    bool operator==(const MemballoonEdit &) const = default;
};

struct MemballoonPatch {
    QByteArray xml;       // the whole document after the edit, UTF-8
    bool changed = false; // false: `xml` is the input, byte for byte
    QString before;       // the element as it was; empty when there was none
    QString after;        // the element as it is now; empty when there is none
    QString beforeIndent; // indentation of the line each element starts on, so a preview can
    QString afterIndent;  // show them as blocks
};

// Applies `edit` to a domain XML as a minimal splice of the text, so that everything outside the
// <memballoon> element stays byte-identical: metadata namespaces, comments, CDATA, processing
// instructions, unknown elements, attribute order and quoting. (QDomDocument in Qt 6.4 does not
// round-trip: it sorts attributes, re-declares namespaces on every prefixed element and drops
// whitespace, so it is not used.)
//
// Where the element is missing it is added as the last child of <devices>, indented like its
// siblings. The new text follows the document's style: its quote character, indentation step
// and line ending.
//
// Refuses (with a sentence saying why) rather than guesses: XML that is not well-formed or not
// UTF-8, a document type declaration, several <devices>, <memballoon> or <stats> elements, a
// <stats> change without a model to create a missing element, and anything the result check
// (the element must then read back as the edit says) does not confirm.
//
// A pure function of its input: safe to fuzz (see BalloonXmlPatchCheck.h).
Result<MemballoonPatch> patchMemballoon(QByteArrayView domainXml, const MemballoonEdit &edit);

} // namespace bs

Q_DECLARE_METATYPE(bs::MemballoonEdit)
