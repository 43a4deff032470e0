#include "ShellCompletion.h"

#include <QRegularExpression>

namespace bs {

namespace {

// A word list for a shell: the words are option names and fixed values, never user input, but
// quote them anyway.
QString shellWords(const QStringList &words) {
    QStringList quoted;
    for (QString w : words)
        quoted.append(w.replace(QLatin1Char('\''), QStringLiteral("'\\''")));
    return quoted.join(QLatin1Char(' '));
}

QStringList visibleSpellings(const QList<CommandOption> &options) {
    QStringList out;
    for (const CommandOption &o : options) {
        if (!o.hidden())
            out += o.spellings();
    }
    return out;
}

QList<CommandOption> afterCommandOptions(const QList<CommandOption> &global,
                                         const QStringList &names) {
    QList<CommandOption> out;
    for (const CommandOption &o : global) {
        if (names.contains(o.option().names().constFirst()))
            out.append(o);
    }
    return out;
}

QStringList afterCommand(const QList<CommandOption> &global, const QStringList &names) {
    return visibleSpellings(afterCommandOptions(global, names));
}

// The bash `case $prev in` arms completing option values: files, words, or nothing (free text).
QString bashValueCases(const QString &fn, const QList<CommandOption> &options,
                       const QString &indent) {
    QString out;
    for (const CommandOption &o : options) {
        if (o.values() == CommandOption::Values::None)
            continue;
        out += indent + o.spellings().join(QLatin1Char('|')) + QStringLiteral(")\n");
        switch (o.values()) {
        case CommandOption::Values::File:
            out += indent + QStringLiteral("    %1_files %2\n").arg(fn, shellWords(o.suffixes()));
            break;
        case CommandOption::Values::Word:
            out += indent + QStringLiteral("    COMPREPLY=($(compgen -W '%1' -- \"$cur\"))\n")
                                .arg(shellWords(o.words()));
            break;
        case CommandOption::Values::WordList:
            out += indent + QStringLiteral("    %1_list '%2'\n").arg(fn, shellWords(o.words()));
            break;
        default:
            break;
        }
        out += indent + QStringLiteral("    return ;;\n");
    }
    return out;
}

// zsh's _arguments wants ':' ']' '[' and '\' escaped in descriptions; the spec is single-quoted.
QString zshDescription(QString text) {
    static const QRegularExpression sentenceEnd(QStringLiteral(R"([.;:]\s.*$|[.]$)"));
    text.remove(sentenceEnd); // the first clause is enough beside a completion
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    for (const char *c : {"[", "]", ":"})
        text.replace(QLatin1String(c), QLatin1String("\\") + QLatin1String(c));
    text.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return text;
}

QString zshAction(const CommandOption &o) {
    switch (o.values()) {
    case CommandOption::Values::File:
        if (o.suffixes().isEmpty())
            return QStringLiteral("_files");
        return QStringLiteral("_files -g \"*.(%1)\"").arg(o.suffixes().join(QLatin1Char('|')));
    case CommandOption::Values::Word:
        return QStringLiteral("(%1)").arg(o.words().join(QLatin1Char(' ')));
    case CommandOption::Values::WordList:
        return QStringLiteral("_sequence compadd - %1").arg(o.words().join(QLatin1Char(' ')));
    default:
        return QStringLiteral(" ");
    }
}

QStringList zshSpecs(const QList<CommandOption> &options) {
    QStringList specs;
    for (const CommandOption &o : options) {
        if (o.hidden())
            continue;
        const QString description = zshDescription(o.option().description());
        for (const QString &spelling : o.spellings()) {
            QString spec = spelling + QLatin1Char('[') + description + QLatin1Char(']');
            if (o.values() != CommandOption::Values::None) {
                spec = QLatin1Char('*') + spec; // value options may repeat (--connect, --domain)
                spec += QLatin1Char(':') + zshDescription(o.option().valueName()) +
                        QLatin1Char(':') + zshAction(o);
            }
            specs.append(QLatin1Char('\'') + spec + QLatin1Char('\''));
        }
    }
    return specs;
}

} // namespace

QStringList ShellCompletion::shells() {
    return {QStringLiteral("bash"), QStringLiteral("zsh")};
}

QString ShellCompletion::script(const ProgramDoc &doc, const QString &shell) {
    if (shell == QLatin1String("bash"))
        return bash(doc);
    if (shell == QLatin1String("zsh"))
        return zsh(doc);
    return {};
}

QString ShellCompletion::functionName(const QString &program) {
    QString name = program;
    static const QRegularExpression notWord(QStringLiteral("[^A-Za-z0-9_]"));
    name.replace(notWord, QStringLiteral("_"));
    return QLatin1Char('_') + name;
}

QString ShellCompletion::bash(const ProgramDoc &doc) {
    const QString fn = functionName(doc.name);
    QString out;
    out += QStringLiteral("# bash completion for %1 -*- shell-script -*-\n"
                          "# Made by \"%1 completion bash\" from its option definitions: do not "
                          "edit.\n\n")
               .arg(doc.name);
    // Helpers: files (optionally by suffix) and comma-separated lists of words.
    out += QStringLiteral("%1_files()\n{\n"
                          "    local IFS=$'\\n' suffix\n"
                          "    compopt -o filenames 2>/dev/null\n"
                          "    if (($# == 0)); then\n"
                          "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
                          "        return\n"
                          "    fi\n"
                          "    COMPREPLY=($(compgen -d -- \"$cur\"))\n"
                          "    for suffix; do\n"
                          "        COMPREPLY+=($(compgen -f -X \"!*.$suffix\" -- \"$cur\"))\n"
                          "    done\n"
                          "}\n\n"
                          "%1_list()\n{\n"
                          "    local head= tail=$cur\n"
                          "    if [[ $cur == *,* ]]; then\n"
                          "        head=${cur%,*},\n"
                          "        tail=${cur##*,}\n"
                          "    fi\n"
                          "    COMPREPLY=($(compgen -W \"$1\" -P \"$head\" -- \"$tail\"))\n"
                          "    compopt -o nospace 2>/dev/null\n"
                          "}\n\n")
               .arg(fn);

    out += QStringLiteral("%1()\n{\n").arg(fn);
    out += QStringLiteral("    local cur=${COMP_WORDS[COMP_CWORD]} prev=\n"
                          "    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
                          "    # --option=value: bash splits the word at '='.\n"
                          "    if [[ $cur == = ]]; then\n"
                          "        cur=\n"
                          "    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n"
                          "        prev=${COMP_WORDS[COMP_CWORD-2]}\n"
                          "    fi\n"
                          "    COMPREPLY=()\n");
    const QString globalValues = bashValueCases(fn, doc.options, QStringLiteral("        "));
    if (!globalValues.isEmpty())
        out += QStringLiteral("    case $prev in\n") + globalValues + QStringLiteral("    esac\n");

    if (doc.commands.isEmpty()) {
        out += QStringLiteral("    COMPREPLY=($(compgen -W '%1' -- \"$cur\"))\n}\n")
                   .arg(shellWords(visibleSpellings(doc.options)));
    } else {
        // The sub-command: the first word that is neither an option nor a global option's value.
        QStringList globalWithValue;
        for (const CommandOption &o : doc.options) {
            if (o.values() != CommandOption::Values::None)
                globalWithValue += o.spellings();
        }
        out += QStringLiteral("    local command= i\n"
                              "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
                              "        case ${COMP_WORDS[i]} in\n");
        if (!globalWithValue.isEmpty()) {
            out += QStringLiteral("            %1)\n"
                                  "                [[ ${COMP_WORDS[i+1]} == = ]] && ((i++))\n"
                                  "                ((i++)) ;;\n")
                       .arg(globalWithValue.join(QLatin1Char('|')));
        }
        out += QStringLiteral("            -* | =) ;;\n"
                              "            *) command=${COMP_WORDS[i]}; break ;;\n"
                              "        esac\n"
                              "    done\n"
                              "    local words\n"
                              "    case $command in\n");
        QStringList names;
        for (const CommandDoc &c : doc.commands)
            names.append(c.name);
        out += QStringLiteral("        '') words='%1' ;;\n")
                   .arg(shellWords(names + visibleSpellings(doc.options)));
        for (const CommandDoc &c : doc.commands) {
            out += QStringLiteral("        %1)\n").arg(c.name);
            const QString values =
                bashValueCases(fn, c.options, QStringLiteral("                "));
            if (!values.isEmpty())
                out += QStringLiteral("            case $prev in\n") + values +
                       QStringLiteral("            esac\n");
            QStringList words = c.argumentWords + visibleSpellings(c.options) +
                                afterCommand(doc.options, doc.optionsAfterCommand);
            words.removeDuplicates();
            out += QStringLiteral("            words='%1' ;;\n").arg(shellWords(words));
        }
        out += QStringLiteral("        *) return ;;\n"
                              "    esac\n"
                              "    COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
                              "}\n");
    }
    out += QStringLiteral("complete -F %1 %2\n").arg(fn, doc.name);
    return out;
}

QString ShellCompletion::zsh(const ProgramDoc &doc) {
    // Named as the file (_balloonscope-cli), which is how zsh autoloads it from its fpath.
    const QString fn = QLatin1Char('_') + doc.name;
    QString out;
    out += QStringLiteral("#compdef %1\n"
                          "# zsh completion for %1. Made by \"%1 completion zsh\" from its option "
                          "definitions: do not edit.\n\n")
               .arg(doc.name);
    const QString global = zshSpecs(doc.options).join(QStringLiteral(" \\\n        "));
    out += QStringLiteral("%1() {\n").arg(fn);
    if (doc.commands.isEmpty()) {
        out += QStringLiteral("    _arguments -s \\\n        %1\n}\n").arg(global);
    } else {
        out += QStringLiteral("    local curcontext=$curcontext state line ret=1\n"
                              "    _arguments -C \\\n"
                              "        %1 \\\n"
                              "        '1:command:->command' \\\n"
                              "        '*::argument:->argument' && ret=0\n"
                              "    case $state in\n"
                              "    command)\n"
                              "        local -a commands=(\n")
                   .arg(global);
        for (const CommandDoc &c : doc.commands)
            out += QStringLiteral("            '%1:%2'\n").arg(c.name, zshDescription(c.summary));
        out += QStringLiteral("        )\n"
                              "        _describe -t commands command commands && ret=0 ;;\n"
                              "    argument)\n"
                              "        curcontext=${curcontext%:*:*}:%1-$line[1]:\n"
                              "        case $line[1] in\n")
                   .arg(doc.name);
        for (const CommandDoc &c : doc.commands) {
            QStringList specs =
                zshSpecs(c.options + afterCommandOptions(doc.options, doc.optionsAfterCommand));
            if (!c.argument.isEmpty())
                specs.append(
                    QStringLiteral("'1:%1:(%2)'")
                        .arg(zshDescription(c.argument), c.argumentWords.join(QLatin1Char(' '))));
            out += QStringLiteral("        %1)\n            _arguments -s \\\n                %2 "
                                  "&& ret=0 ;;\n")
                       .arg(c.name, specs.join(QStringLiteral(" \\\n                ")));
        }
        out += QStringLiteral("        esac ;;\n"
                              "    esac\n"
                              "    return ret\n"
                              "}\n");
    }
    // As an autoloaded file (fpath) zsh runs the body; sourced, it registers the function.
    out += QStringLiteral("\nif [[ $funcstack[1] == %1 ]]; then\n"
                          "    %1 \"$@\"\n"
                          "else\n"
                          "    compdef %1 %2\n"
                          "fi\n")
               .arg(fn, doc.name);
    return out;
}

} // namespace bs
