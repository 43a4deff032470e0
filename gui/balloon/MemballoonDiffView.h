#pragma once

#include <QPlainTextEdit>

namespace bs {
struct MemballoonPreview;
}

namespace bs::gui {

// The persistent <memballoon> element before and after a change, as a line diff: removed lines
// on a red ground, added lines on a green one, in a fixed-width font. Read-only; the text can be
// selected and copied.
class MemballoonDiffView final : public QPlainTextEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemballoonDiffView)

public:
    explicit MemballoonDiffView(QWidget *parent = nullptr);

    void setPreview(const MemballoonPreview &preview);
    // No diff to show, and why ("the persistent configuration does not change").
    void setMessage(const QString &text);
};

} // namespace bs::gui
