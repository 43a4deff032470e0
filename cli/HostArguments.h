#pragma once

#include "monitor/HostMonitor.h"

#include <QCommandLineParser>

#include <optional>

namespace bs::cli {

class DemoSession;

// --connect URI (validated) and --readonly turned into what a monitor needs. Prints the error
// (an invalid URI, a missing --connect) itself and returns nullopt: exit code 2.
struct HostArguments {
    MonitorConfig config;
    std::shared_ptr<CredentialProvider> credentials;

    static std::optional<HostArguments> single(const QCommandLineParser &parser);
    // --demo (brings `demo` up, blocking, and monitors it) or else single(). Nullopt: usage
    // error or interrupted, already reported.
    static std::optional<HostArguments> singleOrDemo(const QCommandLineParser &parser,
                                                     DemoSession &demo);
    static std::optional<QList<HostArguments>> multiple(const QCommandLineParser &parser);
    // --demo (the demo host alone) or else multiple().
    static std::optional<QList<HostArguments>> multipleOrDemo(const QCommandLineParser &parser,
                                                              DemoSession &demo);
};

} // namespace bs::cli
