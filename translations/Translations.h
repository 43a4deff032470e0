#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace bs {

// The languages Balloonscope speaks besides its English source strings.
QStringList availableLanguages(); // {"zh_CN"}

// Installs the translators for `language` ("zh_CN", "en", or empty = the system locale) on
// `app`: ours and Qt's own (for standard buttons). Also sets the default QLocale, so numbers and
// dates follow the language. Returns the language actually used ("en" when none matched).
QString installTranslations(QCoreApplication &app, const QString &language);

// "--lang zh_CN" / "--lang=zh_CN" among the arguments, or empty.
QString languageFromArguments(const QStringList &arguments);
QStringList stripLanguageArgument(const QStringList &arguments);

} // namespace bs
