#pragma once

#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace bs::test {

// The app's translators for one language (as main() installs them) while this lives; English and
// the locale before it afterwards. Build the widgets after it: tr() is read when they are built.
class UiLanguage {
public:
    explicit UiLanguage(const QString &language)
        : m_used(installTranslations(*QCoreApplication::instance(), language)) {}
    ~UiLanguage() {
        for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        QLocale::setDefault(m_locale);
    }
    UiLanguage(const UiLanguage &) = delete;
    UiLanguage &operator=(const UiLanguage &) = delete;

    // "zh_CN", or "en" when no translation was found.
    QString used() const { return m_used; }

private:
    QLocale m_locale;
    QString m_used;
};

} // namespace bs::test
