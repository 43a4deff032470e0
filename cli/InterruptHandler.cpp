#include "InterruptHandler.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace bs::cli {

namespace {

int g_fds[2] = {-1, -1};
struct sigaction g_oldInt;
struct sigaction g_oldTerm;

void handle(int signal) {
    const char byte = char(signal);
    if (::write(g_fds[0], &byte, 1) != 1) {
        // Nothing safe to do in a handler; the default action is the way out.
    }
    // The next signal of this kind ends the process, in case the loop is stuck.
    ::signal(signal, SIG_DFL);
}

} // namespace

InterruptHandler::InterruptHandler(QObject *parent)
    : QObject(parent) {
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_fds) != 0)
        return;
    m_notifier = new QSocketNotifier(g_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptHandler::onSignal);
    struct sigaction action = {};
    action.sa_handler = handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, &g_oldInt);
    sigaction(SIGTERM, &action, &g_oldTerm);
}

InterruptHandler::~InterruptHandler() {
    if (!m_notifier)
        return;
    sigaction(SIGINT, &g_oldInt, nullptr);
    sigaction(SIGTERM, &g_oldTerm, nullptr);
    delete m_notifier;
    ::close(g_fds[0]);
    ::close(g_fds[1]);
    g_fds[0] = g_fds[1] = -1;
}

void InterruptHandler::onSignal() {
    char byte = 0;
    if (::read(g_fds[1], &byte, 1) != 1)
        return;
    m_interrupted = true;
    QCoreApplication::exit(128 + int(byte));
}

} // namespace bs::cli
