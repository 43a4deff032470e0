#include "TestMain.h"
#include "settings/Preferences.h"
#include "settings/SavedConnection.h"

#include <QTemporaryDir>

using namespace bs;

class TestPreferences : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void defaults() {
        QSettings s(m_dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
        const Preferences p = Preferences::load(s);
        QCOMPARE(p, Preferences{});
        QCOMPARE(p.pollIntervalSeconds, 5);
        QCOMPARE(p.defaultStatsPeriod, 10);
        QVERIFY(!p.agentChecksByDefault); // agent checks taint guests: opt-in
    }

    void roundTrip() {
        QSettings s(m_dir.filePath(QStringLiteral("rt.ini")), QSettings::IniFormat);
        Preferences p;
        p.pollIntervalSeconds = 30;
        p.defaultStatsPeriod = 5;
        p.rawRetentionDays = 14;
        p.minuteRetentionDays = 120;
        p.hourRetentionDays = 800;
        p.unit = units::SizeUnit::GiB;
        p.language = QStringLiteral("zh_CN");
        p.agentChecksByDefault = true;
        p.save(s);
        QCOMPARE(Preferences::load(s), p);
    }

    void handEditedNonsenseIsClamped() {
        QSettings s(m_dir.filePath(QStringLiteral("bad.ini")), QSettings::IniFormat);
        s.setValue(QStringLiteral("monitor/interval"), 0);
        s.setValue(QStringLiteral("balloon/defaultStatsPeriod"), 99999);
        s.setValue(QStringLiteral("history/rawDays"), 30);
        s.setValue(QStringLiteral("history/minuteDays"), 2); // shorter than raw
        s.setValue(QStringLiteral("history/hourDays"), -5);
        s.setValue(QStringLiteral("ui/unit"), 42);
        s.setValue(QStringLiteral("ui/language"), QStringLiteral("klingon"));
        const Preferences p = Preferences::load(s);
        QCOMPARE(p.pollIntervalSeconds, 1);
        QCOMPARE(p.defaultStatsPeriod, 3600);
        QCOMPARE(p.rawRetentionDays, 30);
        QCOMPARE(p.minuteRetentionDays, 30);
        QCOMPARE(p.hourRetentionDays, 30);
        QCOMPARE(p.unit, units::SizeUnit::Auto);
        QVERIFY(p.language.isEmpty());
    }

    void savedConnections() {
        QSettings s(m_dir.filePath(QStringLiteral("c.ini")), QSettings::IniFormat);
        SavedConnectionStore store(s);
        store.upsert({QStringLiteral("qemu:///system"), false, true});
        store.upsert({QStringLiteral("qemu+ssh://root@kvm1/system"), true, false});
        store.upsert({QStringLiteral("qemu:///system"), true, true}); // same URI: replaced
        QCOMPARE(store.load().size(), 2);
        QVERIFY(store.load().at(0).readOnly);
        // edit: the URI itself changes
        store.upsert({QStringLiteral("qemu+ssh://root@kvm2/system"), true, false},
                     QStringLiteral("qemu+ssh://root@kvm1/system"));
        QCOMPARE(store.load().at(1).uri, QStringLiteral("qemu+ssh://root@kvm2/system"));
        store.remove(QStringLiteral("qemu:///system"));
        QCOMPARE(store.load().size(), 1);
    }
};

BS_TEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
