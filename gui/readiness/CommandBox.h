#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace bs::gui {

// Commands to copy: a caption, the lines in a read-only monospace box, and a Copy button.
// Lines starting with # are comments (valid in sh and PowerShell), so the whole text can be
// pasted as it is.
class CommandBox final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandBox)

public:
    explicit CommandBox(QWidget *parent = nullptr);

    void setCommands(const QString &caption, const QStringList &commands);
    QString text() const;
    QPushButton *copyButton() const { return m_copy; }

Q_SIGNALS:
    void copied();

private:
    QLabel *m_caption;
    QPlainTextEdit *m_text;
    QPushButton *m_copy;
};

} // namespace bs::gui
