// The order the CLI lists guests in (domains, readiness), as `virsh list --all` users expect:
// running (any active state) first, then by name; the same on every run.
#include "TestMain.h"
#include "model/DomainState.h"

#include <QTest>

#include <algorithm>

using namespace bs;

class TestGuestOrder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listedBefore_data() {
        QTest::addColumn<int>("stateA");
        QTest::addColumn<QString>("nameA");
        QTest::addColumn<int>("stateB");
        QTest::addColumn<QString>("nameB");
        QTest::addColumn<bool>("before");
        const int running = int(DomainState::Running);
        const int paused = int(DomainState::Paused);
        const int off = int(DomainState::Shutoff);
        QTest::newRow("running before shut off")
            << running << QStringLiteral("zeta") << off << QStringLiteral("alpha") << true;
        QTest::newRow("shut off after running")
            << off << QStringLiteral("alpha") << running << QStringLiteral("zeta") << false;
        QTest::newRow("paused counts as running")
            << paused << QStringLiteral("zeta") << off << QStringLiteral("alpha") << true;
        QTest::newRow("by name among running")
            << running << QStringLiteral("alpha") << paused << QStringLiteral("beta") << true;
        QTest::newRow("case-insensitive")
            << off << QStringLiteral("Beta") << off << QStringLiteral("alpha") << false;
        QTest::newRow("exact case breaks ties")
            << off << QStringLiteral("Web") << off << QStringLiteral("web") << true;
        QTest::newRow("not before itself")
            << off << QStringLiteral("web") << off << QStringLiteral("web") << false;
    }
    void listedBefore() {
        QFETCH(int, stateA);
        QFETCH(QString, nameA);
        QFETCH(int, stateB);
        QFETCH(QString, nameB);
        QFETCH(bool, before);
        QCOMPARE(bs::listedBefore(DomainState(stateA), nameA, DomainState(stateB), nameB), before);
    }

    // Sorting any arrival order gives one order.
    void stableWhateverTheArrival() {
        struct G {
            DomainState state;
            QString name;
        };
        QList<G> guests = {{DomainState::Shutoff, QStringLiteral("old-nova")},
                           {DomainState::Running, QStringLiteral("web-01")},
                           {DomainState::Paused, QStringLiteral("db-01")},
                           {DomainState::Shutoff, QStringLiteral("Archive")},
                           {DomainState::Running, QStringLiteral("app")}};
        const auto names = [](QList<G> list) {
            std::sort(list.begin(), list.end(), [](const G &a, const G &b) {
                return bs::listedBefore(a.state, a.name, b.state, b.name);
            });
            QStringList out;
            for (const G &g : list)
                out << g.name;
            return out;
        };
        const QStringList expected = {QStringLiteral("app"), QStringLiteral("db-01"),
                                      QStringLiteral("web-01"), QStringLiteral("Archive"),
                                      QStringLiteral("old-nova")};
        QCOMPARE(names(guests), expected);
        std::reverse(guests.begin(), guests.end());
        QCOMPARE(names(guests), expected);
    }
};

BS_TEST_MAIN(TestGuestOrder)
#include "tst_guestorder.moc"
