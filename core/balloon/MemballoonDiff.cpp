#include "MemballoonDiff.h"

#include <algorithm>
#include <vector>

namespace bs {

namespace {

QStringList blockLines(const QString &element, const QString &indent) {
    if (element.isEmpty())
        return {};
    QString text = indent + element;
    text.remove(u'\r');
    QStringList lines = text.split(u'\n');
    qsizetype common = -1;
    for (const QString &line : std::as_const(lines)) {
        if (line.trimmed().isEmpty())
            continue;
        qsizetype n = 0;
        while (n < line.size() && (line[n] == u' ' || line[n] == u'\t'))
            ++n;
        common = common < 0 ? n : std::min(common, n);
    }
    for (QString &line : lines)
        line = line.mid(std::min(common < 0 ? 0 : common, line.size()));
    return lines;
}

} // namespace

QStringList lineDiff(const QStringList &before, const QStringList &after) {
    const qsizetype n = before.size();
    const qsizetype m = after.size();
    // lcs[i][j]: common lines of before[i..] and after[j..]
    std::vector<std::vector<int>> lcs(size_t(n + 1), std::vector<int>(size_t(m + 1), 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            lcs[size_t(i)][size_t(j)] =
                before[i] == after[j]
                    ? lcs[size_t(i + 1)][size_t(j + 1)] + 1
                    : std::max(lcs[size_t(i + 1)][size_t(j)], lcs[size_t(i)][size_t(j + 1)]);
        }
    }
    QStringList out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && before[i] == after[j]) {
            out.append(QStringLiteral("  ") + before[i]);
            ++i;
            ++j;
        } else if (j < m &&
                   (i == n || lcs[size_t(i)][size_t(j + 1)] > lcs[size_t(i + 1)][size_t(j)])) {
            out.append(QStringLiteral("+ ") + after[j++]);
        } else {
            out.append(QStringLiteral("- ") + before[i++]);
        }
    }
    return out;
}

MemballoonPreview makePreview(const MemballoonPatch &patch) {
    MemballoonPreview preview;
    const QStringList before = blockLines(patch.before, patch.beforeIndent);
    const QStringList after = blockLines(patch.after, patch.afterIndent);
    preview.before = before.join(u'\n');
    preview.after = after.join(u'\n');
    preview.changed = patch.changed;
    preview.diff = lineDiff(before, after);
    return preview;
}

} // namespace bs
