#pragma once

#include <QList>
#include <QString>

namespace bs::gui {

// One thing the window says about the history: the database was moved aside, recording is
// paused, the file is read-only, a recorder covers a host. Shown in the History page's banner
// and, shortened, in the status bar.
struct HistoryNotice {
    enum class Level { Info, Warning, Error };
    QString key; // "status", "replaced", "lease:<host uri>"
    Level level = Level::Info;
    QString text;      // one translated sentence or two
    QString shortText; // for the status bar: "History: recording paused (disk full)"
    QString detail;    // technical detail (SQLite's message), shown on demand
    bool dismissable = false;

    bool operator==(const HistoryNotice &) const = default;
};

} // namespace bs::gui
