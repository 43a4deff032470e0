#include "HistoryTestSupport.h"
#include "TestMain.h"
#include "history/HistoryBanner.h"
#include "history/HistoryPage.h"
#include "history/HistoryService.h"
#include "history/Schema.h"
#include "history/Sqlite.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>

using namespace bs;
using namespace bs::gui;
using namespace bs::test;

namespace {

const QString Host = QStringLiteral("qemu+ssh://admin@kvm1/system");
const QString Uuid = QStringLiteral("11111111-1111-1111-1111-111111111111");
constexpr qint64 T0 = 1735689600000;

PollCycle poll(qint64 t) {
    return pollCycle(Host, t, {guestPoll(Uuid, QStringLiteral("web"), t, 1000)});
}

bool hasNotice(const HistoryService &service, const QString &keyPrefix) {
    const auto notices = service.notices();
    return std::any_of(notices.cbegin(), notices.cend(),
                       [&](const HistoryNotice &n) { return n.key.startsWith(keyPrefix); });
}

HistoryNotice notice(const HistoryService &service, const QString &keyPrefix) {
    for (const HistoryNotice &n : service.notices()) {
        if (n.key.startsWith(keyPrefix))
            return n;
    }
    return {};
}

} // namespace

// What the window says about the history, driven into each state for real: a file that is not a
// database, one from a newer Balloonscope, a host a recorder covers. (A full disk: see
// tst_historydiskfullbanner, which needs root for its tmpfs.)
class TestHistoryNotices : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeClock m_clock;

    HistoryOptions options(const QString &file) {
        return testHistoryOptions(m_dir.filePath(file), m_clock);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_clock.set(T0);
    }

    void notADatabaseIsMovedAsideAndSaidSo() {
        const QString path = m_dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile garbage(path);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray(8192, 'x'));
        garbage.close();

        HistoryService service(options(QStringLiteral("garbage.sqlite")));
        HistoryPage page(&service);
        QTRY_VERIFY(hasNotice(service, QStringLiteral("replaced")));
        const HistoryNotice n = notice(service, QStringLiteral("replaced"));
        QCOMPARE(n.level, HistoryNotice::Level::Warning);
        QVERIFY(n.dismissable);
        const QStringList aside =
            QDir(m_dir.path()).entryList({QStringLiteral("garbage.sqlite.damaged-*")});
        QCOMPARE(aside.size(), 1);
        QVERIFY2(n.text.contains(QStringLiteral("moved aside")) &&
                     n.text.contains(QDir::toNativeSeparators(m_dir.filePath(aside.first()))),
                 qPrintable(n.text));
        QCOMPARE(page.banner()->texts(), QStringList{n.text});
        QVERIFY(!page.banner()->isHidden());
        // A new history was started and records.
        QTRY_COMPARE(service.status().state, HistoryStatus::State::Ready);
        service.recordCycle(poll(T0));
        QVERIFY(service.store()->waitForIdle());
        QCOMPARE(sqlInt(path, "SELECT count(*) FROM samples_readable"), 1);

        // Dismissed with the banner's close button.
        QToolButton *close = nullptr;
        for (QToolButton *b : page.banner()->findChildren<QToolButton *>()) {
            if (b->toolTip() == HistoryBanner::tr("Dismiss"))
                close = b;
        }
        QVERIFY(close);
        close->click();
        QVERIFY(!hasNotice(service, QStringLiteral("replaced")));
        QTRY_VERIFY(page.banner()->isHidden());
    }

    void newerSchemaIsReadOnlyAndSaidSo() {
        const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
        {
            auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
            QVERIFY(db);
            QVERIFY(db->exec(history::migrationSql(1)));
            const QByteArray pragmas =
                "PRAGMA application_id = " + QByteArray::number(history::ApplicationId) +
                "; PRAGMA user_version = " + QByteArray::number(history::SchemaVersion + 1);
            QVERIFY(db->exec(pragmas.constData()));
        }
        HistoryService service(options(QStringLiteral("newer.sqlite")));
        HistoryPage page(&service);
        QTRY_COMPARE(service.status().state, HistoryStatus::State::ReadOnly);
        QTRY_VERIFY(hasNotice(service, QStringLiteral("status")));
        const HistoryNotice n = notice(service, QStringLiteral("status"));
        QVERIFY2(n.text.contains(QStringLiteral("newer")) &&
                     n.text.contains(QStringLiteral("read-only")),
                 qPrintable(n.text));
        QCOMPARE(n.shortText, HistoryService::tr("History: read-only"));
        QCOMPARE(page.banner()->texts(), QStringList{n.text});
        // Nothing is written into it.
        service.recordCycle(poll(T0));
        QVERIFY(service.store()->waitForIdle());
        QCOMPARE(sqlInt(path, "SELECT count(*) FROM samples"), 0);
        QCOMPARE(sqlInt(path, "PRAGMA user_version"), history::SchemaVersion + 1);
    }

    void hostCoveredByARecorderIsSaidSo() {
        const QString file = QStringLiteral("shared.sqlite");
        HistoryOptions recorderOptions = options(file);
        recorderOptions.role = WriterRole::Recorder;
        HistoryStore recorder(recorderOptions);
        QVERIFY(openAndWait(recorder));
        recorder.record(poll(T0));
        QVERIFY(recorder.waitForIdle());

        HistoryService service(options(file));
        HistoryPage page(&service);
        QTRY_COMPARE(service.status().state, HistoryStatus::State::Ready);
        service.recordCycle(poll(T0 + 5000));
        QTRY_VERIFY(hasNotice(service, QStringLiteral("lease:")));
        const HistoryNotice n = notice(service, QStringLiteral("lease:"));
        const QString pid = QString::number(QCoreApplication::applicationPid());
        QVERIFY2(n.text.contains(QStringLiteral("recorder")) && n.text.contains(pid) &&
                     n.text.contains(QStringLiteral("kvm1")),
                 qPrintable(n.text));
        QVERIFY(n.shortText.contains(pid));
        QVERIFY(service.coveredHosts().contains(Host));
        QTRY_COMPARE(page.banner()->texts(), QStringList{n.text});
        // Not written twice: only the recorder's poll is in the file.
        QCOMPARE(sqlInt(service.store()->path(), "SELECT count(*) FROM samples_readable"), 1);

        // The recorder stops: the window takes the host back and the notice goes.
        recorder.close();
        service.recordCycle(poll(T0 + 10000));
        QTRY_VERIFY(!hasNotice(service, QStringLiteral("lease:")));
        QVERIFY(service.coveredHosts().isEmpty());
    }
};

BS_GUI_TEST_MAIN(TestHistoryNotices)
#include "tst_historynotices.moc"
