#pragma once

#include "host/Advice.h"
#include "host/HostOverview.h"

#include <QTextStream>

namespace bs::cli {

// The text form of `balloonscope-cli host`: sizes in KiB as virsh prints them (to compare with
// virsh nodememstats / node-memory-tune / freepages), a readable size next to them, and "not
// available on this host" for what the host cannot give.
void printHostText(QTextStream &stream, const HostOverview &overview, const QList<Advice> &advice);

} // namespace bs::cli
