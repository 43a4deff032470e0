#pragma once

#include <QList>
#include <QString>

namespace bs {

// One guest of the embedded demo host. The roles are those of scripts/guest/init.
struct DemoGuestSpec {
    enum class Balloon {
        Stats,    // virtio with a stats period: reports
        NoPeriod, // virtio without a period: stats off
        None,     // <memballoon model='none'/>
    };
    QString name; // demo-sawtooth, ...
    QString role; // bs.role= on the kernel command line
    Balloon balloon = Balloon::Stats;
    bool reports() const { return balloon == Balloon::Stats && role != QLatin1String("nodriver"); }
};

// sawtooth (reporting, changing), steady (reporting), nodriver (no driver), noperiod (off).
QList<DemoGuestSpec> demoGuestSpecs();

struct DemoGuestFiles {
    QString kernel;
    QString initrd;
    QString serialLog; // the guest's console: its own meminfo lines, see scripts/guest/init
};

// XML namespace of the marker every demo guest carries, so nothing else is ever destroyed.
inline constexpr char DemoMarkerNamespace[] = "https://balloonscope.invalid/xmlns/demo/1";

// The same UUID for a demo guest at every start (a name-based UUID): a guest keeps its history
// across restarts of the demo, as a real guest does.
QString demoGuestUuid(const QString &name);

// A small TCG guest (<domain type='qemu'>: KVM is not assumed), direct kernel boot, serial to a
// file, HPET as clock source so the guest clock keeps to the host's under TCG.
QString demoGuestXml(const DemoGuestSpec &spec, const DemoGuestFiles &files, int memoryMiB,
                     int statsPeriodSeconds);

} // namespace bs
