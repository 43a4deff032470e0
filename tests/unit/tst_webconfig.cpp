// The recorder's /metrics behind TLS and basic auth, from a web config file in the format of
// Prometheus' own exporters: the file's checks (each error names what is wrong), bcrypt through
// libcrypt, and the endpoint over real HTTPS: refused without the password, served with it, and
// scraped by a real Prometheus (Debian's 2.42) with its own scheme/basic_auth/tls_config.
// Certificates are made by openssl and the bcrypt hash by Python's crypt module, so neither
// comes from the code under test.
#include "CliRunner.h"
#include "ScrapeServer.h"
#include "TestMain.h"
#include "webconfig/BasicAuth.h"
#include "webconfig/WebConfig.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace bs;
using namespace bs::test;

namespace {

QString run(const QString &program, const QStringList &args, int *exitCode = nullptr) {
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    p.waitForFinished(60000);
    if (exitCode)
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return QString::fromUtf8(p.readAll()).trimmed();
}

struct Reply {
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray authenticate;
};

// One GET, trusting `ca` for TLS.
Reply get(const QUrl &url, const QList<QSslCertificate> &ca, const QByteArray &authorization = {}) {
    QNetworkAccessManager net;
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    if (!ca.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(ca);
        request.setSslConfiguration(ssl);
    }
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    QNetworkReply *reply = net.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.error = reply->error();
    r.authenticate = reply->rawHeader("WWW-Authenticate");
    delete reply;
    return r;
}

QByteArray basic(const QByteArray &user, const QByteArray &password) {
    return "Basic " + (user + ':' + password).toBase64();
}

} // namespace

class TestWebConfig : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QByteArray m_hash; // bcrypt of "s3cret"
    QList<QSslCertificate> m_ca;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    void write(const QString &name, const QByteArray &text) {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        int code = 0;
        // A self-signed certificate for 127.0.0.1 (its own CA).
        const QString said =
            run(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                 QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                 QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                 QStringLiteral("-keyout"), path(QStringLiteral("server.key")),
                 QStringLiteral("-out"), path(QStringLiteral("server.crt"))},
                &code);
        QVERIFY2(code == 0, qPrintable(said));
        QFile cert(path(QStringLiteral("server.crt")));
        QVERIFY(cert.open(QIODevice::ReadOnly));
        m_ca = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
        QCOMPARE(m_ca.size(), 1);
        m_hash = run(QStringLiteral("python3"),
                     {QStringLiteral("-W"), QStringLiteral("ignore"), QStringLiteral("-c"),
                      QStringLiteral("import crypt; print(crypt.crypt('s3cret', "
                                     "crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1 << 10)))")},
                     &code)
                     .toUtf8();
        QVERIFY2(code == 0 && m_hash.startsWith("$2"), m_hash.constData());
    }

    void bcryptThroughLibcrypt() {
        QVERIFY(BasicAuth::isBcrypt(m_hash));
        QVERIFY(BasicAuth::matches("s3cret", m_hash));
        QVERIFY(!BasicAuth::matches("s3cret ", m_hash));
        QVERIFY(!BasicAuth::matches("", m_hash));
        QVERIFY(!BasicAuth::isBcrypt("s3cret"));
        QVERIFY(!BasicAuth::matches("s3cret", "s3cret"));
        BasicAuth auth({{QStringLiteral("prometheus"), m_hash}});
        QVERIFY(auth.enabled());
        QVERIFY(auth.allows(basic("prometheus", "s3cret")));
        QVERIFY(auth.allows(basic("prometheus", "s3cret"))); // remembered
        QVERIFY(!auth.allows(basic("prometheus", "wrong")));
        QVERIFY(!auth.allows(basic("other", "s3cret")));
        QVERIFY(!auth.allows("Basic !!!notbase64"));
        QVERIFY(!auth.allows("Bearer abc"));
        QVERIFY(!auth.allows(basic("", "")));
        QVERIFY(!BasicAuth({}).enabled());
    }

    void fileChecksNameWhatIsWrong_data() {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("said");
        QTest::newRow("unknown top key") << QByteArray("tls_config:\n  cert_file: x\n")
                                         << QStringLiteral("unknown key \"tls_config\"");
        QTest::newRow("unknown tls key")
            << QByteArray("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
                          "  ciphers: [x]\n")
            << QStringLiteral("tls_server_config: unknown key \"ciphers\"");
        QTest::newRow("no key file") << QByteArray("tls_server_config:\n  cert_file: server.crt\n")
                                     << QStringLiteral("needs both cert_file and key_file");
        QTest::newRow("missing file")
            << QByteArray("tls_server_config:\n  cert_file: nope.crt\n  key_file: server.key\n")
            << QStringLiteral("cert_file: cannot read");
        QTest::newRow("key is a cert")
            << QByteArray("tls_server_config:\n  cert_file: server.crt\n  key_file: server.crt\n")
            << QStringLiteral("holds no unencrypted PEM private key");
        QTest::newRow("bad min version")
            << QByteArray("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
                          "  min_version: SSL3\n")
            << QStringLiteral("min_version must be");
        QTest::newRow("verify without ca")
            << QByteArray("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
                          "  client_auth_type: RequireAndVerifyClientCert\n")
            << QStringLiteral("needs client_ca_file");
        QTest::newRow("clear password") << QByteArray("basic_auth_users:\n  alice: hunter2\n")
                                        << QStringLiteral("must be a bcrypt hash");
        QTest::newRow("not yaml") << QByteArray("basic_auth_users: [unclosed\n")
                                  << QStringLiteral("not valid YAML");
        QTest::newRow("not a map")
            << QByteArray("- a\n- b\n") << QStringLiteral("must be a YAML map");
    }

    void fileChecksNameWhatIsWrong() {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, said);
        const auto config = WebConfig::parse(yaml, m_dir.path());
        QVERIFY(!config);
        QVERIFY2(config.error().message.contains(said), qPrintable(config.error().message));
    }

    void validFileLoads() {
        write(QStringLiteral("web.yml"),
              "# shared with an exporter\ntls_server_config:\n  cert_file: server.crt\n"
              "  key_file: server.key\n  min_version: TLS13\nbasic_auth_users:\n  prometheus: " +
                  m_hash + "\nhttp_server_config:\n  http2: true\n");
        const auto config = WebConfig::load(path(QStringLiteral("web.yml")));
        QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
        QVERIFY(config->tls);
        QCOMPARE(config->tls->protocol(), QSsl::TlsV1_3OrLater);
        QCOMPARE(config->tls->localCertificate(), m_ca.first());
        QCOMPARE(config->users.value(QStringLiteral("prometheus")), m_hash);
        const auto empty = WebConfig::parse("", m_dir.path());
        QVERIFY(empty && !empty->tls && empty->users.isEmpty());
        const auto missing = WebConfig::load(path(QStringLiteral("nope.yml")));
        QVERIFY(!missing);
        QVERIFY(missing.error().message.contains(QLatin1String("nope.yml")));
    }

    // The recorder over HTTPS with basic auth, and a real Prometheus scraping it so.
    void recorderServesHttpsWithBasicAuth() {
        write(QStringLiteral("https.yml"),
              "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
              "basic_auth_users:\n  prometheus: " +
                  m_hash + "\n");
        QProcess recorder;
        const quint16 port =
            startRecorder(recorder, QStringLiteral("test:///default"),
                          path(QStringLiteral("h.sqlite")), 1, QStringLiteral("127.0.0.1:0"),
                          {QStringLiteral("--web-config"), path(QStringLiteral("https.yml"))});
        QVERIFY(port != 0);
        const QUrl https(QStringLiteral("https://127.0.0.1:%1/metrics").arg(port));
        Reply r = get(https, m_ca);
        QCOMPARE(r.status, 401);
        QVERIFY2(r.authenticate.startsWith("Basic realm="), r.authenticate.constData());
        QVERIFY(!r.body.contains("libvirt_domain"));
        r = get(https, m_ca, basic("prometheus", "wrong"));
        QCOMPARE(r.status, 401);
        QTRY_VERIFY_WITH_TIMEOUT((r = get(https, m_ca, basic("prometheus", "s3cret")),
                                  r.status == 200 && r.body.contains("balloonscope_host_up")),
                                 10000);
        // Plain HTTP to the TLS port: no answer (the handshake drops it), never the figures.
        r = get(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port)), {});
        QVERIFY(r.status != 200);
        QVERIFY(!r.body.contains("balloonscope_host_up"));

        ScrapeServer prometheus(ScrapeServer::Kind::Prometheus);
        QString why;
        QVERIFY2(prometheus.start({QStringLiteral("127.0.0.1:%1").arg(port)}, &why,
                                  QStringLiteral("    scheme: https\n"
                                                 "    basic_auth:\n"
                                                 "      username: prometheus\n"
                                                 "      password: s3cret\n"
                                                 "    tls_config:\n"
                                                 "      ca_file: %1\n")
                                      .arg(path(QStringLiteral("server.crt")))),
                 qPrintable(why));
        const QUrl up(prometheus.url().toString() +
                      QStringLiteral("/api/v1/query?query=balloonscope_host_up"));
        // Prometheus scrapes on its own clock (no signal): ask until the first scrape is in.
        QTRY_VERIFY_WITH_TIMEOUT((r = get(up, {}), r.body.contains("\"test:///default\"")), 30000);
        recorder.terminate();
        QVERIFY(recorder.waitForFinished(20000));
    }

    void badWebConfigIsAUsageError() {
        const CliRun bad = runCli({QStringLiteral("record"), QStringLiteral("--connect"),
                                   QStringLiteral("test:///default"), QStringLiteral("--listen"),
                                   QStringLiteral("127.0.0.1:0"), QStringLiteral("--web-config"),
                                   path(QStringLiteral("nope.yml"))});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("nope.yml")), qPrintable(bad.err));
        const CliRun alone =
            runCli({QStringLiteral("record"), QStringLiteral("--connect"),
                    QStringLiteral("test:///default"), QStringLiteral("--web-config"),
                    path(QStringLiteral("web.yml"))});
        QCOMPARE(alone.exitCode, 2);
        QVERIFY2(alone.err.contains(QLatin1String("--web-config goes with --listen")),
                 qPrintable(alone.err));
    }
};

BS_TEST_MAIN(TestWebConfig)
#include "tst_webconfig.moc"
