#include "ManPage.h"

#include <QDateTime>
#include <QDir>
#include <QRegularExpression>

namespace bs {

namespace {

// Chinese (and Japanese, Korean) text has no spaces where a line may break: after each such
// character, groff is told it may (\:).
bool breaksAnywhere(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

// Whether the word starting at `from` is a path, a URI or a comma-separated list, which groff
// must not hyphenate (it would print "his-tory.sqlite"): a '/', '_', ':', ',', '=' or '@'
// before its last character.
bool isMachineWord(const QList<uint> &chars, qsizetype from) {
    qsizetype end = from;
    while (end < chars.size() && !QChar::isSpace(chars.at(end)))
        ++end;
    for (qsizetype i = from; i + 1 < end; ++i) {
        if (QStringView(u"/_:,=@").contains(QChar(chars.at(i))))
            return true;
    }
    return false;
}

QString bold(const QString &text) {
    return QStringLiteral("\\fB") + ManPage::escape(text) + QStringLiteral("\\fR");
}

QString italic(const QString &text) {
    return QStringLiteral("\\fI") + ManPage::escape(text) + QStringLiteral("\\fR");
}

// A macro argument: quoted, with quotes inside spelled \(dq.
QString quoted(const QString &text) {
    // No break points: a heading is one line, and mandb must read a translated NAME heading.
    QString escaped = ManPage::escape(text).remove(QStringLiteral("\\:"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\(dq"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString optionTag(const CommandOption &option) {
    QStringList names;
    for (const QString &spelling : option.spellings())
        names.append(bold(spelling));
    QString tag = names.join(QStringLiteral(", "));
    if (!option.option().valueName().isEmpty())
        tag += QLatin1Char(' ') + italic(option.option().valueName());
    return tag;
}

void writeOptions(QString &out, const QList<CommandOption> &options) {
    for (const CommandOption &option : options) {
        if (option.hidden())
            continue;
        out += QStringLiteral(".TP\n") + optionTag(option) + QLatin1Char('\n') +
               ManPage::escape(option.option().description()) + QLatin1Char('\n');
    }
}

void writeExitStatus(QString &out, const QList<ExitStatusDoc> &codes) {
    for (const ExitStatusDoc &code : codes) {
        out += QStringLiteral(".TP\n.B %1\n").arg(code.code) + ManPage::escape(code.meaning) +
               QLatin1Char('\n');
    }
}

// A command line broken before options into lines of at most `width` characters, continued
// with a backslash as a shell reads it: an example stays within 80 columns and can be pasted.
QStringList commandLines(const QString &command, int width) {
    QStringList groups; // an option with its value stays on one line, and so does "> FILE"
    for (const QString &word : command.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (groups.isEmpty() || word.startsWith(QLatin1Char('-')) ||
            word.startsWith(QLatin1Char('>')))
            groups.append(word);
        else
            groups.last() += QLatin1Char(' ') + word;
    }
    QStringList lines;
    for (const QString &group : std::as_const(groups)) {
        if (!lines.isEmpty() && lines.constLast().size() + 1 + group.size() <= width)
            lines.last() += QLatin1Char(' ') + group;
        else
            lines.append(lines.isEmpty() ? group : QStringLiteral("    ") + group);
    }
    for (int i = 0; i + 1 < lines.size(); ++i)
        lines[i] += QStringLiteral(" \\");
    return lines;
}

void writeExamples(QString &out, const QString &program, const QList<UsageExample> &examples) {
    for (const UsageExample &example : examples) {
        out += QStringLiteral(".PP\n") + ManPage::escape(example.description) +
               QStringLiteral("\n.RS 4\n.nf\n");
        for (const QString &line : commandLines(program + QLatin1Char(' ') + example.arguments, 56))
            out += bold(line) + QLatin1Char('\n');
        out += QStringLiteral(".fi\n.RE\n");
    }
}

void writeSynopses(QString &out, const QString &program, const QStringList &synopses) {
    for (int i = 0; i < synopses.size(); ++i) {
        if (i > 0)
            out += QStringLiteral(".br\n");
        out += QStringLiteral(".B ") + ManPage::escape(program) + QLatin1Char('\n') +
               ManPage::synopsis(synopses.at(i)) + QLatin1Char('\n');
    }
}

void writeCommand(QString &out, const QString &program, const CommandDoc &command) {
    out += QStringLiteral(".SS ") + quoted(command.name) + QLatin1Char('\n');
    QStringList synopses;
    for (const QString &s : command.synopses)
        synopses.append(command.name + QLatin1Char(' ') + s);
    if (synopses.isEmpty())
        synopses.append(command.name);
    writeSynopses(out, program, synopses);
    out += QStringLiteral(".PP\n") + ManPage::escape(command.summary) + QLatin1Char('\n');
    writeOptions(out, command.options);
    if (!command.exitStatus.isEmpty()) {
        out += QStringLiteral(".PP\n") + italic(ManPage::tr("Exit status:")) +
               QStringLiteral("\n.RS\n");
        writeExitStatus(out, command.exitStatus);
        out += QStringLiteral(".RE\n");
    }
    if (!command.examples.isEmpty()) {
        out +=
            QStringLiteral(".PP\n") + italic(ManPage::tr("Examples:")) + QStringLiteral("\n.RS\n");
        writeExamples(out, program, command.examples);
        out += QStringLiteral(".RE\n");
    }
}

} // namespace

QString ManPage::escape(const QString &text) {
    QString out;
    out.reserve(text.size() + text.size() / 8);
    char32_t previous = 0;
    bool lineStart = true;
    const QList<uint> chars = text.toUcs4();
    for (qsizetype i = 0; i < chars.size(); ++i) {
        const char32_t c = chars.at(i);
        if (lineStart && (c == U'.' || c == U'\''))
            out += QStringLiteral("\\&");
        lineStart = false;
        if (!QChar::isSpace(c) && (i == 0 || QChar::isSpace(chars.at(i - 1))) &&
            isMachineWord(chars, i))
            out += QStringLiteral("\\%"); // a path, URI or list: never hyphenated
        if (c == U'\\') {
            out += QStringLiteral("\\e");
        } else if (c == U'-') {
            // An option's dash (or a minus sign) is \-; a hyphen inside a word stays one.
            const bool inWord = QChar::isLetterOrNumber(previous);
            out += inWord ? QStringLiteral("-") : QStringLiteral("\\-");
        } else if (c == U'\n') {
            out += QStringLiteral("\n.br\n");
            lineStart = true;
        } else if (c > 127) {
            // As it is: the page is UTF-8 (its first line says so, for man's preconv), and
            // mandb finds a translated NAME heading only so.
            out += QString::fromUcs4(&c, 1);
            if (breaksAnywhere(c))
                out += QStringLiteral("\\:");
        } else {
            out += QChar(c);
        }
        previous = c;
    }
    return out;
}

QString ManPage::synopsis(const QString &text) {
    static const QRegularExpression token(QStringLiteral(R"(\.\.\.|[\[\]()|]|[^\s\[\]()|]+|\s+)"));
    QString out;
    auto it = token.globalMatch(text);
    while (it.hasNext()) {
        const QString t = it.next().captured();
        if (t.at(0).isSpace())
            out += QLatin1Char(' ');
        else if (t.size() == 1 && QStringLiteral("[]()|").contains(t))
            out += t;
        else if (t == QLatin1String("..."))
            out += QStringLiteral("\\&...");
        else if (t.at(0).isUpper())
            out += italic(t);
        else
            out += bold(t);
    }
    return out;
}

QString ManPage::homeRelative(const QString &path) {
    const QString home = QDir::homePath();
    if (home.isEmpty() || home == QLatin1String("/") || !path.startsWith(home + QLatin1Char('/')))
        return path;
    return QLatin1Char('~') + path.mid(home.size());
}

QDate ManPage::buildDate() {
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    if (ok)
        return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).date();
    return QDateTime::currentDateTimeUtc().date();
}

QString ManPage::render(const ProgramDoc &doc, const QDate &date) {
    QString out;
    out += QStringLiteral(".\\\" -*- coding: UTF-8 -*-\n");
    out +=
        QStringLiteral(".\\\" Made by \"%1 --manpage\" from its option definitions: do not edit.\n")
            .arg(doc.name);
    out += QStringLiteral(".TH %1 1 %2 %3 %4\n")
               .arg(quoted(doc.name.toUpper()), quoted(date.toString(Qt::ISODate)),
                    quoted(QStringLiteral("%1 %2").arg(doc.name, doc.version)),
                    quoted(tr("User Commands")));
    // Ragged right and no hyphenation: descriptions hold long unbreakable words (paths, URIs,
    // lists of keys) that would stretch justified lines or be split ("us-able"), and CJK text
    // has few spaces to widen.
    out += QStringLiteral(".ad l\n.nh\n");
    // The NAME line as whatis shows it: without break points.
    out += QStringLiteral(".SH ") + quoted(tr("NAME")) + QLatin1Char('\n') + escape(doc.name) +
           QStringLiteral(" \\- ") + escape(doc.whatis).remove(QStringLiteral("\\:")) +
           QLatin1Char('\n');
    out += QStringLiteral(".SH ") + quoted(tr("SYNOPSIS")) + QLatin1Char('\n');
    writeSynopses(out, doc.name, doc.synopses);
    out += QStringLiteral(".SH ") + quoted(tr("DESCRIPTION")) + QLatin1Char('\n');
    for (int i = 0; i < doc.description.size(); ++i)
        out += (i > 0 ? QStringLiteral(".PP\n") : QString()) + escape(doc.description.at(i)) +
               QLatin1Char('\n');
    if (!doc.options.isEmpty()) {
        out += QStringLiteral(".SH ") + quoted(tr("OPTIONS")) + QLatin1Char('\n');
        writeOptions(out, doc.options);
    }
    if (!doc.commands.isEmpty()) {
        out += QStringLiteral(".SH ") + quoted(tr("COMMANDS")) + QLatin1Char('\n');
        for (const CommandDoc &command : doc.commands)
            writeCommand(out, doc.name, command);
    }
    if (!doc.exitStatus.isEmpty()) {
        out += QStringLiteral(".SH ") + quoted(tr("EXIT STATUS")) + QLatin1Char('\n');
        writeExitStatus(out, doc.exitStatus);
    }
    if (!doc.files.isEmpty()) {
        out += QStringLiteral(".SH ") + quoted(tr("FILES")) + QLatin1Char('\n');
        for (const FileDoc &file : doc.files)
            out += QStringLiteral(".TP\n") + italic(file.path) + QLatin1Char('\n') +
                   escape(file.description) + QLatin1Char('\n');
    }
    if (!doc.examples.isEmpty()) {
        out += QStringLiteral(".SH ") + quoted(tr("EXAMPLES")) + QLatin1Char('\n');
        writeExamples(out, doc.name, doc.examples);
    }
    if (!doc.seeAlso.isEmpty()) {
        out += QStringLiteral(".SH ") + quoted(tr("SEE ALSO")) + QLatin1Char('\n');
        static const QRegularExpression reference(QStringLiteral(R"(^(.+)\((\w+)\)$)"));
        QStringList refs;
        for (const QString &page : doc.seeAlso) {
            const auto m = reference.match(page);
            refs.append(
                m.hasMatch()
                    ? QStringLiteral(".BR %1 (%2)").arg(escape(m.captured(1)), m.captured(2))
                    : escape(page));
        }
        out += refs.join(QStringLiteral(",\n")) + QLatin1Char('\n');
    }
    return out;
}

} // namespace bs
