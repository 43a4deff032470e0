#include "ProcessFigures.h"

namespace bs {

QString processSourceKey(ProcessFiguresStatus::Source source) {
    switch (source) {
    case ProcessFiguresStatus::Source::Local:
        return QStringLiteral("local");
    case ProcessFiguresStatus::Source::Ssh:
        return QStringLiteral("ssh");
    case ProcessFiguresStatus::Source::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace bs
