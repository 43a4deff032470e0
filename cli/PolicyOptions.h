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

// --headroom H as simulate and record --autopilot take it: a percentage ("15", "15%") or a
// fraction ("0.15"); sets Balloonscope's headroom. Range checks are left to
// BalloonscopeSettings::validationError (an unreadable value is set out of range).
void readHeadroom(const QString &text, BalloonscopeSettings &balloonscope);

} // namespace bs::cli
