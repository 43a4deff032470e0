#include "DemoSession.h"

#include "CliCommand.h"

#include <QElapsedTimer>
#include <QEventLoop>

namespace bs::cli {

DemoSession::DemoSession() = default;

DemoSession::~DemoSession() {
    if (m_guestsRun)
        err() << tr("Stopping the demo guests.") << Qt::endl;
    m_host.reset(); // stops the guests, before the handler goes
}

std::optional<QString> DemoSession::start() {
    // Only now: without --demo, Ctrl-C keeps its default meaning.
    m_interrupts = std::make_unique<InterruptHandler>();
    m_host = std::make_unique<DemoHost>();
    QEventLoop loop;
    std::optional<DemoResult> result;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(m_host.get(), &DemoHost::progress, &loop, [&](const DemoProgress &p) {
        err() << QStringLiteral("[demo %1/%2, %3 s] %4")
                     .arg(p.step)
                     .arg(p.steps)
                     .arg(clock.elapsed() / 1000)
                     .arg(p.message)
              << Qt::endl;
    });
    QObject::connect(m_host.get(), &DemoHost::ready, &loop, [&](const DemoResult &r) {
        result = r;
        loop.quit();
    });
    m_host->start();
    loop.exec();
    if (!result || m_interrupts->interrupted()) {
        err() << tr("Interrupted while the demo host started.") << Qt::endl;
        return std::nullopt;
    }
    if (result->fallback) {
        err() << tr("The demo host is not available: %1 Showing test:///default instead.")
                     .arg(result->reason)
              << Qt::endl;
        if (!result->detail.isEmpty())
            err() << QStringLiteral("  (%1)").arg(result->detail) << Qt::endl;
    } else {
        m_guestsRun = true;
        err() << tr("Demo host ready after %1 s: %2 (guest consoles in %3)")
                     .arg(clock.elapsed() / 1000)
                     .arg(result->uri, result->serialLogDir)
              << Qt::endl;
    }
    return result->uri;
}

} // namespace bs::cli
