#include "TestMain.h"
#include "common/PostBox.h"

#include <QThread>

#include <atomic>
#include <memory>
#include <thread>

using namespace bs;

class TestPostBox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deliversOnTheReceiversThread() {
        QObject receiver;
        auto box = std::make_shared<PostBox>(&receiver);
        QThread *ranOn = nullptr;
        std::thread worker([&] { QVERIFY(box->post([&] { ranOn = QThread::currentThread(); })); });
        worker.join();
        QTRY_COMPARE(ranOn, QThread::currentThread());
    }

    void closedBoxDropsPosts() {
        QObject receiver;
        PostBox box(&receiver);
        box.close();
        bool ran = false;
        QVERIFY(!box.post([&] { ran = true; }));
        QCoreApplication::processEvents();
        QVERIFY(!ran);
    }

    // A worker posting in a loop while the receiver is destroyed: every post either runs on a
    // live receiver or is dropped (run under ASan/UBSan to see the difference).
    void receiverDestroyedWhileAWorkerPosts() {
        for (int round = 0; round < 20; ++round) {
            auto *receiver = new QObject;
            auto box = std::make_shared<PostBox>(receiver);
            std::atomic_int ran{0};
            std::atomic_bool stop{false};
            std::thread worker([&, box] {
                while (!stop.load())
                    box->post([&] { ++ran; });
            });
            QCoreApplication::processEvents();
            box->close();
            delete receiver;
            stop = true;
            worker.join();
            const int before = ran.load();
            QCoreApplication::processEvents();
            QCOMPARE(ran.load(), before); // nothing ran after the receiver died
        }
    }
};

BS_TEST_MAIN(TestPostBox)
#include "tst_postbox.moc"
