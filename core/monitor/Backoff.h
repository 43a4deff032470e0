#pragma once

namespace bs {

// Capped exponential backoff for reconnects: 1, 2, 4, 8, 8, ... seconds by default. The cap is
// low on purpose: a daemon that comes back is found again within one cap.
class Backoff {
public:
    explicit Backoff(int initialMs = 1000, int maxMs = 8000)
        : m_initialMs(initialMs)
        , m_maxMs(maxMs) {}

    int nextDelayMs();
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

private:
    int m_initialMs;
    int m_maxMs;
    int m_attempt = 0;
};

} // namespace bs
