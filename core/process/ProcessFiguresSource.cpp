#include "ProcessFiguresSource.h"

#include <QCoreApplication>

namespace bs {

ProcessFiguresSource::ProcessFiguresSource(const QString &uri, bool sshOptIn) {
    const auto parsed = ConnectionUri::parse(uri);
    const ConnectionUri *u = std::get_if<ConnectionUri>(&parsed);
    const bool qemu = u && u->driver() == QLatin1String("qemu");
    if (qemu && !u->isRemote()) {
        m_status.source = ProcessFiguresStatus::Source::Local;
        m_local = std::make_unique<process::LocalProcessReader>();
    } else if (qemu && u->transport() == QLatin1String("ssh") && sshOptIn) {
        m_status.source = ProcessFiguresStatus::Source::Ssh;
        m_ssh = std::make_unique<process::SshProcessReader>(*u);
    } else if (qemu && u->transport() == QLatin1String("ssh")) {
        m_status.note = QCoreApplication::translate(
            "bs::ProcessFigures",
            "Swap and memory pressure of this host's guests are not read: they come from the "
            "QEMU processes, over SSH once you allow it in the connection's settings (one "
            "read-only command).");
    } else if (qemu) {
        m_status.note = QCoreApplication::translate(
            "bs::ProcessFigures",
            "Swap and memory pressure are not available for this host: they are read from the "
            "QEMU processes, on this machine or over SSH.");
    } else {
        m_status.note = QCoreApplication::translate(
            "bs::ProcessFigures",
            "Swap and memory pressure are not available: this driver runs no QEMU processes.");
    }
}

ProcessFiguresSource::~ProcessFiguresSource() = default;

ProcessFiguresMap ProcessFiguresSource::read(const QStringList &runningUuids) {
    if ((!m_local && !m_ssh) || runningUuids.isEmpty())
        return {};
    QList<process::QemuProcess> processes;
    if (m_local) {
        processes = m_local->read(runningUuids);
    } else {
        processes = m_ssh->read(runningUuids);
        if (!m_ssh->error().isEmpty()) {
            m_status.note = QCoreApplication::translate(
                                "bs::ProcessFigures",
                                "Swap and memory pressure could not be read over SSH (%1); "
                                "next try in a minute.")
                                .arg(m_ssh->error());
            return {};
        }
    }
    ProcessFiguresMap out;
    QString pressureNote;
    for (const process::QemuProcess &p : std::as_const(processes)) {
        QString note;
        out.insert(p.uuid, process::figuresOf(p, &note));
        if (!note.isEmpty())
            pressureNote = note;
    }
    const qsizetype hidden = runningUuids.size() - out.size();
    if (hidden > 0)
        m_status.note = QCoreApplication::translate(
            "bs::ProcessFigures",
            "The QEMU process of %n running guest(s) is not visible (it runs in "
            "another container, or /proc hides other users' processes): no swap "
            "or memory pressure for them.",
            nullptr, int(hidden));
    else
        m_status.note = pressureNote;
    return out;
}

} // namespace bs
