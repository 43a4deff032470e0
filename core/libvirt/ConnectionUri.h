#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <variant>

namespace bs {

// A libvirt connection URI, taken apart and checked before libvirt sees it, so the user gets a
// precise message next to the field instead of a late connection error.
//   driver[+transport]://[user@][host][:port]/path[?query]
class ConnectionUri {
    Q_DECLARE_TR_FUNCTIONS(ConnectionUri)

public:
    // The field of the connection form that an error is about, so the dialog can show it there.
    enum class Field { Uri, Driver, Transport, User, Host, Port, Path, KeyFile };

    struct ParseError {
        Field field;
        QString message;
    };

    static std::variant<ConnectionUri, ParseError> parse(const QString &text);

    QString driver() const { return m_driver; }       // qemu, test, lxc, ...
    QString transport() const { return m_transport; } // ssh, libssh, tls, tcp, unix or empty
    QString user() const { return m_user; }
    QString host() const { return m_host; }
    int port() const { return m_port; } // 0 = default
    QString path() const { return m_path; }
    QUrlQuery query() const { return m_query; }

    bool isRemote() const { return !m_host.isEmpty(); }
    bool isTestDriver() const { return m_driver == QLatin1String("test"); }
    bool isEmbedded() const { return m_path == QLatin1String("/embed"); }

    QString toString() const;
    // "root@kvm1 (system)" for lists and window titles.
    QString displayName() const;

    static QStringList knownDrivers();
    static QStringList knownTransports();

private:
    QString m_driver;
    QString m_transport;
    QString m_user;
    QString m_host;
    int m_port = 0;
    QString m_path;
    QUrlQuery m_query;
};

// The name every view (window, lists, dialogs, reports, the CLI) shows for a host: the URI's
// displayName(), or the URI as it is when it does not parse.
QString hostDisplayName(const QString &uri);

// The form of the connection dialog: a preset and its fields, turned into a URI.
struct ConnectionForm {
    Q_DECLARE_TR_FUNCTIONS(ConnectionForm)

public:
    enum class Preset { LocalSystem, LocalSession, RemoteSsh, TestDriver, Custom };

    Preset preset = Preset::LocalSystem;
    QString user;
    QString host;
    int port = 0;               // 0 = the transport's default
    QString keyFile;            // ssh only
    bool remoteSession = false; // /session instead of /system over ssh
    // libvirt's built-in libssh client instead of OpenSSH's ssh: it asks for passwords,
    // passphrases and unknown host keys through Balloonscope's dialogs.
    bool builtinSsh = false;
    QString customUri; // Preset::Custom

    // Builds and validates the URI. The error names the field at fault.
    std::variant<ConnectionUri, ConnectionUri::ParseError> toUri() const;
    // Fills a form back from a URI (for "edit"); unknown shapes become Preset::Custom.
    static ConnectionForm fromUri(const ConnectionUri &uri);
};

} // namespace bs
