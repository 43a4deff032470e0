#include "DemoGuests.h"

#include <QUuid>

namespace bs {

QList<DemoGuestSpec> demoGuestSpecs() {
    using B = DemoGuestSpec::Balloon;
    return {
        {QStringLiteral("demo-sawtooth"), QStringLiteral("sawtooth"), B::Stats},
        {QStringLiteral("demo-steady"), QStringLiteral("steady"), B::Stats},
        {QStringLiteral("demo-nodriver"), QStringLiteral("nodriver"), B::Stats},
        {QStringLiteral("demo-noperiod"), QStringLiteral("steady"), B::NoPeriod},
    };
}

namespace {

// For element text and single-quoted attributes alike.
QString escaped(const QString &text) {
    return text.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&apos;"));
}

QString memballoon(DemoGuestSpec::Balloon balloon, int period) {
    switch (balloon) {
    case DemoGuestSpec::Balloon::Stats:
        return QStringLiteral("<memballoon model='virtio'><stats period='%1'/></memballoon>")
            .arg(period);
    case DemoGuestSpec::Balloon::NoPeriod:
        return QStringLiteral("<memballoon model='virtio'/>");
    case DemoGuestSpec::Balloon::None:
        break;
    }
    return QStringLiteral("<memballoon model='none'/>");
}

} // namespace

QString demoGuestUuid(const QString &name) {
    static const QUuid ns = QUuid::createUuidV5(QUuid(), QByteArray(DemoMarkerNamespace));
    return QUuid::createUuidV5(ns, name).toString(QUuid::WithoutBraces);
}

QString demoGuestXml(const DemoGuestSpec &spec, const DemoGuestFiles &files, int memoryMiB,
                     int statsPeriodSeconds) {
    return QStringLiteral(R"(<domain type='qemu'>
  <name>%1</name>
  <uuid>%9</uuid>
  <metadata><bs:demo xmlns:bs='%2' role='%3'/></metadata>
  <memory unit='MiB'>%4</memory>
  <currentMemory unit='MiB'>%4</currentMemory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>%5</kernel>
    <initrd>%6</initrd>
    <cmdline>console=ttyS0 quiet loglevel=3 panic=-1 clocksource=hpet bs.role=%3</cmdline>
  </os>
  <features><acpi/></features>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>destroy</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <controller type='usb' model='none'/>
    <serial type='file'><source path='%7'/><target port='0'/></serial>
    %8
  </devices>
</domain>
)")
        .arg(escaped(spec.name), QLatin1String(DemoMarkerNamespace), escaped(spec.role))
        .arg(memoryMiB)
        .arg(escaped(files.kernel), escaped(files.initrd), escaped(files.serialLog),
             memballoon(spec.balloon, statsPeriodSeconds))
        .arg(demoGuestUuid(spec.name));
}

} // namespace bs
