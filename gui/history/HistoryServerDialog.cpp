#include "HistoryServerDialog.h"

#include "promsource/PrometheusReader.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace bs::gui {

namespace {

constexpr int TestTimeoutMs = 10000;

} // namespace

HistoryServerDialog::HistoryServerDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_test(new QPushButton(tr("&Test"), this))
    , m_result(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setWindowTitle(tr("History Server"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A Prometheus-compatible server (Prometheus, VictoriaMetrics, "
                                "Thanos, Mimir) that scrapes the /metrics of "
                                "\"balloonscope-cli record --listen\" on your hypervisors. "
                                "The History page then charts any guest it holds."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_name->setPlaceholderText(tr("Lab Prometheus"));
    m_url->setPlaceholderText(QStringLiteral("http://prometheus.example:9090"));
    m_user->setPlaceholderText(tr("Only for a server behind basic auth"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Kept in the desktop keyring"));
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("U&ser:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    layout->addLayout(form);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    testRow->addWidget(m_result, 1);
    layout->addLayout(testRow);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, &HistoryServerDialog::validate);
    connect(m_test, &QPushButton::clicked, this, &HistoryServerDialog::test);
    setTabOrder(m_url, m_name);
    setTabOrder(m_name, m_user);
    setTabOrder(m_user, m_password);
    setTabOrder(m_password, m_test);
    setMinimumWidth(560);
    m_url->setFocus();
    validate();
}

HistoryServerDialog::~HistoryServerDialog() = default;

void HistoryServerDialog::setServer(const HistoryServer &server, const QString &password) {
    m_name->setText(server.name);
    m_url->setText(server.url.toString());
    m_user->setText(server.user);
    m_password->setText(password);
}

HistoryServer HistoryServerDialog::server() const {
    HistoryServer s;
    s.url = HistoryServers::parseUrl(m_url->text());
    s.name = m_name->text().trimmed().isEmpty() ? s.url.host() : m_name->text().trimmed();
    s.user = m_user->text().trimmed();
    return s;
}

QString HistoryServerDialog::password() const {
    return m_password->text();
}

void HistoryServerDialog::validate() {
    const bool ok = !HistoryServers::parseUrl(m_url->text()).isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    m_test->setEnabled(ok);
    if (!ok && !m_url->text().trimmed().isEmpty())
        m_result->setText(tr("The URL must start with http:// or https:// and name a host."));
    else if (m_testId == 0)
        m_result->clear();
}

void HistoryServerDialog::test() {
    const HistoryServer s = server();
    if (s.url.isEmpty())
        return;
    // A new reader per test: the previous one (and its query) is abandoned at once.
    m_reader =
        std::make_unique<prom::PrometheusReader>(s.urlWithCredentials(password()), TestTimeoutMs);
    connect(m_reader.get(), &HistoryReader::guestsReady, this, &HistoryServerDialog::onGuests);
    connect(m_reader.get(), &HistoryReader::queryFailed, this,
            [this](quint64 id, const Error &e) { onFailed(id, e.message); });
    m_testId = m_reader->queryGuests();
    m_result->setText(tr("Asking %1…").arg(s.url.toDisplayString()));
}

void HistoryServerDialog::onGuests(quint64 id, const QList<GuestInfo> &guests) {
    if (id != m_testId)
        return;
    m_testId = 0;
    QSet<QString> hosts;
    for (const GuestInfo &g : guests)
        hosts.insert(g.hostId);
    m_result->setText(guests.isEmpty()
                          ? tr("The server answers, but holds no Balloonscope figures yet: is it "
                               "scraping a recorder's /metrics?")
                          : tr("The server answers: %1 and %2.")
                                .arg(tr("%n host(s)", nullptr, int(hosts.size())),
                                     tr("%n guest(s)", nullptr, int(guests.size()))));
    Q_EMIT tested(true);
}

void HistoryServerDialog::onFailed(quint64 id, const QString &message) {
    if (id != m_testId)
        return;
    m_testId = 0;
    m_result->setText(message);
    Q_EMIT tested(false);
}

} // namespace bs::gui
