#pragma once

#include "BalloonXmlPatch.h"
#include "MemballoonDiff.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace bs {

// Where a change applies. Automatic: the running guest now (live) when it runs, and its
// persistent configuration when it has one, so that the change is both immediate and kept.
enum class ApplyScope { Automatic, Live, Config, LiveAndConfig };

QString applyScopeKey(ApplyScope scope); // "auto", "live", "config", "live+config"
bool wantsLive(ApplyScope scope, bool active);
bool wantsConfig(ApplyScope scope, bool persistent);

// One libvirt call (or a define) that applying a plan makes, in order.
struct BalloonStep {
    enum class Kind {
        LivePeriod,        // virDomainSetMemoryStatsPeriod(AFFECT_LIVE)
        PersistentPeriod,  // virDomainSetMemoryStatsPeriod(AFFECT_CONFIG)
        PersistentModel,   // <memballoon> patched + virDomainDefineXML (no API changes the model)
        LiveTarget,        // virDomainSetMemoryFlags(AFFECT_LIVE)
        PersistentTarget,  // virDomainSetMemoryFlags(AFFECT_CONFIG)
        PersistentMaximum, // virDomainSetMemoryFlags(AFFECT_CONFIG | MEM_MAXIMUM): <memory>
        PersistentOptions, // freePageReporting/autodeflate patched + virDomainDefineXML
    };

    Kind kind = Kind::LivePeriod;
    int period = 0;        // seconds, 0 = off (period kinds; PersistentModel: the new period)
    quint64 targetKiB = 0; // target kinds and PersistentMaximum
    MemballoonEdit edit;   // PersistentModel, PersistentOptions
    QString baseXml; // Persistent{Model,Options}: the inactive XML the preview was made from; the
                     // define is refused if the configuration changed since
    std::optional<qint64> before; // old period (s) or target (KiB); empty = off / unknown
    QString beforeModel;          // PersistentModel: the old model ("" = no element)

    bool isLive() const { return kind == Kind::LivePeriod || kind == Kind::LiveTarget; }
    QString describe() const; // "live stats period: off → 10 s", translated
};

// A part the user asked for that cannot be done for this guest, and why.
struct StepRefusal {
    enum class Part { Guest, Live, Persistent };
    Part part = Part::Guest;
    QString reason; // one sentence, translated

    QString describe() const; // "live: <reason>"
};

// What applying would do to one guest: the dialog's per-guest line and preview.
struct GuestPlan {
    QString hostId;
    QString uuid;
    QString name;
    QList<BalloonStep> steps;       // in order; empty = nothing to do (or nothing possible)
    QList<StepRefusal> refusals;    // asked for but impossible: shown, and counted as failed
    QStringList notes;              // context: "already 10 s", "after the next shutdown and start"
    QStringList warnings;           // need the user's confirmation before applying
    bool warningsAccepted = false;  // the user confirmed them
    MemballoonPreview preview;      // the persistent <memballoon> before/after
    bool offerVirtioSwitch = false; // model none/missing: a switch to virtio can be offered
    bool needsRestart = false;      // part of the change waits for a shutdown and start

    bool hasWork() const { return !steps.isEmpty(); }
    bool isBlocked() const { return steps.isEmpty() && !refusals.isEmpty(); }
    bool needsConfirmation() const { return !warnings.isEmpty() && !warningsAccepted; }
};

} // namespace bs

Q_DECLARE_METATYPE(bs::ApplyScope)
Q_DECLARE_METATYPE(bs::BalloonStep)
Q_DECLARE_METATYPE(bs::StepRefusal)
Q_DECLARE_METATYPE(bs::GuestPlan)
