#pragma once

#include "ReadinessTypes.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace bs {

// A fix in plain words, who applies it, and the commands to copy.
struct Remedy {
    QString text;
    FixKind fix = FixKind::None;
    QStringList commands;
};

// The guest a host-side command is about: virsh needs the URI and the name.
struct RemedyTarget {
    QString uri;  // empty: leave -c out (the admin's default connection)
    QString name; // the domain name
};

void applyRemedy(ReadinessCheck &check, const Remedy &remedy);

// Every remedy text the readiness checks give, in one place so the wording stays consistent.
class Remedies {
    Q_DECLARE_TR_FUNCTIONS(Remedies)

public:
    static constexpr int SuggestedPeriodSeconds = 10; // nova's default, DOMAIN.md §1

    // Ours: the stats-period dialog. `live`/`config` pick the virsh flags shown as the
    // alternative (a shut-off guest has no live side; a transient one no config side).
    static Remedy setStatsPeriod(const RemedyTarget &target, bool live, bool config);
    static Remedy startGuest(const RemedyTarget &target);
    static Remedy resumeGuest(const RemedyTarget &target);
    static Remedy addBalloonDevice(const RemedyTarget &target);
    static Remedy readXmlAgain();
    static Remedy watchLonger(int seconds);

    // Inside the guest.
    static Remedy installWindowsDriver();
    static Remedy loadLinuxDriver();
    static Remedy installDriverAnyOs();
    enum class ServiceSeen { Unknown, Stopped, Missing };
    static Remedy startBalloonService(ServiceSeen seen);
    static Remedy restartBalloonService();
    static Remedy checkLinuxGuest();
    // By OS family, both Windows and Linux when it is unknown.
    static Remedy driverMissing(OsFamily family);
    static Remedy nothingDelivering(OsFamily family);
    static Remedy installGuestAgent(const RemedyTarget &target);
    static Remedy startGuestAgent();
    static Remedy enableAgentCommand(const QString &command);

    // "name" or 'name with spaces' for a POSIX shell.
    static QString shellQuote(const QString &word);

private:
    static QString virsh(const RemedyTarget &target, const QString &arguments);
};

} // namespace bs
