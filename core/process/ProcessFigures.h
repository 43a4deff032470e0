#pragma once

#include <QHash>
#include <QMetaType>
#include <QString>

#include <optional>

namespace bs {

// One guest's figures as the host sees its QEMU process, where they can be read.
struct ProcessFigures {
    std::optional<quint64> vmSwapKiB; // /proc/PID/status VmSwap: the host swapped this much out
    std::optional<quint64> psiSome;   // memory.pressure "some" avg10, hundredths of a percent
    std::optional<quint64> psiFull;   // memory.pressure "full" avg10, hundredths of a percent
    bool operator==(const ProcessFigures &) const = default;
};

// Where a host's process figures come from, and why some or all are missing. Travels with each
// PollCycle, so every view can say "not available" with the reason instead of drawing nothing.
struct ProcessFiguresStatus {
    enum class Source {
        None,  // not read: a remote host without the SSH opt-in, the test driver, ...
        Local, // this machine's /proc and cgroup tree
        Ssh,   // a fixed read-only command over SSH (opted in per host)
    };
    Source source = Source::None;
    // Translated; empty when every running guest had every figure. Says what is missing and
    // why ("memory pressure needs each guest's own cgroup (cgroup v2) …").
    QString note;
    bool operator==(const ProcessFiguresStatus &) const = default;
};

// "local", "ssh", "none": for JSON and logs.
QString processSourceKey(ProcessFiguresStatus::Source source);

using ProcessFiguresMap = QHash<QString, ProcessFigures>; // by domain UUID (lower case)

} // namespace bs

Q_DECLARE_METATYPE(bs::ProcessFiguresStatus)
