#include "HistoryTestSupport.h"
#include "SmallTmpfs.h"
#include "history/HistoryBanner.h"
#include "history/HistoryPage.h"
#include "history/HistoryService.h"
#include "libvirt/LibvirtRuntime.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <cstdio>
#include <sys/mount.h>
#include <unistd.h>

using namespace bs;
using namespace bs::gui;
using namespace bs::test;

namespace {

constexpr int SkipReturnCode = 77; // CTest's SKIP_RETURN_CODE for this test: never a "pass"
const QString Host = QStringLiteral("qemu:///system");
constexpr qint64 T0 = 1735689600000;

PollCycle bigCycle(qint64 t) {
    QList<MemorySample> guests;
    for (int g = 0; g < 40; ++g) {
        const QString uuid =
            QStringLiteral("00000000-0000-0000-0000-%1").arg(g, 12, 10, QLatin1Char('0'));
        guests.append(
            guestPoll(uuid, QStringLiteral("vm%1").arg(g), t, 1000 + quint64(t / 1000 % 977)));
    }
    return pollCycle(Host, t, guests, 5);
}

bool pausedNotice(const HistoryService &service) {
    const auto notices = service.notices();
    return std::any_of(notices.cbegin(), notices.cend(), [](const HistoryNotice &n) {
        return n.key == QLatin1String("status") && n.level == HistoryNotice::Level::Error;
    });
}

} // namespace

// A full disk pauses recording with a visible error, the page stays alive, and the error goes
// when space returns and recording resumes.
class TestHistoryDiskFullBanner : public QObject {
    Q_OBJECT

public:
    explicit TestHistoryDiskFullBanner(SmallTmpfs &fs)
        : m_fs(fs) {}

private:
    SmallTmpfs &m_fs;

private Q_SLOTS:
    void pausedIsShownAndClears() {
        QFile filler(m_fs.filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        QVERIFY(filler.write(QByteArray(1536 * 1024, 'x')) == 1536 * 1024);
        filler.close();

        FakeClock clock;
        clock.set(T0);
        HistoryOptions o;
        o.path = m_fs.filePath(QStringLiteral("history.sqlite"));
        o.backgroundCompaction = false;
        o.clockMs = clock.function();
        HistoryService service(o);
        HistoryPage page(&service);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTRY_COMPARE(service.status().state, HistoryStatus::State::Ready);

        qint64 t = T0;
        for (int i = 0; i < 2000 && service.status().state == HistoryStatus::State::Ready;
             ++i, t += 5000) {
            service.recordCycle(bigCycle(t));
            QVERIFY(service.store()->waitForIdle());
        }
        QCOMPARE(service.status().state, HistoryStatus::State::Paused);
        QTRY_VERIFY(pausedNotice(service));
        const QStringList shown = page.banner()->texts();
        QCOMPARE(shown.size(), 1);
        QVERIFY2(shown.first().contains(QStringLiteral("full")) &&
                     shown.first().contains(QStringLiteral("not recorded")),
                 qPrintable(shown.first()));
        QVERIFY(!page.banner()->isHidden());
        // Alive: a query still answers.
        page.setHost(Host, QStringLiteral("local"));
        page.showRange(T0, t);
        QSignalSpy refreshed(&page, &HistoryPage::refreshed);
        QVERIFY(refreshed.wait(10000));

        QVERIFY(QFile::remove(m_fs.filePath(QStringLiteral("filler"))));
        for (int i = 0; i < 3; ++i, t += 5000)
            service.recordCycle(bigCycle(t));
        QVERIFY(service.store()->waitForIdle());
        QCOMPARE(service.status().state, HistoryStatus::State::Ready);
        QTRY_VERIFY(!pausedNotice(service));
        QTRY_VERIFY(page.banner()->isHidden());
    }
};

int main(int argc, char *argv[]) {
    LibvirtRuntime::prepareProcess();
    QApplication app(argc, argv);
    if (geteuid() != 0) {
        std::fprintf(stderr, "SKIP: mounting a tmpfs needs root\n");
        return SkipReturnCode;
    }
    SmallTmpfs fs("2m", "bs-bannerfull");
    if (!fs.isMounted()) {
        std::fprintf(stderr, "SKIP: could not mount a tmpfs\n");
        return SkipReturnCode;
    }
    TestHistoryDiskFullBanner tc(fs);
    return QTest::qExec(&tc, argc, argv);
}

#include "tst_historydiskfullbanner.moc"
