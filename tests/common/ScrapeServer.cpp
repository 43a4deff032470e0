#include "ScrapeServer.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>

#include <csignal>
#include <sys/prctl.h>

namespace bs::test {

namespace {

// A server or recorder started by a test dies with the test, even one that crashed (a child
// left behind would keep its port and scrape on).
void dieWithParent(QProcess &process) {
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

quint16 freePort() {
    QTcpServer probe; // bind one, note it, let it go
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

// One GET of the server's API: the HTTP status (0: no answer).
int statusOf(const QUrl &url) {
    QNetworkAccessManager net;
    QNetworkRequest request(url);
    request.setTransferTimeout(2000);
    QNetworkReply *reply = net.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    delete reply;
    return status;
}

} // namespace

ScrapeServer::ScrapeServer(Kind kind)
    : m_kind(kind) {
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

ScrapeServer::~ScrapeServer() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(20000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString ScrapeServer::binary(Kind kind) {
    return QStandardPaths::findExecutable(kind == Kind::Prometheus
                                              ? QStringLiteral("prometheus")
                                              : QStringLiteral("victoria-metrics"));
}

QString ScrapeServer::name() const {
    return m_kind == Kind::Prometheus ? QStringLiteral("prometheus")
                                      : QStringLiteral("victoria-metrics");
}

QUrl ScrapeServer::url() const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QString ScrapeServer::log() {
    m_log += QString::fromUtf8(m_process.readAll());
    return m_log;
}

bool ScrapeServer::start(const QStringList &targets, QString *why, const QString &jobExtra) {
    const QString program = binary(m_kind);
    if (program.isEmpty()) {
        *why = name() + QStringLiteral(" is not installed (Debian package ") + name() +
               QStringLiteral(")");
        return false;
    }
    m_port = freePort();
    QString yaml = QStringLiteral("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                                  "scrape_configs:\n  - job_name: balloonscope\n"
                                  "    static_configs:\n      - targets: [");
    for (qsizetype i = 0; i < targets.size(); ++i)
        yaml +=
            (i ? QStringLiteral(", '") : QStringLiteral("'")) + targets.at(i) + QLatin1Char('\'');
    yaml += QStringLiteral("]\n") + jobExtra;
    QFile config(m_dir.filePath(QStringLiteral("scrape.yml")));
    if (!config.open(QIODevice::WriteOnly) || config.write(yaml.toUtf8()) < 0) {
        *why = QStringLiteral("cannot write ") + config.fileName();
        return false;
    }
    config.close();
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(m_port);
    const QString storage = m_dir.filePath(QStringLiteral("data"));
    QStringList args;
    if (m_kind == Kind::Prometheus)
        args = {QStringLiteral("--config.file=") + config.fileName(),
                QStringLiteral("--storage.tsdb.path=") + storage,
                QStringLiteral("--web.listen-address=") + listen};
    else // the newest 30 s are hidden by default (-search.latencyOffset): shown at once here
        args = {QStringLiteral("-promscrape.config=") + config.fileName(),
                QStringLiteral("-storageDataPath=") + storage,
                QStringLiteral("-httpListenAddr=") + listen,
                QStringLiteral("-search.latencyOffset=0s")};
    dieWithParent(m_process);
    m_process.start(program, args);
    if (!m_process.waitForStarted()) {
        *why = name() + QStringLiteral(" did not start: ") + m_process.errorString();
        return false;
    }
    // The server says nothing we could wait on for "ready to query": ask its API until it
    // answers (a poll, with a deadline).
    const QDeadlineTimer deadline(30000);
    const QUrl probe(url().toString() + QStringLiteral("/api/v1/query?query=1"));
    while (!deadline.hasExpired()) {
        if (statusOf(probe) == 200)
            return true;
        if (m_process.state() == QProcess::NotRunning) {
            *why = name() + QStringLiteral(" exited: ") + log();
            return false;
        }
        m_process.waitForReadyRead(200);
        log();
    }
    *why = name() + QStringLiteral(" did not answer within 30 s: ") + log();
    return false;
}

quint16 startRecorder(QProcess &recorder, const QString &uri, const QString &db, int interval,
                      const QString &listen, const QStringList &extra) {
    recorder.setProgram(qEnvironmentVariable("BS_BINARY_DIR") +
                        QStringLiteral("/bin/balloonscope-cli"));
    recorder.setArguments(QStringList{QStringLiteral("record"), QStringLiteral("--connect"), uri,
                                      QStringLiteral("--interval"), QString::number(interval),
                                      QStringLiteral("--db"), db, QStringLiteral("--listen"),
                                      listen} +
                          extra);
    dieWithParent(recorder);
    recorder.start();
    if (!recorder.waitForStarted())
        return 0;
    QString said;
    const QRegularExpression serving(QStringLiteral("https?://127\\.0\\.0\\.1:(\\d+)/metrics"));
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        said += QString::fromUtf8(recorder.readAllStandardError());
        const auto m = serving.match(said);
        if (m.hasMatch())
            return quint16(m.captured(1).toUInt());
        recorder.waitForReadyRead(200);
    }
    return 0;
}

} // namespace bs::test
