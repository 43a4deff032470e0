#include "TestMain.h"
#include "process/LocalProcessReader.h"
#include "process/ProcessFiguresSource.h"
#include "process/ProcessParsing.h"
#include "process/SshProcessReader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace bs;
using namespace bs::process;

// What the host sees of a guest from outside: VmSwap of its QEMU process and the memory
// pressure of its cgroup. The parsers over the kernel's own formats; the local reader over a
// /proc + cgroup tree laid out in a temporary directory (systemd scopes, libvirt's own
// partition, a session guest in the user's scope, a hybrid v1/v2 host); then over this
// machine's real /proc, with a real process that carries QEMU's name and -uuid argument; and the
// SSH reader's remote command, run here by sh, parsed into the same records. The SSH path over a
// real sshd is in tst_e2e_remote.
namespace {

const QByteArray Uuid = "0d342b80-9e16-43df-b75b-6e189527ff32";

QByteArray cmdline(const QByteArray &uuid) {
    QByteArray out = "/usr/bin/qemu-system-x86_64";
    for (const QByteArray &arg : {QByteArray("-name"), QByteArray("guest=web,debug-threads=on"),
                                  QByteArray("-uuid"), uuid, QByteArray("-m"), QByteArray("512")})
        out += '\0' + arg;
    return out + '\0';
}

void write(const QString &path, const QByteArray &content) {
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly), qPrintable(path));
    f.write(content);
}

// A fake root with one QEMU process (PID `pid`) in libvirt's cgroup for `uuid`.
void addProcess(const QString &root, int pid, const QByteArray &uuid, const QByteArray &cgroup,
                const QByteArray &swap = "1536") {
    const QString dir = root + QStringLiteral("/proc/%1/").arg(pid);
    write(dir + QStringLiteral("comm"), "qemu-system-x86\n");
    write(dir + QStringLiteral("cmdline"), cmdline(uuid));
    write(dir + QStringLiteral("status"),
          "Name:\tqemu-system-x86\nVmRSS:\t  412000 kB\nVmSwap:\t    " + swap + " kB\n");
    write(dir + QStringLiteral("cgroup"), "0::" + cgroup + "\n");
}

constexpr const char *PressureText = "some avg10=12.34 avg60=3.00 avg300=1.00 total=123456\n"
                                     "full avg10=4.56 avg60=1.00 avg300=0.50 total=23456\n";

} // namespace

class TestProcessFigures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesTheKernelsFormats() {
        QCOMPARE(vmSwapKiB("Name:\tqemu\nVmSwap:\t    2048 kB\nThreads:\t5\n"),
                 std::optional<quint64>(2048));
        QCOMPARE(vmSwapKiB("Name:\tkthreadd\n"), std::nullopt); // a kernel thread has none
        const Pressure p = memoryPressure(PressureText);
        QCOMPARE(p.some, std::optional<quint64>(1234));
        QCOMPARE(p.full, std::optional<quint64>(456));
        QCOMPARE(memoryPressure("").some, std::nullopt);
        QCOMPARE(memoryPressure("some avg10=garbage avg60=0\n").some, std::nullopt);

        QCOMPARE(uuidFromCmdline(cmdline("0D342B80-9E16-43DF-B75B-6E189527FF32")),
                 QString::fromLatin1(Uuid)); // lower case, as libvirt names it
        QCOMPARE(uuidFromCmdline(QByteArray("/bin/sleep\0"
                                            "60\0",
                                            13)),
                 QString());
        QVERIFY(isQemuComm("qemu-system-x86\n"));
        QVERIFY(isQemuComm("qemu-kvm"));
        QVERIFY(!isQemuComm("qemu-ga"));
        QVERIFY(!isQemuComm("bash"));
    }

    void findsTheGuestsOwnCgroup_data() {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("systemd machine scope")
            << QByteArray("0::/machine.slice/machine-qemu\\x2d3\\x2dweb.scope/libvirt/emulator\n")
            << QStringLiteral("/machine.slice/machine-qemu\\x2d3\\x2dweb.scope");
        QTest::newRow("libvirt's partition, no systemd")
            << QByteArray("7:blkio:/machine/qemu-8-web.libvirt-qemu\n"
                          "0::/machine/qemu-8-web.libvirt-qemu/emulator\n")
            << QStringLiteral("/machine/qemu-8-web.libvirt-qemu");
        QTest::newRow("session guest in the user's scope")
            << QByteArray("0::/user.slice/user-1000.slice/session-2.scope\n") << QString();
        QTest::newRow("root cgroup") << QByteArray("0::/\n") << QString();
        QTest::newRow("cgroup v1 only")
            << QByteArray("4:memory:/machine/qemu-1-a.libvirt-qemu\n") << QString();
    }
    void findsTheGuestsOwnCgroup() {
        QFETCH(QByteArray, file);
        QFETCH(QString, expected);
        QCOMPARE(guestCgroup(file), expected);
    }

    void findsCgroupTwoWhereverItIsMounted() {
        QCOMPARE(cgroup2MountIn("cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid 0 0\n"),
                 QStringLiteral("/sys/fs/cgroup"));
        QCOMPARE(cgroup2MountIn("cgroup /sys/fs/cgroup/memory cgroup rw,memory 0 0\n"
                                "cgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0\n"),
                 QStringLiteral("/sys/fs/cgroup/unified"));
        QCOMPARE(cgroup2MountIn("proc /proc proc rw 0 0\n"), QStringLiteral("/sys/fs/cgroup"));
    }

    void readsAFakeHostsProcessesAndPressure() {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString r = root.path();
        write(r + QStringLiteral("/proc/mounts"),
              "cgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0\n");
        addProcess(r, 4242, Uuid, "/machine/qemu-1-web.libvirt-qemu/emulator");
        write(r + QStringLiteral("/sys/fs/cgroup/unified/machine/qemu-1-web.libvirt-qemu/"
                                 "memory.pressure"),
              PressureText);
        const QByteArray session = "11111111-2222-3333-4444-555555555555";
        addProcess(r, 4343, session, "/user.slice/user-1000.slice/session-2.scope", "0");
        write(r + QStringLiteral("/proc/1/comm"), "systemd\n"); // not QEMU: skipped
        write(r + QStringLiteral("/proc/1/cmdline"), cmdline(Uuid));

        LocalProcessReader reader(r);
        QList<QemuProcess> ps =
            reader.read({QString::fromLatin1(Uuid).toUpper(), QString::fromLatin1(session)});
        QCOMPARE(ps.size(), 2);
        QCOMPARE(reader.scans(), 1);
        QString note;
        ProcessFigures web = figuresOf(ps[0], &note);
        QCOMPARE(ps[0].pid, 4242);
        QCOMPARE(web.vmSwapKiB, std::optional<quint64>(1536));
        QCOMPARE(web.psiSome, std::optional<quint64>(1234));
        QCOMPARE(web.psiFull, std::optional<quint64>(456));
        QVERIFY(note.isEmpty());
        const ProcessFigures user = figuresOf(ps[1], &note);
        QCOMPARE(user.vmSwapKiB, std::optional<quint64>(0));
        QCOMPARE(user.psiSome, std::nullopt); // its cgroup is the user's session, not its own
        QVERIFY2(note.contains(QLatin1String("own cgroup")), qPrintable(note));

        // A steady host: the PIDs are kept, no new scan; the figures are read anew each time,
        // the cmdline not (it is the guest's as long as its directory stands).
        write(r + QStringLiteral("/proc/4242/status"),
              "Name:\tqemu-system-x86\nVmSwap:\t 2048 kB\n");
        write(r + QStringLiteral("/proc/4242/cmdline"), QByteArray());
        ps = reader.read({QString::fromLatin1(Uuid)});
        QCOMPARE(ps.size(), 1);
        QCOMPARE(figuresOf(ps[0]).vmSwapKiB, std::optional<quint64>(2048));
        QCOMPARE(figuresOf(ps[0]).psiSome, std::optional<quint64>(1234));
        QCOMPARE(reader.scans(), 1);
        // The guest restarted: its old PID now runs something else (a new process is a new
        // /proc/PID directory, as the kernel makes it); the reader finds the new one.
        QVERIFY(QDir(r + QStringLiteral("/proc/4242")).removeRecursively());
        write(r + QStringLiteral("/proc/4242/comm"), "sh\n");
        write(r + QStringLiteral("/proc/4242/cmdline"), QByteArray("/bin/sh\0", 8));
        write(r + QStringLiteral("/proc/4242/status"), "Name:\tsh\nVmSwap:\t    7 kB\n");
        addProcess(r, 5000, Uuid, "/machine/qemu-2-web.libvirt-qemu/emulator", "64");
        ps = reader.read({QString::fromLatin1(Uuid)});
        QCOMPARE(ps.size(), 1);
        QCOMPARE(ps[0].pid, 5000);
        QCOMPARE(reader.scans(), 2);
        QCOMPARE(figuresOf(ps[0]).vmSwapKiB, std::optional<quint64>(64));
        // Its new cgroup has no memory.pressure (PSI off): that figure is missing, and why.
        QCOMPARE(figuresOf(ps[0], &note).psiSome, std::nullopt);
        QVERIFY2(note.contains(QLatin1String("PSI")), qPrintable(note));

        // A guest whose QEMU is not visible: one scan, then none for a while.
        const QString hidden = QStringLiteral("99999999-2222-3333-4444-555555555555");
        QVERIFY(reader.read({hidden}).isEmpty());
        const int scans = reader.scans();
        QVERIFY(reader.read({hidden}).isEmpty());
        QVERIFY(reader.read({hidden}).isEmpty());
        QCOMPARE(reader.scans(), scans);
    }

    // This machine's /proc, with a real process named like QEMU carrying a -uuid argument: the
    // local reader finds it and its VmSwap; the SSH reader's command, run here by sh, prints the
    // same process, and its dump parses to the same figures.
    void readsThisMachinesRealProcess() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString fake = dir.filePath(QStringLiteral("qemu-system-x86_64"));
        write(fake, "#!/bin/sh\nread -r line\n"); // waits for stdin: alive until we close it
        QVERIFY(QFile::setPermissions(fake, QFile::permissions(fake) | QFile::ExeOwner));
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QProcess qemu;
        qemu.start(fake, {QStringLiteral("-uuid"), uuid});
        QVERIFY(qemu.waitForStarted());

        LocalProcessReader reader;
        QList<QemuProcess> ps;
        // The kernel sets comm at exec: poll until the shell runs (no signal exists for it).
        QTRY_COMPARE_WITH_TIMEOUT((ps = reader.read({uuid})).size(), 1, 5000);
        QCOMPARE(ps[0].pid, qemu.processId());
        QVERIFY(figuresOf(ps[0]).vmSwapKiB.has_value());

        QProcess sh;
        sh.start(QStringLiteral("sh"), {QStringLiteral("-c"), SshProcessReader::remoteScript()});
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(sh.exitCode(), 0);
        const QByteArray dump = sh.readAllStandardOutput();
        QVERIFY(dump.contains("@end"));
        const QList<QemuProcess> remote = SshProcessReader::parseDump(dump);
        const auto mine = std::find_if(remote.cbegin(), remote.cend(),
                                       [&](const QemuProcess &p) { return p.uuid == uuid; });
        QVERIFY2(mine != remote.cend(), dump.constData());
        QCOMPARE(mine->pid, qemu.processId());
        QCOMPARE(figuresOf(*mine).vmSwapKiB, figuresOf(ps[0]).vmSwapKiB);
        QCOMPARE(guestCgroup(mine->cgroup), guestCgroup(ps[0].cgroup));
        QCOMPARE(mine->pressureRead, ps[0].pressureRead);

        qemu.closeWriteChannel();
        QVERIFY(qemu.waitForFinished(5000));
    }

    void parsesAnSshDump() {
        const QByteArray dump = "@pid 812 " + Uuid +
                                "\nVmSwap:\t  4096 kB\n@cgroup /machine.slice/"
                                "machine-qemu\\x2d1\\x2dweb.scope/libvirt/emulator\n@pressure\n" +
                                QByteArray(PressureText) +
                                "@pid 900 11111111-2222-3333-4444-555555555555\n"
                                "VmSwap:\t 0 kB\n@cgroup /\n@end\n";
        const QList<QemuProcess> ps = SshProcessReader::parseDump(dump);
        QCOMPARE(ps.size(), 2);
        const ProcessFigures web = figuresOf(ps[0]);
        QCOMPARE(web.vmSwapKiB, std::optional<quint64>(4096));
        QCOMPARE(web.psiSome, std::optional<quint64>(1234));
        QCOMPARE(web.psiFull, std::optional<quint64>(456));
        QCOMPARE(figuresOf(ps[1]).psiSome, std::nullopt);
        QCOMPARE(figuresOf(ps[1]).vmSwapKiB, std::optional<quint64>(0));
    }

    void sshArgumentsFollowTheUri() {
        const auto uri = std::get<ConnectionUri>(ConnectionUri::parse(
            QStringLiteral("qemu+ssh://admin@kvm1:2222/system?keyfile=/k/id&known_hosts=/k/kh")));
        const QStringList args = SshProcessReader(uri).sshArguments();
        QVERIFY(args.contains(QStringLiteral("BatchMode=yes")));
        QCOMPARE(args.value(args.indexOf(QStringLiteral("-p")) + 1), QStringLiteral("2222"));
        QCOMPARE(args.value(args.indexOf(QStringLiteral("-l")) + 1), QStringLiteral("admin"));
        QCOMPARE(args.value(args.indexOf(QStringLiteral("-i")) + 1), QStringLiteral("/k/id"));
        QVERIFY(args.contains(QStringLiteral("UserKnownHostsFile=/k/kh")));
        QCOMPARE(args.value(args.size() - 2), QStringLiteral("kvm1"));
        QVERIFY(args.last().startsWith(QLatin1String("exec sh -c '")));
        // The command travels inside single quotes: it must hold none of its own.
        QVERIFY(!SshProcessReader::remoteScript().contains(QLatin1Char('\'')));
    }

    // A host reached over SSH that refuses the connection: a clear reason, then a rest (no
    // second attempt within RestMs, so a broken SSH never slows every poll down).
    void sshFailureIsSaidAndRests() {
        const auto uri = std::get<ConnectionUri>(
            ConnectionUri::parse(QStringLiteral("qemu+ssh://nobody@127.0.0.1:1/system")));
        ProcessFiguresSource source(uri.toString(), true);
        QCOMPARE(source.status().source, ProcessFiguresStatus::Source::Ssh);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(source.read({QString::fromLatin1(Uuid)}).isEmpty());
        QVERIFY2(source.status().note.contains(QLatin1String("ssh")),
                 qPrintable(source.status().note));
        const qint64 first = clock.restart();
        QVERIFY(source.read({QString::fromLatin1(Uuid)}).isEmpty());
        QVERIFY2(clock.elapsed() < qMax<qint64>(first / 2, 50),
                 "the second read tried SSH again instead of resting");
        QVERIFY(!source.status().note.isEmpty());
    }

    void sourcesSayWhyNot_data() {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("optIn");
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("noteHas");
        QTest::newRow("local system") << QStringLiteral("qemu:///system") << false
                                      << int(ProcessFiguresStatus::Source::Local) << QString();
        QTest::newRow("local session") << QStringLiteral("qemu:///session") << false
                                       << int(ProcessFiguresStatus::Source::Local) << QString();
        QTest::newRow("ssh, not allowed")
            << QStringLiteral("qemu+ssh://root@kvm1/system") << false
            << int(ProcessFiguresStatus::Source::None) << QStringLiteral("allow");
        QTest::newRow("ssh, allowed") << QStringLiteral("qemu+ssh://root@kvm1/system") << true
                                      << int(ProcessFiguresStatus::Source::Ssh) << QString();
        QTest::newRow("tls") << QStringLiteral("qemu+tls://kvm1/system") << true
                             << int(ProcessFiguresStatus::Source::None)
                             << QStringLiteral("not available");
        QTest::newRow("test driver")
            << QStringLiteral("test:///default") << true << int(ProcessFiguresStatus::Source::None)
            << QStringLiteral("no QEMU");
    }
    void sourcesSayWhyNot() {
        QFETCH(QString, uri);
        QFETCH(bool, optIn);
        QFETCH(int, source);
        QFETCH(QString, noteHas);
        ProcessFiguresSource s(uri, optIn);
        QCOMPARE(int(s.status().source), source);
        if (noteHas.isEmpty())
            QVERIFY(s.status().note.isEmpty());
        else
            QVERIFY2(s.status().note.contains(noteHas), qPrintable(s.status().note));
    }
};

BS_TEST_MAIN(TestProcessFigures)
#include "tst_processfigures.moc"
