#pragma once

#include "BalloonXmlPatch.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace bs {

// What the persistent <memballoon> looks like before and after a change, for the preview.
struct MemballoonPreview {
    QString before;   // the element as a block (common indentation removed); empty = none
    QString after;    // likewise; empty = none
    QStringList diff; // one line each: "- old", "+ new", "  same"
    bool changed = false;

    QString diffText() const { return diff.join(u'\n'); }
    bool operator==(const MemballoonPreview &) const = default;
};

MemballoonPreview makePreview(const MemballoonPatch &patch);

// A line diff (longest common subsequence; the element is a few lines long).
QStringList lineDiff(const QStringList &before, const QStringList &after);

} // namespace bs

Q_DECLARE_METATYPE(bs::MemballoonPreview)
