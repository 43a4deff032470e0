#pragma once

#include <QWidget>

class QLabel;

namespace bs::gui {

// One sentence with an icon in a dialog: why a control is disabled, what an input lacks, what a
// change risks. Hidden while empty, so a dialog's layout only grows when there is something to
// say.
class InlineMessage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InlineMessage)

public:
    enum class Kind { Info, Warning, Error };

    explicit InlineMessage(QWidget *parent = nullptr);

    void setMessage(Kind kind, const QString &text);
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel *m_icon;
    QLabel *m_text;
    Kind m_kind = Kind::Info;
};

} // namespace bs::gui
