#pragma once

#include "common/Error.h"

namespace bs {

// Reads libvirt's last error of the calling thread, which must be the thread whose call failed,
// right after the failure. `context` is our sentence ("Could not list the guests"), prepended.
Error lastLibvirtError(const QString &context = {});

// True when the error means the connection itself is gone (closed, broken RPC, daemon restarted),
// as opposed to an error about one guest or one call.
bool isConnectionLost(const Error &error);

// True when libvirt says the driver does not implement the call.
bool isUnsupported(const Error &error);

// True when the error is an authentication failure (wrong password, key refused).
bool isAuthFailure(const Error &error);

} // namespace bs
