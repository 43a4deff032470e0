#pragma once

#include <QString>

namespace bs::test {

// The source tree (its top folder) the tests were built from.
QString sourceDir();

// A file under tests/fixtures/, read whole; fails the test (QFAIL-style message) when missing.
QString fixturePath(const QString &relative);
QByteArray readFixture(const QString &relative);

} // namespace bs::test
