#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

namespace bs {

// One command-line option, declared once: the parser and --help read its QCommandLineOption; the
// manual page and the shell completion read it too, with what completion may offer as its value.
class CommandOption {
public:
    // What the value is, for completion: none (a flag), free text, a file, one word of a set, or
    // a comma-separated list of words of a set.
    enum class Values { None, Text, File, Word, WordList };

    CommandOption(QCommandLineOption option); // NOLINT: implicit on purpose, lists read better

    // The value is a file (completion offers files, those ending in one of `suffixes` if given).
    CommandOption &file(QStringList suffixes = {});
    // The value is one of `words` (or, with list, several joined by commas).
    CommandOption &oneOf(QStringList words);
    CommandOption &listOf(QStringList words);

    const QCommandLineOption &option() const { return m_option; }
    void setDescription(const QString &description) { m_option.setDescription(description); }
    Values values() const { return m_values; }
    const QStringList &words() const { return m_words; }
    const QStringList &suffixes() const { return m_suffixes; }
    // The names as typed: "-c", "--connect".
    QStringList spellings() const;
    bool hidden() const;

private:
    QCommandLineOption m_option;
    Values m_values;
    QStringList m_words;
    QStringList m_suffixes;
};

struct UsageExample {
    QString arguments;   // after the program's name, e.g. "domains --connect qemu:///system"
    QString description; // one translated sentence
};

struct ExitStatusDoc {
    int code = 0;
    QString meaning; // translated
};

// A sub-command ("balloonscope-cli domains").
struct CommandDoc {
    QString name;
    QString summary;              // translated paragraph
    QStringList synopses;         // after the command's name: "--connect URI [--json]"
    QList<CommandOption> options; // --help included
    QString argument;             // a positional argument's name ("SHELL"), empty for none
    QStringList argumentWords;    // what completion offers for it
    QList<ExitStatusDoc> exitStatus;
    QList<UsageExample> examples;
};

struct FileDoc {
    QString path;
    QString description;
};

// Everything a program's manual page and completion are made from.
struct ProgramDoc {
    QString name;                 // "balloonscope-cli"
    QString version;              // "0.1.0"
    QString whatis;               // the NAME line's description, no capital, no full stop
    QStringList synopses;         // after the name: "COMMAND [OPTIONS]"
    QStringList description;      // paragraphs
    QList<CommandOption> options; // the program's own options (before the command, if any)
    // Those of `options` that every command accepts too (--lang), for the completion.
    QStringList optionsAfterCommand;
    QList<CommandDoc> commands; // empty: a program without sub-commands
    QList<ExitStatusDoc> exitStatus;
    QList<UsageExample> examples;
    QList<FileDoc> files;
    QStringList seeAlso; // "virsh(1)"
};

} // namespace bs
