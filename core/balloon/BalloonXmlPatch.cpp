#include "BalloonXmlPatch.h"

#include "BalloonText.h"
#include "MemballoonLocator.h"
#include "model/BalloonConfig.h"

#include <algorithm>

namespace bs {

namespace {

// The document's own habits, so that added text looks like the rest.
struct Style {
    QString newline;
    QChar quote;
    QString step; // one level of indentation
};

struct Splice {
    qsizetype begin;
    qsizetype end;
    QString text;
};

bool isModelToken(const QString &model) {
    if (model.isEmpty() || model.size() > 64)
        return false;
    return std::all_of(model.begin(), model.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
               c == u'-' || c == u'_';
    });
}

QChar firstQuote(const std::optional<ElementLocation> &element) {
    if (element && !element->startTag.attributes.isEmpty())
        return element->startTag.attributes.constFirst().quote;
    return {};
}

std::optional<QString> indentOf(const QString &doc, const std::optional<ElementLocation> &e) {
    if (!e || !e->element.isValid())
        return std::nullopt;
    return lineIndentAt(doc, e->element.begin);
}

Style styleOf(const QString &doc, const MemballoonLocation &loc) {
    Style style;
    style.newline =
        doc.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    style.quote = firstQuote(loc.memballoon);
    if (style.quote.isNull())
        style.quote = firstQuote(loc.devices);
    if (style.quote.isNull())
        style.quote = firstQuote(loc.domain);
    if (style.quote.isNull())
        style.quote = u'\'';

    const auto devices = indentOf(doc, loc.devices);
    for (const auto &child : {loc.memballoon, loc.firstDevice}) {
        const auto inner = indentOf(doc, child);
        if (devices && inner && inner->size() > devices->size() && inner->startsWith(*devices)) {
            style.step = inner->mid(devices->size());
            return style;
        }
    }
    style.step = QStringLiteral("  ");
    return style;
}

QString attribute(const Style &style, const QString &name, const QString &value) {
    return QStringLiteral(" %1=%2%3%2").arg(name, style.quote, value);
}

QString statsTag(const Style &style, int period) {
    return QStringLiteral("<stats") +
           attribute(style, QStringLiteral("period"), QString::number(period)) +
           QStringLiteral("/>");
}

// A new <memballoon>; multi-line (children one step in from `indent`) unless indent is empty.
QString newBalloon(const Style &style, const MemballoonEdit &edit,
                   const std::optional<QString> &indent) {
    const QString open =
        QStringLiteral("<memballoon") + attribute(style, QStringLiteral("model"), *edit.model);
    if (edit.stats != MemballoonEdit::Stats::Set)
        return open + QStringLiteral("/>");
    if (!indent)
        return open + u'>' + statsTag(style, edit.period) + QStringLiteral("</memballoon>");
    return open + u'>' + style.newline + *indent + style.step + statsTag(style, edit.period) +
           style.newline + *indent + QStringLiteral("</memballoon>");
}

bool leadingSpaceHasNewline(const QString &doc, TextSpan content) {
    for (qsizetype i = content.begin; i < content.end && isXmlSpace(doc[i]); ++i) {
        if (doc[i] == u'\n')
            return true;
    }
    return false;
}

bool onlySpace(const QString &doc, qsizetype begin, qsizetype end) {
    for (qsizetype i = begin; i < end; ++i) {
        if (!isXmlSpace(doc[i]))
            return false;
    }
    return true;
}

void editModel(const QString &doc, const ElementLocation &balloon, const Style &style,
               const MemballoonEdit &edit, QList<Splice> &splices) {
    if (!edit.model)
        return;
    const StartTag &tag = balloon.startTag;
    if (const TagAttribute *model = tag.attribute(u"model")) {
        const TextSpan v = model->valueSpan;
        if (QStringView(doc).mid(v.begin, v.size()) != *edit.model)
            splices.append({v.begin, v.end, *edit.model});
        return;
    }
    splices.append(
        {tag.nameEnd, tag.nameEnd, attribute(style, QStringLiteral("model"), *edit.model)});
}

// Sets name='on'/'off' on the element's start tag: the value replaced where the attribute is
// written, else added after the model (an 'off' that is not written is already off).
void editSwitch(const QString &doc, const ElementLocation &balloon, const Style &style,
                const char16_t *name, std::optional<bool> on, QList<Splice> &splices) {
    if (!on)
        return;
    const QString value = *on ? QStringLiteral("on") : QStringLiteral("off");
    const StartTag &tag = balloon.startTag;
    if (const TagAttribute *attr = tag.attribute(name)) {
        const TextSpan v = attr->valueSpan;
        if (QStringView(doc).mid(v.begin, v.size()) != value)
            splices.append({v.begin, v.end, value});
        return;
    }
    if (!*on)
        return;
    qsizetype at = tag.nameEnd;
    if (const TagAttribute *model = tag.attribute(u"model"))
        at = model->valueSpan.end + 1; // after the closing quote
    splices.append({at, at, attribute(style, QString::fromUtf16(name), value)});
}

void setStats(const QString &doc, const MemballoonLocation &loc, const Style &style, int period,
              QList<Splice> &splices) {
    const ElementLocation &balloon = *loc.memballoon;
    const QString value = QString::number(period);
    if (loc.stats) {
        const StartTag &tag = loc.stats->startTag;
        if (const TagAttribute *attr = tag.attribute(u"period")) {
            const TextSpan v = attr->valueSpan;
            if (QStringView(doc).mid(v.begin, v.size()) != value)
                splices.append({v.begin, v.end, value});
        } else {
            splices.append(
                {tag.nameEnd, tag.nameEnd, attribute(style, QStringLiteral("period"), value)});
        }
        return;
    }
    const QString stats = statsTag(style, period);
    const auto indent = indentOf(doc, loc.memballoon);
    if (balloon.selfClosing()) {
        const QString name = doc.mid(balloon.element.begin + 1,
                                     balloon.startTag.nameEnd - balloon.element.begin - 1);
        const QString inner =
            indent ? style.newline + *indent + style.step + stats + style.newline + *indent : stats;
        splices.append({balloon.startTag.trailingSpaceBegin, balloon.element.end,
                        u'>' + inner + QStringLiteral("</") + name + u'>'});
        return;
    }
    if (!leadingSpaceHasNewline(doc, balloon.content)) {
        splices.append({balloon.content.begin, balloon.content.begin, stats});
        return;
    }
    QString childIndent;
    if (const auto first = indentOf(doc, loc.firstBalloonChild))
        childIndent = *first;
    else
        childIndent = indent.value_or(QString()) + style.step;
    splices.append(
        {balloon.content.begin, balloon.content.begin, style.newline + childIndent + stats});
}

void removeStats(const QString &doc, const MemballoonLocation &loc, QList<Splice> &splices) {
    if (!loc.stats)
        return;
    const ElementLocation &balloon = *loc.memballoon;
    const qsizetype begin = skipSpaceBackward(doc, loc.stats->element.begin, balloon.content.begin);
    const qsizetype end = loc.stats->element.end;
    if (onlySpace(doc, balloon.content.begin, begin) && onlySpace(doc, end, balloon.content.end)) {
        // Nothing else inside: close the element, as libvirt writes a balloon without children.
        splices.append(
            {balloon.startTag.trailingSpaceBegin, balloon.element.end, QStringLiteral("/>")});
        return;
    }
    splices.append({begin, end, QString()});
}

Status insertBalloon(const QString &doc, const MemballoonLocation &loc, const Style &style,
                     const MemballoonEdit &edit, QList<Splice> &splices) {
    if (!edit.model) {
        if (edit.stats == MemballoonEdit::Stats::Set) {
            return Error::invalidArgument(BalloonText::tr(
                "The guest has no <memballoon> element: a stats period needs a balloon model "
                "(virtio) to be added first."));
        }
        return Status::success(); // nothing to remove, nothing to keep
    }
    if (loc.devices) {
        const ElementLocation &devices = *loc.devices;
        const auto devIndent = indentOf(doc, loc.devices);
        if (devices.selfClosing()) {
            const auto child = devIndent ? std::optional(*devIndent + style.step) : std::nullopt;
            const QString inner = child ? style.newline + *child + newBalloon(style, edit, child) +
                                              style.newline + *devIndent
                                        : newBalloon(style, edit, std::nullopt);
            splices.append({devices.startTag.trailingSpaceBegin, devices.element.end,
                            u'>' + inner + QStringLiteral("</devices>")});
            return Status::success();
        }
        const qsizetype at = skipSpaceBackward(doc, devices.content.end, devices.content.begin);
        if (!doc.mid(at, devices.content.end - at).contains(u'\n')) {
            splices.append({at, at, newBalloon(style, edit, std::nullopt)});
            return Status::success();
        }
        QString child = devIndent.value_or(QString()) + style.step;
        if (const auto sibling = indentOf(doc, loc.firstDevice))
            child = *sibling;
        splices.append({at, at, style.newline + child + newBalloon(style, edit, child)});
        return Status::success();
    }
    const ElementLocation &domain = loc.domain;
    if (domain.selfClosing())
        return Error::invalidArgument(BalloonText::tr("The domain XML is an empty <domain/>."));
    const qsizetype at = skipSpaceBackward(doc, domain.content.end, domain.content.begin);
    if (!doc.mid(at, domain.content.end - at).contains(u'\n')) {
        splices.append({at, at,
                        QStringLiteral("<devices>") + newBalloon(style, edit, std::nullopt) +
                            QStringLiteral("</devices>")});
        return Status::success();
    }
    const QString outer = lineIndentAt(doc, domain.element.begin).value_or(QString()) + style.step;
    const QString inner = outer + style.step;
    splices.append({at, at,
                    style.newline + outer + QStringLiteral("<devices>") + style.newline + inner +
                        newBalloon(style, edit, inner) + style.newline + outer +
                        QStringLiteral("</devices>")});
    return Status::success();
}

QString applySplices(QString doc, QList<Splice> splices) {
    // From the back, so earlier offsets stay valid; at one offset the replacement goes first
    // and an insertion at the same place then lands in front of it.
    std::sort(splices.begin(), splices.end(), [](const Splice &a, const Splice &b) {
        return a.begin != b.begin ? a.begin > b.begin : a.end > b.end;
    });
    for (const Splice &s : std::as_const(splices))
        doc.replace(s.begin, s.end - s.begin, s.text);
    return doc;
}

// The edit as parseBalloonConfig will read it back.
BalloonConfig expectedConfig(const QString &doc, const MemballoonEdit &edit) {
    BalloonConfig expected = parseBalloonConfig(doc);
    if (edit.model)
        expected.modelName = *edit.model;
    if (edit.freePageReporting)
        expected.freePageReporting = *edit.freePageReporting;
    if (edit.autodeflate)
        expected.autodeflate = *edit.autodeflate;
    if (edit.stats == MemballoonEdit::Stats::Set)
        expected.period = edit.period;
    else if (edit.stats == MemballoonEdit::Stats::Remove)
        expected.period.reset();
    return expected;
}

} // namespace

Result<MemballoonPatch> patchMemballoon(QByteArrayView domainXml, const MemballoonEdit &edit) {
    if (edit.stats == MemballoonEdit::Stats::Set && edit.period < 1) {
        return Error::invalidArgument(
            BalloonText::tr("A stats period must be at least 1 second; remove the <stats> "
                            "element to turn polling off."));
    }
    if (edit.model && !isModelToken(*edit.model))
        return Error::invalidArgument(
            BalloonText::tr("\"%1\" is not a balloon model.").arg(*edit.model));
    const QString doc = QString::fromUtf8(domainXml);
    if (doc.toUtf8() != domainXml)
        return Error::invalidArgument(BalloonText::tr("The domain XML is not valid UTF-8."));
    const auto located = locateMemballoon(doc);
    if (!located)
        return located.error();
    const MemballoonLocation &loc = *located;
    if (loc.devicesCount > 1 || loc.memballoonCount > 1 || loc.statsCount > 1) {
        return Error::unsupported(
            BalloonText::tr("The domain XML has more than one <devices>, <memballoon> or "
                            "<stats> element; libvirt allows one. Fix it by hand first."));
    }

    const Style style = styleOf(doc, loc);
    MemballoonPatch patch;
    QList<Splice> splices;
    if (loc.memballoon) {
        const TextSpan e = loc.memballoon->element;
        patch.before = doc.mid(e.begin, e.size());
        patch.beforeIndent = lineIndentAt(doc, e.begin).value_or(QString());
        editModel(doc, *loc.memballoon, style, edit, splices);
        editSwitch(doc, *loc.memballoon, style, u"freePageReporting", edit.freePageReporting,
                   splices);
        editSwitch(doc, *loc.memballoon, style, u"autodeflate", edit.autodeflate, splices);
        if (edit.stats == MemballoonEdit::Stats::Set)
            setStats(doc, loc, style, edit.period, splices);
        else if (edit.stats == MemballoonEdit::Stats::Remove)
            removeStats(doc, loc, splices);
    } else if (edit.editsAttributes()) {
        return Error::unsupported(
            BalloonText::tr("The guest has no <memballoon> element: free page reporting and "
                            "autodeflate need a virtio balloon first."));
    } else if (Status inserted = insertBalloon(doc, loc, style, edit, splices); !inserted) {
        return inserted.error();
    }

    if (splices.isEmpty()) {
        patch.xml = domainXml.toByteArray();
        patch.after = patch.before;
        patch.afterIndent = patch.beforeIndent;
        return patch;
    }
    const QString out = applySplices(doc, splices);

    // Never hand on a document that does not read back as intended.
    const auto check = locateMemballoon(out);
    const BalloonConfig expected = expectedConfig(doc, edit);
    const BalloonConfig actual = parseBalloonConfig(out);
    if (!check || !check->memballoon || actual.modelName != expected.modelName ||
        actual.period != expected.period || actual.autodeflate != expected.autodeflate ||
        actual.freePageReporting != expected.freePageReporting) {
        return Error::unsupported(BalloonText::tr(
            "Internal error: the edited <memballoon> did not read back as intended; the XML is "
            "left untouched."));
    }
    const TextSpan e = check->memballoon->element;
    patch.after = out.mid(e.begin, e.size());
    patch.afterIndent = lineIndentAt(out, e.begin).value_or(QString());
    patch.xml = out.toUtf8();
    patch.changed = true;
    return patch;
}

} // namespace bs
