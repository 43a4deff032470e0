#include "TestMain.h"
#include "app/HostRegistry.h"
#include "common/Units.h"
#include "host/FigureStatus.h"
#include "host/HostOverviewHub.h"
#include "host/HostOverviewPage.h"

#include <QApplication>
#include <QDialog>
#include <QSignalSpy>

using namespace bs;
using namespace bs::gui;

namespace {

// libvirt's test driver: one guest "test" (maximum 8 GiB) on a 3 GiB host.
MonitorConfig testDriver(int intervalSeconds = MonitorConfig().intervalSeconds) {
    MonitorConfig c;
    c.uri = QStringLiteral("test:///default");
    c.intervalSeconds = intervalSeconds;
    return c;
}

} // namespace

class TestHostOverviewPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // On the test driver the page shows what it can and marks the rest unavailable, quietly.
    void testDriverShowsWhatItCan() {
        HostRegistry registry(std::make_shared<NoCredentials>());
        HostOverviewHub hub(&registry);
        HostOverviewPage page(&hub);
        page.resize(900, 700);
        page.show();
        QSignalSpy changed(&hub, &HostOverviewHub::overviewChanged);
        const MonitorConfig config = testDriver(1);
        registry.addHost(config);
        page.setHost(config.uri, QStringLiteral("test"));
        QTRY_VERIFY_WITH_TIMEOUT(hub.overview(config.uri) != nullptr, 10000);

        const HostOverview *o = hub.overview(config.uri);
        QCOMPARE(o->status(HostFigure::NodeMemory).availability, Availability::Unsupported);
        QCOMPARE(o->status(HostFigure::Ksm).availability, Availability::Unsupported);
        // nodeinfo's memory stands in for the total: 3145728 KiB
        QCOMPARE(page.figureText(QStringLiteral("total")), units::formatKiB(3145728));
        QCOMPARE(page.figureText(QStringLiteral("free")),
                 availabilityText(Availability::Unsupported));
        QCOMPARE(page.figureText(QStringLiteral("ksmActivity")),
                 availabilityText(Availability::Unsupported));
        // the guest "test" (maximum 8 GiB) against a 3 GiB host
        QVERIFY2(page.figureText(QStringLiteral("maximum")).contains(units::formatKiB(8388608)),
                 qPrintable(page.figureText(QStringLiteral("maximum"))));
        // no error dialog popped up
        for (QWidget *w : QApplication::topLevelWidgets())
            QVERIFY2(!qobject_cast<QDialog *>(w) || !w->isVisible(), qPrintable(w->windowTitle()));
        // and advice is there, grounded in the numbers (the test guest oversells the host)
        QVERIFY(!page.adviceTexts().isEmpty());
    }

    // Hidden (another tab), the page does not rebuild at every poll; shown, it is up to date.
    void hiddenPageCatchesUpWhenShown() {
        HostRegistry registry(std::make_shared<NoCredentials>());
        HostOverviewHub hub(&registry);
        HostOverviewPage page(&hub);
        const MonitorConfig config = testDriver(1);
        registry.addHost(config);
        page.setHost(config.uri, QStringLiteral("test"));
        QTRY_VERIFY_WITH_TIMEOUT(hub.overview(config.uri) != nullptr, 10000);
        QVERIFY(page.figureText(QStringLiteral("total")).isEmpty());
        page.resize(900, 700);
        page.show();
        QCOMPARE(page.figureText(QStringLiteral("total")), units::formatKiB(3145728));
    }

    void removingTheHostClearsThePage() {
        HostRegistry registry(std::make_shared<NoCredentials>());
        HostOverviewHub hub(&registry);
        HostOverviewPage page(&hub);
        const MonitorConfig config = testDriver();
        registry.addHost(config);
        page.setHost(config.uri, QStringLiteral("test"));
        QTRY_VERIFY_WITH_TIMEOUT(hub.overview(config.uri) != nullptr, 10000);
        registry.removeHost(config.uri); // the feed goes before its host
        QVERIFY(hub.overview(config.uri) == nullptr);
    }
};

BS_GUI_TEST_MAIN(TestHostOverviewPage)
#include "tst_hostoverviewpage.moc"
