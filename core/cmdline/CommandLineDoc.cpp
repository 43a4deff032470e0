#include "CommandLineDoc.h"

namespace bs {

CommandOption::CommandOption(QCommandLineOption option)
    : m_option(std::move(option))
    , m_values(m_option.valueName().isEmpty() ? Values::None : Values::Text) {}

CommandOption &CommandOption::file(QStringList suffixes) {
    m_values = Values::File;
    m_suffixes = std::move(suffixes);
    return *this;
}

CommandOption &CommandOption::oneOf(QStringList words) {
    m_values = Values::Word;
    m_words = std::move(words);
    return *this;
}

CommandOption &CommandOption::listOf(QStringList words) {
    m_values = Values::WordList;
    m_words = std::move(words);
    return *this;
}

QStringList CommandOption::spellings() const {
    QStringList out;
    for (const QString &name : m_option.names())
        out.append((name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name);
    return out;
}

bool CommandOption::hidden() const {
    return m_option.flags().testFlag(QCommandLineOption::HiddenFromHelp);
}

} // namespace bs
