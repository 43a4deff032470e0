#pragma once

// Internal to the advice rules: what every rule gets, and the formatting they share.

#include "AdviceRules.h"

#include <QCoreApplication>

#include <optional>

namespace bs::advice_detail {

struct Input {
    const HostOverview &overview;
    const QList<MemorySample> &guests;
    QLocale locale;
};

using Rule = std::optional<Advice> (*)(const Input &);
using MultiRule = QList<Advice> (*)(const Input &);

// The rule groups, one per file.
QList<Advice> memoryRules(const Input &in);
QList<Advice> pageRules(const Input &in);

// The rules' translation context ("bs::AdviceRules"): Text::tr("...", nullptr, n).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(bs::AdviceRules)
};

QString size(const Input &in, quint64 kib);
QString number(const Input &in, double value, int decimals);
// "a, b, c and 2 more"
QString nameList(const Input &in, const QStringList &names);

AdviceFigure kib(const QString &key, quint64 value);
AdviceFigure ratio(const QString &key, double value);
AdviceFigure percent(const QString &key, double value);
AdviceFigure count(const QString &key, double value, const QString &unit = QStringLiteral("count"));

double percentOf(quint64 part, quint64 whole);

} // namespace bs::advice_detail
