#include "Backoff.h"

#include <algorithm>

namespace bs {

int Backoff::nextDelayMs() {
    const int shift = std::min(m_attempt, 20);
    ++m_attempt;
    const long long delay = static_cast<long long>(m_initialMs) << shift;
    return int(std::min<long long>(delay, m_maxMs));
}

} // namespace bs
