#include "SizingExposer.h"

#include "history/HistoryStore.h"
#include "sizing/HostAdvice.h"

#include <QDateTime>
#include <QTimer>

namespace bs {

SizingExposer::SizingExposer(HistoryStore *store, std::shared_ptr<ExposedHosts> exposed,
                             QStringList hosts, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_exposed(std::move(exposed))
    , m_hosts(std::move(hosts))
    , m_timer(new QTimer(this)) {
    connect(m_store, &HistoryStore::needsReady, this, &SizingExposer::onNeeds);
    connect(m_store, &HistoryStore::queryFailed, this,
            [this](quint64 id, const Error &) { m_pending.remove(id); }); // next time again
    connect(m_timer, &QTimer::timeout, this, [this] {
        refresh();
        if (m_timer->interval() != m_periodMs)
            m_timer->start(m_periodMs);
    });
}

void SizingExposer::start(int firstAfterMs, int periodMs) {
    m_periodMs = periodMs;
    m_timer->start(firstAfterMs);
}

void SizingExposer::refresh() {
    if (!m_pending.isEmpty())
        return; // the last round is still being read
    const SizingPolicy policy = SizingPolicy::fromPreset(SizingPreset::Balanced);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const QString &host : std::as_const(m_hosts))
        m_pending.insert(m_store->queryNeeds(needRequestFor(host, policy, now)), host);
}

void SizingExposer::onNeeds(quint64 id, const NeedResult &needs) {
    const auto it = m_pending.constFind(id);
    if (it == m_pending.cend())
        return;
    const QString host = *it;
    m_pending.erase(it);
    const HostAdvice advice =
        adviseHost(needs, SizingPolicy::fromPreset(SizingPreset::Balanced), WhatIfRequest{});
    QHash<QString, GuestSizing> sizing;
    for (const GuestAdvice &g : advice.guests) {
        if (g.recommendedKiB)
            sizing.insert(g.uuid, GuestSizing{*g.recommendedKiB, g.reclaimableKiB});
    }
    m_exposed->setSizing(host, sizing);
}

} // namespace bs
