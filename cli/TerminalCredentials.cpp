#include "TerminalCredentials.h"

#include <QCoreApplication>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace bs::cli {

namespace {

std::optional<std::string> readLine(bool echo) {
    termios saved{};
    const bool tty = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty && !echo) {
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    const bool ok = bool(std::getline(std::cin, line));
    if (tty && !echo) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
    }
    if (!ok)
        return std::nullopt;
    return line;
}

} // namespace

std::optional<QStringList> TerminalCredentials::answer(const CredentialRequest &request) {
    if (!isatty(STDIN_FILENO))
        return std::nullopt;
    QStringList answers;
    for (const CredentialPrompt &prompt : request.prompts) {
        QString text = prompt.prompt.isEmpty()
                           ? QCoreApplication::translate("bs::cli::TerminalCredentials", "Answer")
                           : prompt.prompt;
        if (!prompt.challenge.isEmpty())
            text += QStringLiteral(" (%1)").arg(prompt.challenge);
        if (!prompt.defaultResult.isEmpty())
            text += QStringLiteral(" [%1]").arg(prompt.defaultResult);
        std::fprintf(stderr, "%s: ", text.toLocal8Bit().constData());
        std::fflush(stderr);
        const auto line = readLine(!prompt.isSecret());
        if (!line)
            return std::nullopt;
        QString value = QString::fromLocal8Bit(line->c_str());
        if (value.isEmpty())
            value = prompt.defaultResult;
        answers.append(value);
    }
    return answers;
}

} // namespace bs::cli
