#include "Translations.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace bs {

QStringList availableLanguages() {
    return {QStringLiteral("zh_CN")};
}

QString installTranslations(QCoreApplication &app, const QString &language) {
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QString used = QStringLiteral("en");
    auto *ours = new QTranslator(&app);
    if (locale.language() != QLocale::English &&
        ours->load(locale, QStringLiteral("balloonscope"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(ours);
        used = locale.name();
        auto *qt = new QTranslator(&app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
    } else {
        delete ours;
    }
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    return used;
}

QString languageFromArguments(const QStringList &arguments) {
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(QLatin1String("--lang=")))
            return a.mid(7);
    }
    return {};
}

QStringList stripLanguageArgument(const QStringList &arguments) {
    QStringList out;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--lang")) {
            ++i;
            continue;
        }
        if (a.startsWith(QLatin1String("--lang=")))
            continue;
        out.append(a);
    }
    return out;
}

} // namespace bs
