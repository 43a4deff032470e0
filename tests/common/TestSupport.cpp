#include "TestSupport.h"

#include <QFile>
#include <QTest>

namespace bs::test {

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
