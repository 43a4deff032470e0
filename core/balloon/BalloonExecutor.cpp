#include "BalloonExecutor.h"

#include "BalloonText.h"
#include "DomainMemoryConfig.h"
#include "libvirt/Connection.h"
#include "libvirt/LibvirtError.h"
#include "model/BalloonConfig.h"

#include <QDateTime>

#include <climits>
#include <cstring>

namespace bs {

namespace {

bool isGone(const Error &error) {
    return error.kind == Error::Kind::Libvirt && error.code == VIR_ERR_NO_DOMAIN;
}

Result<QString> xmlOf(virDomainPtr domain, unsigned flags) {
    LibvirtString xml(virDomainGetXMLDesc(domain, flags));
    if (!xml)
        return explainLibvirtFailure(lastLibvirtError());
    return QString::fromUtf8(xml.get());
}

Error notSeen(const QString &what) {
    return Error::unsupported(
        BalloonText::tr("libvirt accepted the change, but %1; check the guest's configuration.")
            .arg(what));
}

QString periodWords(std::optional<int> period) {
    return period && *period > 0 ? BalloonText::tr("%1 s").arg(*period) : BalloonText::tr("off");
}

} // namespace

Error explainLibvirtFailure(Error error) {
    if (error.kind != Error::Kind::Libvirt)
        return error;
    const QString detail = error.message;
    QString sentence;
    switch (error.code) {
    case VIR_ERR_OPERATION_DENIED:
        sentence = BalloonText::tr("The connection is read-only, or this user may not change "
                                   "guests");
        break;
    case VIR_ERR_NO_DOMAIN:
        sentence = BalloonText::tr("The guest no longer exists");
        break;
    case VIR_ERR_NO_SUPPORT:
    case VIR_ERR_ARGUMENT_UNSUPPORTED:
        sentence = BalloonText::tr("The host's hypervisor driver cannot do this");
        break;
    case VIR_ERR_OPERATION_INVALID:
        sentence = BalloonText::tr("The guest's state does not allow this");
        break;
    default:
        sentence = BalloonText::tr("libvirt refused the change");
        break;
    }
    error.message = QStringLiteral("%1 (%2).").arg(sentence, detail);
    return error;
}

BalloonExecutor::BalloonExecutor(const Connection &connection)
    : m_connection(connection) {}

GuestApplyResult BalloonExecutor::apply(const GuestPlan &plan, const ChangeSink &onChange) const {
    GuestApplyResult result;
    result.hostId = plan.hostId;
    result.uuid = plan.uuid;
    result.name = plan.name;
    result.refusals = plan.refusals;
    for (const BalloonStep &step : plan.steps)
        result.steps.append({step, StepResult::Outcome::NotAttempted, std::nullopt, {}});

    std::optional<Error> stop;
    if (plan.needsConfirmation()) {
        stop = Error::cancelled(BalloonText::tr("The warnings were not confirmed."));
    }
    DomainHandle domain;
    if (!stop && !plan.steps.isEmpty()) {
        domain.reset(
            virDomainLookupByUUIDString(m_connection.get(), plan.uuid.toUtf8().constData()));
        if (!domain)
            stop = explainLibvirtFailure(lastLibvirtError());
    }
    for (int i = 0; i < result.steps.size(); ++i) {
        StepResult &step = result.steps[i];
        if (stop) {
            step.error = stop;
            continue;
        }
        if (m_beforeStep)
            m_beforeStep(plan, i);
        const Status status = run(domain.get(), step.step, step.note);
        if (!status) {
            step.outcome = StepResult::Outcome::Failed;
            step.error = status.error();
            if (isGone(status.error()))
                stop = status.error(); // the rest cannot work either: say so, do not try
            continue;
        }
        step.outcome = StepResult::Outcome::Done;
        if (onChange) {
            onChange(BalloonChangeEvent::fromStep(step.step, plan.hostId, plan.uuid, plan.name,
                                                  QDateTime::currentMSecsSinceEpoch()));
        }
    }
    result.outcome = outcomeOf(result.steps, result.refusals);
    return result;
}

Status BalloonExecutor::run(virDomainPtr domain, const BalloonStep &step, QString &note) const {
    switch (step.kind) {
    case BalloonStep::Kind::LivePeriod:
    case BalloonStep::Kind::PersistentPeriod:
        return setPeriod(domain, step);
    case BalloonStep::Kind::PersistentModel:
    case BalloonStep::Kind::PersistentOptions:
        return defineBalloon(domain, step);
    case BalloonStep::Kind::LiveTarget:
        note = BalloonText::tr("the guest's balloon driver moves its memory there over the next "
                               "seconds");
        return setTarget(domain, step);
    case BalloonStep::Kind::PersistentTarget:
    case BalloonStep::Kind::PersistentMaximum:
        return setTarget(domain, step);
    }
    return Status::success();
}

Status BalloonExecutor::setPeriod(virDomainPtr domain, const BalloonStep &step) const {
    const bool live = step.kind == BalloonStep::Kind::LivePeriod;
    const unsigned flags = live ? VIR_DOMAIN_AFFECT_LIVE : VIR_DOMAIN_AFFECT_CONFIG;
    if (virDomainSetMemoryStatsPeriod(domain, step.period, flags) < 0)
        return explainLibvirtFailure(lastLibvirtError());
    const auto xml = xmlOf(domain, live ? 0u : unsigned(VIR_DOMAIN_XML_INACTIVE));
    if (!xml)
        return xml.error();
    const std::optional<int> seen = parseBalloonConfig(*xml).period;
    if (seen.value_or(0) != step.period) {
        return notSeen(
            live
                ? BalloonText::tr("the live XML shows the period %1").arg(periodWords(seen))
                : BalloonText::tr("the persistent XML shows the period %1").arg(periodWords(seen)));
    }
    return Status::success();
}

Status BalloonExecutor::defineBalloon(virDomainPtr domain, const BalloonStep &step) const {
    const auto now = xmlOf(domain, VIR_DOMAIN_XML_INACTIVE);
    if (!now)
        return now.error();
    if (!step.baseXml.isEmpty() && *now != step.baseXml) {
        return Error::invalidArgument(
            BalloonText::tr("The guest's persistent configuration changed since the preview; "
                            "nothing was changed. Review the change again."));
    }
    // With the secrets (graphics passwords and the like): defining the XML without them would
    // drop them from the guest.
    const auto secure = xmlOf(domain, VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE);
    if (!secure)
        return secure.error();
    const auto patch = patchMemballoon(secure->toUtf8(), step.edit);
    if (!patch)
        return patch.error();
    DomainHandle defined(virDomainDefineXML(m_connection.get(), patch->xml.constData()));
    if (!defined)
        return explainLibvirtFailure(lastLibvirtError());
    char before[VIR_UUID_BUFLEN] = {};
    char after[VIR_UUID_BUFLEN] = {};
    if (virDomainGetUUID(domain, reinterpret_cast<unsigned char *>(before)) < 0 ||
        virDomainGetUUID(defined.get(), reinterpret_cast<unsigned char *>(after)) < 0 ||
        memcmp(before, after, VIR_UUID_BUFLEN) != 0) {
        virResetLastError();
        return notSeen(BalloonText::tr("the defined guest has another UUID"));
    }
    const auto check = xmlOf(domain, VIR_DOMAIN_XML_INACTIVE);
    if (!check)
        return check.error();
    const BalloonConfig seen = parseBalloonConfig(*check);
    if (step.kind == BalloonStep::Kind::PersistentOptions) {
        if ((step.edit.freePageReporting &&
             seen.freePageReporting != *step.edit.freePageReporting) ||
            (step.edit.autodeflate && seen.autodeflate != *step.edit.autodeflate)) {
            return notSeen(
                BalloonText::tr("the persistent balloon reads freePageReporting %1, "
                                "autodeflate %2")
                    .arg(seen.freePageReporting ? QStringLiteral("on") : QStringLiteral("off"),
                         seen.autodeflate ? QStringLiteral("on") : QStringLiteral("off")));
        }
        return Status::success();
    }
    if (!step.edit.model || seen.modelName != *step.edit.model ||
        seen.period.value_or(0) != step.period) {
        return notSeen(BalloonText::tr("the persistent balloon reads '%1' with period %2")
                           .arg(seen.modelName, periodWords(seen.period)));
    }
    return Status::success();
}

Status BalloonExecutor::setTarget(virDomainPtr domain, const BalloonStep &step) const {
    const bool live = step.kind == BalloonStep::Kind::LiveTarget;
    const bool maximum = step.kind == BalloonStep::Kind::PersistentMaximum;
    if (step.targetKiB > ULONG_MAX)
        return Error::invalidArgument(BalloonText::tr("The target is too large for this host."));
    const unsigned flags =
        live      ? unsigned(VIR_DOMAIN_AFFECT_LIVE)
        : maximum ? unsigned(VIR_DOMAIN_AFFECT_CONFIG) | unsigned(VIR_DOMAIN_MEM_MAXIMUM)
                  : unsigned(VIR_DOMAIN_AFFECT_CONFIG);
    if (virDomainSetMemoryFlags(domain, static_cast<unsigned long>(step.targetKiB), flags) < 0)
        return explainLibvirtFailure(lastLibvirtError());
    if (live)
        return Status::success(); // 'actual' follows as the guest's driver inflates or deflates
    const auto xml = xmlOf(domain, VIR_DOMAIN_XML_INACTIVE);
    if (!xml)
        return xml.error();
    const DomainMemoryConfig memory = parseDomainMemoryConfig(*xml);
    if (maximum) {
        const quint64 max = memory.memoryKiB.value_or(0);
        if (max != step.targetKiB)
            return notSeen(BalloonText::tr("the persistent <memory> reads %1 KiB").arg(max));
        return Status::success();
    }
    const quint64 seen = memory.currentMemoryKiB.value_or(memory.memoryKiB.value_or(0));
    if (seen != step.targetKiB) {
        return notSeen(BalloonText::tr("the persistent <currentMemory> reads %1 KiB").arg(seen));
    }
    return Status::success();
}

} // namespace bs
