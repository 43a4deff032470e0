#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

#include <optional>

namespace bs {

// A range of a document as QChar offsets into the QString it was read from: [begin, end).
struct TextSpan {
    qsizetype begin = -1;
    qsizetype end = -1;

    bool isValid() const { return begin >= 0 && end >= begin; }
    qsizetype size() const { return end - begin; }
    bool operator==(const TextSpan &) const = default;
};

// One attribute of a start tag exactly as written.
struct TagAttribute {
    QString name;       // qualified name as written
    TextSpan nameSpan;  // the name
    TextSpan valueSpan; // the value between the quotes (raw: entities not expanded)
    QChar quote;        // ' or "
};

// A start tag taken apart, offsets into the document.
struct StartTag {
    TextSpan span;                     // from '<' to '>' inclusive
    qsizetype nameEnd = -1;            // just past the element name
    qsizetype trailingSpaceBegin = -1; // whitespace before "/>" or ">" starts here
    qsizetype closeAt = -1;            // where "/>" or ">" begins
    bool selfClosing = false;
    QList<TagAttribute> attributes;

    const TagAttribute *attribute(QStringView name) const;
};

// Takes apart the start tag that occupies `span` of `doc` (from '<' to '>'). Empty when the text
// there is not a start tag: callers then refuse to edit rather than guess.
std::optional<StartTag> scanStartTag(const QString &doc, TextSpan span);

struct ElementLocation {
    StartTag startTag;
    TextSpan element; // start tag to end tag inclusive (the start tag alone when self-closing)
    TextSpan content; // between the tags; empty (at the start tag's end) when self-closing

    bool selfClosing() const { return startTag.selfClosing; }
};

// Where /domain/devices/memballoon sits in a domain XML, located with QXmlStreamReader (so
// comments, CDATA, processing instructions and metadata that merely look like a balloon are
// never mistaken for one) and anchored on the raw text of each tag.
struct MemballoonLocation {
    ElementLocation domain;
    std::optional<ElementLocation> devices;           // the first <devices>
    std::optional<ElementLocation> firstDevice;       // its first child element
    std::optional<ElementLocation> memballoon;        // the first <devices><memballoon>
    std::optional<ElementLocation> firstBalloonChild; // its first child element
    std::optional<ElementLocation> stats;             // its first <stats> child
    int devicesCount = 0;
    int memballoonCount = 0;
    int statsCount = 0;
};

// Fails on XML that is not well-formed, on a document type declaration (libvirt never writes
// one, and entities could move markup around) and on a root that is not <domain>.
Result<MemballoonLocation> locateMemballoon(const QString &doc);

// Indentation of the line `pos` starts, when only spaces or tabs precede it on that line.
std::optional<QString> lineIndentAt(const QString &doc, qsizetype pos);
// `pos` moved back over XML whitespace, not before `floor`.
qsizetype skipSpaceBackward(const QString &doc, qsizetype pos, qsizetype floor);
bool isXmlSpace(QChar c);

} // namespace bs
