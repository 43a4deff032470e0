#include "BalloonXmlPatchCheck.h"

#include "MemballoonLocator.h"
#include "model/BalloonConfig.h"

#include <cstdio>
#include <cstdlib>

namespace bs {

namespace {

QString elementText(const QString &doc, const std::optional<ElementLocation> &e) {
    return e ? doc.mid(e->element.begin, e->element.size()) : QString();
}

// `out` is `in` with one element added, plus whitespace in front of it.
bool isInsertionOf(const QString &in, const QString &out, TextSpan element) {
    const qsizetype from = skipSpaceBackward(out, element.begin, 0);
    return out.left(from) + out.mid(element.end) == in;
}

// `out` differs from `in` only inside the element at `a` (in) / `b` (out).
bool onlyInside(const QString &in, TextSpan a, const QString &out, TextSpan b) {
    return a.begin == b.begin && QStringView(in).left(a.begin) == QStringView(out).left(b.begin) &&
           QStringView(in).mid(a.end) == QStringView(out).mid(b.end);
}

} // namespace

QString checkMemballoonPatch(QByteArrayView original, const MemballoonEdit &edit,
                             const MemballoonPatch &patch) {
    const QString in = QString::fromUtf8(original);
    const QString out = QString::fromUtf8(patch.xml);
    const BalloonConfig before = parseBalloonConfig(in);
    BalloonConfig expected = before;
    if (edit.model)
        expected.modelName = *edit.model;
    if (edit.stats == MemballoonEdit::Stats::Set)
        expected.period = edit.period;
    else if (edit.stats == MemballoonEdit::Stats::Remove)
        expected.period.reset();
    if (edit.freePageReporting)
        expected.freePageReporting = *edit.freePageReporting;
    if (edit.autodeflate)
        expected.autodeflate = *edit.autodeflate;

    const auto inLoc = locateMemballoon(in);
    if (!inLoc)
        return QStringLiteral("a refused input was patched: ") + inLoc.error().message;
    if (patch.before != elementText(in, inLoc->memballoon))
        return QStringLiteral("'before' is not the input's element");

    if (!patch.changed) {
        if (patch.xml != original)
            return QStringLiteral("unchanged, but the bytes differ");
        const bool noElementNeeded =
            !inLoc->memballoon && !edit.model && edit.stats != MemballoonEdit::Stats::Set;
        if (!noElementNeeded &&
            (before.modelName != expected.modelName || before.period != expected.period ||
             before.freePageReporting != expected.freePageReporting ||
             before.autodeflate != expected.autodeflate))
            return QStringLiteral("unchanged, but the input does not say what the edit asks");
        if (patch.after != patch.before)
            return QStringLiteral("unchanged, but 'after' differs from 'before'");
        return {};
    }

    const auto outLoc = locateMemballoon(out);
    if (!outLoc)
        return QStringLiteral("result does not read: ") + outLoc.error().message;
    if (outLoc->memballoonCount != 1 || outLoc->devicesCount != 1 || !outLoc->memballoon)
        return QStringLiteral("result does not have exactly one <devices><memballoon>");
    const BalloonConfig after = parseBalloonConfig(out);
    if (after.modelName != expected.modelName || after.period != expected.period ||
        after.autodeflate != expected.autodeflate ||
        after.freePageReporting != expected.freePageReporting)
        return QStringLiteral("result does not read back as the edit says");
    if (patch.after != elementText(out, outLoc->memballoon))
        return QStringLiteral("'after' is not the result's element");

    const TextSpan b = outLoc->memballoon->element;
    if (inLoc->memballoon) {
        if (!onlyInside(in, inLoc->memballoon->element, out, b))
            return QStringLiteral("bytes outside <memballoon> changed");
    } else if (inLoc->devices && inLoc->devices->selfClosing()) {
        if (!onlyInside(in, inLoc->devices->element, out, outLoc->devices->element))
            return QStringLiteral("bytes outside the empty <devices/> changed");
    } else if (inLoc->devices) {
        if (!isInsertionOf(in, out, b))
            return QStringLiteral("adding <memballoon> changed other bytes");
    } else if (!isInsertionOf(in, out, outLoc->devices->element)) {
        return QStringLiteral("adding <devices> changed other bytes");
    }

    const auto again = patchMemballoon(patch.xml, edit);
    if (!again)
        return QStringLiteral("the result is refused the second time: ") + again.error().message;
    if (again->changed)
        return QStringLiteral("applying the edit twice changes the document again");
    return {};
}

MemballoonFuzzCase memballoonFuzzCase(const uint8_t *data, size_t size) {
    MemballoonFuzzCase c;
    if (size < 3) {
        c.xml = QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
        return c;
    }
    const uint8_t mode = data[0];
    switch (mode % 3) {
    case 0:
        c.edit.stats = MemballoonEdit::Stats::Keep;
        break;
    case 1:
        c.edit.stats = MemballoonEdit::Stats::Set;
        c.edit.period = 1 + (int(data[1]) << 8 | int(data[2])) % 3600;
        break;
    default:
        c.edit.stats = MemballoonEdit::Stats::Remove;
        break;
    }
    if (mode & 0x4)
        c.edit.model = QStringLiteral("virtio");
    if (mode & 0x8)
        c.edit.freePageReporting = (mode & 0x20) == 0;
    if (mode & 0x10)
        c.edit.autodeflate = (mode & 0x40) == 0;
    c.xml = QByteArray(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));
    return c;
}

int fuzzMemballoonPatch(const uint8_t *data, size_t size) {
    const MemballoonFuzzCase c = memballoonFuzzCase(data, size);
    const auto patch = patchMemballoon(c.xml, c.edit);
    if (!patch)
        return 0; // refusing is a fine answer
    const QString problem = checkMemballoonPatch(c.xml, c.edit, *patch);
    if (!problem.isEmpty()) {
        std::fprintf(stderr, "memballoon patch property violated: %s\n",
                     problem.toUtf8().constData());
        std::abort();
    }
    return 0;
}

} // namespace bs
