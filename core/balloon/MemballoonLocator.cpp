#include "MemballoonLocator.h"

#include "BalloonText.h"

#include <QXmlStreamReader>

namespace bs {

namespace {

bool isNameChar(QChar c) {
    return !isXmlSpace(c) && c != u'=' && c != u'/' && c != u'>' && c != u'<' && c != u'"' &&
           c != u'\'';
}

enum Role : unsigned {
    RoleDomain = 1u << 0,
    RoleDevices = 1u << 1,
    RoleFirstDevice = 1u << 2,
    RoleMemballoon = 1u << 3,
    RoleFirstBalloonChild = 1u << 4,
    RoleStats = 1u << 5,
};

struct Open {
    QString name;
    StartTag tag;
    unsigned roles = 0; // what this element is to us, if anything
};

} // namespace

bool isXmlSpace(QChar c) {
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

const TagAttribute *StartTag::attribute(QStringView name) const {
    for (const TagAttribute &a : attributes) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

std::optional<StartTag> scanStartTag(const QString &doc, TextSpan span) {
    if (!span.isValid() || span.end > doc.size() || span.size() < 3 || doc[span.begin] != u'<' ||
        doc[span.end - 1] != u'>')
        return std::nullopt;
    StartTag tag;
    tag.span = span;
    qsizetype i = span.begin + 1;
    const qsizetype last = span.end - 1; // the '>'
    while (i < last && isNameChar(doc[i]))
        ++i;
    if (i == span.begin + 1)
        return std::nullopt;
    tag.nameEnd = i;
    for (;;) {
        const qsizetype spaceBegin = i;
        while (i < last && isXmlSpace(doc[i]))
            ++i;
        if (i == last || (doc[i] == u'/' && i + 1 == last)) {
            tag.trailingSpaceBegin = spaceBegin;
            tag.closeAt = i;
            tag.selfClosing = doc[i] == u'/';
            return tag;
        }
        if (i == spaceBegin)
            return std::nullopt; // attributes must be separated by whitespace
        TagAttribute attr;
        attr.nameSpan.begin = i;
        while (i < last && isNameChar(doc[i]))
            ++i;
        attr.nameSpan.end = i;
        if (attr.nameSpan.size() == 0)
            return std::nullopt;
        attr.name = doc.mid(attr.nameSpan.begin, attr.nameSpan.size());
        while (i < last && isXmlSpace(doc[i]))
            ++i;
        if (i >= last || doc[i] != u'=')
            return std::nullopt;
        ++i;
        while (i < last && isXmlSpace(doc[i]))
            ++i;
        if (i >= last || (doc[i] != u'\'' && doc[i] != u'"'))
            return std::nullopt;
        attr.quote = doc[i];
        attr.valueSpan.begin = ++i;
        while (i < last && doc[i] != attr.quote)
            ++i;
        if (i >= last)
            return std::nullopt;
        attr.valueSpan.end = i;
        ++i;
        tag.attributes.append(attr);
    }
}

std::optional<QString> lineIndentAt(const QString &doc, qsizetype pos) {
    qsizetype i = pos;
    while (i > 0 && (doc[i - 1] == u' ' || doc[i - 1] == u'\t'))
        --i;
    if (i == 0 || doc[i - 1] == u'\n')
        return doc.mid(i, pos - i);
    return std::nullopt;
}

qsizetype skipSpaceBackward(const QString &doc, qsizetype pos, qsizetype floor) {
    while (pos > floor && isXmlSpace(doc[pos - 1]))
        --pos;
    return pos;
}

Result<MemballoonLocation> locateMemballoon(const QString &doc) {
    if (doc.trimmed().isEmpty())
        return Error::invalidArgument(BalloonText::tr("The domain XML is empty."));
    MemballoonLocation loc;
    QXmlStreamReader xml(doc);
    QList<Open> stack;
    bool rootSeen = false;
    bool inFirstDevices = false;
    bool inFirstBalloon = false;

    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::DTD) {
            return Error::unsupported(BalloonText::tr(
                "The domain XML has a document type declaration; Balloonscope does not edit "
                "such documents."));
        }
        if (token == QXmlStreamReader::StartElement) {
            // The reader's offset after a start tag is exact (just past '>'); where the tag
            // begins is the last '<' before it, as attribute values cannot hold a raw '<'.
            const qsizetype end = xml.characterOffset();
            const qsizetype begin = end > 0 ? doc.lastIndexOf(u'<', end - 1) : -1;
            const QString name = xml.qualifiedName().toString();
            const auto tag = begin >= 0 ? scanStartTag(doc, {begin, end}) : std::nullopt;
            if (!tag || QStringView(doc).mid(begin + 1, tag->nameEnd - begin - 1) != name) {
                return Error::unsupported(
                    BalloonText::tr(
                        "Could not locate the <%1> tag in the text at line %2; the XML is left "
                        "untouched.")
                        .arg(name)
                        .arg(xml.lineNumber()));
            }
            const int depth = int(stack.size()) + 1;
            Open open{name, *tag, 0};
            if (depth == 1) {
                if (rootSeen || name != u"domain")
                    return Error::invalidArgument(
                        BalloonText::tr("This is not a domain XML: its root element is <%1>.")
                            .arg(name));
                rootSeen = true;
                open.roles = RoleDomain;
            } else if (depth == 2 && name == u"devices") {
                if (++loc.devicesCount == 1) {
                    open.roles = RoleDevices;
                    inFirstDevices = true;
                }
            } else if (depth == 3 && inFirstDevices) {
                if (!loc.firstDevice)
                    open.roles |= RoleFirstDevice;
                if (name == u"memballoon" && ++loc.memballoonCount == 1) {
                    open.roles |= RoleMemballoon;
                    inFirstBalloon = true;
                }
            } else if (depth == 4 && inFirstBalloon) {
                if (!loc.firstBalloonChild)
                    open.roles |= RoleFirstBalloonChild;
                if (name == u"stats" && ++loc.statsCount == 1)
                    open.roles |= RoleStats;
            }
            stack.append(open);
            // Mark the first child as taken now, so that its own children cannot claim it.
            if (open.roles & RoleFirstDevice)
                loc.firstDevice = ElementLocation{};
            if (open.roles & RoleFirstBalloonChild)
                loc.firstBalloonChild = ElementLocation{};
        } else if (token == QXmlStreamReader::EndElement) {
            if (stack.isEmpty())
                break;
            const Open open = stack.takeLast();
            if (!open.roles)
                continue;
            const qsizetype end = xml.characterOffset();
            ElementLocation located;
            located.startTag = open.tag;
            located.element = {open.tag.span.begin, end};
            if (open.tag.selfClosing) {
                located.content = {open.tag.span.end, open.tag.span.end};
            } else {
                const qsizetype endTag = end > 0 ? doc.lastIndexOf(u'<', end - 1) : -1;
                const QString expected = QStringLiteral("</") + open.name;
                if (endTag < open.tag.span.end ||
                    QStringView(doc).mid(endTag, expected.size()) != expected ||
                    doc[end - 1] != u'>') {
                    return Error::unsupported(
                        BalloonText::tr(
                            "Could not locate the end of <%1> in the text at line %2; the XML is "
                            "left untouched.")
                            .arg(open.name)
                            .arg(xml.lineNumber()));
                }
                located.content = {open.tag.span.end, endTag};
            }
            if (open.roles & RoleDomain)
                loc.domain = located;
            if (open.roles & RoleDevices) {
                loc.devices = located;
                inFirstDevices = false;
            }
            if (open.roles & RoleFirstDevice)
                loc.firstDevice = located;
            if (open.roles & RoleMemballoon) {
                loc.memballoon = located;
                inFirstBalloon = false;
            }
            if (open.roles & RoleFirstBalloonChild)
                loc.firstBalloonChild = located;
            if (open.roles & RoleStats)
                loc.stats = located;
        }
    }
    if (xml.hasError()) {
        return Error::invalidArgument(
            BalloonText::tr("The domain XML is not well-formed: %1 (line %2).")
                .arg(xml.errorString())
                .arg(xml.lineNumber()));
    }
    if (!rootSeen)
        return Error::invalidArgument(BalloonText::tr("The domain XML is empty."));
    return loc;
}

} // namespace bs
