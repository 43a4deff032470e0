#include "TestBed.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>

#include <libvirt/libvirt.h>

namespace bs::e2e {

namespace {

// "export KEY='value'" lines, as scripts/testbed env prints them.
QHash<QString, QString> readEnvFile(const QString &path) {
    QHash<QString, QString> vars;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return vars;
    static const QRegularExpression line(QStringLiteral("^export (\\w+)='([^']*)'$"));
    QTextStream in(&file);
    while (!in.atEnd()) {
        const auto match = line.match(in.readLine());
        if (match.hasMatch())
            vars.insert(match.captured(1), match.captured(2));
    }
    return vars;
}

} // namespace

std::optional<TestBed> TestBed::load(QString *why) {
    QHash<QString, QString> vars;
    const QString envFile = qEnvironmentVariable("BS_TESTBED_ENV_FILE");
    if (!envFile.isEmpty())
        vars = readEnvFile(envFile);
    const auto get = [&](const char *name) {
        const QString value = qEnvironmentVariable(name);
        return value.isEmpty() ? vars.value(QLatin1String(name)) : value;
    };
    TestBed bed;
    bed.uri = get("BS_TESTBED_URI");
    bed.sshUri = get("BS_TESTBED_SSH_URI");
    bed.prefix = get("BS_TESTBED_PREFIX");
    bed.logDir = get("BS_TESTBED_LOG_DIR");
    bed.lifecycleXml = get("BS_TESTBED_LIFECYCLE_XML");
    bed.script = get("BS_TESTBED_SCRIPT");
    bed.statsPeriod = get("BS_TESTBED_STATS_PERIOD").toInt();
    bed.sshPort = get("BS_TESTBED_SSH_PORT").toInt();
    bed.sshPassphraseKey = get("BS_TESTBED_SSH_PASSKEY");
    bed.sshPassphraseFile = get("BS_TESTBED_SSH_PASSPHRASE_FILE");
    bed.sawtoothStepSeconds = get("BS_TESTBED_SAWTOOTH_STEP_S").toInt();
    bed.images = get("BS_TESTBED_IMAGES");
    bed.sessionUser = get("BS_TESTBED_SESSION_USER");
    bed.sessionUri = get("BS_TESTBED_SESSION_URI");
    bed.sessionLogDir = get("BS_TESTBED_SESSION_LOG_DIR");
    if (bed.uri.isEmpty() || bed.sshUri.isEmpty() || bed.prefix.isEmpty() || bed.logDir.isEmpty() ||
        bed.statsPeriod <= 0) {
        *why = QStringLiteral("No test bed: BS_TESTBED_* variables are missing%1. Run "
                              "\"sudo scripts/testbed up && eval \\\"$(scripts/testbed env)\\\"\", "
                              "or \"ctest -L e2e\" in a build with -DBALLOONSCOPE_E2E=ON.")
                   .arg(envFile.isEmpty() ? QString()
                                          : QStringLiteral(" (and %1 has none)").arg(envFile));
        return std::nullopt;
    }
    return bed;
}

QString TestBed::serialLog(const QString &guest) const {
    return logDir + QLatin1Char('/') + guest + QStringLiteral(".log");
}

QString TestBed::sessionSerialLog(const QString &guest) const {
    return sessionLogDir + QLatin1Char('/') + guest + QStringLiteral(".log");
}

QList<GuestMeminfo> readGuestMeminfo(const QString &serialLogPath) {
    QList<GuestMeminfo> lines;
    QFile file(serialLogPath);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    static const QRegularExpression re(
        QStringLiteral("^BSMEM t=(\\d+) role=\\S+ seq=\\d+ MemTotal=(\\d+) MemFree=(\\d+) "
                       "MemAvailable=(\\d+) hog=(\\d+)"));
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const auto match = re.match(QString::fromLatin1(raw.trimmed()));
        if (!match.hasMatch())
            continue;
        GuestMeminfo m;
        m.time = match.captured(1).toLongLong();
        m.memTotal = match.captured(2).toULongLong();
        m.memFree = match.captured(3).toULongLong();
        m.memAvailable = match.captured(4).toULongLong();
        m.hogMiB = match.captured(5).toInt();
        lines.append(m);
    }
    return lines;
}

bool waitForCycle(QSignalSpy &spy, const std::function<bool(const PollCycle &)> &pred, int ms,
                  PollCycle *found) {
    QElapsedTimer timer;
    timer.start();
    int seen = 0;
    while (true) {
        for (; seen < spy.size(); ++seen) {
            const auto cycle = spy.at(seen).at(0).value<PollCycle>();
            if (pred(cycle)) {
                if (found)
                    *found = cycle;
                return true;
            }
        }
        const qint64 left = ms - timer.elapsed();
        if (left <= 0)
            return false;
        spy.wait(int(left));
    }
}

bool waitForStatus(QSignalSpy &spy, HostStatus::State state, int ms, HostStatus *found) {
    QElapsedTimer timer;
    timer.start();
    int seen = 0;
    while (true) {
        for (; seen < spy.size(); ++seen) {
            const auto status = spy.at(seen).at(0).value<HostStatus>();
            if (status.state == state) {
                if (found)
                    *found = status;
                return true;
            }
        }
        const qint64 left = ms - timer.elapsed();
        if (left <= 0)
            return false;
        spy.wait(int(left));
    }
}

qint64 actualOf(virDomainPtr domain) {
    virDomainMemoryStatStruct stats[VIR_DOMAIN_MEMORY_STAT_NR];
    const int n = virDomainMemoryStats(domain, stats, VIR_DOMAIN_MEMORY_STAT_NR, 0);
    for (int i = 0; i < n; ++i) {
        if (stats[i].tag == VIR_DOMAIN_MEMORY_STAT_ACTUAL_BALLOON)
            return qint64(stats[i].val);
    }
    return -1;
}

const MemorySample *findGuest(const PollCycle &cycle, const QString &name) {
    for (const MemorySample &s : cycle.samples) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

ProgramRun runProgram(const QString &program, const QStringList &arguments, int timeoutMs,
                      const QStringList &environment) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &assignment : environment) {
        const qsizetype eq = assignment.indexOf(QLatin1Char('='));
        env.insert(assignment.left(eq), assignment.mid(eq + 1));
    }
    process.setProcessEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    ProgramRun run;
    const bool finished = process.waitForFinished(timeoutMs);
    run.elapsedMs = clock.elapsed();
    if (!finished || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("%1 did not finish normally within %2 ms (%3): ")
                      .arg(program)
                      .arg(timeoutMs)
                      .arg(process.errorString());
        run.err += QString::fromLocal8Bit(process.readAllStandardError());
        run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(process.readAllStandardError());
    return run;
}

std::optional<QString> runTestBedScript(const TestBed &bed, const QString &command) {
    if (bed.script.isEmpty())
        return QStringLiteral("BS_TESTBED_SCRIPT is not set");
    QProcess process;
    process.start(bed.script, {command});
    if (!process.waitForFinished(60000))
        return QStringLiteral("%1 %2 did not finish in 60 s").arg(bed.script, command);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return QStringLiteral("%1 %2 failed: %3")
            .arg(bed.script, command, QString::fromLocal8Bit(process.readAllStandardError()));
    }
    return std::nullopt;
}

} // namespace bs::e2e
