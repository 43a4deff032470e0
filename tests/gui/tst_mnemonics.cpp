#include "TestMain.h"
#include "UiLanguage.h"
#include "app/CredentialDialog.h"
#include "balloon/BalloonFeature.h"
#include "balloon/BalloonTargetDialog.h"
#include "balloon/StatsPeriodDialog.h"
#include "charts/LiveChart.h"
#include "connection/ConnectionDialog.h"
#include "guests/GuestTableModel.h"
#include "mainwindow/MainWindow.h"
#include "readiness/ReadinessDialog.h"
#include "readiness/ReadinessFeature.h"
#include "report/ChartExportDialog.h"
#include "report/ReportDialog.h"
#include "report/ReportFeature.h"
#include "settings/PreferencesDialog.h"
#include "workbench/Workbench.h"

#include <QApplication>
#include <QLabel>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;

namespace {

// Whether a label's text carries a mnemonic marker: a single "&" (not "&&") in plain text. In rich
// text no "&" is a mnemonic; there a bare one (not an entity such as &amp;) is a mistake too.
bool showsLiteralAmpersand(const QLabel *label) {
    const QString text = label->text();
    const bool rich = label->textFormat() == Qt::RichText ||
                      (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
    if (rich) {
        static const QRegularExpression entity(QStringLiteral("&(#[0-9]+|#x[0-9a-fA-F]+|\\w+);"));
        return QString(text).remove(entity).contains(QLatin1Char('&'));
    }
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&')) {
            ++i; // "&&" is an escaped ampersand: drawn as one, on purpose
            continue;
        }
        return !label->buddy(); // a mnemonic works only with a buddy to focus
    }
    return false;
}

// Every label of every window the application has open that shows a literal ampersand.
QStringList literalAmpersands() {
    QStringList found;
    for (const QWidget *widget : QApplication::allWidgets()) {
        const auto *label = qobject_cast<const QLabel *>(widget);
        if (label && showsLiteralAmpersand(label))
            found.append(QStringLiteral("%1: \"%2\"")
                             .arg(QString::fromLatin1(label->window()->metaObject()->className()),
                                  label->text()));
    }
    found.sort();
    return found;
}

} // namespace

// A QLabel with "&" shows a mnemonic (underlined letter, Alt+letter focuses the buddy) only when
// it has a buddy; without one the user reads a literal "&". This walks every window and dialog
// the app can open against libvirt's test driver, in English and in Chinese.
class TestMnemonics : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void theCheckFindsALiteralAmpersand() {
        QLabel orphan(QStringLiteral("SSH &key file:"));
        QLabel escaped(QStringLiteral("Tom && Jerry"));
        QLabel rich(QStringLiteral("<b>Tom &amp; Jerry</b>"));
        QLabel withBuddy(QStringLiteral("&Name:"));
        withBuddy.setBuddy(&escaped);
        QCOMPARE(literalAmpersands(), QStringList{QStringLiteral("QLabel: \"SSH &key file:\"")});
        orphan.setBuddy(&rich);
        QCOMPARE(literalAmpersands(), QStringList());
    }

    void everyLabelRendersItsMnemonic_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void everyLabelRendersItsMnemonic() {
        QFETCH(QString, language);
        const test::UiLanguage ui(language);
        QCOMPARE(ui.used(), language);

        QSettings settings(m_dir.filePath(language + QStringLiteral(".ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("history/path"),
                          m_dir.filePath(language + QStringLiteral(".sqlite")));
        MainWindow window(settings);
        window.show();
        const QString host = QStringLiteral("test:///default");
        window.connectTemporary(host, false);
        QTRY_COMPARE_WITH_TIMEOUT(window.workbench()->guestModel()->rowCount(), 1, 10000);
        const QString uuid = window.workbench()->guestModel()->rowAt(0)->uuid;

        // The dialogs, as the app opens them, each with what it reads filled in.
        StatsPeriodDialog *period = window.features().balloon->openStatsPeriod(host, {uuid});
        QVERIFY(period);
        QSignalSpy periodRead(period, &StatsPeriodDialog::guestsRead);
        BalloonTargetDialog *target = window.features().balloon->openBalloonTarget(host, uuid);
        QVERIFY(target);
        QSignalSpy targetRead(target, &BalloonTargetDialog::guestRead);
        QVERIFY(window.features().readiness->openDialog(host, uuid));
        QVERIFY(window.features().report->openReportDialog());
        QVERIFY(periodRead.count() > 0 || periodRead.wait(10000));
        QVERIFY(targetRead.count() > 0 || targetRead.wait(10000));

        ConnectionDialog connection(&window);
        PreferencesDialog preferences(window.workbench()->preferences(), &window);
        ChartExportDialog chartExport(window.workbench()->liveChart()->exportChart(), &window);
        CredentialRequest request;
        request.uri = QStringLiteral("qemu+libssh://root@kvm1/system");
        CredentialPrompt user;
        user.prompt = QStringLiteral("Username:");
        CredentialPrompt passphrase;
        passphrase.type = CredentialPrompt::Type::Passphrase;
        passphrase.prompt = QStringLiteral("Passphrase for key:");
        request.prompts = {user, passphrase};
        CredentialDialog credentials(request, true, &window);

        QStringList windows;
        for (const QWidget *top : QApplication::topLevelWidgets())
            windows.append(QString::fromLatin1(top->metaObject()->className()));
        for (const char *expected :
             {"bs::gui::MainWindow", "bs::gui::StatsPeriodDialog", "bs::gui::BalloonTargetDialog",
              "bs::gui::ReadinessDialog", "bs::gui::ReportDialog", "bs::gui::ConnectionDialog",
              "bs::gui::PreferencesDialog", "bs::gui::ChartExportDialog",
              "bs::gui::CredentialDialog"})
            QVERIFY2(windows.contains(QLatin1String(expected)), expected);

        const QStringList literal = literalAmpersands();
        QVERIFY2(literal.isEmpty(), qPrintable(literal.join(QLatin1Char('\n'))));
    }
};

BS_GUI_TEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"
