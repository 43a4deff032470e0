#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace bs::test {

// A real Prometheus-compatible server from its Debian package (prometheus 2.42 or
// victoria-metrics 1.79), on a free loopback port, its storage in a temporary directory,
// scraping the given targets ("127.0.0.1:PORT") every second. Stopped when destroyed.
class ScrapeServer {
public:
    enum class Kind { Prometheus, VictoriaMetrics };

    explicit ScrapeServer(Kind kind);
    ~ScrapeServer();
    ScrapeServer(const ScrapeServer &) = delete;
    ScrapeServer &operator=(const ScrapeServer &) = delete;

    // Starts it and waits (up to 30 s) until its query API answers; false and `why` otherwise.
    // `jobExtra`: more YAML lines for the scrape job (scheme, basic_auth, tls_config), indented
    // by four spaces.
    bool start(const QStringList &targets, QString *why, const QString &jobExtra = {});
    QUrl url() const;
    QString name() const; // "prometheus", "victoria-metrics"
    QProcess &process() { return m_process; }
    // The server's log so far (for failure messages).
    QString log();

    static QString binary(Kind kind);

private:
    Kind m_kind;
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_log;
};

// `balloonscope-cli record --listen ADDRESS` on `uri` (a poll every `interval` s, history in
// `db`, more arguments in `extra`), started; the port it serves /metrics on, read from its
// standard error (0: it did not say so within 20 s).
quint16 startRecorder(QProcess &recorder, const QString &uri, const QString &db, int interval = 1,
                      const QString &listen = QStringLiteral("127.0.0.1:0"),
                      const QStringList &extra = {});

} // namespace bs::test
