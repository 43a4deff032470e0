#pragma once

namespace bs {

// Lowers the calling thread's CPU priority by `niceIncrement` (Linux: the thread's own nice
// value; elsewhere nothing). Returns the thread's nice value after, or 0 where there is none.
// For background threads of the window (host monitors): when many work at once, the GUI thread
// is served first instead of getting one share in fifty.
int lowerThisThreadPriority(int niceIncrement);

// The calling thread's nice value (0 where there is none).
int thisThreadNice();

} // namespace bs
