#pragma once

#include "libvirt/LibvirtRuntime.h"

#include <QCoreApplication>
#include <QTest>

// Like QTEST_GUILESS_MAIN, plus the process set-up every Balloonscope main() does: glib left to
// libvirt, and libvirt's event loop running for the whole test.
#define BS_TEST_MAIN(TestClass)                                                                    \
    int main(int argc, char *argv[]) {                                                             \
        bs::LibvirtRuntime::prepareProcess();                                                      \
        QCoreApplication app(argc, argv);                                                          \
        bs::LibvirtRuntime runtime;                                                                \
        TestClass tc;                                                                              \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }

// For tests that paint without widgets (charts, reports): fonts and QPainter need a
// QGuiApplication; CTest runs it with QT_QPA_PLATFORM=offscreen.
#define BS_PAINT_TEST_MAIN(TestClass)                                                              \
    int main(int argc, char *argv[]) {                                                             \
        bs::LibvirtRuntime::prepareProcess();                                                      \
        QGuiApplication app(argc, argv);                                                           \
        bs::LibvirtRuntime runtime;                                                                \
        TestClass tc;                                                                              \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }

// For widget tests (run with QT_QPA_PLATFORM=offscreen by CTest).
#define BS_GUI_TEST_MAIN(TestClass)                                                                \
    int main(int argc, char *argv[]) {                                                             \
        bs::LibvirtRuntime::prepareProcess();                                                      \
        QApplication app(argc, argv);                                                              \
        bs::LibvirtRuntime runtime;                                                                \
        TestClass tc;                                                                              \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }
