// URI parsing and building: parse any text; whatever parses must build a URI that parses to the
// same parts again.
#include "libvirt/ConnectionUri.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = bs::ConnectionUri::parse(text);
    if (const auto *uri = std::get_if<bs::ConnectionUri>(&parsed)) {
        const auto again = bs::ConnectionUri::parse(uri->toString());
        const auto *second = std::get_if<bs::ConnectionUri>(&again);
        if (!second || second->driver() != uri->driver() || second->host() != uri->host() ||
            second->port() != uri->port() || second->path() != uri->path())
            std::abort();
        (void)bs::ConnectionForm::fromUri(*uri).toUri();
        (void)uri->displayName();
    }
    return 0;
}
