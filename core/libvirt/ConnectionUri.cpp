#include "ConnectionUri.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace bs {

namespace {

bool transportNeedsHost(const QString &transport) {
    return transport == QLatin1String("ssh") || transport == QLatin1String("libssh") ||
           transport == QLatin1String("libssh2") || transport == QLatin1String("tls") ||
           transport == QLatin1String("tcp");
}

} // namespace

QStringList ConnectionUri::knownDrivers() {
    return {QStringLiteral("qemu"),   QStringLiteral("test"),  QStringLiteral("lxc"),
            QStringLiteral("xen"),    QStringLiteral("libxl"), QStringLiteral("ch"),
            QStringLiteral("bhyve"),  QStringLiteral("vz"),    QStringLiteral("vbox"),
            QStringLiteral("openvz"), QStringLiteral("esx"),   QStringLiteral("hyperv")};
}

QStringList ConnectionUri::knownTransports() {
    return {QStringLiteral("ssh"), QStringLiteral("libssh"), QStringLiteral("libssh2"),
            QStringLiteral("tls"), QStringLiteral("tcp"),    QStringLiteral("unix"),
            QStringLiteral("ext")};
}

std::variant<ConnectionUri, ConnectionUri::ParseError> ConnectionUri::parse(const QString &text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return ParseError{Field::Uri, tr("Enter a connection URI, for example qemu:///system.")};
    static const QRegularExpression whitespace(QStringLiteral("\\s"));
    if (trimmed.contains(whitespace)) {
        return ParseError{Field::Uri, tr("A connection URI cannot contain spaces: write a space "
                                         "in a file path as %20.")};
    }
    // Unicode noncharacters (U+FFFE, U+FDD0, ...) cannot be written percent-encoded and read
    // back: QUrl decodes them to U+FFFD, so such a URI would name another file or host.
    const QList<uint> codePoints = trimmed.toUcs4();
    if (std::any_of(codePoints.cbegin(), codePoints.cend(),
                    [](uint c) { return QChar::isNonCharacter(c); })) {
        return ParseError{Field::Uri, tr("The URI contains a character that cannot be part of "
                                         "a URI (a Unicode noncharacter).")};
    }
    const int sep = trimmed.indexOf(QLatin1String("://"));
    if (sep <= 0) {
        return ParseError{Field::Uri, tr("A connection URI starts with a driver and \"://\", for "
                                         "example qemu:///system or qemu+ssh://user@host/system.")};
    }

    // QUrl rejects a bad port with a vague message; look at the text ourselves first.
    int port = 0;
    static const QRegularExpression portRe(
        QStringLiteral("^[^/]*://[^/?#]*:([^/?#@]*)(?:[/?#]|$)"));
    const auto portMatch = portRe.match(trimmed);
    if (portMatch.hasMatch() && !portMatch.captured(1).contains(QLatin1Char(']'))) {
        bool ok = false;
        const qlonglong value = portMatch.captured(1).toLongLong(&ok);
        if (!ok || value < 1 || value > 65535) {
            return ParseError{
                Field::Port,
                tr("Port \"%1\" is out of range: use 1 to 65535.").arg(portMatch.captured(1))};
        }
        port = int(value);
    }

    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid()) {
        return ParseError{Field::Uri, tr("This is not a valid URI: %1").arg(url.errorString())};
    }

    ConnectionUri uri;
    const QString scheme = trimmed.left(sep).toLower();
    const int plus = scheme.indexOf(QLatin1Char('+'));
    uri.m_driver = plus < 0 ? scheme : scheme.left(plus);
    uri.m_transport = plus < 0 ? QString() : scheme.mid(plus + 1);

    if (!knownDrivers().contains(uri.m_driver)) {
        return ParseError{Field::Driver,
                          tr("Unknown hypervisor driver \"%1\": use one of %2.")
                              .arg(uri.m_driver, knownDrivers().join(QLatin1String(", ")))};
    }
    if (!uri.m_transport.isEmpty() && !knownTransports().contains(uri.m_transport)) {
        return ParseError{Field::Transport,
                          tr("Unknown transport \"%1\": use one of %2.")
                              .arg(uri.m_transport, knownTransports().join(QLatin1String(", ")))};
    }
    if (!url.password().isEmpty()) {
        return ParseError{Field::User, tr("Do not put a password in the URI: Balloonscope asks "
                                          "for it when it connects and can keep it in the "
                                          "desktop keyring.")};
    }

    uri.m_user = url.userName();
    uri.m_host = url.host();
    uri.m_port = port;
    uri.m_path = url.path(QUrl::FullyDecoded);
    uri.m_query = QUrlQuery(url);

    if (transportNeedsHost(uri.m_transport) && uri.m_host.isEmpty()) {
        return ParseError{Field::Host, tr("A %1 connection needs a host name, for example "
                                          "%2+%1://root@kvm1.example.com/system.")
                                           .arg(uri.m_transport, uri.m_driver)};
    }
    if (!uri.m_transport.isEmpty() && !transportNeedsHost(uri.m_transport) &&
        !uri.m_host.isEmpty() && uri.m_transport == QLatin1String("unix")) {
        return ParseError{Field::Host, tr("The unix transport is local: remove the host name.")};
    }
    if (uri.m_driver == QLatin1String("qemu")) {
        static const QStringList paths{QStringLiteral("/system"), QStringLiteral("/session"),
                                       QStringLiteral("/embed")};
        if (!paths.contains(uri.m_path)) {
            return ParseError{Field::Path,
                              tr("A qemu URI ends in /system, /session or /embed, "
                                 "not \"%1\".")
                                  .arg(uri.m_path.isEmpty() ? QStringLiteral("/") : uri.m_path)};
        }
        if (uri.m_path == QLatin1String("/embed") &&
            !uri.m_query.hasQueryItem(QStringLiteral("root"))) {
            return ParseError{Field::Path, tr("qemu:///embed needs a root directory, for example "
                                              "qemu:///embed?root=/tmp/vms.")};
        }
    }
    if (uri.m_driver == QLatin1String("test") && uri.m_path.isEmpty()) {
        return ParseError{Field::Path, tr("A test URI needs a path: test:///default or the path "
                                          "of a test driver XML file.")};
    }
    const QString keyFile =
        uri.m_query.queryItemValue(QStringLiteral("keyfile"), QUrl::FullyDecoded);
    if (uri.m_query.hasQueryItem(QStringLiteral("keyfile")) && keyFile.isEmpty())
        return ParseError{Field::KeyFile, tr("The keyfile parameter is empty.")};
    return uri;
}

QString ConnectionUri::toString() const {
    // Built by hand: QUrl drops the "//" of an empty authority and then cannot tell a path
    // holding "://" from the scheme separator.
    QString text = m_transport.isEmpty() ? m_driver : m_driver + QLatin1Char('+') + m_transport;
    text += QLatin1String("://");
    if (!m_user.isEmpty())
        text += QString::fromLatin1(QUrl::toPercentEncoding(m_user)) + QLatin1Char('@');
    text +=
        m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    if (m_port > 0)
        text += QLatin1Char(':') + QString::number(m_port);
    text += QString::fromLatin1(QUrl::toPercentEncoding(m_path, "/:@!$&'()*+,;=-._~"));
    if (!m_query.isEmpty())
        text += QLatin1Char('?') + m_query.toString(QUrl::FullyEncoded);
    return text;
}

QString ConnectionUri::displayName() const {
    const QString where = m_host.isEmpty()
                              ? tr("this machine")
                              : (m_user.isEmpty() ? m_host : m_user + QLatin1Char('@') + m_host);
    if (m_driver == QLatin1String("test"))
        return tr("test driver (%1)").arg(m_path);
    QString path = m_path;
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    return QStringLiteral("%1 (%2)").arg(where, path);
}

QString hostDisplayName(const QString &uri) {
    const auto parsed = ConnectionUri::parse(uri);
    if (const auto *u = std::get_if<ConnectionUri>(&parsed))
        return u->displayName();
    return uri;
}

std::variant<ConnectionUri, ConnectionUri::ParseError> ConnectionForm::toUri() const {
    using Field = ConnectionUri::Field;
    switch (preset) {
    case Preset::LocalSystem:
        return ConnectionUri::parse(QStringLiteral("qemu:///system"));
    case Preset::LocalSession:
        return ConnectionUri::parse(QStringLiteral("qemu:///session"));
    case Preset::TestDriver:
        return ConnectionUri::parse(QStringLiteral("test:///default"));
    case Preset::Custom:
        return ConnectionUri::parse(customUri);
    case Preset::RemoteSsh:
        break;
    }
    const QString h = host.trimmed();
    if (h.isEmpty())
        return ConnectionUri::ParseError{
            Field::Host, tr("Enter the host name or address of the remote machine.")};
    static const QRegularExpression hostRe(QStringLiteral(R"(^[A-Za-z0-9._:\[\]-]+$)"));
    if (!hostRe.match(h).hasMatch()) {
        return ConnectionUri::ParseError{Field::Host,
                                         tr("\"%1\" is not a host name or address.").arg(h)};
    }
    static const QRegularExpression userRe(QStringLiteral(R"(^[A-Za-z0-9._][A-Za-z0-9._-]*$)"));
    if (!user.isEmpty() && !userRe.match(user).hasMatch())
        return ConnectionUri::ParseError{Field::User,
                                         tr("\"%1\" is not a valid user name.").arg(user)};
    if (port < 0 || port > 65535) {
        return ConnectionUri::ParseError{Field::Port,
                                         tr("Port %1 is out of range: use 1 to 65535.").arg(port)};
    }
    QUrl url;
    url.setScheme(builtinSsh ? QStringLiteral("qemu+libssh") : QStringLiteral("qemu+ssh"));
    url.setUserName(user);
    url.setHost(h);
    if (port > 0)
        url.setPort(port);
    url.setPath(remoteSession ? QStringLiteral("/session") : QStringLiteral("/system"));
    if (!keyFile.trimmed().isEmpty()) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("keyfile"),
                       QString::fromUtf8(QUrl::toPercentEncoding(keyFile.trimmed(), "/")));
        url.setQuery(q);
    }
    if (!url.isValid())
        return ConnectionUri::ParseError{Field::Host,
                                         tr("\"%1\" is not a host name or address.").arg(h)};
    return ConnectionUri::parse(url.toString(QUrl::FullyEncoded));
}

ConnectionForm ConnectionForm::fromUri(const ConnectionUri &uri) {
    ConnectionForm form;
    const QString text = uri.toString();
    if (text == QLatin1String("qemu:///system")) {
        form.preset = Preset::LocalSystem;
    } else if (text == QLatin1String("qemu:///session")) {
        form.preset = Preset::LocalSession;
    } else if (text == QLatin1String("test:///default")) {
        form.preset = Preset::TestDriver;
    } else if (uri.driver() == QLatin1String("qemu") &&
               (uri.transport() == QLatin1String("ssh") ||
                uri.transport() == QLatin1String("libssh")) &&
               (uri.path() == QLatin1String("/system") ||
                uri.path() == QLatin1String("/session"))) {
        QUrlQuery rest = uri.query();
        const QString key = rest.queryItemValue(QStringLiteral("keyfile"), QUrl::FullyDecoded);
        rest.removeAllQueryItems(QStringLiteral("keyfile"));
        if (rest.isEmpty()) {
            form.preset = Preset::RemoteSsh;
            form.user = uri.user();
            form.host = uri.host();
            form.port = uri.port();
            form.keyFile = key;
            form.remoteSession = uri.path() == QLatin1String("/session");
            form.builtinSsh = uri.transport() == QLatin1String("libssh");
            return form;
        }
        form.preset = Preset::Custom;
    } else {
        form.preset = Preset::Custom;
    }
    form.customUri = text;
    return form;
}

} // namespace bs
