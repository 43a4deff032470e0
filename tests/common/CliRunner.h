#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

// Runs the built balloonscope-cli (each run is a fresh process, so test:///default and the
// fixture hosts start from their initial state every time).
struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// `environment`: NAME=value entries added to this process's environment.
inline CliRun runCli(const QStringList &arguments, int timeoutMs = 60000,
                     const QStringList &environment = {}) {
    QProcess process;
    if (!environment.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &entry : environment)
            env.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
        process.setProcessEnvironment(env);
    }
    process.setProgram(qEnvironmentVariable("BS_BINARY_DIR") +
                       QStringLiteral("/bin/balloonscope-cli"));
    process.setArguments(arguments);
    process.start();
    CliRun run;
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QStringLiteral("did not finish normally (%1, exit status %2): ")
                      .arg(process.errorString())
                      .arg(int(process.exitStatus())) +
                  QString::fromUtf8(process.readAllStandardError());
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
