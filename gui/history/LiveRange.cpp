#include "LiveRange.h"

#include <algorithm>

namespace bs::gui {

LiveRange::Window LiveRange::at(qint64 nowMs, const RecordedSpan &recorded) const {
    Window w;
    w.toMs = nowMs;
    const bool shorter = !recorded.isEmpty() && nowMs - recorded.firstMs < presetMs;
    w.sinceRecording = !recorded.isEmpty() && (sinceRecordingChosen || (!userChose && shorter));
    if (w.sinceRecording) {
        const qint64 length = std::max(nowMs - recorded.firstMs, MinSinceRecordingMs);
        w.fromMs = nowMs - length - marginBefore(length);
    } else {
        w.fromMs = nowMs - presetMs;
    }
    return w;
}

qint64 LiveRange::marginBefore(qint64 lengthMs) {
    return std::max<qint64>(lengthMs / 20, 5000);
}

} // namespace bs::gui
