#include "PolicyOptions.h"

#include "CliCommand.h"
#include "common/Units.h"

#include <QCoreApplication>

#include <cmath>

namespace bs::cli {

bool readHostTarget(const QString &value, BalloonscopeSettings &balloonscope,
                    ProxmoxConstants &proxmox) {
    const QString text = value.trimmed();
    if (text.endsWith(QLatin1Char('%'))) {
        bool ok = false;
        const double percent = text.chopped(1).trimmed().toDouble(&ok);
        if (!ok || percent <= 0 || percent > 100) {
            err() << QCoreApplication::translate("SimulateCommand",
                                                 "--host-target must be a size (48GiB) or a "
                                                 "share of the host's memory (1 to 100 %), not "
                                                 "\"%1\".")
                         .arg(text)
                  << Qt::endl;
            return false;
        }
        balloonscope.hostTargetShare = percent / 100.0;
        balloonscope.hostTargetKiB.reset();
        proxmox.targetPercent = int(std::lround(percent));
        return true;
    }
    const auto kib = units::parseSize(text);
    if (!kib) {
        err() << kib.error().message << Qt::endl;
        return false;
    }
    balloonscope.hostTargetKiB = qint64(*kib);
    return true;
}

void readHeadroom(const QString &value, BalloonscopeSettings &balloonscope) {
    const QString text = value.trimmed();
    const bool percent = text.endsWith(QLatin1Char('%'));
    bool ok = false;
    const double h = (percent ? text.chopped(1) : text).trimmed().toDouble(&ok);
    balloonscope.headroom = ok ? (percent || h > 1 ? h / 100.0 : h) : -1;
}

} // namespace bs::cli
