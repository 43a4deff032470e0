// Connections, the one owner of the window's connections: adding, editing, connecting,
// disconnecting and forgetting keep the saved list, the watched hosts (the registry) and the
// host and guest rows in agreement. Against libvirt's test driver, through a Workbench (no
// window, no keyring).
#include "TestMain.h"
#include "app/HostRegistry.h"
#include "connection/Connections.h"
#include "guests/GuestTableModel.h"
#include "hosts/HostListModel.h"
#include "libvirt/CredentialProvider.h"
#include "workbench/Workbench.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace bs;
using namespace bs::gui;

namespace {

const QString Default = QStringLiteral("test:///default");

QStringList savedUris(const Connections &connections) {
    QStringList out;
    for (const SavedConnection &c : connections.saved())
        out << c.uri;
    return out;
}

} // namespace

class TestConnections : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<QSettings> settings(const QString &name) {
        return std::make_unique<QSettings>(m_dir.filePath(name), QSettings::IniFormat);
    }

private Q_SLOTS:
    void addEditForget() {
        auto s = settings(QStringLiteral("a.ini"));
        Workbench bench(*s, std::make_shared<NoCredentials>());
        Connections *connections = bench.connections();
        QSignalSpy shown(connections, &Connections::hostShown);

        connections->add({Default, false, true});
        QCOMPARE(savedUris(*connections), QStringList{Default});
        QVERIFY(bench.registry()->contains(Default));
        QCOMPARE(bench.hostModel()->rowCount(), 1);
        QCOMPARE(shown.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(bench.guestModel()->rowCount(), 1, 10000);

        // Same URI, other access: saved in place, reconnected read-only, the old rows gone.
        connections->edit(Default, {Default, true, true});
        QCOMPARE(connections->saved().size(), 1);
        QVERIFY(connections->saved().constFirst().readOnly);
        QVERIFY(bench.registry()->contains(Default));
        QTRY_VERIFY_WITH_TIMEOUT(bench.hostModel()->statusOf(Default).readOnly, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(bench.guestModel()->rowCount(), 1, 10000);

        // Another URI: the old host is no longer watched nor listed.
        const QString other = QStringLiteral("test:///default?name=other");
        connections->edit(Default, {other, false, true});
        QCOMPARE(savedUris(*connections), QStringList{other});
        QVERIFY(!bench.registry()->contains(Default));
        QCOMPARE(bench.hostModel()->rowOf(Default), -1);
        QVERIFY(bench.registry()->contains(other));
        QCOMPARE(bench.hostModel()->rowCount(), 1);

        // Forget: nothing of it is left.
        connections->forget(other);
        QVERIFY(connections->saved().isEmpty());
        QVERIFY(!bench.registry()->contains(other));
        QCOMPARE(bench.hostModel()->rowCount(), 0);
        QCOMPARE(bench.guestModel()->rowCount(), 0);
    }

    // An edit that changes only the name of nothing that matters (autoconnect) keeps the host
    // connected as it is.
    void editWithoutChangeKeepsTheConnection() {
        auto s = settings(QStringLiteral("b.ini"));
        Workbench bench(*s, std::make_shared<NoCredentials>());
        Connections *connections = bench.connections();
        connections->add({Default, false, true});
        QTRY_COMPARE_WITH_TIMEOUT(bench.guestModel()->rowCount(), 1, 10000);
        QSignalSpy removed(bench.registry(), &HostRegistry::hostRemoved);
        connections->edit(Default, {Default, false, false});
        QVERIFY(!connections->saved().constFirst().autoConnect);
        QVERIFY(removed.isEmpty());
        QCOMPARE(bench.guestModel()->rowCount(), 1);
    }

    // Saved connections are listed at start; "connect at start" ones connect, with their
    // access; disconnect and connect again follow the saved access.
    void savedConnectionsAndReconnect() {
        auto s = settings(QStringLiteral("c.ini"));
        {
            SavedConnectionStore store(*s);
            store.upsert({Default, true, true});
            store.upsert({QStringLiteral("qemu:///session"), false, false});
        }
        Workbench bench(*s, std::make_shared<NoCredentials>());
        QCOMPARE(bench.hostModel()->rowCount(), 2);
        QVERIFY(bench.registry()->hostIds().isEmpty());
        bench.connections()->connectSaved();
        QCOMPARE(bench.registry()->hostIds(), QStringList{Default});
        QTRY_COMPARE_WITH_TIMEOUT(bench.hostModel()->statusOf(Default).state,
                                  HostStatus::State::Connected, 10000);
        bench.connections()->disconnectHost(Default);
        QTRY_COMPARE_WITH_TIMEOUT(bench.hostModel()->statusOf(Default).state,
                                  HostStatus::State::Stopped, 10000);
        bench.connections()->connectHost(Default);
        QTRY_COMPARE_WITH_TIMEOUT(bench.hostModel()->statusOf(Default).state,
                                  HostStatus::State::Connected, 10000);
        QVERIFY(bench.hostModel()->statusOf(Default).readOnly);
    }
};

BS_GUI_TEST_MAIN(TestConnections)
#include "tst_connections.moc"
