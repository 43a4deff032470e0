#include "CliDoc.h"

#include "ExitCodes.h"
#include "Translations.h"
#include "cmdline/ManPage.h"
#include "demo/DemoRoot.h"
#include "demo/GuestImages.h"
#include "history/HistoryOptions.h"

#include <QDir>
#include <QStandardPaths>

namespace bs::cli {

QList<CommandOption> CliDoc::globalOptions() {
    return {
        CommandOption(QCommandLineOption(QStringLiteral("lang"),
                                         tr("The language of the output: en or zh_CN (default: "
                                            "the system's). Anywhere on the command line."),
                                         QStringLiteral("LANG")))
            .oneOf(QStringList{QStringLiteral("en")} + availableLanguages()),
        QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                           tr("Show the commands; after a command, its options.")),
        QCommandLineOption(QStringLiteral("version"), tr("Show the version.")),
    };
}

ProgramDoc CliDoc::program(const std::vector<std::unique_ptr<CliCommand>> &commands) {
    ProgramDoc doc;
    doc.name = QStringLiteral("balloonscope-cli");
    doc.version = QCoreApplication::applicationVersion();
    doc.whatis = tr("guest memory of KVM/libvirt hosts, from the command line");
    doc.synopses = {QStringLiteral("[--lang LANG] COMMAND [OPTIONS]"),
                    QStringLiteral("COMMAND --help"), QStringLiteral("--help | --version")};
    doc.description = {
        tr("balloonscope-cli shows what the guests on KVM/libvirt hosts do with their memory, "
           "without a display: what the host gives each guest (the balloon size, actual), what "
           "QEMU occupies on the host (rss), and what the guest itself reports as used through "
           "the virtio-balloon statistics. It also turns those statistics on, sets balloon "
           "targets, records the figures into a history and writes charts and reports from it, "
           "as the desktop application balloonscope(1) does."),
        tr("Every size is in KiB. A figure the guest did not report is absent (null in JSON), "
           "never 0."),
        tr("The commands that talk to a host take --connect URI, any libvirt URI "
           "(qemu:///system, qemu+ssh://root@kvm1/system, test:///default), or --demo: a demo "
           "host inside the process, libvirt's QEMU driver embedded with four small guests. The "
           "commands that read the history (history, export, report) take --host URI, the host "
           "as it was recorded, or --demo for the demo host as \"record --demo\" records it."),
    };
    doc.options = globalOptions();
    doc.optionsAfterCommand = {QStringLiteral("lang")};
    for (const auto &command : commands)
        doc.commands.append(command->doc());
    doc.exitStatus = ExitCodes::all();
    doc.files = {
        {ManPage::homeRelative(defaultHistoryPath()),
         tr("The history: record writes it; history, export and report read it (--db names "
            "another). The desktop application records into the same file. $XDG_DATA_HOME moves "
            "it.")},
        {ManPage::homeRelative(DemoRoot::directory()),
         tr("The demo host's embedded libvirt root (--demo): its configuration, the guests' "
            "consoles (log/serial) and QEMU's logs.")},
        {ManPage::homeRelative(defaultGuestImagesDir()),
         tr("The demo guests' kernel and initramfs, built once by scripts/build-guest-images "
            "($BALLOONSCOPE_GUEST_IMAGES names another folder).")},
        {ManPage::homeRelative(
             QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
             QStringLiteral("/balloonscope/balloonscope.conf")),
         tr("The desktop application's settings (saved connections, preferences, history "
            "retention). balloonscope-cli does not read them: its options say it all.")},
    };
    doc.seeAlso = {QStringLiteral("balloonscope(1)"), QStringLiteral("virsh(1)"),
                   QStringLiteral("libvirtd(8)")};
    return doc;
}

QString CliDoc::manPage(const std::vector<std::unique_ptr<CliCommand>> &commands) {
    ProgramDoc doc = program(commands);
    // Option descriptions name the default history file with the builder's home.
    const QString home = QDir::homePath();
    if (!home.isEmpty() && home != QLatin1String("/")) {
        for (CommandDoc &command : doc.commands) {
            for (CommandOption &option : command.options) {
                QString text = option.option().description();
                option.setDescription(text.replace(home + QLatin1Char('/'), QStringLiteral("~/")));
            }
        }
    }
    return ManPage::render(doc, ManPage::buildDate());
}

} // namespace bs::cli
