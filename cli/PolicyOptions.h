#pragma once

#include "policy/BalloonscopePolicy.h"
#include "policy/ProxmoxPolicy.h"

#include <QString>

namespace bs::cli {

// --host-target SIZE|PERCENT, as simulate and record --autopilot take it: a share of the host's
// RAM (Balloonscope and Proxmox) or an absolute size (Balloonscope). Prints the error and
// returns false on bad input.
bool readHostTarget(const QString &text, BalloonscopeSettings &balloonscope,
                    ProxmoxConstants &proxmox);

} // namespace bs::cli
