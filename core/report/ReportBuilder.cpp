#include "ReportBuilder.h"

#include "HistoryChart.h"
#include "common/Logging.h"
#include "history/HistoryReader.h"
#include "libvirt/ConnectionUri.h"
#include "policy/PolicyReplay.h"
#include "sizing/HostAdvice.h"

#include <QDateTime>

#include <algorithm>

namespace bs {

namespace {

template <class T>
std::function<void(const QVariant &)> typed(std::function<void(const T &)> f) {
    return [f = std::move(f)](const QVariant &v) {
        f(v.value<T>());
    };
}

bool hasData(const GuestReport &g) {
    return g.rawSamples > 0 || g.chart.hasValues() || g.used.valid() || g.actual.valid();
}

// The guests a request names (UUIDs, current or former names), or all of them.
QList<GuestInfo> select(const QList<GuestInfo> &known, const QStringList &wanted,
                        QStringList &notFound) {
    if (wanted.isEmpty())
        return known;
    QList<GuestInfo> out;
    for (const QString &w : wanted) {
        auto it = std::find_if(known.cbegin(), known.cend(), [&](const GuestInfo &g) {
            return g.uuid.compare(w, Qt::CaseInsensitive) == 0;
        });
        if (it == known.cend())
            it = std::find_if(known.cbegin(), known.cend(),
                              [&](const GuestInfo &g) { return g.name == w; });
        if (it == known.cend()) {
            it = std::find_if(known.cbegin(), known.cend(), [&](const GuestInfo &g) {
                return std::any_of(g.names.cbegin(), g.names.cend(),
                                   [&](const GuestInfo::Name &n) { return n.name == w; });
            });
        }
        if (it == known.cend())
            notFound.append(w);
        else if (std::none_of(out.cbegin(), out.cend(),
                              [&](const GuestInfo &g) { return g.uuid == it->uuid; }))
            out.append(*it);
    }
    return out;
}

} // namespace

ReportBuilder::ReportBuilder(HistoryReader *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {
    connect(
        store, &HistoryReader::guestsReady, this,
        [this](quint64 id, const QList<GuestInfo> &v) { onAnswer(id, QVariant::fromValue(v)); });
    connect(store, &HistoryReader::seriesReady, this,
            [this](quint64 id, const SeriesResult &v) { onAnswer(id, QVariant::fromValue(v)); });
    connect(store, &HistoryReader::samplesReady, this,
            [this](quint64 id, const SampleResult &v) { onAnswer(id, QVariant::fromValue(v)); });
    connect(store, &HistoryReader::aggregateReady, this,
            [this](quint64 id, const AggregateResult &v) { onAnswer(id, QVariant::fromValue(v)); });
    connect(
        store, &HistoryReader::eventsReady, this,
        [this](quint64 id, const QList<HistoryEvent> &v) { onAnswer(id, QVariant::fromValue(v)); });
    connect(
        store, &HistoryReader::hostSeriesReady, this,
        [this](quint64 id, const HostSeriesResult &v) { onAnswer(id, QVariant::fromValue(v)); });
    connect(store, &HistoryReader::needsReady, this,
            [this](quint64 id, const NeedResult &v) { onAnswer(id, QVariant::fromValue(v)); });
    connect(store, &HistoryReader::queryFailed, this, &ReportBuilder::onFailed);
}

ReportBuilder::~ReportBuilder() = default;

bool ReportBuilder::start(const ReportRequest &request) {
    if (m_running)
        return false;
    m_running = true;
    m_request = request;
    m_data = ReportData{};
    m_data.request = request;
    m_data.historyServer = m_store->isLocal() ? QString() : m_store->sourceName();
    m_data.hostName =
        request.hostName.isEmpty() ? hostDisplayName(request.hostId) : request.hostName;
    m_aggregate = AggregateResult{};
    m_hostSeries.reset();
    m_replaySeries.reset();
    m_replayHost.reset();
    m_replayNames.clear();
    m_answers.clear();
    m_pending.clear();
    m_asked = 0;
    m_answered = 0;
    qCDebug(lcReport) << "report for" << request.hostId << request.fromMs << request.toMs;
    ask(m_store->queryGuests(request.hostId),
        typed<QList<GuestInfo>>([this](const QList<GuestInfo> &g) { onGuests(g); }));
    return true;
}

void ReportBuilder::cancel() {
    m_pending.clear();
    m_running = false;
}

void ReportBuilder::ask(quint64 id, Handler handler) {
    m_pending.insert(id, std::move(handler));
    ++m_asked;
    Q_EMIT progress(m_answered, m_asked);
}

void ReportBuilder::onAnswer(quint64 id, const QVariant &value) {
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return; // another caller's query on the shared store
    const Handler handler = std::move(*it);
    m_pending.erase(it);
    ++m_answered;
    handler(value);
    if (!m_running)
        return;
    Q_EMIT progress(m_answered, m_asked);
    finishIfDone();
}

void ReportBuilder::onFailed(quint64 id, const Error &error) {
    if (m_pending.contains(id))
        fail(error);
}

void ReportBuilder::fail(const Error &error) {
    m_pending.clear();
    m_running = false;
    Q_EMIT failed(error);
}

void ReportBuilder::onGuests(const QList<GuestInfo> &known) {
    if (known.isEmpty()) {
        fail(Error::notFound(
            tr("The history holds nothing for the host %1.").arg(m_request.hostId)));
        return;
    }
    const QList<GuestInfo> chosen = select(known, m_request.guests, m_data.notFound);
    if (chosen.isEmpty()) {
        fail(Error::notFound(
            tr("The history knows none of these guests on %1: %2")
                .arg(m_request.hostId, m_data.notFound.join(QStringLiteral(", ")))));
        return;
    }
    QStringList uuids;
    for (const GuestInfo &g : chosen) {
        GuestAnswers a;
        a.uuid = g.uuid;
        a.name = g.name;
        m_answers.append(a);
        uuids.append(g.uuid);
    }
    if (m_request.sections & ReportSection::HostSummary) {
        ask(m_store->queryAggregate(
                AggregateRequest{m_request.hostId, ReportFigures::aggregateMetrics(),
                                 m_request.fromMs, m_request.toMs, m_request.chartPoints}),
            typed<AggregateResult>([this](const AggregateResult &r) { m_aggregate = r; }));
        ask(m_store->queryHostSeries(
                HostSeriesRequest{m_request.hostId, ReportFigures::hostMetrics(), m_request.fromMs,
                                  m_request.toMs, m_request.chartPoints}),
            typed<HostSeriesResult>([this](const HostSeriesResult &r) { m_hostSeries = r; }));
    }
    if (m_request.sections & ReportSection::Sizing) {
        // The Balanced preset over its own window ending with the report, not the report's
        // range: a recommendation from two hours of history would mislead; the page says so.
        const SizingPolicy policy = SizingPolicy::fromPreset(SizingPreset::Balanced);
        ask(m_store->queryNeeds(needRequestFor(m_request.hostId, policy, m_request.toMs)),
            typed<NeedResult>([this, policy](const NeedResult &r) {
                m_data.sizing = adviseHost(r, policy, WhatIfRequest{});
            }));
    }
    if (m_request.sections & ReportSection::Policies) {
        // The report's own range through every policy, for every guest of the host (what one
        // policy hands back shows in the host's free memory, whatever guests the report lists).
        QStringList all;
        for (const GuestInfo &g : known) {
            all.append(g.uuid);
            m_replayNames.insert(g.uuid, g.name);
        }
        ask(m_store->querySeries(replaySeriesRequest(m_request.hostId, all, m_request.fromMs,
                                                     m_request.toMs, m_request.chartPoints)),
            typed<SeriesResult>([this](const SeriesResult &r) { m_replaySeries = r; }));
        ask(m_store->queryHostSeries(replayHostRequest(m_request.hostId, m_request.fromMs,
                                                       m_request.toMs, m_request.chartPoints)),
            typed<HostSeriesResult>([this](const HostSeriesResult &r) { m_replayHost = r; }));
    }
    ask(m_store->queryEvents(
            EventRequest{m_request.hostId, uuids, m_request.fromMs, m_request.toMs, {}}),
        typed<QList<HistoryEvent>>([this](const QList<HistoryEvent> &events) {
            for (GuestAnswers &a : m_answers) {
                for (const HistoryEvent &e : events) {
                    if (e.uuid == a.uuid)
                        a.events.append(e);
                }
            }
        }));
    // The health markers of the whole host (its own alerts have no guest), for the summary.
    ask(m_store->queryEvents(EventRequest{
            m_request.hostId, {}, m_request.fromMs, m_request.toMs, {HistoryEvent::Kind::Note}}),
        typed<QList<HistoryEvent>>([this](const QList<HistoryEvent> &events) {
            for (const HistoryEvent &e : events) {
                if (e.source == QLatin1String("health"))
                    m_data.healthEvents.append(e);
            }
        }));
    for (int i = 0; i < m_answers.size(); ++i)
        askGuest(i);
}

void ReportBuilder::askGuest(int index) {
    const QString uuid = m_answers[index].uuid;
    ask(m_store->querySeries(SeriesRequest{m_request.hostId,
                                           {uuid},
                                           HistoryChart::defaultMetrics(),
                                           m_request.fromMs,
                                           m_request.toMs,
                                           m_request.chartPoints}),
        typed<SeriesResult>([this, index](const SeriesResult &r) { m_answers[index].chart = r; }));
    ask(m_store->querySamples(
            SampleRequest{m_request.hostId, {uuid}, m_request.fromMs, m_request.toMs}),
        typed<SampleResult>([this, index, uuid](const SampleResult &r) {
            GuestAnswers &a = m_answers[index];
            a.rawFromMs = r.rawFromMs;
            a.maxGapMs = r.maxGapMs;
            if (!r.guests.isEmpty())
                a.raw = r.guests.constFirst();
            if (r.rawFromMs <= m_request.fromMs)
                return;
            // Raw polls no longer reach back to the start: the statistics come from the finest
            // roll-ups over the whole range instead (one bucket per minute).
            ask(m_store->querySeries(
                    SeriesRequest{m_request.hostId,
                                  {uuid},
                                  ReportFigures::rollupMetrics(),
                                  m_request.fromMs,
                                  m_request.toMs,
                                  ReportFigures::rollupPoints(m_request.fromMs, m_request.toMs)}),
                typed<SeriesResult>(
                    [this, index](const SeriesResult &s) { m_answers[index].rollup = s; }));
        }));
}

void ReportBuilder::finishIfDone() {
    if (!m_pending.isEmpty() || !m_running)
        return;
    m_running = false;
    const bool chosen = !m_request.guests.isEmpty();
    for (const GuestAnswers &a : std::as_const(m_answers)) {
        GuestReport g = ReportFigures::guest(a, m_request);
        if (!chosen && !hasData(g)) {
            m_data.guestsWithoutData.append(g.name);
            continue;
        }
        m_data.guests.append(g);
    }
    std::sort(m_data.guests.begin(), m_data.guests.end(),
              [](const GuestReport &a, const GuestReport &b) {
                  return QString::localeAwareCompare(a.name, b.name) < 0;
              });
    m_data.host = ReportFigures::host(m_aggregate, m_hostSeries, m_request, m_data.hostName);
    m_data.host.guestsWithData =
        int(std::count_if(m_data.guests.cbegin(), m_data.guests.cend(),
                          [](const GuestReport &g) { return hasData(g); }));
    if (m_replaySeries && m_replayHost) {
        PolicyReport policies;
        policies.input = replayInputFrom(*m_replaySeries, *m_replayHost, m_replayNames);
        policies.runs = replayPolicies(policies.input, ReplaySettings{});
        m_data.policies = policies;
    }
    m_data.generatedMs = QDateTime::currentMSecsSinceEpoch();
    m_answers.clear();
    Q_EMIT finished(m_data);
}

} // namespace bs
