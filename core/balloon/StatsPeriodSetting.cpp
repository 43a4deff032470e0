#include "StatsPeriodSetting.h"

#include "BalloonText.h"

#include <QRegularExpression>

#include <climits>

namespace bs {

Result<StatsPeriodSetting> StatsPeriodSetting::seconds(int seconds) {
    if (seconds == 0) {
        return Error::invalidArgument(BalloonText::tr(
            "A period of 0 turns the statistics off. If that is what you want, choose \"off\" "
            "explicitly."));
    }
    if (seconds < Min || seconds > Max) {
        return Error::invalidArgument(
            BalloonText::tr("The stats period must be 1 to 3600 seconds, not %1.").arg(seconds));
    }
    return StatsPeriodSetting(seconds);
}

Result<StatsPeriodSetting> StatsPeriodSetting::parse(const QString &text) {
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("off"), Qt::CaseInsensitive) == 0)
        return off();
    static const QRegularExpression number(QStringLiteral(R"(^([+-]?[0-9]+)\s*(s|sec|seconds?)?$)"),
                                           QRegularExpression::CaseInsensitiveOption);
    const auto match = number.match(t);
    if (!match.hasMatch()) {
        return Error::invalidArgument(
            BalloonText::tr("\"%1\" is not a stats period: give a number of seconds from 1 to "
                            "3600 (for example 10), or \"off\".")
                .arg(text));
    }
    bool ok = false;
    const qlonglong value = match.captured(1).toLongLong(&ok);
    if (!ok || value < INT_MIN || value > INT_MAX) {
        return Error::invalidArgument(
            BalloonText::tr("The stats period must be 1 to 3600 seconds, not %1.").arg(text));
    }
    return seconds(int(value));
}

QString StatsPeriodSetting::toString() const {
    return describePeriod(m_seconds);
}

QString describePeriod(std::optional<int> seconds) {
    if (!seconds || *seconds <= 0)
        return BalloonText::tr("off");
    return BalloonText::tr("%1 s").arg(*seconds);
}

} // namespace bs
