#include "ThreadPriority.h"

#include <QtGlobal>

#include <algorithm>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace bs {

int thisThreadNice() {
#ifdef Q_OS_LINUX
    // On Linux the nice value belongs to the thread (its task id), not to the whole process.
    const auto tid = id_t(syscall(SYS_gettid));
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, tid);
    return errno == 0 ? nice : 0;
#else
    return 0;
#endif
}

int lowerThisThreadPriority(int niceIncrement) {
#ifdef Q_OS_LINUX
    const auto tid = id_t(syscall(SYS_gettid));
    // Raising one's own nice value needs no privilege; failing leaves the thread as it was.
    (void)setpriority(PRIO_PROCESS, tid, std::min(19, thisThreadNice() + niceIncrement));
#else
    Q_UNUSED(niceIncrement)
#endif
    return thisThreadNice();
}

} // namespace bs
