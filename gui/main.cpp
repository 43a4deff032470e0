#include "Translations.h"
#include "app/CommandLine.h"
#include "app/StallMonitor.h"
#include "common/SignalWatcher.h"
#include "demo/DemoProcess.h"
#include "libvirt/LibvirtRuntime.h"
#include "mainwindow/MainWindow.h"

#include <QApplication>
#include <QMessageBox>
#include <QSettings>

#include <csignal>
#include <cstdio>
#include <memory>

int main(int argc, char *argv[]) {
    if (const auto early = bs::gui::CommandLine::early(argc, argv)) {
        std::fputs(early->text.toLocal8Bit().constData(), stdout);
        return early->exitCode;
    }
    // Before any thread: as root on a machine without libvirt's QEMU account, the demo runs this
    // program again under nss_wrapper (DemoProcess.h says why).
    if (bs::gui::CommandLine::asksForDemo(argc, argv))
        bs::DemoProcess::reexecIfNeeded(argv);
    bs::LibvirtRuntime::prepareProcess();
    QApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("balloonscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("Balloonscope"));
    QApplication::setOrganizationName(QStringLiteral("balloonscope"));
    QApplication::setApplicationVersion(QStringLiteral(BALLOONSCOPE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.balloonscope.Balloonscope"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/balloonscope.svg")));

    const auto parsed = bs::gui::CommandLine::parse(app.arguments());
    if (const auto *error = std::get_if<QString>(&parsed)) {
        std::fprintf(stderr, "%s\n\n%s", qPrintable(*error),
                     qPrintable(bs::gui::CommandLine::helpText()));
        return 2;
    }
    const auto &line = std::get<bs::gui::CommandLine>(parsed);

    std::unique_ptr<QSettings> settings =
        line.settingsFile.isEmpty()
            ? std::make_unique<QSettings>()
            : std::make_unique<QSettings>(line.settingsFile, QSettings::IniFormat);
    const QString language = line.language.isEmpty()
                                 ? settings->value(QStringLiteral("ui/language")).toString()
                                 : line.language;
    bs::installTranslations(app, language);

    bs::LibvirtRuntime runtime;
    // BALLOONSCOPE_STALL_LOG=FILE: measure the GUI thread's stalls (benchmarks only).
    const auto stallMonitor = bs::gui::StallMonitor::fromEnvironment();
    bs::gui::MainWindow window(*settings);
    window.show();
    // SIGTERM (a session ending, `kill`), SIGINT, SIGHUP: quit as if the window were closed,
    // so the window's state is saved and the demo host stops its guests instead of leaving
    // orphaned QEMUs behind.
    bs::SignalWatcher signalWatcher({SIGTERM, SIGINT, SIGHUP});
    QObject::connect(&signalWatcher, &bs::SignalWatcher::received, &app, [&window] {
        window.close();
        QApplication::quit();
    });
    for (const QString &uri : line.connectUris)
        window.connectTemporary(uri, line.readOnly);
    if (line.demo)
        window.startDemo();
    if (line.connectUris.isEmpty() && !line.demo)
        window.connectSaved();
    return app.exec();
}
