#pragma once

#include "sizing/HostAdvice.h"

#include <QGroupBox>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;

namespace bs::gui {

// The host what-if of the Sizing page: "can I start a guest of N GiB?", KSM counted or not, and
// the answer from the time-aligned sum (HostWhatIf): yes as the guests are, yes once some
// recommendations are applied (named), or no; the worst hour and the margin.
class WhatIfPanel final : public QGroupBox {
    Q_OBJECT

public:
    explicit WhatIfPanel(QWidget *parent = nullptr);

    WhatIfRequest request() const;
    void show(const HostAdvice &advice);
    void clear();

    QDoubleSpinBox *sizeBox() const { return m_size; }
    QCheckBox *ksmBox() const { return m_ksm; }
    QLabel *answerLabel() const { return m_answer; }
    QLabel *hostLabel() const { return m_host; }

Q_SIGNALS:
    void requestChanged();

private:
    QDoubleSpinBox *m_size;
    QCheckBox *m_ksm;
    QLabel *m_host;
    QLabel *m_answer;
};

} // namespace bs::gui
