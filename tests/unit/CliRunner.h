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

inline CliRun runCli(const QStringList &arguments, int timeoutMs = 60000) {
    QProcess process;
    process.setProgram(qEnvironmentVariable("BS_BINARY_DIR") +
                       QStringLiteral("/bin/balloonscope-cli"));
    process.setArguments(arguments);
    process.start();
    CliRun run;
    if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("did not finish: ") + process.errorString();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
