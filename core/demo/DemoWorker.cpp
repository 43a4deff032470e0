#include "DemoWorker.h"

#include "DemoLogging.h"
#include "DemoProcess.h"
#include "DemoRoot.h"
#include "libvirt/LibvirtError.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>

#include <unistd.h>

namespace bs {

namespace {

constexpr int Steps = 4; // check, prepare, start guests, wait for reports

// Copies `from` to `to` unless an identical-looking copy is already there.
Status copyIfChanged(const QString &from, const QString &to) {
    const QFileInfo source(from);
    const QFileInfo target(to);
    if (target.exists() && target.size() == source.size() &&
        target.lastModified() >= source.lastModified()) {
        return Status::success();
    }
    QFile::remove(to);
    if (!QFile::copy(from, to))
        return Error::io(DemoWorker::tr("Could not copy %1 to %2.").arg(from, to));
    QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                  QFile::ReadOther);
    return Status::success();
}

bool isDemoGuest(virDomainPtr domain) {
    LibvirtString xml(virDomainGetXMLDesc(domain, 0));
    if (!xml) {
        virResetLastError();
        return false;
    }
    return QByteArray(xml.get()).contains(DemoMarkerNamespace);
}

} // namespace

DemoWorker::DemoWorker(DemoConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_readyTimer(new QTimer(this)) {
    m_readyTimer->setInterval(1000);
    connect(m_readyTimer, &QTimer::timeout, this, &DemoWorker::checkReady);
}

DemoWorker::~DemoWorker() {
    shutdown();
}

void DemoWorker::report(int step, const QString &message) {
    qCDebug(lcDemo).noquote() << message;
    Q_EMIT progress(DemoProgress{step, Steps, message});
}

void DemoWorker::prepare() {
    report(1, tr("Looking for QEMU and the demo guest images."));
    const QString imagesDir =
        m_config.imagesDir.isEmpty() ? defaultGuestImagesDir() : m_config.imagesDir;
    auto images = findGuestImages(imagesDir);
    if (!images) {
        fallBack(images.error().message);
        return;
    }
    if (QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64")).isEmpty()) {
        fallBack(tr("QEMU is not installed (qemu-system-x86_64 was not found)."));
        return;
    }

    report(2, tr("Preparing the embedded QEMU driver."));
    if (const QString why = DemoProcess::unavailableReason(); !why.isEmpty()) {
        fallBack(why);
        return;
    }
    if (const Status prepared = prepareRoot(*images); !prepared) {
        fallBack(prepared.error().message, prepared.error().technicalDetail());
        return;
    }
    OpenOptions options;
    auto opened = Connection::open(m_uri, options, nullptr);
    if (!opened) {
        fallBack(tr("The embedded QEMU driver did not open (%1).").arg(opened.error().message),
                 opened.error().technicalDetail());
        return;
    }
    m_connection = std::move(opened).value();
    destroyLeftovers();

    if (m_cancelled)
        return;
    if (const Status started = startGuests(); !started) {
        shutdown();
        fallBack(started.error().message, started.error().technicalDetail());
        return;
    }

    report(4, tr("Waiting for the demo guests' first memory reports."));
    m_waiting.start();
    m_readyTimer->start();
    checkReady();
}

Status DemoWorker::prepareRoot(const GuestImages &source) {
    m_root = DemoRoot::directory(m_config.dataDir);
    qCDebug(lcDemo) << "demo root" << m_root;
    const QDir root(m_root);
    for (const char *sub : {"etc", "images", "log/serial"}) {
        if (!root.mkpath(QLatin1String(sub)))
            return Error::io(tr("Could not create %1.").arg(root.filePath(QLatin1String(sub))));
    }
    // A root driver would run QEMU as libvirt-qemu, which may not reach our files, and libvirt
    // then re-probes QEMU for every start (it checks /dev/kvm as that user): run QEMU as
    // ourselves. Unprivileged drivers do that anyway. QEMU's own log goes to a plain file:
    // no virtlogd needed. QEMU running as us needs no chown of our files (nor xattrs on them).
    QSaveFile conf(root.filePath(QStringLiteral("etc/qemu.conf")));
    if (!conf.open(QIODevice::WriteOnly))
        return Error::io(tr("Could not write %1.").arg(conf.fileName()));
    conf.write(QStringLiteral("# Written by Balloonscope's demo host.\n"
                              "user = \"+%1\"\ngroup = \"+%2\"\nstdio_handler = \"file\"\n"
                              "dynamic_ownership = 0\nremember_owner = 0\n")
                   .arg(getuid())
                   .arg(getgid())
                   .toUtf8());
    if (!conf.commit())
        return Error::io(tr("Could not write %1.").arg(conf.fileName()));

    m_images.dir = root.filePath(QStringLiteral("images"));
    m_images.kernel = m_images.dir + QStringLiteral("/kernel");
    m_images.initrd = m_images.dir + QStringLiteral("/initrd.img");
    if (const Status s = copyIfChanged(source.kernel, m_images.kernel); !s)
        return s;
    if (const Status s = copyIfChanged(source.initrd, m_images.initrd); !s)
        return s;
    m_uri = DemoRoot::uriForDirectory(m_root);
    return Status::success();
}

void DemoWorker::destroyLeftovers() {
    // A demo that crashed leaves its QEMUs running; the driver found them again on open.
    for (const DemoGuestSpec &spec : demoGuestSpecs()) {
        DomainHandle domain(
            virDomainLookupByName(m_connection->get(), spec.name.toUtf8().constData()));
        if (!domain) {
            virResetLastError();
            continue;
        }
        if (isDemoGuest(domain.get()) && virDomainDestroy(domain.get()) == 0)
            qCInfo(lcDemo) << "destroyed a leftover" << spec.name;
        else
            virResetLastError();
    }
}

Status DemoWorker::startGuests() {
    const QList<DemoGuestSpec> specs = demoGuestSpecs();
    for (const DemoGuestSpec &spec : specs) {
        if (m_cancelled)
            return Error::cancelled(tr("The demo was stopped while it started."));
        report(3, m_started.isEmpty()
                      ? tr("Starting %1. The first start of QEMU in a new demo directory probes "
                           "QEMU's capabilities, which can take up to a minute.")
                            .arg(spec.name)
                      : tr("Starting %1.").arg(spec.name));
        DemoGuestFiles files;
        files.kernel = m_images.kernel;
        files.initrd = m_images.initrd;
        files.serialLog = m_root + QStringLiteral("/log/serial/%1.log").arg(spec.name);
        QFile::remove(files.serialLog);
        const QByteArray xml =
            demoGuestXml(spec, files, m_config.memoryMiB, m_config.statsPeriodSeconds).toUtf8();
        DomainHandle domain(virDomainCreateXML(m_connection->get(), xml.constData(), 0));
        if (!domain)
            return lastLibvirtError(tr("Could not start the demo guest %1").arg(spec.name));
        m_started.append(spec.name);
    }
    return Status::success();
}

void DemoWorker::checkReady() {
    if (m_done || !m_connection)
        return;
    QStringList waiting;
    for (const DemoGuestSpec &spec : demoGuestSpecs()) {
        if (!spec.reports())
            continue;
        DomainHandle domain(
            virDomainLookupByName(m_connection->get(), spec.name.toUtf8().constData()));
        virDomainMemoryStatStruct stats[VIR_DOMAIN_MEMORY_STAT_NR];
        const int n =
            domain ? virDomainMemoryStats(domain.get(), stats, VIR_DOMAIN_MEMORY_STAT_NR, 0) : -1;
        if (n < 0)
            virResetLastError();
        bool reported = false;
        for (int i = 0; i < n; ++i) {
            if (stats[i].tag == VIR_DOMAIN_MEMORY_STAT_LAST_UPDATE && stats[i].val > 0)
                reported = true;
        }
        if (!reported)
            waiting.append(spec.name);
    }
    if (waiting.isEmpty() || m_waiting.elapsed() >= m_config.readyTimeoutSeconds * 1000LL) {
        if (!waiting.isEmpty()) {
            qCWarning(lcDemo) << "no report yet from" << waiting << "after"
                              << m_config.readyTimeoutSeconds << "s; going on";
        }
        finish();
    }
}

void DemoWorker::finish() {
    m_readyTimer->stop();
    m_done = true;
    DemoResult result;
    result.uri = m_uri;
    result.guests = m_started;
    result.serialLogDir = m_root + QStringLiteral("/log/serial");
    report(Steps, tr("The demo host runs %n guest(s).", nullptr, int(m_started.size())));
    Q_EMIT ready(result);
}

void DemoWorker::fallBack(const QString &reason, const QString &detail) {
    m_done = true;
    DemoResult result;
    result.uri = QStringLiteral("test:///default");
    result.fallback = true;
    result.reason = reason;
    result.detail = detail;
    // The result carries the reason for the user; this is for the debug log.
    qCDebug(lcDemo).noquote() << "falling back to test:///default:" << reason << detail;
    Q_EMIT ready(result);
}

void DemoWorker::shutdown() {
    m_readyTimer->stop();
    if (!m_connection)
        return;
    for (const QString &name : std::as_const(m_started)) {
        DomainHandle domain(virDomainLookupByName(m_connection->get(), name.toUtf8().constData()));
        if (domain && isDemoGuest(domain.get()) && virDomainDestroy(domain.get()) == 0)
            qCDebug(lcDemo) << "stopped" << name;
        else
            virResetLastError();
    }
    m_started.clear();
    m_connection.reset();
}

} // namespace bs
