#include "TestSupport.h"

#include <QFile>
#include <QTest>

namespace bs::test {

// The paths are compiled into this file alone: a path in every test's flags would make each
// test miss ccache in a clone of the sources in another folder.
QString sourceDir() {
    return QStringLiteral(BS_SOURCE_DIR);
}

QString fixturePath(const QString &relative) {
    return QStringLiteral(BS_FIXTURES_DIR "/") + relative;
}

QByteArray readFixture(const QString &relative) {
    QFile file(fixturePath(relative));
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("fixture %s: %s", qPrintable(file.fileName()), qPrintable(file.errorString()));
        return {};
    }
    return file.readAll();
}

} // namespace bs::test
