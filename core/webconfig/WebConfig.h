#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QSslConfiguration>
#include <QString>

#include <optional>

namespace bs {

// A web config file as Prometheus' exporters read it (exporter-toolkit's format), for the
// recorder's /metrics:
//
//   tls_server_config:
//     cert_file: server.crt          # PEM; relative paths are relative to this file
//     key_file: server.key
//     client_ca_file: clients.crt    # optional, with client_auth_type
//     client_auth_type: RequireAndVerifyClientCert   # or NoClientCert (default),
//                                    # RequestClientCert, VerifyClientCertIfGiven, ...
//     min_version: TLS12             # TLS10 … TLS13 (default TLS12)
//   basic_auth_users:
//     prometheus: $2y$10$…          # bcrypt hashes (htpasswd -nBC 10 "" | tr -d ':\n')
//
// Every key is checked: an unknown one, a missing file, a certificate or key that does not load,
// or a hash that is not bcrypt is an error that names it (exporter-toolkit refuses the same).
struct WebConfig {
    std::optional<QSslConfiguration> tls; // set: serve HTTPS only
    QHash<QString, QByteArray> users;     // user → bcrypt hash; empty: no auth

    static Result<WebConfig> load(const QString &path);
    static Result<WebConfig> parse(const QByteArray &yaml, const QString &baseDir);
};

} // namespace bs
