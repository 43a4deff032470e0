#pragma once

#include "history/SeriesTypes.h"

namespace bs::gui {

// The range of a History page that follows "now": the preset's length back from now, or from the
// first recorded poll (with a little room before it) to now. The latter when the user chose
// "since recording began", or, as long as the user has chosen no range at all, when the history
// is shorter than the preset: a new user sees the minutes recorded so far across the whole chart,
// not as a sliver at the right of an empty hour.
struct LiveRange {
    static constexpr qint64 MinSinceRecordingMs = 60 * 1000; // never narrower than a minute

    struct Window {
        qint64 fromMs = 0;
        qint64 toMs = 0;
        bool sinceRecording = false; // from the first recorded poll
    };

    qint64 presetMs = 3600 * 1000;
    bool sinceRecordingChosen = false; // the user chose "since recording began"
    bool userChose = false;            // the user chose a range (or zoomed or panned)

    Window at(qint64 nowMs, const RecordedSpan &recorded) const;
    // Room left of the first poll, so it does not sit on the axis: 5 %, at least 5 s.
    static qint64 marginBefore(qint64 lengthMs);
};

} // namespace bs::gui
