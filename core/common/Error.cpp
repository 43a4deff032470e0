#include "Error.h"

namespace bs {

QString Error::technicalDetail() const {
    if (kind == Kind::Libvirt)
        return QStringLiteral("libvirt error %1 (domain %2): %3")
            .arg(code)
            .arg(domain)
            .arg(message);
    return message;
}

} // namespace bs
