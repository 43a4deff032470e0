#pragma once

#include "balloon/StatsPeriodSetting.h"

#include <QWidget>

#include <optional>

class QLineEdit;
class QRadioButton;

namespace bs::gui {

class InlineMessage;

// The stats period to set: "every N seconds" (1–3600) or "off". Off is its own radio button, so
// that turning the statistics off is always a choice and never a typed 0. What the user types is
// read by StatsPeriodSetting::parse; anything else ("0", "-1", "99999", "abc") is shown as an
// error under the field and gives no setting.
class PeriodChooser final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeriodChooser)

public:
    explicit PeriodChooser(QWidget *parent = nullptr);

    void setSeconds(int seconds); // selects "every" with this period
    // Empty while the typed period is not valid; error() then says why.
    std::optional<StatsPeriodSetting> setting() const { return m_setting; }
    QString error() const { return m_error; }

    QRadioButton *everyButton() const { return m_every; }
    QRadioButton *offButton() const { return m_off; }
    QLineEdit *secondsEdit() const { return m_seconds; }

Q_SIGNALS:
    void changed();

private:
    void revalidate();

    QRadioButton *m_every;
    QLineEdit *m_seconds;
    QRadioButton *m_off;
    InlineMessage *m_message;
    std::optional<StatsPeriodSetting> m_setting;
    QString m_error;
};

} // namespace bs::gui
