#include "SaveFile.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace bs {

Status saveFile(const QString &path, const std::function<bool(QIODevice &, QString &)> &write) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::io(QCoreApplication::translate("bs::SaveFile", "Cannot write %1: %2")
                             .arg(path, file.errorString()));
    }
    QString problem;
    if (!write(file, problem)) {
        file.cancelWriting();
        return Error::io(problem.isEmpty()
                             ? QCoreApplication::translate("bs::SaveFile", "Cannot write %1: %2")
                                   .arg(path, file.errorString())
                             : problem);
    }
    if (!file.commit()) {
        return Error::io(QCoreApplication::translate("bs::SaveFile", "Cannot write %1: %2")
                             .arg(path, file.errorString()));
    }
    return Status::success();
}

Status saveFile(const QString &path, const QByteArray &bytes) {
    return saveFile(
        path, [&](QIODevice &device, QString &) { return device.write(bytes) == bytes.size(); });
}

} // namespace bs
