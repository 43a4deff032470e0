#include "Remedies.h"

#include <QRegularExpression>

namespace bs {

void applyRemedy(ReadinessCheck &check, const Remedy &remedy) {
    check.remedy = remedy.text;
    check.fix = remedy.fix;
    check.commands = remedy.commands;
}

QString Remedies::shellQuote(const QString &word) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9._/:+@=-]+$"));
    if (plain.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1String("'"), QLatin1String("'\\''"));
    return QStringLiteral("'%1'").arg(quoted);
}

QString Remedies::virsh(const RemedyTarget &target, const QString &arguments) {
    if (target.uri.isEmpty())
        return QStringLiteral("virsh %1").arg(arguments);
    return QStringLiteral("virsh -c %1 %2").arg(shellQuote(target.uri), arguments);
}

Remedy Remedies::setStatsPeriod(const RemedyTarget &target, bool live, bool config) {
    Remedy r;
    r.fix = FixKind::StatsPeriod;
    r.text = tr("Set a stats period (for example %1 s) so that QEMU asks the balloon driver for "
                "statistics. Balloonscope can set it for you; the command below does the same.")
                 .arg(SuggestedPeriodSeconds);
    QString flags;
    if (live)
        flags += QLatin1String(" --live");
    if (config)
        flags += QLatin1String(" --config");
    r.commands << virsh(target, QStringLiteral("dommemstat %1 --period %2%3")
                                    .arg(shellQuote(target.name))
                                    .arg(SuggestedPeriodSeconds)
                                    .arg(flags));
    return r;
}

Remedy Remedies::startGuest(const RemedyTarget &target) {
    return {tr("Start the guest, then check again: a guest that does not run cannot report."),
            FixKind::HostAdmin,
            {virsh(target, QStringLiteral("start %1").arg(shellQuote(target.name)))}};
}

Remedy Remedies::resumeGuest(const RemedyTarget &target) {
    return {tr("Resume the guest, then check again: its balloon driver cannot report while its "
               "CPUs are stopped."),
            FixKind::HostAdmin,
            {virsh(target, QStringLiteral("resume %1").arg(shellQuote(target.name)))}};
}

Remedy Remedies::addBalloonDevice(const RemedyTarget &target) {
    const QString name = shellQuote(target.name);
    return {tr("Give the guest a virtio balloon device: in its configuration replace the "
               "<memballoon> element with <memballoon model='virtio'><stats period='%1'/>"
               "</memballoon>, then shut the guest down and start it again (a reboot from "
               "inside is not enough).")
                .arg(SuggestedPeriodSeconds),
            FixKind::HostAdmin,
            {virsh(target, QStringLiteral("edit %1").arg(name)),
             virsh(target, QStringLiteral("shutdown %1").arg(name)),
             virsh(target, QStringLiteral("start %1").arg(name))}};
}

Remedy Remedies::readXmlAgain() {
    return {tr("Balloonscope could not read the guest's configuration; check the connection and "
               "run the check again."),
            FixKind::None,
            {}};
}

Remedy Remedies::watchLonger(int seconds) {
    return {tr("Not enough time has passed to judge the reports: check again in about %n "
               "second(s) (two stats periods).",
               nullptr, seconds),
            FixKind::None,
            {}};
}

Remedy Remedies::installWindowsDriver() {
    return {tr("Install the virtio-win guest tools in the guest (virtio-win-guest-tools.exe on "
               "the virtio-win ISO): they install the VirtIO Balloon Driver and BalloonService "
               "together. Installing only the driver from its INF (pnputil, Device Manager) "
               "leaves BalloonService out; then also run blnsvr.exe -i."),
            FixKind::InGuest,
            {tr("# in the guest, as Administrator; E: is the virtio-win ISO"),
             QStringLiteral("E:\\virtio-win-guest-tools.exe"),
             tr("# or, driver and service by hand (w10 = your Windows version folder):"),
             QStringLiteral("pnputil /add-driver E:\\Balloon\\w10\\amd64\\balloon.inf /install"),
             QStringLiteral("E:\\Balloon\\w10\\amd64\\blnsvr.exe -i")}};
}

Remedy Remedies::loadLinuxDriver() {
    return {tr("Load the virtio_balloon module in the guest and make it load at boot (most "
               "distribution kernels build it as a module)."),
            FixKind::InGuest,
            {tr("# in the guest, as root"), QStringLiteral("modprobe virtio_balloon"),
             QStringLiteral("echo virtio_balloon > /etc/modules-load.d/virtio_balloon.conf")}};
}

Remedy Remedies::installDriverAnyOs() {
    Remedy windows = installWindowsDriver();
    Remedy linux = loadLinuxDriver();
    Remedy r;
    r.fix = FixKind::InGuest;
    r.text = tr("Load a balloon driver in the guest. Windows: %1 Linux: %2")
                 .arg(windows.text, linux.text);
    r.commands << tr("# Windows guest:") << windows.commands << tr("# Linux guest:")
               << linux.commands;
    return r;
}

Remedy Remedies::startBalloonService(ServiceSeen seen) {
    Remedy r;
    r.fix = FixKind::InGuest;
    const QString why = tr("The service (blnsvr.exe) produces the statistics; the driver only "
                           "carries them.");
    switch (seen) {
    case ServiceSeen::Stopped:
        r.text =
            tr("Start BalloonService in the guest and set it to start automatically. %1").arg(why);
        r.commands << tr("# in the guest, in PowerShell as Administrator")
                   << QStringLiteral("Start-Service BalloonService")
                   << QStringLiteral("Set-Service BalloonService -StartupType Automatic");
        break;
    case ServiceSeen::Missing:
    case ServiceSeen::Unknown:
        r.text = seen == ServiceSeen::Missing
                     ? tr("Install BalloonService in the guest with blnsvr.exe -i (it ships with "
                          "the balloon driver) and start it. %1 Its name is BalloonService: "
                          "\"sc query BLNSVR\" finds nothing.")
                           .arg(why)
                     : tr("Make sure BalloonService runs in the guest: install it with "
                          "blnsvr.exe -i if Get-Service does not find it, then start it. %1 Its "
                          "name is BalloonService: \"sc query BLNSVR\" finds nothing.")
                           .arg(why);
        r.commands << tr("# in the guest, in PowerShell as Administrator, in the folder that holds "
                         "blnsvr.exe")
                   << tr("# (guest tools: C:\\Program Files\\Virtio-Win\\Balloon; ISO: "
                         "E:\\Balloon\\w10\\amd64)");
        if (seen == ServiceSeen::Unknown)
            r.commands << QStringLiteral("Get-Service BalloonService");
        r.commands << QStringLiteral(".\\blnsvr.exe -i")
                   << QStringLiteral("Start-Service BalloonService")
                   << QStringLiteral("Set-Service BalloonService -StartupType Automatic");
        break;
    }
    return r;
}

Remedy Remedies::restartBalloonService() {
    return {tr("BalloonService runs, yet no statistics arrive: restart it, and look for its "
               "errors in the guest's Application event log."),
            FixKind::InGuest,
            {tr("# in the guest, in PowerShell as Administrator"),
             QStringLiteral("Restart-Service BalloonService"),
             QStringLiteral("Get-EventLog -LogName Application -Newest 20 | Where-Object "
                            "{ $_.Message -match 'balloon' }")}};
}

Remedy Remedies::checkLinuxGuest() {
    return {tr("The Linux driver answers by itself, so a report that stops means the guest is "
               "stalled or the driver was unbound. Look at the guest's kernel log and reload the "
               "module."),
            FixKind::InGuest,
            {tr("# in the guest, as root"), QStringLiteral("dmesg | grep -i balloon"),
             QStringLiteral("modprobe -r virtio_balloon && modprobe virtio_balloon")}};
}

Remedy Remedies::driverMissing(OsFamily family) {
    switch (family) {
    case OsFamily::Windows:
        return installWindowsDriver();
    case OsFamily::Linux:
        return loadLinuxDriver();
    default:
        return installDriverAnyOs();
    }
}

Remedy Remedies::nothingDelivering(OsFamily family) {
    switch (family) {
    case OsFamily::Windows:
        return startBalloonService(ServiceSeen::Unknown);
    case OsFamily::Linux:
        return checkLinuxGuest();
    default:
        break;
    }
    const Remedy windows = startBalloonService(ServiceSeen::Unknown);
    const Remedy linux = checkLinuxGuest();
    return {tr("Windows: %1 Linux: %2").arg(windows.text, linux.text), FixKind::InGuest,
            windows.commands + linux.commands};
}

Remedy Remedies::installGuestAgent(const RemedyTarget &target) {
    return {
        tr("For in-guest evidence, give the guest an agent channel (<channel type='unix'><target "
           "type='virtio' name='org.qemu.guest_agent.0'/></channel>) and install "
           "qemu-guest-agent inside it (Windows: from the virtio-win guest tools). Not needed "
           "for the verdict."),
        FixKind::HostAdmin,
        {virsh(target, QStringLiteral("edit %1").arg(shellQuote(target.name))),
         tr("# Linux guest: apt install qemu-guest-agent (or dnf, zypper)")}};
}

Remedy Remedies::startGuestAgent() {
    return {tr("The agent channel exists but no agent answers: start qemu-guest-agent in the "
               "guest. Not needed for the verdict."),
            FixKind::InGuest,
            {tr("# Linux guest, as root"), QStringLiteral("systemctl start qemu-guest-agent"),
             tr("# Windows guest, PowerShell as Administrator"),
             QStringLiteral("Start-Service QEMU-GA")}};
}

Remedy Remedies::enableAgentCommand(const QString &command) {
    return {tr("The guest agent refuses %1 (disabled in its configuration, for example "
               "BLACKLIST_RPC or --block-rpcs). Allow it if you want this evidence; the verdict "
               "does not need it.")
                .arg(command),
            FixKind::InGuest,
            {}};
}

} // namespace bs
