#include "WebConfig.h"

#include "BasicAuth.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>

#include <yaml-cpp/yaml.h>

namespace bs {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("bs::WebConfig", text);
}

QString text(const YAML::Node &node) {
    return QString::fromStdString(node.as<std::string>());
}

Error unknownKey(const QString &where, const QString &key) {
    return Error::invalidArgument(tr("%1: unknown key \"%2\".").arg(where, key));
}

Result<QByteArray> readFile(const QString &baseDir, const QString &name, const QString &key) {
    const QString path = QDir(baseDir).absoluteFilePath(name);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::io(tr("%1: cannot read %2: %3").arg(key, path, f.errorString()));
    return f.readAll();
}

Result<QSslConfiguration> tlsFrom(const YAML::Node &node, const QString &baseDir) {
    if (!node.IsMap())
        return Error::invalidArgument(tr("tls_server_config must be a map."));
    QString certFile, keyFile, caFile, clientAuth = QStringLiteral("NoClientCert"),
                                       minVersion = QStringLiteral("TLS12");
    for (const auto &entry : node) {
        const QString key = text(entry.first);
        if (key == QLatin1String("cert_file"))
            certFile = text(entry.second);
        else if (key == QLatin1String("key_file"))
            keyFile = text(entry.second);
        else if (key == QLatin1String("client_ca_file"))
            caFile = text(entry.second);
        else if (key == QLatin1String("client_auth_type"))
            clientAuth = text(entry.second);
        else if (key == QLatin1String("min_version"))
            minVersion = text(entry.second);
        else
            return unknownKey(QStringLiteral("tls_server_config"), key);
    }
    if (certFile.isEmpty() || keyFile.isEmpty())
        return Error::invalidArgument(tr("tls_server_config needs both cert_file and key_file."));
    const auto certPem = readFile(baseDir, certFile, QStringLiteral("cert_file"));
    if (!certPem)
        return certPem.error();
    const auto keyPem = readFile(baseDir, keyFile, QStringLiteral("key_file"));
    if (!keyPem)
        return keyPem.error();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(*certPem, QSsl::Pem);
    if (chain.isEmpty())
        return Error::invalidArgument(tr("cert_file %1 holds no PEM certificate.").arg(certFile));
    QSslKey key;
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Opaque}) {
        key = QSslKey(*keyPem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return Error::invalidArgument(
            tr("key_file %1 holds no unencrypted PEM private key (RSA or EC).").arg(keyFile));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    if (minVersion == QLatin1String("TLS13"))
        config.setProtocol(QSsl::TlsV1_3OrLater);
    else if (minVersion == QLatin1String("TLS12"))
        config.setProtocol(QSsl::TlsV1_2OrLater);
    else if (minVersion == QLatin1String("TLS10") || minVersion == QLatin1String("TLS11"))
        config.setProtocol(QSsl::SecureProtocols);
    else
        return Error::invalidArgument(
            tr("min_version must be TLS10, TLS11, TLS12 or TLS13, not \"%1\".").arg(minVersion));
    if (clientAuth == QLatin1String("NoClientCert")) {
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    } else if (clientAuth == QLatin1String("RequestClientCert") ||
               clientAuth == QLatin1String("RequireAnyClientCert")) {
        config.setPeerVerifyMode(QSslSocket::QueryPeer);
    } else if (clientAuth == QLatin1String("VerifyClientCertIfGiven") ||
               clientAuth == QLatin1String("RequireAndVerifyClientCert")) {
        if (caFile.isEmpty())
            return Error::invalidArgument(
                tr("client_auth_type %1 needs client_ca_file.").arg(clientAuth));
        const auto caPem = readFile(baseDir, caFile, QStringLiteral("client_ca_file"));
        if (!caPem)
            return caPem.error();
        const QList<QSslCertificate> cas = QSslCertificate::fromData(*caPem, QSsl::Pem);
        if (cas.isEmpty())
            return Error::invalidArgument(
                tr("client_ca_file %1 holds no PEM certificate.").arg(caFile));
        config.setCaCertificates(cas);
        config.setPeerVerifyMode(clientAuth == QLatin1String("RequireAndVerifyClientCert")
                                     ? QSslSocket::VerifyPeer
                                     : QSslSocket::QueryPeer);
    } else {
        return Error::invalidArgument(tr("client_auth_type \"%1\" is not one of NoClientCert, "
                                         "RequestClientCert, RequireAnyClientCert, "
                                         "VerifyClientCertIfGiven, RequireAndVerifyClientCert.")
                                          .arg(clientAuth));
    }
    return config;
}

} // namespace

Result<WebConfig> WebConfig::load(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error::io(tr("Cannot read the web config %1: %2").arg(path, f.errorString()));
    auto config = parse(f.readAll(), QFileInfo(path).absolutePath());
    if (!config)
        return Error::invalidArgument(
            tr("The web config %1: %2").arg(path, config.error().message));
    return config;
}

Result<WebConfig> WebConfig::parse(const QByteArray &yaml, const QString &baseDir) {
    WebConfig out;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (root.IsNull())
            return out; // an empty file: plain HTTP, no auth
        if (!root.IsMap())
            return Error::invalidArgument(tr("the file must be a YAML map."));
        for (const auto &entry : root) {
            const QString key = text(entry.first);
            if (key == QLatin1String("tls_server_config")) {
                auto tls = tlsFrom(entry.second, baseDir);
                if (!tls)
                    return tls.error();
                out.tls = *tls;
            } else if (key == QLatin1String("basic_auth_users")) {
                if (!entry.second.IsMap())
                    return Error::invalidArgument(tr("basic_auth_users must be a map."));
                for (const auto &user : entry.second) {
                    const QString name = text(user.first);
                    const QByteArray hash = user.second.as<std::string>().c_str();
                    if (!BasicAuth::isBcrypt(hash))
                        return Error::invalidArgument(
                            tr("basic_auth_users: the password of \"%1\" must be a bcrypt "
                               "hash ($2y$…, from htpasswd -nBC 10), not a password.")
                                .arg(name));
                    out.users.insert(name, hash);
                }
            } else if (key == QLatin1String("http_server_config")) {
                // HTTP/2 and response headers: nothing Balloonscope can honour; accepted so
                // that a file shared with an exporter loads.
            } else {
                return unknownKey(QStringLiteral("web config"), key);
            }
        }
    } catch (const YAML::Exception &e) {
        return Error::invalidArgument(
            tr("not valid YAML: %1").arg(QString::fromStdString(e.what())));
    }
    return out;
}

} // namespace bs
