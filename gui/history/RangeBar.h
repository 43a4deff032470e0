#pragma once

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;

namespace bs::gui {

// The History page's time range: presets that follow "now" (15 minutes … 1 year, and "since
// recording began") and a custom from/to. Zooming and panning the charts turn it into a custom
// range, shown here. Beside it: how fine the points are.
class RangeBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangeBar)

public:
    // The preset "since recording began": from the first recorded poll until now.
    static constexpr qint64 SinceRecordingBegan = -1;

    explicit RangeBar(QWidget *parent = nullptr);

    // Shows the range on display without emitting anything. live: a preset, following now;
    // presetSeconds is then its length, or SinceRecordingBegan.
    void showRange(qint64 fromMs, qint64 toMs, bool live, qint64 presetSeconds = 0);
    // "One point per 5 s (raw polls)".
    void setResolution(const QString &text);

    QComboBox *presets() const { return m_presets; }
    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *toEdit() const { return m_to; }
    QPushButton *showButton() const { return m_show; }
    QString resolution() const;

Q_SIGNALS:
    void presetChosen(qint64 seconds);
    void customChosen(qint64 fromMs, qint64 toMs);

private:
    void onPreset(int index);
    void onShow();

    QComboBox *m_presets;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QPushButton *m_show;
    QLabel *m_resolution;
    int m_customIndex = 0;
};

} // namespace bs::gui
