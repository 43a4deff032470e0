#pragma once

#include "model/DomainState.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

// How one check came out. Info is a note, not a test: it never changes the verdict.
enum class CheckStatus { Pass, Warn, Fail, Unknown, Info };

// Every check the readiness inspector can produce. The order is the checklist's order.
enum class CheckId {
    // Host side: no guest cooperation.
    GuestRunning,
    BalloonDevice,
    OsFamily,
    StatsPeriodLive,
    StatsPeriodPersistent,
    LastUpdateReported,
    LastUpdateAdvancing,
    GuestFields,
    WindowsFieldMeaning,
    HugePages,
    // Guest agent: opt-in, read-only.
    AgentChannel,
    AgentInfo,
    AgentOsInfo,
    WindowsBalloonDriver,
    WindowsBalloonService,
    LinuxBalloonDriver,
};

enum class CheckSource { Host, Agent };

// Who applies the fix, so the GUI knows what to offer.
enum class FixKind {
    None,
    StatsPeriod, // ours: Balloonscope sets the period (the stats-period dialog)
    HostAdmin,   // on the host, by the admin (virsh): copyable commands
    InGuest,     // inside the guest: copyable commands
};

enum class OsFamily { Unknown, Windows, Linux, Other };

// The one answer per guest (DOMAIN.md §3 plus the agent's evidence).
enum class Verdict {
    Ready,           // fresh reports with guest fields
    PollingOff,      // no stats period: nobody asks the driver
    NoBalloonDevice, // model='none', no <memballoon>, or a model that cannot report
    NoBalloonDriver, // period set, last_update still 0 after two periods
    NotDelivering,   // a driver is there but nothing delivers stats (Windows: BalloonService)
    Unknown,         // not running, still observing, or the XML could not be read
};

struct ReadinessCheck {
    ReadinessCheck() = default;
    explicit ReadinessCheck(CheckId checkId, CheckStatus checkStatus = CheckStatus::Unknown)
        : id(checkId)
        , status(checkStatus) {}

    CheckId id = CheckId::GuestRunning;
    CheckStatus status = CheckStatus::Unknown;
    QString evidence; // what was seen, translated, with the raw values
    QString remedy;   // what to do in plain words; empty when there is nothing to do
    FixKind fix = FixKind::None;
    QStringList commands; // copyable, one per line; lines starting with # are comments

    CheckSource source() const;
    QString key() const { return checkIdKey(id); }
    QString title() const { return checkTitle(id); }

    static QString checkIdKey(CheckId id); // stable English key: "stats_period_live"
    static QString checkTitle(CheckId id); // translated: "Stats period (live)"
    bool operator==(const ReadinessCheck &) const = default;
};

struct ReadinessReport {
    QString hostId; // the connection URI
    QString uuid;
    QString name;
    qint64 timeMs = 0; // when the report was made, ms since the epoch
    DomainState state = DomainState::Unknown;
    OsFamily osFamily = OsFamily::Unknown;
    QString osDescription; // "Windows 10 Pro (agent)", "http://microsoft.com/win/10 (libosinfo)"

    QList<ReadinessCheck> checks;

    Verdict verdict = Verdict::Unknown;
    QString reason;   // one translated sentence: why this verdict
    QString nextStep; // the single next step, translated
    FixKind fix = FixKind::None;
    QStringList fixCommands;
    std::optional<CheckId> decidingCheck; // the check the verdict rests on, to highlight

    bool agentUsed = false;     // an agent command reached the agent: libvirt tainted the guest
    double observedSeconds = 0; // how long last_update was watched

    bool isReady() const { return verdict == Verdict::Ready; }
    const ReadinessCheck *check(CheckId id) const;
};

QString checkStatusKey(CheckStatus status);  // "pass", "warn", "fail", "unknown", "info"
QString checkStatusName(CheckStatus status); // translated
QString fixKindKey(FixKind fix);             // "none", "stats_period", "host_admin", "in_guest"
QString osFamilyKey(OsFamily family);        // "windows", "linux", "other", "unknown"
QString osFamilyName(OsFamily family);       // translated
QString verdictKey(Verdict verdict);         // "ready", "polling_off", ... stable for JSON
QString verdictName(Verdict verdict);        // translated short label for badges and tables

// The sentence to show before the user enables guest-agent checks (GUI dialog, CLI --help).
QString agentTaintWarning();

} // namespace bs

Q_DECLARE_METATYPE(bs::ReadinessCheck)
Q_DECLARE_METATYPE(bs::ReadinessReport)
Q_DECLARE_METATYPE(bs::Verdict)
