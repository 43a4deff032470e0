#include "LibvirtError.h"

#include <libvirt/virterror.h>

namespace bs {

Error lastLibvirtError(const QString &context) {
    Error error;
    error.kind = Error::Kind::Libvirt;
    virErrorPtr last = virGetLastError();
    QString message;
    if (last) {
        error.code = last->code;
        error.domain = last->domain;
        message = QString::fromUtf8(last->message ? last->message : "");
    } else {
        message = QStringLiteral("unknown libvirt error");
    }
    error.message = context.isEmpty() ? message : QStringLiteral("%1: %2").arg(context, message);
    virResetLastError();
    return error;
}

bool isConnectionLost(const Error &error) {
    if (error.kind != Error::Kind::Libvirt)
        return false;
    switch (error.code) {
    case VIR_ERR_SYSTEM_ERROR:
    case VIR_ERR_RPC:
    case VIR_ERR_NO_CONNECT:
    case VIR_ERR_INVALID_CONN:
        return true;
    default:
        return false;
    }
}

bool isUnsupported(const Error &error) {
    return error.kind == Error::Kind::Unsupported ||
           (error.kind == Error::Kind::Libvirt &&
            (error.code == VIR_ERR_NO_SUPPORT || error.code == VIR_ERR_ARGUMENT_UNSUPPORTED));
}

bool isAuthFailure(const Error &error) {
    return error.kind == Error::Kind::Libvirt &&
           (error.code == VIR_ERR_AUTH_FAILED || error.code == VIR_ERR_AUTH_CANCELLED ||
            error.code == VIR_ERR_AUTH_UNAVAILABLE);
}

} // namespace bs
