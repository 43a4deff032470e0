<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdviseCommand</name>
    <message>
        <source>Unknown preset &quot;%1&quot;: use conservative, balanced or aggressive.</source>
        <translation>未知的预设“%1”：请使用 conservative、balanced 或 aggressive。</translation>
    </message>
    <message>
        <source>--percentile must be a number such as 95, not &quot;%1&quot;.</source>
        <translation>--percentile 必须是数字（例如 95），而不是“%1”。</translation>
    </message>
    <message>
        <source>--headroom must be a percentage such as 15, not &quot;%1&quot;.</source>
        <translation>--headroom 必须是百分比（例如 15），而不是“%1”。</translation>
    </message>
    <message>
        <source>--window must be days (14) or a duration such as 14d or 12h, not &quot;%1&quot;.</source>
        <translation>--window 必须是天数（14）或时长（例如 14d 或 12h），而不是“%1”。</translation>
    </message>
    <message>
        <source>Sizing advice for %1: %2, %3 (%4 to %5)</source>
        <translation>%1 的内存规划建议：%2，%3（%4 至 %5）</translation>
    </message>
    <message>
        <source>Need from: %1.</source>
        <translation>需求量来源：%1。</translation>
    </message>
    <message>
        <source>Need = available − usable: what the guest could not give back without swapping.</source>
        <translation>需求量 = 可用总量 − 可回收量：客户机在不换页的情况下无法交还的内存。</translation>
    </message>
    <message>
        <source>GUEST</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>MAXIMUM</source>
        <translation>最大内存</translation>
    </message>
    <message>
        <source>ACTUAL</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>NEED P50</source>
        <translation>需求 P50</translation>
    </message>
    <message>
        <source>P95</source>
        <translation>P95</translation>
    </message>
    <message>
        <source>P99</source>
        <translation>P99</translation>
    </message>
    <message>
        <source>ADVISED</source>
        <translation>建议值</translation>
    </message>
    <message>
        <source>RECLAIM</source>
        <translation>可回收</translation>
    </message>
    <message>
        <source>CONFIDENCE</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>%1 (%2 % of the window)</source>
        <translation>%1（时间窗口的 %2 %）</translation>
    </message>
    <message>
        <source>Short: the recommendation is %1 above the maximum memory; raise the maximum at the next boot.</source>
        <translation>不足：建议值比最大内存高 %1；请在下次启动时调高最大内存。</translation>
    </message>
    <message>
        <source>Cache counted as used: the guest does not report usable memory, so need = available − unused.</source>
        <translation>缓存计为已用：客户机不报告可回收内存，因此需求量 = 可用总量 − 空闲量。</translation>
    </message>
    <message>
        <source>Not below today&apos;s balloon: it swapped in %1 and had %2 major faults in the window.</source>
        <translation>不低于当前气球大小：时间窗口内它换入了 %1，并发生了 %2 次主缺页。</translation>
    </message>
    <message>
        <source>%1: swap-in %2, %3 major faults</source>
        <translation>%1：换入 %2，主缺页 %3 次</translation>
    </message>
    <message>
        <source>Reclaimable in all: %1.</source>
        <translation>总计可回收：%1。</translation>
    </message>
    <message>
        <source>The host&apos;s memory size is not in the history: no what-if.</source>
        <translation>历史记录中没有宿主机的内存大小：无法进行假设分析。</translation>
    </message>
    <message>
        <source>Host: %1, %2 kept free for the host: %3 for guests.</source>
        <translation>宿主机：%1，为宿主机保留 %2：客户机可用 %3。</translation>
    </message>
    <message>
        <source>Worst hour as the guests are: %1 (%2); with the recommendations applied: %3 (%4).</source>
        <translation>按客户机当前状态，最紧张的一小时：%1（%2）；应用建议值后：%3（%4）。</translation>
    </message>
    <message>
        <source>KSM saved %1 in that hour (counted).</source>
        <translation>该小时内 KSM 节省了 %1（已计入）。</translation>
    </message>
    <message>
        <source>KSM saved %1 in that hour (not counted; --count-ksm counts it).</source>
        <translation>该小时内 KSM 节省了 %1（未计入；使用 --count-ksm 可计入）。</translation>
    </message>
    <message>
        <source>A guest of %1: unknown, the host&apos;s memory size is not recorded.</source>
        <translation>%1 的客户机：无法判断，未记录宿主机的内存大小。</translation>
    </message>
    <message>
        <source>A guest of %1 fits as the guests are: %2 left in the worst hour (%3).</source>
        <translation>按客户机当前状态即可容纳 %1 的客户机：最紧张的一小时（%3）仍剩 %2。</translation>
    </message>
    <message>
        <source>A guest of %1 fits once these recommendations are applied: %2. %3 left in the worst hour (%4).</source>
        <translation>应用以下建议值后可容纳 %1 的客户机：%2。最紧张的一小时（%4）仍剩 %3。</translation>
    </message>
    <message>
        <source>A guest of %1 does not fit, even with every recommendation applied: %2 short in the worst hour (%3).</source>
        <translation>即使应用全部建议值也无法容纳 %1 的客户机：最紧张的一小时（%3）缺少 %2。</translation>
    </message>
    <message>
        <source>Recommend each guest&apos;s memory from its recorded need, say what can be reclaimed and whether another guest fits on the host.</source>
        <translation>根据记录的需求量为每台客户机建议内存大小，说明可回收多少，以及宿主机能否再容纳一台客户机。</translation>
    </message>
    <message>
        <source>Instead of --connect: the recorded host&apos;s URI, from the history file alone.</source>
        <translation>代替 --connect：已记录宿主机的 URI，仅从历史文件读取。</translation>
    </message>
    <message>
        <source>Instead of --host: the demo host, as &quot;record --demo&quot; records it.</source>
        <translation>代替 --host：演示宿主机，即“record --demo”所记录的宿主机。</translation>
    </message>
    <message>
        <source>conservative (P99 + 20 % over 30 days), balanced (P95 + 15 % over 14 days, the default) or aggressive (P90 + 10 % over 7 days).</source>
        <translation>conservative（30 天内 P99 + 20 %）、balanced（14 天内 P95 + 15 %，默认）或 aggressive（7 天内 P90 + 10 %）。</translation>
    </message>
    <message>
        <source>A custom policy&apos;s percentile of the need, 50 to 100.</source>
        <translation>自定义策略所用的需求量百分位，50 到 100。</translation>
    </message>
    <message>
        <source>A custom policy&apos;s headroom above it, in percent.</source>
        <translation>自定义策略在其之上的余量，单位为百分比。</translation>
    </message>
    <message>
        <source>A custom policy&apos;s window: days, or a duration such as 12h.</source>
        <translation>自定义策略的时间窗口：天数，或时长（例如 12h）。</translation>
    </message>
    <message>
        <source>Never recommend less than this (default 256 MiB).</source>
        <translation>建议值不低于此值（默认 256 MiB）。</translation>
    </message>
    <message>
        <source>Whether a new guest of this size fits on the host, and which recommendations it takes.</source>
        <translation>宿主机能否容纳这一大小的新客户机，以及需要应用哪些建议值。</translation>
    </message>
    <message>
        <source>Count KSM&apos;s savings in the host what-if.</source>
        <translation>在宿主机假设分析中计入 KSM 节省的内存。</translation>
    </message>
    <message>
        <source>End of the window, ISO 8601 (default now).</source>
        <translation>时间窗口的结束时间，ISO 8601 格式（默认为现在）。</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>输出 JSON。</translation>
    </message>
    <message>
        <source>The balanced advice from the default history file, and whether a 4 GiB guest fits.</source>
        <translation>根据默认历史文件给出 balanced 建议，并判断能否容纳一台 4 GiB 的客户机。</translation>
    </message>
    <message>
        <source>Conservative advice from a history file copied from another machine, as JSON.</source>
        <translation>根据从另一台机器复制来的历史文件给出 conservative 建议，输出 JSON。</translation>
    </message>
    <message>
        <source>A custom policy over the demo&apos;s last hour.</source>
        <translation>对演示宿主机最近一小时使用自定义策略。</translation>
    </message>
    <message>
        <source>The guest of --fit does not fit, or nothing was recorded for the host.</source>
        <translation>无法容纳 --fit 指定的客户机，或该宿主机没有任何记录。</translation>
    </message>
    <message>
        <source>Give the host with one of --connect URI, --host URI or --demo.</source>
        <translation>请用 --connect URI、--host URI 或 --demo 之一指定宿主机。</translation>
    </message>
    <message>
        <source>--to must be an ISO 8601 time, not &quot;%1&quot;.</source>
        <translation>--to 必须是 ISO 8601 时间，而不是“%1”。</translation>
    </message>
    <message>
        <source>Nothing was recorded for %1 in the window (%2 to %3).</source>
        <translation>时间窗口内（%2 至 %3）没有 %1 的记录。</translation>
    </message>
    <message>
        <source>A floor of its own for one guest, NAME=SIZE (its name or UUID; repeat for several).</source>
        <translation>为单台客户机单独设置下限，格式 NAME=SIZE（名称或 UUID；可重复指定多台）。</translation>
    </message>
    <message>
        <source>--guest-floor takes NAME=SIZE, for example web1=2GiB, not &quot;%1&quot;.</source>
        <translation>--guest-floor 的格式为 NAME=SIZE（例如 web1=2GiB），而不是“%1”。</translation>
    </message>
    <message>
        <source>--guest-floor: no guest &quot;%1&quot; in the history of %2.</source>
        <translation>--guest-floor：%2 的历史记录中没有客户机“%1”。</translation>
    </message>
</context>
<context>
    <name>AgentChecks</name>
    <message>
        <source>Guest-agent checks are off for this guest (opt-in).</source>
        <translation>此客户机未开启客户机代理检查（需手动开启）。</translation>
    </message>
    <message>
        <source>org.qemu.guest_agent.0 is connected: an agent answers in the guest.</source>
        <translation>org.qemu.guest_agent.0 已连接：客户机中有代理在响应。</translation>
    </message>
    <message>
        <source>org.qemu.guest_agent.0 is disconnected: no agent runs in the guest.</source>
        <translation>org.qemu.guest_agent.0 未连接：客户机中没有运行代理。</translation>
    </message>
    <message>
        <source>An org.qemu.guest_agent.0 channel is configured; libvirt shows no state for it (the guest does not run, or this driver does not track it).</source>
        <translation>已配置 org.qemu.guest_agent.0 通道，但 libvirt 未显示其状态（客户机未运行，或此驱动不跟踪该状态）。</translation>
    </message>
    <message>
        <source>No org.qemu.guest_agent.0 channel in the domain XML: no agent evidence is available.</source>
        <translation>域 XML 中没有 org.qemu.guest_agent.0 通道：无法获得来自代理的依据。</translation>
    </message>
    <message>
        <source>The agent refuses %1: it is disabled in the guest.</source>
        <translation>代理拒绝执行 %1：该命令在客户机中已被禁用。</translation>
    </message>
    <message>
        <source>The agent does not have %1 (an older agent, or not on this OS).</source>
        <translation>代理不支持 %1（代理版本较旧，或在此操作系统上不提供）。</translation>
    </message>
    <message>
        <source>No answer to %1 within %2 s.</source>
        <translation>%1 在 %2 秒内无响应。</translation>
    </message>
    <message>
        <source>No agent is connected to the guest&apos;s channel.</source>
        <translation>没有代理连接到客户机的通道。</translation>
    </message>
    <message>
        <source>This connection cannot send guest-agent commands (its libvirt driver has no virDomainQemuAgentCommand).</source>
        <translation>此连接无法发送客户机代理命令（其 libvirt 驱动不支持 virDomainQemuAgentCommand）。</translation>
    </message>
    <message>
        <source>libvirt refused the agent command: a read-only connection cannot send one. Connect without --readonly.</source>
        <translation>libvirt 拒绝了代理命令：只读连接不能发送此类命令。请不带 --readonly 重新连接。</translation>
    </message>
    <message>
        <source>The reply to %1 could not be read.</source>
        <translation>无法读取 %1 的回复。</translation>
    </message>
    <message>
        <source>%1 had not finished when Balloonscope stopped waiting.</source>
        <translation>Balloonscope 停止等待时，%1 仍未完成。</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 失败。</translation>
    </message>
    <message>
        <source>Not asked: the agent stopped answering before.</source>
        <translation>未查询：代理此前已停止响应。</translation>
    </message>
    <message>
        <source>Not asked: %1</source>
        <translation>未查询：%1</translation>
    </message>
    <message>
        <source>(no version)</source>
        <translation>（无版本号）</translation>
    </message>
    <message>
        <source>qemu-ga %1 answers (%2 commands). Enabled: %3.</source>
        <translation>qemu-ga %1 有响应（%2 条命令）。已启用：%3。</translation>
    </message>
    <message>
        <source>none of the ones used here</source>
        <translation>无（此处用到的命令均未启用）</translation>
    </message>
    <message>
        <source>Disabled: %1.</source>
        <translation>已禁用：%1。</translation>
    </message>
    <message>
        <source>Not offered: %1.</source>
        <translation>未提供：%1。</translation>
    </message>
    <message>
        <source>id &quot;%1&quot;: %2 (%3).</source>
        <translation>id“%1”：%2（%3）。</translation>
    </message>
    <message>
        <source>No usable version-id (Windows agents send &quot;N/A&quot; or odd strings): the version is not relied on.</source>
        <translation>没有可用的 version-id（Windows 代理会发送“N/A”或不规范的字符串）：不以该版本号为依据。</translation>
    </message>
    <message>
        <source>The libosinfo metadata says %1 (%2): the agent is believed.</source>
        <translation>libosinfo 元数据记录为 %1（%2）：以代理报告的为准。</translation>
    </message>
    <message>
        <source>guest-get-devices needs a QEMU 5.2 or newer agent.</source>
        <translation>guest-get-devices 需要 QEMU 5.2 或更高版本的代理。</translation>
    </message>
    <message>
        <source>Installed: %1.</source>
        <translation>已安装：%1。</translation>
    </message>
    <message>
        <source>(older agent reply format &quot;%1&quot;)</source>
        <translation>（旧版代理的回复格式“%1”）</translation>
    </message>
    <message>
        <source>(matched by driver name: no PCI ids in the reply)</source>
        <translation>（按驱动名称匹配：回复中没有 PCI ID）</translation>
    </message>
    <message>
        <source>The version &quot;%1&quot; is not a number; shown as sent.</source>
        <translation>版本“%1”不是数字；按原样显示。</translation>
    </message>
    <message numerus="yes">
        <source>guest-get-devices lists %n device(s) with a driver; none is the VirtIO balloon (vendor 6900, device 4098 or 4165). A device without a driver is not listed, so no balloon driver is installed.</source>
        <translation>
            <numerusform>guest-get-devices 列出了 %n 个已安装驱动的设备，其中没有 VirtIO 气球设备（厂商 6900，设备 4098 或 4165）。没有驱动的设备不会被列出，因此未安装气球驱动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Yet fresh statistics arrive on the host, which is what counts.</source>
        <translation>但宿主机仍在收到新的统计信息，这才是关键。</translation>
    </message>
    <message>
        <source>Fresh statistics still arrive on the host (this driver build reports by itself), which is what counts.</source>
        <translation>宿主机仍在收到新的统计信息（此版本的驱动会自行报告），这才是关键。</translation>
    </message>
    <message>
        <source>%1: %2 [%3].</source>
        <translation>%1：%2 [%3]。</translation>
    </message>
    <message>
        <source>It will not start by itself after a reboot.</source>
        <translation>重启后它不会自动启动。</translation>
    </message>
    <message>
        <source>%1: BalloonService is not installed [%2].</source>
        <translation>%1：BalloonService 未安装 [%2]。</translation>
    </message>
    <message>
        <source>virtio_balloon is bound to %1 (%2).</source>
        <translation>virtio_balloon 已绑定到 %1（%2）。</translation>
    </message>
    <message>
        <source>virtio_balloon is loaded (/proc/modules: &quot;%1&quot;); its binding was not seen because guest-exec is not available.</source>
        <translation>virtio_balloon 已加载（/proc/modules：“%1”）；由于 guest-exec 不可用，无法查看其绑定情况。</translation>
    </message>
    <message>
        <source>virtio_balloon is not in /proc/modules (%1): it is not loaded, or it is built into the kernel.</source>
        <translation>virtio_balloon 不在 /proc/modules 中（%1）：它未加载，或已编译进内核。</translation>
    </message>
    <message>
        <source>virtio_balloon is loaded but bound to no device (%1: %2).</source>
        <translation>virtio_balloon 已加载，但未绑定任何设备（%1：%2）。</translation>
    </message>
    <message>
        <source>%1 does not exist: virtio_balloon is not loaded [%2].</source>
        <translation>%1 不存在：virtio_balloon 未加载 [%2]。</translation>
    </message>
</context>
<context>
    <name>BalloonSession</name>
    <message>
        <source>Change the running guest now (VIR_DOMAIN_AFFECT_LIVE).</source>
        <translation>立即更改运行中的客户机（VIR_DOMAIN_AFFECT_LIVE）。</translation>
    </message>
    <message>
        <source>Change the persistent configuration, kept across restarts (VIR_DOMAIN_AFFECT_CONFIG). Without --live or --config: live for running guests and config for persistent ones, so a running persistent guest gets both, a shut-off guest its configuration, a transient guest the live change.</source>
        <translation>更改持久配置，重启后仍然保留（VIR_DOMAIN_AFFECT_CONFIG）。既不指定 --live 也不指定 --config 时：运行中的客户机做运行时更改，持久客户机更改其配置；因此运行中的持久客户机两者都改，已关机的客户机只改配置，临时客户机只做运行时更改。</translation>
    </message>
    <message>
        <source>GUEST</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>BALLOON</source>
        <translation>气球</translation>
    </message>
    <message>
        <source>LIVE PERIOD</source>
        <translation>运行时周期</translation>
    </message>
    <message>
        <source>PERSISTENT PERIOD</source>
        <translation>持久周期</translation>
    </message>
    <message>
        <source>persistent</source>
        <translation>持久</translation>
    </message>
    <message>
        <source>transient</source>
        <translation>临时</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <source>persistent &lt;memballoon&gt;:</source>
        <translation>持久配置中的 &lt;memballoon&gt;：</translation>
    </message>
    <message>
        <source>%1 applied, %2 unchanged, %3 partial, %4 failed%5.</source>
        <translation>%1 台已应用，%2 台无变化，%3 台部分完成，%4 台失败%5。</translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation>（已取消）</translation>
    </message>
</context>
<context>
    <name>BalloonText</name>
    <message>
        <source>Not connected to %1 right now; nothing was changed.</source>
        <translation>当前未连接到 %1；未做任何更改。</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>Cancelled before this guest was changed.</source>
        <translation>在更改此客户机之前已取消。</translation>
    </message>
    <message>
        <source>No poll of the host arrived in time.</source>
        <translation>未能及时完成对宿主机的轮询。</translation>
    </message>
    <message>
        <source>Waiting up to %1 s for the guest&apos;s next report.</source>
        <translation>最多等待 %1 秒，直到客户机的下一次报告。</translation>
    </message>
    <message>
        <source>Stats are flowing: the guest reported at %1.</source>
        <translation>统计数据正在上报：客户机于 %1 报告。</translation>
    </message>
    <message>
        <source>The guest stopped or disappeared before it reported.</source>
        <translation>客户机在报告之前已停止或消失。</translation>
    </message>
    <message>
        <source>The live configuration still shows no stats period.</source>
        <translation>运行时配置中仍然没有统计周期。</translation>
    </message>
    <message>
        <source>No report within two periods: %1</source>
        <translation>两个周期内没有报告：%1</translation>
    </message>
</context>
<context>
    <name>ChartExport</name>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Select a guest first: the chart shows none.</source>
        <translation>请先选择一个客户机：图表中还没有内容。</translation>
    </message>
    <message>
        <source>Export Chart Data</source>
        <translation>导出图表数据</translation>
    </message>
    <message>
        <source>CSV, one row per time (*.csv);;JSON (*.json)</source>
        <translation>CSV，每个时间一行 (*.csv);;JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>CheckCommand</name>
    <message>
        <source>Check a host&apos;s balloon health as a monitoring plugin: watch it for a few polls, run the health rules, print one status line with performance data and one line per finding, and exit 0 OK, 1 WARNING, 2 CRITICAL or 3 UNKNOWN.</source>
        <translation>以监控插件的方式检查宿主机的气球健康状况：观察几次轮询，运行健康规则，输出一行带性能数据的状态行和每项发现一行，并以 0 OK、1 WARNING、2 CRITICAL 或 3 UNKNOWN 退出。</translation>
    </message>
    <message>
        <source>Change a rule: RULE=off, RULE=on, RULE=WARN[:CRIT] (an empty part keeps the default, - clears it), swap_in=WARN[:CRIT][@SEC], or readiness|free_page_reporting|signature=note|warning|critical. Repeatable. Rules and defaults: %1.</source>
        <translation>修改一条规则：RULE=off、RULE=on、RULE=WARN[:CRIT]（留空的部分保持默认，- 表示清除）、swap_in=WARN[:CRIT][@SEC]，或 readiness|free_page_reporting|signature=note|warning|critical。可重复。规则及默认值：%1。</translation>
    </message>
    <message>
        <source>Judge only this guest (repeatable; default: all).</source>
        <translation>只判断此客户机（可重复；默认：全部）。</translation>
    </message>
    <message>
        <source>Seconds to watch the host, 0-3600 (default 10): rates and regressions need two reports or more.</source>
        <translation>观察宿主机的秒数，0-3600（默认 10）：速率和回退需要两次或更多报告。</translation>
    </message>
    <message>
        <source>Seconds between polls while watching, 1-3600 (default 5).</source>
        <translation>观察期间两次轮询之间的秒数，1-3600（默认 5）。</translation>
    </message>
    <message>
        <source>Print the findings and figures as one JSON object (the exit code is the same).</source>
        <translation>以一个 JSON 对象输出发现和数值（退出码相同）。</translation>
    </message>
    <message>
        <source>Every rule with its default thresholds, over ten seconds of polls.</source>
        <translation>所有规则使用默认阈值，观察十秒的轮询。</translation>
    </message>
    <message>
        <source>Stricter host floors, stranded memory from 4 GiB, no free page reporting notes: as an Icinga or Nagios service check.</source>
        <translation>更严格的宿主机下限、从 4 GiB 起的闲置内存、不显示空闲页报告提示：作为 Icinga 或 Nagios 的服务检查。</translation>
    </message>
    <message>
        <source>Five minutes of polls: swap-in above 256 KiB/s for all of them warns.</source>
        <translation>五分钟的轮询：换入速率在全部轮询中都高于 256 KiB/s 时发出警告。</translation>
    </message>
    <message>
        <source>OK: no rule found a warning or a critical condition (notes may be listed).</source>
        <translation>OK：没有规则发现警告或严重情况（可能列出提示）。</translation>
    </message>
    <message>
        <source>WARNING: a rule found a warning condition.</source>
        <translation>WARNING：某条规则发现了警告情况。</translation>
    </message>
    <message>
        <source>CRITICAL: a rule found a critical condition.</source>
        <translation>CRITICAL：某条规则发现了严重情况。</translation>
    </message>
    <message>
        <source>UNKNOWN: bad arguments, the host could not be reached or authenticated, or a --domain names no guest.</source>
        <translation>UNKNOWN：参数错误、无法连接或认证宿主机，或 --domain 指定的客户机不存在。</translation>
    </message>
    <message>
        <source>Invalid arguments (the error is on standard error).</source>
        <translation>参数无效（错误信息在标准错误输出中）。</translation>
    </message>
    <message>
        <source>--watch must be a number of seconds (0-3600), not &quot;%1&quot;.</source>
        <translation>--watch 必须是秒数（0-3600），而不是“%1”。</translation>
    </message>
    <message>
        <source>Invalid --interval (the error is on standard error).</source>
        <translation>--interval 无效（错误信息在标准错误输出中）。</translation>
    </message>
    <message>
        <source>Invalid host arguments (the error is on standard error).</source>
        <translation>宿主机参数无效（错误信息在标准错误输出中）。</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>No guest named &quot;%1&quot; on %2.</source>
        <translation>%2 上没有名为“%1”的客户机。</translation>
    </message>
    <message numerus="yes">
        <source>%n running guest(s) on %1: no warning</source>
        <translation>
            <numerusform>%1 上有 %n 台运行中的客户机：无警告</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 critical, %2 warning(s) on %3</source>
        <translation>%3 上：%1 项严重，%2 项警告</translation>
    </message>
    <message>
        <source>host</source>
        <translation>宿主机</translation>
    </message>
    <message numerus="yes">
        <source>, %n note(s)</source>
        <translation>
            <numerusform>，%n 项提示</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliCommand</name>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>libvirt URI of a host (repeat for several hosts).</source>
        <translation>宿主机的 libvirt URI（可重复以指定多台宿主机）。</translation>
    </message>
    <message>
        <source>libvirt URI of the host, e.g. qemu:///system.</source>
        <translation>宿主机的 libvirt URI，例如 qemu:///system。</translation>
    </message>
    <message>
        <source>Open a read-only connection.</source>
        <translation>以只读方式连接。</translation>
    </message>
    <message>
        <source>Instead of --connect: a demo host inside this process (libvirt&apos;s QEMU driver embedded, four small guests; test:///default where QEMU or the guest images are missing). The demo guests stop when the command ends.</source>
        <translation>代替 --connect：在本进程内运行演示宿主机（内嵌 libvirt 的 QEMU 驱动，四台小型客户机；缺少 QEMU 或客户机镜像时改用 test:///default）。命令结束时演示客户机随之停止。</translation>
    </message>
    <message>
        <source>Invalid --connect URI &quot;%1&quot;: %2</source>
        <translation>无效的 --connect URI“%1”：%2</translation>
    </message>
    <message>
        <source>Missing --connect URI (for example --connect qemu:///system).</source>
        <translation>缺少 --connect URI（例如 --connect qemu:///system）。</translation>
    </message>
    <message>
        <source>This command takes one --connect URI.</source>
        <translation>此命令只接受一个 --connect URI。</translation>
    </message>
    <message>
        <source>Use either --demo or --connect, not both.</source>
        <translation>请使用 --demo 或 --connect 之一，不要同时使用。</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The history has no guest named &quot;%1&quot; or with that UUID on this host.</source>
        <translation>历史记录中，此宿主机上没有名为“%1”或具有该 UUID 的客户机。</translation>
    </message>
    <message>
        <source>Several guests were called &quot;%1&quot;; give the UUID: %2</source>
        <translation>有多台客户机曾名为“%1”；请指定 UUID：%2</translation>
    </message>
    <message>
        <source>%1 (%2) on %3
%4 to %5, one point per %6 s (%7); KiB, avg [min..max]
</source>
        <translation>%1（%2），位于 %3
%4 至 %5，每 %6 秒一个点（%7）；单位 KiB，平均值 [最小值..最大值]
</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>(gap)</source>
        <translation>（空缺）</translation>
    </message>
    <message>
        <source>Nothing was recorded for this guest in this range.
</source>
        <translation>此时间范围内没有此客户机的记录。
</translation>
    </message>
    <message>
        <source>--%1 must be a duration such as 120, 90s, 15m, 7d or 1y, not &quot;%2&quot;.</source>
        <translation>--%1 必须是时长，例如 120、90s、15m、7d 或 1y，而不是“%2”。</translation>
    </message>
    <message>
        <source>--interval must be 1 to 3600 seconds, not &quot;%1&quot;.</source>
        <translation>--interval 必须是 1 到 3600 秒，而不是“%1”。</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>示例：</translation>
    </message>
    <message>
        <source>For qemu+ssh hosts: also read each guest&apos;s swap (VmSwap) and memory pressure (PSI) by running one fixed read-only shell command over SSH (BatchMode). Local hosts are always read.</source>
        <translation>对 qemu+ssh 宿主机：另外通过 SSH 运行一条固定的只读 shell 命令（BatchMode），读取每个客户机的交换（VmSwap）和内存压力（PSI）。本地宿主机总是会读取。</translation>
    </message>
    <message>
        <source>--listen: &quot;%1&quot; is not [IPv6]:PORT.</source>
        <translation>--listen：“%1”不是 [IPv6]:端口 形式。</translation>
    </message>
    <message>
        <source>--listen: &quot;%1&quot; is not a port (0-65535).</source>
        <translation>--listen：“%1”不是端口（0-65535）。</translation>
    </message>
    <message>
        <source>--listen: &quot;%1&quot; is not an IP address of this machine (use 127.0.0.1, ::1, 0.0.0.0 or an interface&apos;s address).</source>
        <translation>--listen：“%1”不是本机的 IP 地址（请使用 127.0.0.1、::1、0.0.0.0 或某个网络接口的地址）。</translation>
    </message>
    <message>
        <source>Cannot serve metrics on %1:%2: %3</source>
        <translation>无法在 %1:%2 上提供指标：%3</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
</context>
<context>
    <name>CliDoc</name>
    <message>
        <source>The language of the output: en or zh_CN (default: the system&apos;s). Anywhere on the command line.</source>
        <translation>输出语言：en 或 zh_CN（默认跟随系统）。可写在命令行的任何位置。</translation>
    </message>
    <message>
        <source>Show the commands; after a command, its options.</source>
        <translation>显示命令列表；写在命令之后时显示该命令的选项。</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>显示版本。</translation>
    </message>
    <message>
        <source>guest memory of KVM/libvirt hosts, from the command line</source>
        <translation>在命令行中查看 KVM/libvirt 宿主机上客户机的内存</translation>
    </message>
    <message>
        <source>balloonscope-cli shows what the guests on KVM/libvirt hosts do with their memory, without a display: what the host gives each guest (the balloon size, actual), what QEMU occupies on the host (rss), and what the guest itself reports as used through the virtio-balloon statistics. It also turns those statistics on, sets balloon targets, records the figures into a history and writes charts and reports from it, as the desktop application balloonscope(1) does.</source>
        <translation>balloonscope-cli 无需图形界面，即可显示 KVM/libvirt 宿主机上的客户机如何使用内存：宿主机分配给每台客户机的内存（气球大小，actual）、QEMU 在宿主机上占用的内存（rss），以及客户机自己通过 virtio-balloon 统计信息报告的已用内存。它还能开启这些统计、设置气球目标、把数据记录到历史记录中，并据此生成图表和报告，与桌面应用 balloonscope(1) 相同。</translation>
    </message>
    <message>
        <source>Every size is in KiB. A figure the guest did not report is absent (null in JSON), never 0.</source>
        <translation>所有大小均以 KiB 为单位。客户机未报告的数值为缺失（JSON 中为 null），绝不记为 0。</translation>
    </message>
    <message>
        <source>The commands that talk to a host take --connect URI, any libvirt URI (qemu:///system, qemu+ssh://root@kvm1/system, test:///default), or --demo: a demo host inside the process, libvirt&apos;s QEMU driver embedded with four small guests. The commands that read the history (history, export, report) take --host URI, the host as it was recorded, or --demo for the demo host as &quot;record --demo&quot; records it.</source>
        <translation>与宿主机通信的命令接受 --connect URI（任意 libvirt URI：qemu:///system、qemu+ssh://root@kvm1/system、test:///default）或 --demo：在本进程内运行的演示宿主机，内嵌 libvirt 的 QEMU 驱动和四台小型客户机。读取历史记录的命令（history、export、report）接受 --host URI（记录时的宿主机），或用 --demo 表示“record --demo”所记录的演示宿主机。</translation>
    </message>
    <message>
        <source>The history: record writes it; history, export and report read it (--db names another). The desktop application records into the same file. $XDG_DATA_HOME moves it.</source>
        <translation>历史记录：由 record 写入，history、export 和 report 读取（--db 可指定其他文件）。桌面应用也记录到同一文件。$XDG_DATA_HOME 可改变其位置。</translation>
    </message>
    <message>
        <source>The demo host&apos;s embedded libvirt root (--demo): its configuration, the guests&apos; consoles (log/serial) and QEMU&apos;s logs.</source>
        <translation>演示宿主机内嵌的 libvirt 根目录（--demo）：其配置、客户机控制台输出（log/serial）和 QEMU 日志。</translation>
    </message>
    <message>
        <source>The demo guests&apos; kernel and initramfs, built once by scripts/build-guest-images ($BALLOONSCOPE_GUEST_IMAGES names another folder).</source>
        <translation>演示客户机的内核和 initramfs，由 scripts/build-guest-images 构建一次（$BALLOONSCOPE_GUEST_IMAGES 可指定其他文件夹）。</translation>
    </message>
    <message>
        <source>The desktop application&apos;s settings (saved connections, preferences, history retention). balloonscope-cli does not read them: its options say it all.</source>
        <translation>桌面应用的设置（已保存的连接、首选项、历史记录保留期）。balloonscope-cli 不读取它们：一切由命令行选项给出。</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>--completion takes bash or zsh.</source>
        <translation>--completion 接受 bash 或 zsh。</translation>
    </message>
    <message>
        <source>Connect to this libvirt URI (repeat for several hosts), e.g. qemu:///system or qemu+ssh://root@kvm1/system.</source>
        <translation>连接到此 libvirt URI（可重复以连接多台宿主机），例如 qemu:///system 或 qemu+ssh://root@kvm1/system。</translation>
    </message>
    <message>
        <source>Open the connections given with --connect read-only.</source>
        <translation>以只读方式打开 --connect 指定的连接。</translation>
    </message>
    <message>
        <source>Show the built-in demo host.</source>
        <translation>显示内置的演示宿主机。</translation>
    </message>
    <message>
        <source>User interface language (en, zh_CN); default: the system&apos;s.</source>
        <translation>界面语言（en、zh_CN）；默认跟随系统。</translation>
    </message>
    <message>
        <source>Keep settings in FILE instead of the user&apos;s settings.</source>
        <translation>将设置保存在 FILE 中，而不是用户的设置中。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>显示版本。</translation>
    </message>
    <message>
        <source>Usage: balloonscope [OPTIONS]</source>
        <translation>用法：balloonscope [选项]</translation>
    </message>
    <message>
        <source>Shows what the guests on KVM/libvirt hosts really do with their memory.</source>
        <translation>显示 KVM/libvirt 宿主机上的客户机实际如何使用内存。</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>guest memory monitor for KVM/libvirt hosts</source>
        <translation>KVM/libvirt 宿主机的客户机内存监视器</translation>
    </message>
    <message>
        <source>Balloonscope shows what the guests on KVM/libvirt hosts really do with their memory: not only what the host gave them (the balloon size, actual) or what QEMU occupies on the host (rss), but what each guest itself reports as used, through the virtio-balloon statistics. It watches several hosts at once, local or remote over qemu+ssh, explains why a guest reports nothing, turns the statistics on, sets balloon targets, records a history and writes reports.</source>
        <translation>Balloonscope 显示 KVM/libvirt 宿主机上的客户机实际如何使用内存：不仅是宿主机分配给它们的内存（气球大小，actual）或 QEMU 在宿主机上占用的内存（rss），还有每台客户机通过 virtio-balloon 统计信息自己报告的已用内存。它可同时监视多台宿主机（本机或通过 qemu+ssh 远程），解释客户机为何不报告，开启统计、设置气球目标、记录历史并生成报告。</translation>
    </message>
    <message>
        <source>Without --connect or --demo it reconnects the saved connections marked &quot;Connect when Balloonscope starts&quot;. Hosts given with --connect are watched for this session only. balloonscope-cli(1) does the same without a display.</source>
        <translation>未给出 --connect 或 --demo 时，它会重新连接标记为“Balloonscope 启动时连接”的已保存连接。用 --connect 给出的宿主机仅在本次会话中监视。balloonscope-cli(1) 无需图形界面即可完成同样的工作。</translation>
    </message>
    <message>
        <source>The window was closed.</source>
        <translation>窗口已关闭。</translation>
    </message>
    <message>
        <source>Bad arguments; the usage is printed.</source>
        <translation>参数错误；已打印用法。</translation>
    </message>
    <message>
        <source>Watch the guests of this machine.</source>
        <translation>监视本机的客户机。</translation>
    </message>
    <message>
        <source>Watch a remote host over SSH and this machine side by side.</source>
        <translation>通过 SSH 监视一台远程宿主机，并与本机并排显示。</translation>
    </message>
    <message>
        <source>The demo host, in Chinese.</source>
        <translation>以中文显示演示宿主机。</translation>
    </message>
    <message>
        <source>Settings: saved connections (never with a password), preferences, window layout. --settings names another file.</source>
        <translation>设置：已保存的连接（绝不含密码）、首选项、窗口布局。--settings 可指定其他文件。</translation>
    </message>
    <message>
        <source>The history of every watched host (SQLite), shared with &quot;balloonscope-cli record&quot;. $XDG_DATA_HOME moves it.</source>
        <translation>所有被监视宿主机的历史记录（SQLite），与“balloonscope-cli record”共用。$XDG_DATA_HOME 可改变其位置。</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>意外的参数“%1”。</translation>
    </message>
    <message>
        <source>Invalid URI &quot;%1&quot;: %2</source>
        <translation>无效的 URI“%1”：%2</translation>
    </message>
</context>
<context>
    <name>CompletionCommand</name>
    <message>
        <source>Print the shell completion script for bash or zsh: the commands, their options, and the values of options that take files or a fixed set of words.</source>
        <translation>输出 bash 或 zsh 的命令补全脚本：命令、其选项，以及取值为文件或固定词集的选项的取值。</translation>
    </message>
    <message>
        <source>bash or zsh.</source>
        <translation>bash 或 zsh。</translation>
    </message>
    <message>
        <source>Complete balloonscope-cli in bash for your user only (the Debian package installs the completion for everyone).</source>
        <translation>仅为当前用户在 bash 中补全 balloonscope-cli（Debian 软件包会为所有用户安装补全）。</translation>
    </message>
    <message>
        <source>The same for zsh, in a folder of your fpath.</source>
        <translation>zsh 的做法相同，放到 fpath 中的某个文件夹。</translation>
    </message>
    <message>
        <source>No shell named, or one it does not know.</source>
        <translation>未指定 shell，或指定了不支持的 shell。</translation>
    </message>
    <message>
        <source>Name the shell: %1.</source>
        <translation>请指定 shell：%1。</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <source>Enter the host name or address of the remote machine.</source>
        <translation>请输入远程机器的主机名或地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or address.</source>
        <translation>“%1”不是有效的主机名或地址。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid user name.</source>
        <translation>“%1”不是有效的用户名。</translation>
    </message>
    <message>
        <source>Port %1 is out of range: use 1 to 65535.</source>
        <translation>端口 %1 超出范围：请使用 1 到 65535。</translation>
    </message>
</context>
<context>
    <name>ConnectionUri</name>
    <message>
        <source>Enter a connection URI, for example qemu:///system.</source>
        <translation>请输入连接 URI，例如 qemu:///system。</translation>
    </message>
    <message>
        <source>A connection URI cannot contain spaces: write a space in a file path as %20.</source>
        <translation>连接 URI 不能包含空格：文件路径中的空格请写作 %20。</translation>
    </message>
    <message>
        <source>A connection URI starts with a driver and &quot;://&quot;, for example qemu:///system or qemu+ssh://user@host/system.</source>
        <translation>连接 URI 以驱动名和“://”开头，例如 qemu:///system 或 qemu+ssh://user@host/system。</translation>
    </message>
    <message>
        <source>Port &quot;%1&quot; is out of range: use 1 to 65535.</source>
        <translation>端口“%1”超出范围：请使用 1 到 65535。</translation>
    </message>
    <message>
        <source>This is not a valid URI: %1</source>
        <translation>这不是有效的 URI：%1</translation>
    </message>
    <message>
        <source>Unknown hypervisor driver &quot;%1&quot;: use one of %2.</source>
        <translation>未知的虚拟化驱动“%1”：请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>Unknown transport &quot;%1&quot;: use one of %2.</source>
        <translation>未知的传输方式“%1”：请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>Do not put a password in the URI: Balloonscope asks for it when it connects and can keep it in the desktop keyring.</source>
        <translation>请勿在 URI 中写入密码：Balloonscope 会在连接时询问，并可将其保存在桌面密钥环中。</translation>
    </message>
    <message>
        <source>A %1 connection needs a host name, for example %2+%1://root@kvm1.example.com/system.</source>
        <translation>%1 连接需要主机名，例如 %2+%1://root@kvm1.example.com/system。</translation>
    </message>
    <message>
        <source>The unix transport is local: remove the host name.</source>
        <translation>unix 传输方式仅用于本机：请去掉主机名。</translation>
    </message>
    <message>
        <source>A qemu URI ends in /system, /session or /embed, not &quot;%1&quot;.</source>
        <translation>qemu URI 应以 /system、/session 或 /embed 结尾，而不是“%1”。</translation>
    </message>
    <message>
        <source>qemu:///embed needs a root directory, for example qemu:///embed?root=/tmp/vms.</source>
        <translation>qemu:///embed 需要一个根目录，例如 qemu:///embed?root=/tmp/vms。</translation>
    </message>
    <message>
        <source>A test URI needs a path: test:///default or the path of a test driver XML file.</source>
        <translation>test URI 需要路径：test:///default 或测试驱动 XML 文件的路径。</translation>
    </message>
    <message>
        <source>The keyfile parameter is empty.</source>
        <translation>keyfile 参数为空。</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>test driver (%1)</source>
        <translation>测试驱动（%1）</translation>
    </message>
    <message>
        <source>The URI contains a character that cannot be part of a URI (a Unicode noncharacter).</source>
        <translation>URI 中含有不能出现在 URI 里的字符（Unicode 非字符）。</translation>
    </message>
</context>
<context>
    <name>DemoProcess</name>
    <message>
        <source>As root, libvirt&apos;s embedded QEMU driver needs the system user and group %1, which this machine does not have. Install the package libnss-wrapper (Balloonscope then lends that name to its own process; nothing on the machine changes), or run the demo as a normal user.</source>
        <translation>以 root 身份运行时，libvirt 内嵌的 QEMU 驱动需要系统用户和组 %1，而本机没有。请安装软件包 libnss-wrapper（Balloonscope 会仅对自己的进程提供这个名称，本机不做任何改动），或以普通用户身份运行演示。</translation>
    </message>
    <message>
        <source>As root, libvirt&apos;s embedded QEMU driver needs the system user and group %1, which this machine does not have, and Balloonscope could not lend it that name through libnss-wrapper. Run the demo as a normal user.</source>
        <translation>以 root 身份运行时，libvirt 内嵌的 QEMU 驱动需要系统用户和组 %1，而本机没有，Balloonscope 也无法通过 libnss-wrapper 为其提供这个名称。请以普通用户身份运行演示。</translation>
    </message>
</context>
<context>
    <name>DemoSession</name>
    <message>
        <source>Stopping the demo guests.</source>
        <translation>正在停止演示客户机。</translation>
    </message>
    <message>
        <source>Interrupted while the demo host started.</source>
        <translation>演示宿主机启动过程中被中断。</translation>
    </message>
    <message>
        <source>The demo host is not available: %1 Showing test:///default instead.</source>
        <translation>演示宿主机不可用：%1 改为显示 test:///default。</translation>
    </message>
    <message>
        <source>Demo host ready after %1 s: %2 (guest consoles in %3)</source>
        <translation>演示宿主机在 %1 秒后就绪：%2（客户机控制台输出位于 %3）</translation>
    </message>
</context>
<context>
    <name>DomainsCommand</name>
    <message>
        <source>List the guests of a host with their state, balloon device and stats state.</source>
        <translation>列出宿主机上的客户机及其状态、气球设备和统计状态。</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>输出 JSON。</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>BALLOON</source>
        <translation>气球</translation>
    </message>
    <message>
        <source>PERIOD</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>STATS</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
    <message>
        <source>The guests of this machine&apos;s system daemon, as a table.</source>
        <translation>以表格列出本机系统守护进程的客户机。</translation>
    </message>
    <message>
        <source>The guests of a remote host, as JSON.</source>
        <translation>以 JSON 列出远程宿主机的客户机。</translation>
    </message>
</context>
<context>
    <name>EnableStatsCommand</name>
    <message>
        <source>Set the balloon stats period of guests (live, persistent or both) and report per guest.</source>
        <translation>设置客户机的气球统计周期（运行时、持久或两者），并逐台报告结果。</translation>
    </message>
    <message>
        <source>A guest, by name or UUID (repeat for several).</source>
        <translation>客户机的名称或 UUID（可重复以指定多台）。</translation>
    </message>
    <message>
        <source>Every guest of the host.</source>
        <translation>宿主机上的所有客户机。</translation>
    </message>
    <message>
        <source>Stats period in seconds, 1-3600 (10 is a good value), or &quot;off&quot; to stop the statistics. 0 is refused: turning statistics off must be said with &quot;off&quot;.</source>
        <translation>统计周期，单位为秒，1-3600（10 是合适的值），或用“off”停止统计。不接受 0：关闭统计必须明确写“off”。</translation>
    </message>
    <message>
        <source>For guests without a balloon device (&lt;memballoon model=&apos;none&apos;/&gt; or none at all): give the persistent configuration a virtio balloon with the period. It takes effect after the guest&apos;s next shutdown and start; everything else in the XML is kept.</source>
        <translation>对于没有气球设备的客户机（&lt;memballoon model=&apos;none&apos;/&gt; 或完全没有）：在持久配置中添加带该周期的 virtio 气球。客户机下次关机并启动后生效；XML 中的其余内容保持不变。</translation>
    </message>
    <message>
        <source>Show what would change, with the persistent &lt;memballoon&gt; as a diff, and change nothing.</source>
        <translation>显示将要进行的更改（持久配置中的 &lt;memballoon&gt; 以差异形式显示），但不做任何更改。</translation>
    </message>
    <message>
        <source>After a live change, wait for the guests&apos; next reports (up to two periods) and say whether the stats flow, or why not. Exit code 1 if any do not.</source>
        <translation>运行时更改后，等待客户机的下一次报告（最多两个周期），并说明统计数据是否已在上报，若没有则说明原因。只要有一台没有上报，退出码即为 1。</translation>
    </message>
    <message>
        <source>Missing --period SEC (1-3600) or --period off.</source>
        <translation>缺少 --period SEC（1-3600）或 --period off。</translation>
    </message>
    <message>
        <source>Name the guests with --domain NAME (repeatable), or give --all.</source>
        <translation>请用 --domain NAME（可重复）指定客户机，或使用 --all。</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>%1: the new balloon takes effect after its next shutdown and start.</source>
        <translation>%1：新的气球设备在其下次关机并启动后生效。</translation>
    </message>
    <message>
        <source>What setting a 10-second period on every guest would change, changing nothing.</source>
        <translation>查看为所有客户机设置 10 秒周期会改变什么，不做任何更改。</translation>
    </message>
    <message>
        <source>Turn the statistics on for one guest, now and after restarts, and wait until they flow.</source>
        <translation>为一台客户机开启统计（立即生效并在重启后保留），并等待统计数据开始上报。</translation>
    </message>
    <message>
        <source>Every guest got its period (and, with --watch, reports).</source>
        <translation>每台客户机都已设置周期（使用 --watch 时还已开始报告）。</translation>
    </message>
    <message>
        <source>A guest was refused or failed, or its stats do not flow.</source>
        <translation>有客户机被拒绝或设置失败，或其统计数据没有上报。</translation>
    </message>
</context>
<context>
    <name>ExitCodes</name>
    <message>
        <source>Success.</source>
        <translation>成功。</translation>
    </message>
    <message>
        <source>The command ran, but not all is well: a guest failed or is not ready.</source>
        <translation>命令已运行，但并非一切正常：有客户机失败或未就绪。</translation>
    </message>
    <message>
        <source>Bad arguments; the usage is printed.</source>
        <translation>参数错误；已打印用法。</translation>
    </message>
    <message>
        <source>Could not connect to the host or authenticate; libvirt&apos;s message is printed.</source>
        <translation>无法连接到宿主机或认证失败；已打印 libvirt 的消息。</translation>
    </message>
    <message>
        <source>Another failure (a file or the history database could not be read or written).</source>
        <translation>其他失败（无法读写文件或历史记录数据库）。</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>Export a guest&apos;s memory chart (PNG, SVG, PDF) or the data behind it (CSV, JSON: the chart&apos;s points, or every raw poll with --raw) from the history.</source>
        <translation>从历史记录导出客户机的内存图表（PNG、SVG、PDF）或其背后的数据（CSV、JSON：图表中的点，或使用 --raw 导出每次原始轮询）。</translation>
    </message>
    <message>
        <source>The guest: its UUID, or a name it has or had.</source>
        <translation>客户机：其 UUID，或其当前或曾用的名称。</translation>
    </message>
    <message>
        <source>The file to write; its extension picks the format.</source>
        <translation>要写入的文件；由扩展名决定格式。</translation>
    </message>
    <message>
        <source>CSV/JSON: every recorded poll with all its fields instead of the chart&apos;s points.</source>
        <translation>CSV/JSON：导出每次记录的轮询及其全部字段，而不是图表中的点。</translation>
    </message>
    <message>
        <source>Buckets of the chart query (default: the image width, so CSV/JSON hold the points a PNG of the same options draws).</source>
        <translation>图表查询的分桶数（默认：图像宽度，使 CSV/JSON 恰好包含相同选项的 PNG 所绘制的点）。</translation>
    </message>
    <message>
        <source>Comma-separated metrics (default used,used_excluding_cache,actual,available).</source>
        <translation>以逗号分隔的指标（默认 used,used_excluding_cache,actual,available）。</translation>
    </message>
    <message>
        <source>Image width in pixels (1600).</source>
        <translation>图像宽度，单位像素（1600）。</translation>
    </message>
    <message>
        <source>Image height in pixels (900).</source>
        <translation>图像高度，单位像素（900）。</translation>
    </message>
    <message>
        <source>PNG resolution: fonts and lines are sized for it (144).</source>
        <translation>PNG 分辨率：字体和线条按此分辨率确定大小（144）。</translation>
    </message>
    <message>
        <source>Give the guest with --domain NAME|UUID.</source>
        <translation>请用 --domain NAME|UUID 指定客户机。</translation>
    </message>
    <message>
        <source>Give the file to write with --out; it must end in .csv, .json, .png, .svg or .pdf.</source>
        <translation>请用 --out 指定要写入的文件；其扩展名必须是 .csv、.json、.png、.svg 或 .pdf。</translation>
    </message>
    <message>
        <source>--raw exports data: use it with .csv or .json.</source>
        <translation>--raw 导出的是数据：请与 .csv 或 .json 一起使用。</translation>
    </message>
    <message>
        <source>--width and --height take 16 to %1 pixels, --dpi %2 to %3.</source>
        <translation>--width 和 --height 取值为 16 到 %1 像素，--dpi 取值为 %2 到 %3。</translation>
    </message>
    <message>
        <source>--points must be 1 to 100000, not &quot;%1&quot;.</source>
        <translation>--points 必须是 1 到 100000，而不是“%1”。</translation>
    </message>
    <message>
        <source>Unknown metric &quot;%1&quot;.</source>
        <translation>未知指标“%1”。</translation>
    </message>
    <message>
        <source>--metric names no metric.</source>
        <translation>--metric 未指定任何指标。</translation>
    </message>
    <message>
        <source>Raw polls before %1 were rolled up: the export starts there.</source>
        <translation>%1 之前的原始轮询已汇总：导出从该时间开始。</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <source>A guest&apos;s last hour as the chart the window draws.</source>
        <translation>以窗口中所绘图表的形式导出客户机最近一小时的数据。</translation>
    </message>
    <message>
        <source>Every poll of the last day, with all its fields, as CSV.</source>
        <translation>以 CSV 导出最近一天的每次轮询及其全部字段。</translation>
    </message>
    <message>
        <source>The guest is not in the history of the host.</source>
        <translation>该客户机不在此宿主机的历史记录中。</translation>
    </message>
</context>
<context>
    <name>FreePageReportingCommand</name>
    <message>
        <source>Turn free page reporting on in guests&apos; persistent configuration (and autodeflate, unless told not to), so that memory a guest frees goes back to the host. Shows the &lt;memballoon&gt; change as a diff; takes effect after each guest&apos;s next shutdown and start.</source>
        <translation>在客户机的持久配置中开启空闲页报告（除非另行指定，也开启自动放气），让客户机释放的内存回到宿主机。以差异形式显示 &lt;memballoon&gt; 的改动；在每台客户机下次关机并启动后生效。</translation>
    </message>
    <message>
        <source>A guest, by name or UUID (repeat for several).</source>
        <translation>客户机的名称或 UUID（可重复以指定多台）。</translation>
    </message>
    <message>
        <source>Every guest of the host.</source>
        <translation>宿主机上的所有客户机。</translation>
    </message>
    <message>
        <source>Leave autodeflate as it is (by default it is turned on too: under OOM the guest may take balloon pages back).</source>
        <translation>保持自动放气不变（默认也会开启：发生 OOM 时客户机可以取回气球页）。</translation>
    </message>
    <message>
        <source>Show what would change, with the persistent &lt;memballoon&gt; as a diff, and change nothing.</source>
        <translation>显示将要进行的更改（持久配置中的 &lt;memballoon&gt; 以差异形式显示），但不做任何更改。</translation>
    </message>
    <message>
        <source>Which guests lack free page reporting, and the change for each, changing nothing.</source>
        <translation>哪些客户机缺少空闲页报告，以及每台的改动，不做任何更改。</translation>
    </message>
    <message>
        <source>Turn it on for two guests, from their next boot.</source>
        <translation>为两台客户机开启，从它们下次启动起生效。</translation>
    </message>
    <message>
        <source>Every guest has it on now (or had it already).</source>
        <translation>每台客户机现在都已开启（或原本就已开启）。</translation>
    </message>
    <message>
        <source>A guest was refused or failed.</source>
        <translation>某台客户机被拒绝或失败。</translation>
    </message>
    <message>
        <source>Name the guests with --domain NAME (repeatable), or give --all.</source>
        <translation>请用 --domain NAME（可重复）指定客户机，或使用 --all。</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
</context>
<context>
    <name>GuestFactsReader</name>
    <message>
        <source>Could not read the state of %1</source>
        <translation>无法读取 %1 的状态</translation>
    </message>
    <message>
        <source>Could not read the configuration of %1: %2</source>
        <translation>无法读取 %1 的配置：%2</translation>
    </message>
    <message>
        <source>the guest does not run.</source>
        <translation>客户机未运行。</translation>
    </message>
    <message>
        <source>the guest has no guest-agent channel.</source>
        <translation>客户机没有客户机代理通道。</translation>
    </message>
    <message>
        <source>no agent is connected to the guest&apos;s channel.</source>
        <translation>没有代理连接到客户机的通道。</translation>
    </message>
    <message>
        <source>Could not list the guests</source>
        <translation>无法列出客户机</translation>
    </message>
    <message>
        <source>There is no guest named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的客户机。</translation>
    </message>
</context>
<context>
    <name>HistoryArguments</name>
    <message>
        <source>History database (default %1).</source>
        <translation>历史记录数据库（默认 %1）。</translation>
    </message>
    <message>
        <source>libvirt URI of the recorded host.</source>
        <translation>所记录宿主机的 libvirt URI。</translation>
    </message>
    <message>
        <source>The last stretch of time, e.g. 1h, 24h, 7d (default %1).</source>
        <translation>最近的一段时间，例如 1h、24h、7d（默认 %1）。</translation>
    </message>
    <message>
        <source>Start, ISO 8601 (local time unless it says otherwise).</source>
        <translation>开始时间，ISO 8601 格式（未注明时区时按本地时间）。</translation>
    </message>
    <message>
        <source>End, ISO 8601 (default now).</source>
        <translation>结束时间，ISO 8601 格式（默认为当前时间）。</translation>
    </message>
    <message>
        <source>Use either --range or --from/--to.</source>
        <translation>请使用 --range 或 --from/--to，二者只能选其一。</translation>
    </message>
    <message>
        <source>--from and --to must be ISO 8601 times (2025-01-31T08:00), --from before --to.</source>
        <translation>--from 和 --to 必须是 ISO 8601 时间（2025-01-31T08:00），且 --from 早于 --to。</translation>
    </message>
    <message>
        <source>--to needs --from.</source>
        <translation>--to 需要与 --from 一起使用。</translation>
    </message>
    <message>
        <source>--range must be a duration such as 1h, 24h, 7d or 1y, not &quot;%1&quot;.</source>
        <translation>--range 必须是时长，例如 1h、24h、7d 或 1y，而不是“%1”。</translation>
    </message>
    <message>
        <source>Instead of --host: the demo host, as &quot;record --demo&quot; records it.</source>
        <translation>代替 --host：演示宿主机，即“record --demo”所记录的宿主机。</translation>
    </message>
    <message>
        <source>Use either --demo or --host, not both.</source>
        <translation>请使用 --demo 或 --host 之一，不要同时使用。</translation>
    </message>
    <message>
        <source>Give the host with --host URI (or --demo).</source>
        <translation>请用 --host URI（或 --demo）指定宿主机。</translation>
    </message>
    <message>
        <source>Nothing was recorded for the demo host %1. Where QEMU or the guest images are missing, &quot;record --demo&quot; records libvirt&apos;s test driver instead: try --host test:///default.</source>
        <translation>没有演示宿主机 %1 的记录。缺少 QEMU 或客户机镜像时，“record --demo”改为记录 libvirt 的测试驱动：请尝试 --host test:///default。</translation>
    </message>
    <message>
        <source>Read the history from a Prometheus-compatible server (Prometheus, VictoriaMetrics) that scrapes recorders&apos; /metrics, e.g. http://prometheus:9090 or https://user:password@host:9090, instead of the local file.</source>
        <translation>从抓取记录器 /metrics 的 Prometheus 兼容服务器（Prometheus、VictoriaMetrics）读取历史，而不是本地文件，例如 http://prometheus:9090 或 https://user:password@host:9090。</translation>
    </message>
    <message>
        <source>Use either --db or --source, not both.</source>
        <translation>--db 和 --source 只能二选一。</translation>
    </message>
    <message>
        <source>--source takes the server&apos;s http(s) URL, e.g. http://prometheus:9090, not &quot;%1&quot;.</source>
        <translation>--source 需要服务器的 http(s) URL，例如 http://prometheus:9090，而不是“%1”。</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <source>started</source>
        <translation>已启动</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>shutting down</source>
        <translation>正在关机</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <source>balloon → %1</source>
        <translation>气球 → %1</translation>
    </message>
    <message>
        <source>balloon target</source>
        <translation>气球目标</translation>
    </message>
    <message>
        <source>stats every %1 s</source>
        <translation>每 %1 秒统计</translation>
    </message>
    <message>
        <source>stats off</source>
        <translation>统计未开启</translation>
    </message>
    <message>
        <source>Memory of %1</source>
        <translation>%1 的内存</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2（%3）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>HistoryCommand</name>
    <message>
        <source>Print a guest&apos;s recorded memory over a time range, decimated as the history chart shows it (min/avg/max per bucket, KiB; gaps where nothing was recorded).</source>
        <translation>输出客户机在某一时间范围内记录的内存数据，按历史记录图表的显示方式抽稀（每个时间段给出最小值/平均值/最大值，单位 KiB；无记录处显示为空缺）。</translation>
    </message>
    <message>
        <source>The guest: its UUID, or a name it has or had.</source>
        <translation>客户机：其 UUID，或其当前或曾用的名称。</translation>
    </message>
    <message>
        <source>At most this many buckets (a chart&apos;s width in pixels; default 200).</source>
        <translation>时间段的最大数量（相当于图表的像素宽度；默认 200）。</translation>
    </message>
    <message>
        <source>Comma-separated metrics (default used,used_excluding_cache,actual,rss): %1.</source>
        <translation>以逗号分隔的指标（默认 used,used_excluding_cache,actual,rss）：%1。</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>输出 JSON。</translation>
    </message>
    <message>
        <source>Print CSV.</source>
        <translation>输出 CSV。</translation>
    </message>
    <message>
        <source>Choose one of --json and --csv.</source>
        <translation>--json 和 --csv 只能选择其一。</translation>
    </message>
    <message>
        <source>--points must be 1 to 100000, not &quot;%1&quot;.</source>
        <translation>--points 必须是 1 到 100000，而不是“%1”。</translation>
    </message>
    <message>
        <source>Unknown metric &quot;%1&quot;.</source>
        <translation>未知指标“%1”。</translation>
    </message>
    <message>
        <source>--metric names no metric.</source>
        <translation>--metric 未指定任何指标。</translation>
    </message>
    <message>
        <source>A guest&apos;s last day as JSON: min, average and max per bucket.</source>
        <translation>以 JSON 输出客户机最近一天的数据：每个区间的最小值、平均值和最大值。</translation>
    </message>
    <message>
        <source>What &quot;record --demo&quot; recorded of the saw-tooth guest in the last 15 minutes.</source>
        <translation>“record --demo”在最近 15 分钟内记录的锯齿形客户机数据。</translation>
    </message>
    <message>
        <source>The guest is not in the history of the host.</source>
        <translation>该客户机不在此宿主机的历史记录中。</translation>
    </message>
    <message>
        <source>Bad arguments, or a name that several guests had.</source>
        <translation>参数错误，或该名称曾属于多台客户机。</translation>
    </message>
    <message>
        <source>history needs --domain NAME|UUID.</source>
        <translation>history 需要 --domain NAME|UUID。</translation>
    </message>
    <message>
        <source>The same guest over 30 days, from the Prometheus server that scrapes the hypervisors&apos; recorders.</source>
        <translation>同一客户机 30 天内的数据，来自抓取各宿主机记录器的 Prometheus 服务器。</translation>
    </message>
</context>
<context>
    <name>HostCommand</name>
    <message>
        <source>Show a host&apos;s memory: free memory, the guests&apos; overcommit, KSM and huge pages, with advice. Figures a host cannot give are marked &quot;not available on this host&quot;.</source>
        <translation>显示宿主机的内存情况：空闲内存、客户机超配、KSM 和大页，并给出建议。宿主机无法提供的数据标记为“此宿主机不提供”。</translation>
    </message>
    <message>
        <source>Print JSON (sizes in KiB; one indented object, or one line per overview with --count).</source>
        <translation>输出 JSON（大小单位为 KiB；输出一个带缩进的对象，或在使用 --count 时每份概览输出一行）。</translation>
    </message>
    <message>
        <source>Number of overviews, one per poll (default 1). Two or more tell whether KSM is scanning.</source>
        <translation>概览份数，每次轮询一份（默认 1）。两份或以上可判断 KSM 是否正在扫描。</translation>
    </message>
    <message>
        <source>Seconds between polls, 1-3600 (default 5).</source>
        <translation>轮询间隔秒数，1-3600（默认 5）。</translation>
    </message>
    <message>
        <source>--count must be a number of overviews (1 or more), not &quot;%1&quot;.</source>
        <translation>--count 必须是概览份数（1 或更大），而不是“%1”。</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>The host&apos;s memory, overcommit, KSM and huge pages, with advice.</source>
        <translation>宿主机的内存、超售、KSM 和大页，并附建议。</translation>
    </message>
    <message>
        <source>Two overviews ten seconds apart, which tells whether KSM is scanning.</source>
        <translation>相隔十秒的两份概况，可看出 KSM 是否在扫描。</translation>
    </message>
</context>
<context>
    <name>HostSideInspector</name>
    <message>
        <source>last_update = %1 (%2)</source>
        <translation>last_update = %1（%2）</translation>
    </message>
    <message>
        <source>last_update = %1 (%2, %3 s before it was read, by this machine&apos;s clock)</source>
        <translation>last_update = %1（%2，按本机时钟为读取前 %3 秒）</translation>
    </message>
    <message>
        <source>No statistics were read yet.</source>
        <translation>尚未读取到统计信息。</translation>
    </message>
    <message>
        <source>The guest does not run: there are no statistics.</source>
        <translation>客户机未运行：没有统计信息。</translation>
    </message>
    <message>
        <source>A balloon driver has reported: %1.</source>
        <translation>气球驱动已报告过：%1。</translation>
    </message>
    <message>
        <source>Without a period this may be the single report a Linux driver sends when it loads.</source>
        <translation>由于未设置周期，这可能只是 Linux 驱动加载时发送的那一次报告。</translation>
    </message>
    <message>
        <source>no last_update field</source>
        <translation>没有 last_update 字段</translation>
    </message>
    <message>
        <source>%1; the guest cannot report now.</source>
        <translation>%1；客户机目前无法报告。</translation>
    </message>
    <message>
        <source>%1; polling is off, so nobody asked.</source>
        <translation>%1；轮询已关闭，因此从未请求过统计信息。</translation>
    </message>
    <message>
        <source>%1 after %2 s of watching with a %3 s period: no balloon driver answers in the guest.</source>
        <translation>在 %3 秒的周期下观察 %2 秒后仍为 %1：客户机中没有气球驱动响应。</translation>
    </message>
    <message>
        <source>%1 after %2 s; %3 s of watching decide.</source>
        <translation>观察 %2 秒后仍为 %1；需要观察 %3 秒才能判定。</translation>
    </message>
    <message>
        <source>last_update went from %1 to %2 within %3 s of watching.</source>
        <translation>在 %3 秒的观察内，last_update 从 %1 变为 %2。</translation>
    </message>
    <message>
        <source>last_update stayed at %1 for %2 s with a %3 s period: the driver reported before, but nothing delivers statistics now.</source>
        <translation>在 %3 秒的周期下，last_update 在 %2 秒内一直停留在 %1：驱动此前报告过，但现在没有任何程序提供统计信息。</translation>
    </message>
    <message>
        <source>last_update stayed 0: there is no report to follow.</source>
        <translation>last_update 一直为 0：没有可跟踪的报告。</translation>
    </message>
    <message>
        <source>Watched %1 s of the %2 s needed (two periods of %3 s) without a new report yet.</source>
        <translation>已观察 %1 秒，共需 %2 秒（两个 %3 秒的周期），尚未收到新报告。</translation>
    </message>
    <message>
        <source>The guest does not run now.</source>
        <translation>客户机当前未运行。</translation>
    </message>
    <message>
        <source>No virtio balloon device.</source>
        <translation>没有 virtio 气球设备。</translation>
    </message>
    <message>
        <source>Polling is off: there is nothing to follow.</source>
        <translation>轮询已关闭：没有可跟踪的内容。</translation>
    </message>
    <message>
        <source>No guest fields were read.</source>
        <translation>未读取到任何客户机侧字段。</translation>
    </message>
    <message>
        <source>Only host-side fields: %1.</source>
        <translation>仅有宿主机侧字段：%1。</translation>
    </message>
    <message>
        <source>%1 The guest&apos;s own view (unused, available, usable) is missing.</source>
        <translation>%1 缺少客户机自身的视角（空闲、可见总量、可用）。</translation>
    </message>
    <message>
        <source>Latest report with guest fields: %1.</source>
        <translation>最近一次包含客户机侧字段的报告：%1。</translation>
    </message>
    <message>
        <source>Absent: %1.</source>
        <translation>缺失：%1。</translation>
    </message>
    <message>
        <source>Without usable, &quot;used&quot; counts the page cache (Linux before 4.6, older Windows drivers).</source>
        <translation>没有“可用”字段时，“已用”会把页缓存计算在内（Linux 4.6 之前的内核、较旧的 Windows 驱动）。</translation>
    </message>
    <message>
        <source>Without both unused and available, &quot;used&quot; cannot be computed.</source>
        <translation>若不同时具备“空闲”和“可见总量”，则无法计算“已用”。</translation>
    </message>
    <message>
        <source>On Windows, BalloonService fills the fields differently from Linux: &quot;available&quot; is the total physical memory, &quot;unused&quot; is the available memory including the standby cache, and &quot;usable&quot; is that plus half of the file cache. So available − unused (&quot;used&quot;) leaves the cache out, and a guest at 100 % in Task Manager can look half-empty here, or the other way round.</source>
        <translation>在 Windows 上，BalloonService 填写这些字段的方式与 Linux 不同：“可见总量”是物理内存总量，“空闲”是包括备用缓存在内的可用内存（Windows 所说的 Available），“可用”则是在此基础上再加上一半的文件缓存。因此，可见总量 − 空闲（即“已用”）不含缓存：在任务管理器中显示 100% 的客户机，在这里可能看起来只用了一半，反之亦然。</translation>
    </message>
    <message>
        <source>The guest&apos;s memory is backed by huge pages (&lt;memoryBacking&gt;&lt;hugepages/&gt;). Statistics still work, but inflating the balloon gives no memory back to the host: static huge pages cannot be freed page by page.</source>
        <translation>客户机内存由大页提供（&lt;memoryBacking&gt;&lt;hugepages/&gt;）。统计信息仍然有效，但膨胀气球不会把内存还给宿主机：静态大页无法逐页释放。</translation>
    </message>
    <message>
        <source>State: %1.</source>
        <translation>状态：%1。</translation>
    </message>
    <message>
        <source>State: %1 (%2): the guest cannot report until it runs again.</source>
        <translation>状态：%1（%2）：客户机恢复运行之前无法报告。</translation>
    </message>
    <message>
        <source>libvirt did not say whether the guest runs (state %1).</source>
        <translation>libvirt 未说明客户机是否在运行（状态 %1）。</translation>
    </message>
    <message>
        <source>State: %1 (%2).</source>
        <translation>状态：%1（%2）。</translation>
    </message>
    <message>
        <source>The domain XML could not be read.</source>
        <translation>无法读取域 XML。</translation>
    </message>
    <message>
        <source>&lt;memballoon model=&apos;%1&apos;&gt;.</source>
        <translation>&lt;memballoon model=&apos;%1&apos;&gt;。</translation>
    </message>
    <message>
        <source>&lt;memballoon model=&apos;%1&apos; %2&gt;.</source>
        <translation>&lt;memballoon model=&apos;%1&apos; %2&gt;。</translation>
    </message>
    <message>
        <source>&lt;memballoon model=&apos;none&apos;&gt;: the guest has no balloon device, so nothing can be reported.</source>
        <translation>&lt;memballoon model=&apos;none&apos;&gt;：客户机没有气球设备，因此无法报告任何内容。</translation>
    </message>
    <message>
        <source>No &lt;memballoon&gt; element in the domain XML: the guest has no balloon device.</source>
        <translation>域 XML 中没有 &lt;memballoon&gt; 元素：客户机没有气球设备。</translation>
    </message>
    <message>
        <source>&lt;memballoon model=&apos;%1&apos;&gt;: only a virtio balloon reports guest statistics.</source>
        <translation>&lt;memballoon model=&apos;%1&apos;&gt;：只有 virtio 气球才会报告客户机统计信息。</translation>
    </message>
    <message>
        <source>No libosinfo metadata in the domain XML: the OS is not recorded on the host (the guest agent can tell).</source>
        <translation>域 XML 中没有 libosinfo 元数据：宿主机上未记录操作系统（客户机代理可以提供此信息）。</translation>
    </message>
    <message>
        <source>libosinfo id %1: %2.</source>
        <translation>libosinfo id %1：%2。</translation>
    </message>
    <message>
        <source>The guest does not run: it has no live period.</source>
        <translation>客户机未运行：没有运行中的统计周期。</translation>
    </message>
    <message>
        <source>The live XML could not be read.</source>
        <translation>无法读取运行中的 XML。</translation>
    </message>
    <message>
        <source>No virtio balloon device, so no period applies.</source>
        <translation>没有 virtio 气球设备，因此统计周期不适用。</translation>
    </message>
    <message>
        <source>&lt;stats period=&apos;%1&apos;/&gt; in the live XML: QEMU asks every %1 s.</source>
        <translation>运行中的 XML 中为 &lt;stats period=&apos;%1&apos;/&gt;：QEMU 每 %1 秒请求一次。</translation>
    </message>
    <message>
        <source>&lt;stats period=&apos;%1&apos;/&gt; in the live XML: polling is off.</source>
        <translation>运行中的 XML 中为 &lt;stats period=&apos;%1&apos;/&gt;：轮询已关闭。</translation>
    </message>
    <message>
        <source>No &lt;stats period&gt; in the live XML: polling is off, nobody asks the driver for statistics.</source>
        <translation>运行中的 XML 中没有 &lt;stats period&gt;：轮询已关闭，不会向驱动请求统计信息。</translation>
    </message>
    <message>
        <source>Transient guest: it has no persistent configuration, the live period is all there is.</source>
        <translation>临时客户机：没有持久配置，只有运行中的统计周期。</translation>
    </message>
    <message>
        <source>The persistent (inactive) XML could not be read.</source>
        <translation>无法读取持久（非活动）XML。</translation>
    </message>
    <message>
        <source>The persistent configuration has no virtio balloon device (model &apos;%1&apos;).</source>
        <translation>持久配置中没有 virtio 气球设备（model &apos;%1&apos;）。</translation>
    </message>
    <message>
        <source>&lt;stats period=&apos;%1&apos;/&gt; in the persistent XML: kept across restarts.</source>
        <translation>持久 XML 中为 &lt;stats period=&apos;%1&apos;/&gt;：重启后仍然保留。</translation>
    </message>
    <message>
        <source>&lt;stats period=&apos;%1&apos;/&gt; in the persistent XML</source>
        <translation>持久 XML 中为 &lt;stats period=&apos;%1&apos;/&gt;</translation>
    </message>
    <message>
        <source>No &lt;stats period&gt; in the persistent XML</source>
        <translation>持久 XML 中没有 &lt;stats period&gt;</translation>
    </message>
    <message>
        <source>%1: the live period is lost when the guest is shut down.</source>
        <translation>%1：运行中的统计周期将在客户机关机后丢失。</translation>
    </message>
    <message>
        <source>%1: polling stays off after a restart too.</source>
        <translation>%1：重启后轮询仍将保持关闭。</translation>
    </message>
</context>
<context>
    <name>HostText</name>
    <message>
        <source>%1× the host</source>
        <translation>宿主机的 %1 倍</translation>
    </message>
    <message>
        <source>Memory (virsh nodememstats)</source>
        <translation>内存（virsh nodememstats）</translation>
    </message>
    <message>
        <source>total</source>
        <translation>总量</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>buffers</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>cached</source>
        <translation>缓存</translation>
    </message>
    <message>
        <source>Node (virsh nodeinfo)</source>
        <translation>节点（virsh nodeinfo）</translation>
    </message>
    <message>
        <source>memory size</source>
        <translation>内存大小</translation>
    </message>
    <message>
        <source>CPUs, NUMA cells</source>
        <translation>CPU 数、NUMA 节点数</translation>
    </message>
    <message>
        <source>Guests against the host (%1 running of %2; host total %3)</source>
        <translation>客户机与宿主机对比（%2 台中 %1 台运行；宿主机总量 %3）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>sum of maximum</source>
        <translation>最大内存合计</translation>
    </message>
    <message>
        <source>sum of actual</source>
        <translation>实际合计</translation>
    </message>
    <message>
        <source>sum of used</source>
        <translation>已用合计</translation>
    </message>
    <message>
        <source>%1 (%2 of %3 guests report)</source>
        <translation>%1（%3 台客户机中 %2 台正在报告）</translation>
    </message>
    <message>
        <source>used of their memory</source>
        <translation>内存已用比例</translation>
    </message>
    <message>
        <source>all defined, maximum</source>
        <translation>全部已定义客户机（最大内存）</translation>
    </message>
    <message>
        <source>KSM (virsh node-memory-tune)</source>
        <translation>KSM（virsh node-memory-tune）</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已节省</translation>
    </message>
    <message>
        <source>%1 KiB (%2 MiB)</source>
        <translation>%1 KiB（%2 MiB）</translation>
    </message>
    <message>
        <source>sharing ratio</source>
        <translation>共享比</translation>
    </message>
    <message>
        <source>scan rate</source>
        <translation>扫描速率</translation>
    </message>
    <message>
        <source>%1 pages/s</source>
        <translation>%1 页/秒</translation>
    </message>
    <message>
        <source>ksmd</source>
        <translation>ksmd</translation>
    </message>
    <message>
        <source>page size</source>
        <translation>页大小</translation>
    </message>
    <message>
        <source>Huge pages (virsh capabilities, virsh freepages)</source>
        <translation>大页（virsh capabilities、virsh freepages）</translation>
    </message>
    <message>
        <source>pools</source>
        <translation>大页池</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>cell %1, %2 KiB pages</source>
        <translation>节点 %1，%2 KiB 页</translation>
    </message>
    <message>
        <source>%1 total, %2 free%3</source>
        <translation>共 %1，空闲 %2%3</translation>
    </message>
    <message>
        <source> (more free than total)</source>
        <translation>（空闲数多于总数）</translation>
    </message>
    <message>
        <source>%1 (shut off)</source>
        <translation>%1（已关机）</translation>
    </message>
    <message>
        <source>guests on huge pages</source>
        <translation>使用大页的客户机</translation>
    </message>
    <message>
        <source>Host %1 at %2</source>
        <translation>宿主机 %1，时间 %2</translation>
    </message>
    <message>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>nothing to point out</source>
        <translation>没有需要指出的问题</translation>
    </message>
</context>
<context>
    <name>ManPage</name>
    <message>
        <source>Exit status:</source>
        <translation>退出状态：</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>示例：</translation>
    </message>
    <message>
        <source>User Commands</source>
        <translation>用户命令</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>SYNOPSIS</source>
        <translation>概述</translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>OPTIONS</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>COMMANDS</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>EXIT STATUS</source>
        <translation>退出状态</translation>
    </message>
    <message>
        <source>FILES</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>EXAMPLES</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>SEE ALSO</source>
        <translation>参见</translation>
    </message>
</context>
<context>
    <name>ReadinessCommand</name>
    <message>
        <source>Tell, for each guest, whether it will report its memory, and if not, why and what to do. Host-side checks watch last_update for about two stats periods. Exit code 0 when every selected guest is ready, 1 otherwise.</source>
        <translation>逐台判断客户机是否会报告其内存；如果不会，说明原因及处理方法。宿主机侧检查会观察 last_update 约两个统计周期。所有选定的客户机均就绪时退出码为 0，否则为 1。</translation>
    </message>
    <message>
        <source>OS: %1</source>
        <translation>操作系统：%1</translation>
    </message>
    <message>
        <source>fix: %1</source>
        <translation>修复方法：%1</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <source>A guest to check, by name or UUID (repeat for several; default: every guest).</source>
        <translation>要检查的客户机，按名称或 UUID 指定（可重复以指定多台；默认：所有客户机）。</translation>
    </message>
    <message>
        <source>Also ask the guest agent (opt-in, read-only). %1</source>
        <translation>同时查询客户机代理（需手动开启，只读）。%1</translation>
    </message>
    <message>
        <source>Seconds to wait for each guest-agent command (default 5).</source>
        <translation>每条客户机代理命令的等待秒数（默认 5）。</translation>
    </message>
    <message>
        <source>Watch last_update at most this long, in seconds (default %1). Guests are decided as soon as possible: at once without a period, within one period when reports advance, after two periods otherwise.</source>
        <translation>观察 last_update 的最长时间，单位为秒（默认 %1）。每台客户机会尽早得出结论：未设置周期时立即判定；报告在推进时，一个周期内判定；否则在两个周期后判定。</translation>
    </message>
    <message>
        <source>Print a JSON array of reports.</source>
        <translation>输出由报告组成的 JSON 数组。</translation>
    </message>
    <message>
        <source>--agent-timeout must be 1 to 300 seconds, not &quot;%1&quot;.</source>
        <translation>--agent-timeout 必须是 1 到 300 秒，而不是“%1”。</translation>
    </message>
    <message>
        <source>--max-wait must be 0 to 86400 seconds, not &quot;%1&quot;.</source>
        <translation>--max-wait 必须是 0 到 86400 秒，而不是“%1”。</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>注意：%1</translation>
    </message>
    <message numerus="yes">
        <source>Watching last_update of %n guest(s) for about %1 s (two stats periods)…</source>
        <translation>
            <numerusform>正在观察 %n 台客户机的 last_update，约 %1 秒（两个统计周期）…</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n guest(s) ready.</source>
        <translation>
            <numerusform>%n 台客户机中 %1 台就绪。</numerusform>
        </translation>
    </message>
    <message>
        <source>Whether every guest will report its memory, and the fix for those that will not.</source>
        <translation>每台客户机是否会报告其内存，以及不会报告者的修复方法。</translation>
    </message>
    <message>
        <source>One guest, with the guest agent&apos;s checks (the guest is marked tainted), as JSON.</source>
        <translation>检查一台客户机，包括客户机代理的检查（该客户机会被标记为 tainted），以 JSON 输出。</translation>
    </message>
    <message>
        <source>Every selected guest is ready.</source>
        <translation>所选的每台客户机都已就绪。</translation>
    </message>
    <message>
        <source>At least one guest is not ready.</source>
        <translation>至少有一台客户机未就绪。</translation>
    </message>
    <message>
        <source>A --domain names no guest, or the checks failed.</source>
        <translation>某个 --domain 未指向任何客户机，或检查失败。</translation>
    </message>
</context>
<context>
    <name>ReadinessInspector</name>
    <message>
        <source>The guest&apos;s configuration could not be read.</source>
        <translation>无法读取客户机的配置。</translation>
    </message>
    <message>
        <source>The guest has no virtio balloon device, so it cannot report its memory.</source>
        <translation>客户机没有 virtio 气球设备，因此无法报告其内存。</translation>
    </message>
    <message>
        <source>The guest does not run, and its configuration has no stats period: polling will be off when it starts.</source>
        <translation>客户机未运行，且其配置中没有统计周期：启动后轮询将处于关闭状态。</translation>
    </message>
    <message>
        <source>The guest does not run, so whether its driver reports cannot be seen.</source>
        <translation>客户机未运行，因此无法确认其驱动是否会报告。</translation>
    </message>
    <message>
        <source>No stats period is set, so QEMU never asks the balloon driver for statistics.</source>
        <translation>未设置统计周期，因此 QEMU 从不向气球驱动请求统计信息。</translation>
    </message>
    <message>
        <source>The guest is %1: it cannot report until it runs.</source>
        <translation>客户机状态为“%1”：在恢复运行之前无法报告。</translation>
    </message>
    <message>
        <source>Fresh reports with the guest&apos;s own memory figures arrive (period %1 s).</source>
        <translation>正在收到包含客户机自身内存数据的新报告（周期 %1 秒）。</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>无需操作。</translation>
    </message>
    <message>
        <source>Reports arrive but carry none of the guest&apos;s own figures: the driver is there, but nothing fills in the statistics.</source>
        <translation>收到了报告，但其中不含客户机自身的任何数据：驱动存在，但没有程序填写统计信息。</translation>
    </message>
    <message>
        <source>The balloon driver reported before, but its reports stopped: nothing delivers statistics (on Windows, BalloonService does).</source>
        <translation>气球驱动此前报告过，但报告已停止：没有程序提供统计信息（在 Windows 上由 BalloonService 负责）。</translation>
    </message>
    <message>
        <source>The balloon driver reported before, but its reports stopped: nothing delivers statistics now.</source>
        <translation>气球驱动此前报告过，但报告已停止：目前没有程序提供统计信息。</translation>
    </message>
    <message>
        <source>The balloon driver is installed (guest agent) but the guest never reported: nothing delivers statistics (BalloonService).</source>
        <translation>气球驱动已安装（据客户机代理），但客户机从未报告：没有程序提供统计信息（BalloonService）。</translation>
    </message>
    <message>
        <source>The balloon driver is loaded (guest agent) but the guest never reported: nothing delivers statistics.</source>
        <translation>气球驱动已加载（据客户机代理），但客户机从未报告：没有程序提供统计信息。</translation>
    </message>
    <message>
        <source>A %1 s period is set but the guest never reported in %2 s: no balloon driver is loaded in the guest.</source>
        <translation>已设置 %1 秒的周期，但客户机在 %2 秒内从未报告：客户机中没有加载气球驱动。</translation>
    </message>
    <message>
        <source>Not watched long enough: %1 s of the %2 s (two periods) that decide.</source>
        <translation>观察时间不足：已观察 %1 秒，判定需要 %2 秒（两个周期）。</translation>
    </message>
    <message>
        <source>%1 (guest agent)</source>
        <translation>%1（客户机代理）</translation>
    </message>
    <message>
        <source>%1 (libosinfo)</source>
        <translation>%1（libosinfo）</translation>
    </message>
</context>
<context>
    <name>RecordCommand</name>
    <message>
        <source>Record the hosts&apos; guest memory into the history, without a display, until stopped (SIGTERM, Ctrl+C) or --duration ends.</source>
        <translation>将各宿主机上客户机的内存记录到历史记录中，不显示界面，直到被停止（SIGTERM、Ctrl+C）或 --duration 指定的时长结束。</translation>
    </message>
    <message>
        <source>Seconds between polls, 1-3600 (default 10).</source>
        <translation>轮询间隔秒数，1-3600（默认 10）。</translation>
    </message>
    <message>
        <source>Stop after this long (default: until stopped).</source>
        <translation>运行多长时间后停止（默认：一直运行到被停止）。</translation>
    </message>
    <message>
        <source>Keep every poll this long (default 7d).</source>
        <translation>每次轮询数据的保留期（默认 7d）。</translation>
    </message>
    <message>
        <source>Keep 1-minute roll-ups this long (default 90d).</source>
        <translation>1 分钟汇总的保留期（默认 90d）。</translation>
    </message>
    <message>
        <source>Keep 1-hour roll-ups this long (default 3y).</source>
        <translation>1 小时汇总的保留期（默认 3y）。</translation>
    </message>
    <message>
        <source>The history file was damaged (%1); it was moved to %2 and a new one started.</source>
        <translation>历史记录文件已损坏（%1）；已将其移至 %2，并新建了一个历史记录文件。</translation>
    </message>
    <message>
        <source>%1 is recorded by %2 already: not recording it twice.</source>
        <translation>%1 已由 %2 记录：不会重复记录。</translation>
    </message>
    <message>
        <source>Cannot record into %1.</source>
        <translation>无法记录到 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Recording %n host(s) every %1 s into %2.</source>
        <translation>
            <numerusform>正在每 %1 秒将 %n 台宿主机的数据记录到 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped by signal %1.</source>
        <translation>已被信号 %1 停止。</translation>
    </message>
    <message numerus="yes">
        <source>Recorded %n poll(s) into %1.</source>
        <translation>
            <numerusform>已将 %n 次轮询记录到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Record this machine&apos;s guests every 10 seconds until stopped (the systemd user unit balloonscope-recorder.service does this).</source>
        <translation>每 10 秒记录本机的客户机，直到被停止（systemd 用户单元 balloonscope-recorder.service 就是这样做的）。</translation>
    </message>
    <message>
        <source>Record the demo host for two minutes; then read it with history --demo.</source>
        <translation>记录演示宿主机两分钟；之后用 history --demo 读取。</translation>
    </message>
    <message>
        <source>Stopped by a signal or --duration, every poll written.</source>
        <translation>因信号或 --duration 而停止，每次轮询都已写入。</translation>
    </message>
    <message>
        <source>No host could be recorded: every one refused the credentials.</source>
        <translation>没有可记录的宿主机：每台都拒绝了凭据。</translation>
    </message>
    <message>
        <source>Run a balloon policy live on the guests that opted in (their &lt;metadata&gt;, docs/POLICIES.md): balloonscope, mom or proxmox.</source>
        <translation>在已选择加入的客户机上实时运行气球策略（见其 &lt;metadata&gt; 及 docs/POLICIES.md）：balloonscope、mom 或 proxmox。</translation>
    </message>
    <message>
        <source>With --autopilot: record what it would do as history markers, change nothing.</source>
        <translation>配合 --autopilot：将其本会执行的操作记录为历史标记，不做任何更改。</translation>
    </message>
    <message>
        <source>With --autopilot: the host&apos;s memory in use to stay under, a size or a share of its RAM (default 80%).</source>
        <translation>配合 --autopilot：宿主机已用内存需保持在其下的值，为大小或其内存的比例（默认 80%）。</translation>
    </message>
    <message>
        <source>With --autopilot: when stopped, give every guest it managed its maximum back.</source>
        <translation>配合 --autopilot：停止时将其管理的每台客户机恢复到最大内存。</translation>
    </message>
    <message>
        <source>Record, and mark in the history what Balloonscope&apos;s policy would do to the guests that opted in, without doing it.</source>
        <translation>记录，并在历史记录中标记 Balloonscope 策略会对已选择加入的客户机执行的操作，但不实际执行。</translation>
    </message>
    <message>
        <source>--autopilot takes balloonscope, mom or proxmox, not &quot;%1&quot;.</source>
        <translation>--autopilot 的取值为 balloonscope、mom 或 proxmox，而不是“%1”。</translation>
    </message>
    <message>
        <source>--%1 goes with --autopilot.</source>
        <translation>--%1 需与 --autopilot 一起使用。</translation>
    </message>
    <message numerus="yes">
        <source>autopilot: %n guest(s) opted in.</source>
        <translation>
            <numerusform>自动驾驶：%n 台客户机已选择加入。</numerusform>
        </translation>
    </message>
    <message>
        <source>autopilot (dry run): %1 %2 → %3 KiB</source>
        <translation>自动驾驶（演练）：%1 %2 → %3 KiB</translation>
    </message>
    <message>
        <source>autopilot: %1 %2 → %3 KiB</source>
        <translation>自动驾驶：%1 %2 → %3 KiB</translation>
    </message>
    <message>
        <source>With --autopilot balloonscope: the headroom kept over each guest&apos;s need (default 15%).</source>
        <translation>与 --autopilot balloonscope 一起使用：在每个客户机需求量之上保留的余量（默认 15%）。</translation>
    </message>
    <message>
        <source>Serve the latest figures at http://ADDR:PORT/metrics for Prometheus (text format, or OpenMetrics when asked). PORT alone listens on 127.0.0.1 only.</source>
        <translation>在 http://地址:端口/metrics 上为 Prometheus 提供最新数据（文本格式；请求时提供 OpenMetrics）。只给端口时只监听 127.0.0.1。</translation>
    </message>
    <message>
        <source>Record, and let Prometheus scrape the latest figures from http://127.0.0.1:9177/metrics.</source>
        <translation>记录，并让 Prometheus 从 http://127.0.0.1:9177/metrics 抓取最新数据。</translation>
    </message>
    <message>
        <source>The history could not be opened or written, or --listen could not listen.</source>
        <translation>无法打开或写入历史记录，或 --listen 无法监听。</translation>
    </message>
    <message>
        <source>With --listen: TLS and basic auth for /metrics from a web config file in the format of Prometheus&apos; exporters (tls_server_config, basic_auth_users with bcrypt hashes).</source>
        <translation>与 --listen 一起使用：从 Prometheus 导出器格式的 Web 配置文件（tls_server_config、使用 bcrypt 哈希的 basic_auth_users）为 /metrics 启用 TLS 和基本认证。</translation>
    </message>
    <message>
        <source>The same on every address, over HTTPS with basic auth as the web config file says.</source>
        <translation>同上，但监听所有地址，并按 Web 配置文件的规定使用 HTTPS 和基本认证。</translation>
    </message>
    <message>
        <source>--web-config goes with --listen.</source>
        <translation>--web-config 需要与 --listen 一起使用。</translation>
    </message>
    <message>
        <source>Serving metrics at %1 (basic auth).</source>
        <translation>正在 %1 提供指标（基本认证）。</translation>
    </message>
    <message>
        <source>Serving metrics at %1.</source>
        <translation>正在 %1 提供指标。</translation>
    </message>
</context>
<context>
    <name>RecordedReadiness</name>
    <message>
        <source>Nothing was recorded for this guest in the range.</source>
        <translation>此时间范围内没有该客户机的任何记录。</translation>
    </message>
    <message>
        <source>The guest did not run in the range.</source>
        <translation>该客户机在此时间范围内未运行。</translation>
    </message>
    <message>
        <source>(As last seen running, %1.)</source>
        <translation>（最后一次运行时所见，%1。）</translation>
    </message>
</context>
<context>
    <name>Remedies</name>
    <message>
        <source>Set a stats period (for example %1 s) so that QEMU asks the balloon driver for statistics. Balloonscope can set it for you; the command below does the same.</source>
        <translation>设置统计周期（例如 %1 秒），使 QEMU 向气球驱动请求统计信息。Balloonscope 可以替您设置；下面的命令效果相同。</translation>
    </message>
    <message>
        <source>Start the guest, then check again: a guest that does not run cannot report.</source>
        <translation>启动客户机后再次检查：未运行的客户机无法报告。</translation>
    </message>
    <message>
        <source>Resume the guest, then check again: its balloon driver cannot report while its CPUs are stopped.</source>
        <translation>恢复客户机运行后再次检查：客户机的 CPU 处于停止状态时，其气球驱动无法报告。</translation>
    </message>
    <message>
        <source>Give the guest a virtio balloon device: in its configuration replace the &lt;memballoon&gt; element with &lt;memballoon model=&apos;virtio&apos;&gt;&lt;stats period=&apos;%1&apos;/&gt;&lt;/memballoon&gt;, then shut the guest down and start it again (a reboot from inside is not enough).</source>
        <translation>为客户机添加 virtio 气球设备：在其配置中将 &lt;memballoon&gt; 元素替换为 &lt;memballoon model=&apos;virtio&apos;&gt;&lt;stats period=&apos;%1&apos;/&gt;&lt;/memballoon&gt;，然后将客户机关机再重新启动（仅在客户机内部重启是不够的）。</translation>
    </message>
    <message>
        <source>Balloonscope could not read the guest&apos;s configuration; check the connection and run the check again.</source>
        <translation>Balloonscope 无法读取客户机的配置；请检查连接后重新运行检查。</translation>
    </message>
    <message numerus="yes">
        <source>Not enough time has passed to judge the reports: check again in about %n second(s) (two stats periods).</source>
        <translation>
            <numerusform>经过的时间还不足以判断报告情况：请在约 %n 秒后（两个统计周期）再次检查。</numerusform>
        </translation>
    </message>
    <message>
        <source>Install the virtio-win guest tools in the guest (virtio-win-guest-tools.exe on the virtio-win ISO): they install the VirtIO Balloon Driver and BalloonService together. Installing only the driver from its INF (pnputil, Device Manager) leaves BalloonService out; then also run blnsvr.exe -i.</source>
        <translation>在客户机中安装 virtio-win 客户机工具（virtio-win ISO 中的 virtio-win-guest-tools.exe）：它会同时安装 VirtIO 气球驱动（VirtIO Balloon Driver）和 BalloonService。仅通过 INF 安装驱动（pnputil、设备管理器）不会安装 BalloonService；这种情况下还需运行 blnsvr.exe -i。</translation>
    </message>
    <message>
        <source># in the guest, as Administrator; E: is the virtio-win ISO</source>
        <translation># 在客户机中以管理员身份运行；E: 为 virtio-win ISO 所在的驱动器</translation>
    </message>
    <message>
        <source># or, driver and service by hand (w10 = your Windows version folder):</source>
        <translation># 或者手动安装驱动和服务（w10 = 与您的 Windows 版本对应的文件夹）：</translation>
    </message>
    <message>
        <source>Load the virtio_balloon module in the guest and make it load at boot (most distribution kernels build it as a module).</source>
        <translation>在客户机中加载 virtio_balloon 模块，并设置为开机自动加载（大多数发行版内核将其编译为模块）。</translation>
    </message>
    <message>
        <source># in the guest, as root</source>
        <translation># 在客户机中以 root 身份运行</translation>
    </message>
    <message>
        <source>Load a balloon driver in the guest. Windows: %1 Linux: %2</source>
        <translation>在客户机中加载气球驱动。Windows：%1 Linux：%2</translation>
    </message>
    <message>
        <source># Windows guest:</source>
        <translation># Windows 客户机：</translation>
    </message>
    <message>
        <source># Linux guest:</source>
        <translation># Linux 客户机：</translation>
    </message>
    <message>
        <source>The service (blnsvr.exe) produces the statistics; the driver only carries them.</source>
        <translation>统计信息由该服务（blnsvr.exe）生成；驱动只负责传递。</translation>
    </message>
    <message>
        <source>Start BalloonService in the guest and set it to start automatically. %1</source>
        <translation>在客户机中启动 BalloonService，并将其设置为自动启动。%1</translation>
    </message>
    <message>
        <source># in the guest, in PowerShell as Administrator</source>
        <translation># 在客户机中，以管理员身份在 PowerShell 中运行</translation>
    </message>
    <message>
        <source>Install BalloonService in the guest with blnsvr.exe -i (it ships with the balloon driver) and start it. %1 Its name is BalloonService: &quot;sc query BLNSVR&quot; finds nothing.</source>
        <translation>在客户机中用 blnsvr.exe -i 安装 BalloonService（它随气球驱动一起提供）并启动它。%1 该服务的名称是 BalloonService：“sc query BLNSVR”查不到它。</translation>
    </message>
    <message>
        <source>Make sure BalloonService runs in the guest: install it with blnsvr.exe -i if Get-Service does not find it, then start it. %1 Its name is BalloonService: &quot;sc query BLNSVR&quot; finds nothing.</source>
        <translation>确保 BalloonService 在客户机中运行：如果 Get-Service 找不到它，请用 blnsvr.exe -i 安装，然后启动它。%1 该服务的名称是 BalloonService：“sc query BLNSVR”查不到它。</translation>
    </message>
    <message>
        <source># in the guest, in PowerShell as Administrator, in the folder that holds blnsvr.exe</source>
        <translation># 在客户机中，以管理员身份在 PowerShell 中、于 blnsvr.exe 所在的文件夹内运行</translation>
    </message>
    <message>
        <source># (guest tools: C:\Program Files\Virtio-Win\Balloon; ISO: E:\Balloon\w10\amd64)</source>
        <translation># （客户机工具：C:\Program Files\Virtio-Win\Balloon；ISO：E:\Balloon\w10\amd64）</translation>
    </message>
    <message>
        <source>BalloonService runs, yet no statistics arrive: restart it, and look for its errors in the guest&apos;s Application event log.</source>
        <translation>BalloonService 正在运行，但没有收到统计信息：请重启该服务，并在客户机的“应用程序”事件日志中查找其错误。</translation>
    </message>
    <message>
        <source>The Linux driver answers by itself, so a report that stops means the guest is stalled or the driver was unbound. Look at the guest&apos;s kernel log and reload the module.</source>
        <translation>Linux 驱动会自行响应，因此报告停止意味着客户机已卡住或驱动已被解绑。请查看客户机的内核日志并重新加载该模块。</translation>
    </message>
    <message>
        <source>Windows: %1 Linux: %2</source>
        <translation>Windows：%1 Linux：%2</translation>
    </message>
    <message>
        <source>For in-guest evidence, give the guest an agent channel (&lt;channel type=&apos;unix&apos;&gt;&lt;target type=&apos;virtio&apos; name=&apos;org.qemu.guest_agent.0&apos;/&gt;&lt;/channel&gt;) and install qemu-guest-agent inside it (Windows: from the virtio-win guest tools). Not needed for the verdict.</source>
        <translation>如需获取来自客户机内部的依据，请为客户机添加代理通道（&lt;channel type=&apos;unix&apos;&gt;&lt;target type=&apos;virtio&apos; name=&apos;org.qemu.guest_agent.0&apos;/&gt;&lt;/channel&gt;），并在其中安装 qemu-guest-agent（Windows：通过 virtio-win 客户机工具安装）。得出结论并不需要此项。</translation>
    </message>
    <message>
        <source># Linux guest: apt install qemu-guest-agent (or dnf, zypper)</source>
        <translation># Linux 客户机：apt install qemu-guest-agent（或 dnf、zypper）</translation>
    </message>
    <message>
        <source>The agent channel exists but no agent answers: start qemu-guest-agent in the guest. Not needed for the verdict.</source>
        <translation>代理通道已存在，但没有代理响应：请在客户机中启动 qemu-guest-agent。得出结论并不需要此项。</translation>
    </message>
    <message>
        <source># Linux guest, as root</source>
        <translation># Linux 客户机，以 root 身份运行</translation>
    </message>
    <message>
        <source># Windows guest, PowerShell as Administrator</source>
        <translation># Windows 客户机，以管理员身份运行 PowerShell</translation>
    </message>
    <message>
        <source>The guest agent refuses %1 (disabled in its configuration, for example BLACKLIST_RPC or --block-rpcs). Allow it if you want this evidence; the verdict does not need it.</source>
        <translation>客户机代理拒绝执行 %1（已在其配置中禁用，例如通过 BLACKLIST_RPC 或 --block-rpcs）。如需此项依据，请允许该命令；得出结论并不需要它。</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>The PDF file to write.</source>
        <translation>要写入的 PDF 文件。</translation>
    </message>
    <message>
        <source>Comma-separated guests (names or UUIDs; default every guest with data in range).</source>
        <translation>以逗号分隔的客户机（名称或 UUID；默认为此范围内有数据的所有客户机）。</translation>
    </message>
    <message>
        <source>The host&apos;s name on the report (default from the URI).</source>
        <translation>报告中宿主机的名称（默认取自 URI）。</translation>
    </message>
    <message>
        <source>Give the PDF to write with --out FILE.pdf.</source>
        <translation>请用 --out FILE.pdf 指定要写入的 PDF。</translation>
    </message>
    <message>
        <source>Wrote %1: %2 pages, %3 guests.</source>
        <translation>已写入 %1：%2 页，%3 个客户机。</translation>
    </message>
    <message>
        <source>Not in the history of %1: %2</source>
        <translation>不在 %1 的历史记录中：%2</translation>
    </message>
    <message>
        <source>The last day of a host&apos;s guests as a PDF report, from cron.</source>
        <translation>将宿主机客户机最近一天的数据写成 PDF 报告，适合 cron。</translation>
    </message>
    <message>
        <source>The demo host&apos;s last hour in Chinese, without the cover.</source>
        <translation>以中文输出演示宿主机最近一小时的报告，不含封面。</translation>
    </message>
    <message>
        <source>Nothing in range, or a guest of --domains is not in the history (the rest is written).</source>
        <translation>范围内没有数据，或 --domains 中有客户机不在历史记录中（其余部分已写入）。</translation>
    </message>
    <message>
        <source>Write a PDF report of a host&apos;s guests over a time range from the history: cover, host summary, sizing advice, the balloon policies replayed, and per guest a chart and min/avg/p95/max. No display needed.</source>
        <translation>根据历史记录，为宿主机的客户机生成某一时间范围的 PDF 报告：封面、宿主机摘要、内存规划建议、气球策略回放，以及每台客户机的图表和最小值/平均值/p95/最大值。无需显示器。</translation>
    </message>
    <message>
        <source>Comma-separated sections: cover, host, sizing (the balanced advice over the 14 days up to the report&apos;s end), policies (MOM, Proxmox and Balloonscope replayed over the range), guests (default all five).</source>
        <translation>以逗号分隔的章节：cover、host、sizing（截至报告结束时间前 14 天的均衡建议）、policies（在该时间范围内回放 MOM、Proxmox 和 Balloonscope）、guests（默认全部五项）。</translation>
    </message>
    <message>
        <source>--sections takes cover, host, sizing, policies and guests, with host, sizing, policies or guests among them, not &quot;%1&quot;.</source>
        <translation>--sections 的取值为 cover、host、sizing、policies 和 guests，且须包含 host、sizing、policies 或 guests 之一，而不是“%1”。</translation>
    </message>
</context>
<context>
    <name>ReportDocument</name>
    <message>
        <source>Could not draw the report.</source>
        <translation>无法绘制报告。</translation>
    </message>
    <message>
        <source>Guest memory report: %1</source>
        <translation>客户机内存报告：%1</translation>
    </message>
    <message>
        <source>How to read this report</source>
        <translation>如何阅读本报告</translation>
    </message>
    <message>
        <source>Guest memory report · %1</source>
        <translation>客户机内存报告 · %1</translation>
    </message>
    <message>
        <source>%1 · generated %2</source>
        <translation>%1 · 生成于 %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Guest memory report</source>
        <translation>客户机内存报告</translation>
    </message>
    <message>
        <source>%1 in this report</source>
        <translation>本报告包含 %1 个</translation>
    </message>
    <message>
        <source>%1 more without data in the range</source>
        <translation>另有 %1 个在此范围内没有数据</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Generated by</source>
        <translation>生成者</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1，位于 %2</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Host summary</source>
        <translation>宿主机摘要</translation>
    </message>
    <message>
        <source>Sizing</source>
        <translation>内存规划</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>History from</source>
        <translation>历史来源</translation>
    </message>
    <message>
        <source>%1 (Prometheus-compatible server; one point per scrape step, no events)</source>
        <translation>%1（Prometheus 兼容服务器；每个抓取步长一个点，无事件）</translation>
    </message>
</context>
<context>
    <name>ReportFigures</name>
    <message>
        <source>Host free memory on %1</source>
        <translation>%1 的宿主机空闲内存</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Free incl. buffers and cache</source>
        <translation>空闲（含缓冲区和缓存）</translation>
    </message>
    <message>
        <source>KSM saved</source>
        <translation>KSM 节省</translation>
    </message>
    <message>
        <source>Host memory</source>
        <translation>宿主机内存</translation>
    </message>
    <message>
        <source>The polls of this range are kept only as roll-ups, which do not hold the stats state.</source>
        <translation>此范围内的轮询只保留为汇总数据，其中不包含统计状态。</translation>
    </message>
    <message>
        <source>Not recorded: this history holds no host samples (free memory, KSM) for this range.</source>
        <translation>未记录：此历史记录中没有此范围的宿主机样本（空闲内存、KSM）。</translation>
    </message>
    <message>
        <source>Guests&apos; memory on %1</source>
        <translation>%1 上客户机的内存</translation>
    </message>
    <message>
        <source>Σ used</source>
        <translation>Σ 已用</translation>
    </message>
    <message>
        <source>Σ balloon size (actual)</source>
        <translation>Σ 气球大小（actual）</translation>
    </message>
    <message>
        <source>Σ maximum</source>
        <translation>Σ 最大内存</translation>
    </message>
</context>
<context>
    <name>ReportPages</name>
    <message>
        <source>%1 %2 at its peak, of %3 host memory; average %4</source>
        <translation>峰值时 %1 %2，宿主机内存为 %3；平均 %4</translation>
    </message>
    <message>
        <source>%1 at its peak; the host memory size is not recorded, so no ratio</source>
        <translation>峰值时 %1；未记录宿主机内存大小，因此无法计算比例</translation>
    </message>
    <message>
        <source>Memory figures are in binary units (1 GiB = 1024 MiB = 1,048,576 KiB), as libvirt reports them.</source>
        <translation>内存数值使用二进制单位（1 GiB = 1024 MiB = 1,048,576 KiB），与 libvirt 报告的一致。</translation>
    </message>
    <message>
        <source>Used = available − unused, as the guest itself reports it (page cache counts as used); used excl. cache = available − usable (MemAvailable). Used % is used as a share of the guest&apos;s own total (available). Actual is the balloon size: what the host currently gives the guest.</source>
        <translation>已用 = 可用 − 未用，由客户机自身报告（页缓存计为已用）；不含缓存的已用 = 可用 − 可使用（MemAvailable）。已用 % 是已用占客户机自身总量（可用）的比例。actual 是气球大小：宿主机当前分配给客户机的内存。</translation>
    </message>
    <message>
        <source>Min, avg, p95 and max are over every raw poll of the range that brought a fresh guest report, or over one-minute averages where raw polls are no longer kept; each guest says which. P95: 95 % of the values are at or below it (nearest rank).</source>
        <translation>最小、平均、p95 和最大值基于此范围内每次带有新客户机报告的原始轮询计算；若原始轮询已不再保留，则基于每分钟平均值；每个客户机都会注明依据。P95：95 % 的值不超过它（最近秩法）。</translation>
    </message>
    <message>
        <source>Stats coverage is the share of the range in which the guest&apos;s own statistics were fresh (the host saw its reports advance). Readiness is the host-side verdict recorded with the last poll in which the guest ran.</source>
        <translation>统计覆盖率是此范围内客户机自身统计数据保持新鲜的时间占比（宿主机看到其报告在更新）。就绪情况是客户机最后一次运行时的轮询所记录的宿主机侧判定。</translation>
    </message>
    <message>
        <source>Charts: the line is the average per bucket, the shaded band its minimum to maximum; a break is a gap (the guest was off, nothing was recorded, or its statistics were missing). Dashed lines mark events.</source>
        <translation>图表：线条为每个分桶的平均值，阴影带为其最小值到最大值；断开处为空缺（客户机已关闭、没有记录或缺少统计数据）。虚线标记事件。</translation>
    </message>
    <message>
        <source>Host summary</source>
        <translation>宿主机摘要</translation>
    </message>
    <message>
        <source>Host memory</source>
        <translation>宿主机内存</translation>
    </message>
    <message>
        <source>as libvirt&apos;s node info reports it</source>
        <translation>来自 libvirt 的节点信息</translation>
    </message>
    <message>
        <source>the host&apos;s size was not recorded in this range</source>
        <translation>此范围内未记录宿主机内存大小</translation>
    </message>
    <message>
        <source>KSM saved</source>
        <translation>KSM 节省</translation>
    </message>
    <message>
        <source>on average; at most %1</source>
        <translation>平均值；最多 %1</translation>
    </message>
    <message>
        <source>Overcommit</source>
        <translation>超额分配</translation>
    </message>
    <message>
        <source>Σ maximum</source>
        <translation>Σ 最大内存</translation>
    </message>
    <message>
        <source>Balloon / host</source>
        <translation>气球 / 宿主机</translation>
    </message>
    <message>
        <source>Σ balloon size</source>
        <translation>Σ 气球大小</translation>
    </message>
    <message>
        <source>Guests&apos; memory on the host</source>
        <translation>宿主机上客户机的内存</translation>
    </message>
    <message>
        <source>Host free memory</source>
        <translation>宿主机空闲内存</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Used avg (%1)</source>
        <translation>已用平均（%1）</translation>
    </message>
    <message>
        <source>Used p95 (%1)</source>
        <translation>已用 p95（%1）</translation>
    </message>
    <message>
        <source>Used max (%1)</source>
        <translation>已用最大（%1）</translation>
    </message>
    <message>
        <source>Used % p95</source>
        <translation>已用 % p95</translation>
    </message>
    <message>
        <source>Balloon (%1)</source>
        <translation>气球（%1）</translation>
    </message>
    <message>
        <source>Stats coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>就绪情况</translation>
    </message>
    <message>
        <source>Guests at a glance</source>
        <translation>客户机概览</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No guest has data in this range.</source>
        <translation>此范围内没有任何客户机有数据。</translation>
    </message>
    <message>
        <source>No data in this range, left out: %1.</source>
        <translation>此范围内没有数据，已略去：%1。</translation>
    </message>
    <message>
        <source>Not in the history of this host: %1.</source>
        <translation>不在此宿主机的历史记录中：%1。</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Guests in this report: %1</source>
        <translation>本报告中的客户机：%1</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>Avg</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>P95</source>
        <translation>P95</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>maximum %1</source>
        <translation>最大内存 %1</translation>
    </message>
    <message>
        <source>raw polls in range: %1</source>
        <translation>范围内的原始轮询：%1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Used, % of the guest&apos;s total</source>
        <translation>已用，占客户机总量的 %</translation>
    </message>
    <message>
        <source>Balloon size</source>
        <translation>气球大小</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Alerts in this range</source>
        <translation>此时间范围内的告警</translation>
    </message>
    <message>
        <source>No alert was recorded in this range. Alerts are recorded while a Balloonscope window watches the host (its Alerts page).</source>
        <translation>此时间范围内没有记录到告警。告警在 Balloonscope 窗口监视该宿主机时（其“告警”页）被记录。</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>(host)</source>
        <translation>（宿主机）</translation>
    </message>
    <message numerus="yes">
        <source>%n older alert(s) in this range are left out; the History page shows them all as markers.</source>
        <translation>
            <numerusform>此时间范围内另有 %n 条较早的告警未列出；“历史记录”页以标记形式显示全部告警。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportPoliciesPage</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Host free memory</source>
        <translation>宿主机空闲内存</translation>
    </message>
    <message>
        <source>Free as recorded</source>
        <translation>空闲（记录值）</translation>
    </message>
    <message>
        <source>Free under %1</source>
        <translation>空闲（%1）</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>The policy replay was not gathered.</source>
        <translation>未收集策略回放。</translation>
    </message>
    <message>
        <source>An open-loop replay of this range through each balloon policy with its default settings: the guests&apos; need is taken as recorded, though under another balloon they would have behaved differently.</source>
        <translation>以各气球策略的默认设置对该时间范围进行开环回放：客户机的需求量按记录取值，尽管在另一种气球大小下它们的表现会有所不同。</translation>
    </message>
    <message>
        <source>No guest of the host ran in this range: nothing to replay.</source>
        <translation>该时间范围内宿主机上没有运行的客户机：无可回放。</translation>
    </message>
    <message>
        <source>Every guest of the host (%1), in buckets of %2. A squeeze is a stretch in which the policy&apos;s balloon left a guest less than its need: it would have swapped; the time squeezed is summed over the guests. Handed back is the recorded balloons minus the policy&apos;s, summed over the guests (negative: the policy gave them more). Host free is the recorded free memory with buffers and cache plus what the policy handed back.</source>
        <translation>宿主机的全部客户机（%1），每个区间 %2。挤压是指策略的气球使客户机可用内存低于其需求量的时段：客户机将会发生换页；挤压时长为所有客户机之和。归还是记录的气球大小减去策略的气球大小，对所有客户机求和（负值：策略给了它们更多内存）。宿主机空闲内存为记录的空闲内存（含缓冲区和缓存）加上策略归还的内存。</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Balloon changes</source>
        <translation>气球调整次数</translation>
    </message>
    <message>
        <source>Squeezes</source>
        <translation>挤压</translation>
    </message>
    <message>
        <source>Time squeezed</source>
        <translation>挤压时长</translation>
    </message>
    <message>
        <source>Worst deficit</source>
        <translation>最大缺口</translation>
    </message>
    <message>
        <source>Handed back, mean</source>
        <translation>归还，平均</translation>
    </message>
    <message>
        <source>Handed back, peak</source>
        <translation>归还，峰值</translation>
    </message>
    <message>
        <source>Host free, lowest</source>
        <translation>宿主机空闲内存最低值</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>Memory in %1</source>
        <translation>内存（%1）</translation>
    </message>
    <message>
        <source>%1 of %2 buckets without the host&apos;s own figures: no evaluation there, the balloons held.</source>
        <translation>%2 个区间中有 %1 个没有宿主机自身的数据：这些区间不作评估，气球保持不变。</translation>
    </message>
    <message>
        <source>Host free memory, projected</source>
        <translation>宿主机空闲内存（预计）</translation>
    </message>
    <message>
        <source>The host&apos;s own free memory was not recorded in this range: the policies, which decide on it, were not evaluated.</source>
        <translation>该时间范围内未记录宿主机自身的空闲内存：依赖它进行决策的策略未作评估。</translation>
    </message>
    <message>
        <source>First squeezes</source>
        <translation>最早的挤压</translation>
    </message>
    <message>
        <source>No policy left a guest below its need in this range.</source>
        <translation>该时间范围内没有策略使客户机低于其需求量。</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Below the need</source>
        <translation>低于需求量</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>…… 另有 %1 项。</translation>
    </message>
</context>
<context>
    <name>ReportSizingPage</name>
    <message>
        <source>Sizing</source>
        <translation>内存规划</translation>
    </message>
    <message>
        <source>The sizing advice was not gathered.</source>
        <translation>未收集内存规划建议。</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>建议值</translation>
    </message>
    <message>
        <source>the need&apos;s P%1 plus %2 %, at least %3, rounded up to a whole MiB; reclaimable is the balloon above it (actual − recommended).</source>
        <translation>需求量的 P%1 加 %2 %，不低于 %3，向上取整到整 MiB；可回收量为气球超出建议值的部分（实际 − 建议值）。</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>%1: the policy&apos;s window up to the report&apos;s end, whatever the report&apos;s range.</source>
        <translation>%1：截至报告结束时的策略时间窗口，与报告的时间范围无关。</translation>
    </message>
    <message>
        <source>Need from</source>
        <translation>需求量来源</translation>
    </message>
    <message>
        <source>nothing recorded in the window</source>
        <translation>时间窗口内没有记录</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求量</translation>
    </message>
    <message>
        <source>available − usable: what the guest could not give back without swapping. Windows: BalloonService&apos;s figures, standby memory counted as free.</source>
        <translation>可见总量 − 可用：客户机在不换页的情况下无法交还的内存。Windows：采用 BalloonService 的数据，备用内存计为空闲。</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>the share of the window in which the guest reported: high from 90 %, medium from 50 %, low below.</source>
        <translation>客户机在时间窗口内报告数据的时间占比：90 % 起为高，50 % 起为中，低于 50 % 为低。</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大内存</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Need P50</source>
        <translation>需求 P50</translation>
    </message>
    <message>
        <source>P95</source>
        <translation>P95</translation>
    </message>
    <message>
        <source>P99</source>
        <translation>P99</translation>
    </message>
    <message>
        <source>Reclaimable</source>
        <translation>可回收</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Memory in %1</source>
        <translation>内存单位：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Short: the recommendation is %1 above the maximum memory; raise the maximum at the next boot.</source>
        <translation>不足：建议值比最大内存高 %1；请在下次启动时调高最大内存。</translation>
    </message>
    <message>
        <source>Cache counted as used: the guest does not report usable memory, so need = available − unused.</source>
        <translation>缓存计为已用：客户机未报告可用内存（MemAvailable），因此需求量 = 可见总量 − 空闲。</translation>
    </message>
    <message>
        <source>Not below today&apos;s balloon: it swapped in %1 and had %2 major faults in the window.</source>
        <translation>不低于当前气球大小：时间窗口内它换入了 %1，并发生了 %2 次主缺页。</translation>
    </message>
    <message>
        <source>%1: swap-in %2, %3 major faults</source>
        <translation>%1：换入 %2，主缺页 %3 次</translation>
    </message>
    <message>
        <source>Worst readings: %1.</source>
        <translation>最严重的读数：%1。</translation>
    </message>
    <message>
        <source>Nothing was recorded for the host in the window.</source>
        <translation>时间窗口内没有该宿主机的任何记录。</translation>
    </message>
    <message>
        <source>None of the guests in this report was recorded in the window.</source>
        <translation>本报告中的客户机在时间窗口内均没有记录。</translation>
    </message>
    <message>
        <source>Host what-if</source>
        <translation>宿主机假设分析</translation>
    </message>
    <message>
        <source>the balloon above the recommendation, summed over the guests with a number (%1)</source>
        <translation>气球超出建议值的部分，对有建议值的客户机（%1 个）求和</translation>
    </message>
    <message>
        <source>The host&apos;s memory size is not in the history: no what-if.</source>
        <translation>历史记录中没有宿主机内存大小：无法进行假设分析。</translation>
    </message>
    <message>
        <source>no guest ran in the window</source>
        <translation>时间窗口内没有客户机运行</translation>
    </message>
    <message>
        <source>%1 of the capacity, in the hour from %2</source>
        <translation>占可用容量的 %1，出现在 %2 起的一小时内</translation>
    </message>
    <message>
        <source>Capacity for guests</source>
        <translation>客户机可用容量</translation>
    </message>
    <message>
        <source>%1 host memory less %2 kept for the host: max(1 GiB, 10 %)</source>
        <translation>宿主机内存 %1，减去为宿主机保留的 %2：max(1 GiB, 10 %)</translation>
    </message>
    <message>
        <source>Worst hour, as is</source>
        <translation>最紧张小时（现状）</translation>
    </message>
    <message>
        <source>Worst hour, advised</source>
        <translation>最紧张小时（应用建议）</translation>
    </message>
    <message>
        <source>Hour by hour over the window, with every guest of the host (guests: %1; hours with one running: %2): in each hour a guest holds its recommendation where it has one (&quot;advised&quot;) or the most its balloon held in that hour (&quot;as is&quot;). The worst hour is the peak of that sum, not the sum of each guest&apos;s peak.</source>
        <translation>在时间窗口内逐小时计算，包含该宿主机的所有客户机（客户机：%1；有客户机运行的小时数：%2）：每个小时内，有建议值的客户机按其建议值计（“应用建议”），否则按其气球在该小时内的最大值计（“现状”）。最紧张的一小时是这一总和的峰值，而不是各客户机峰值之和。</translation>
    </message>
    <message>
        <source>KSM saved %1 in the worst hour; not counted above.</source>
        <translation>KSM 在最紧张的一小时节省了 %1；上面未计入。</translation>
    </message>
    <message>
        <source>KSM&apos;s saving in the worst hour is not recorded.</source>
        <translation>未记录 KSM 在最紧张的一小时节省的内存。</translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <extracomment>A share in a report: &quot;97.3 %&quot;.</extracomment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1×</source>
        <extracomment>A ratio such as overcommit: &quot;1.50×&quot;.</extracomment>
        <translation>%1×</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No fresh guest report in the range: only host-side figures.</source>
        <translation>此范围内没有新的客户机报告：只有宿主机侧数值。</translation>
    </message>
    <message>
        <source>Over %1 raw polls with a fresh guest report.</source>
        <translation>基于 %1 次带有新客户机报告的原始轮询。</translation>
    </message>
    <message>
        <source>Over %1 one-minute and one-hour averages: raw polls are no longer kept for the start of the range (min and max are the true extremes).</source>
        <translation>基于 %1 个一分钟和一小时平均值：范围开头的原始轮询已不再保留（最小值和最大值为真实极值）。</translation>
    </message>
    <message>
        <source>Over %1 one-minute averages: raw polls are no longer kept for the start of the range (min and max are the true extremes).</source>
        <translation>基于 %1 个一分钟平均值：范围开头的原始轮询已不再保留（最小值和最大值为真实极值）。</translation>
    </message>
    <message>
        <source>No values in the range.</source>
        <translation>此范围内没有数值。</translation>
    </message>
    <message>
        <source>not known: no raw polls in the range</source>
        <translation>未知：此范围内没有原始轮询</translation>
    </message>
    <message>
        <source>%1 of the time since %2 (older polls are rolled up)</source>
        <translation>自 %2 以来 %1 的时间（更早的轮询已汇总）</translation>
    </message>
    <message>
        <source>%1 of the range</source>
        <translation>占范围的 %1</translation>
    </message>
    <message>
        <source>%1 %2 throughout</source>
        <translation>始终为 %1 %2</translation>
    </message>
    <message>
        <source>%1 – %2 %3</source>
        <translation>%1 – %2 %3</translation>
    </message>
    <message>
        <source>(maximum %1 %2)</source>
        <translation>（最大内存 %1 %2）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>SampleCommand</name>
    <message>
        <source>Poll a host&apos;s guests and print their memory samples, as the GUI charts them. Sizes are KiB; absent fields are shown as - (text) or null (JSON).</source>
        <translation>轮询宿主机上的客户机并输出其内存采样（与图形界面绘制的数据相同）。大小单位为 KiB；缺失的字段显示为 -（文本）或 null（JSON）。</translation>
    </message>
    <message>
        <source>Print one JSON object per guest per sample (JSON Lines).</source>
        <translation>每台客户机每次采样输出一个 JSON 对象（JSON Lines）。</translation>
    </message>
    <message>
        <source>Number of samples (default 1, 0 = until interrupted).</source>
        <translation>采样次数（默认 1，0 表示直到被中断）。</translation>
    </message>
    <message>
        <source>Seconds between samples, 1-3600 (default 5).</source>
        <translation>采样间隔秒数，1-3600（默认 5）。</translation>
    </message>
    <message>
        <source>--count must be a number of samples (0 or more), not &quot;%1&quot;.</source>
        <translation>--count 必须是采样次数（0 或更大），而不是“%1”。</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>GUEST</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>ACTUAL</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>AVAILABLE</source>
        <translation>可见总量</translation>
    </message>
    <message>
        <source>UNUSED</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>USABLE</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>USED</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>REPORT</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>STATS</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <source>repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>Three samples of every guest, five seconds apart, as JSON Lines.</source>
        <translation>每台客户机采样三次，间隔五秒，以 JSON Lines 输出。</translation>
    </message>
    <message>
        <source>The demo host&apos;s guests, every five seconds until Ctrl+C.</source>
        <translation>每五秒显示演示宿主机的客户机，直到按 Ctrl+C。</translation>
    </message>
</context>
<context>
    <name>SetBalloonCommand</name>
    <message>
        <source>Set a guest&apos;s balloon target (its current memory), live and/or persistent, within a safe floor and its maximum.</source>
        <translation>在安全下限与最大内存之间设置客户机的气球目标（即其当前内存），可用于运行时和/或持久配置。</translation>
    </message>
    <message>
        <source>The guest, by name or UUID.</source>
        <translation>客户机的名称或 UUID。</translation>
    </message>
    <message>
        <source>The memory the guest gets, e.g. 512MiB, 1.5GiB, 2G (binary units; a plain number is KiB).</source>
        <translation>客户机获得的内存，例如 512MiB、1.5GiB、2G（二进制单位；纯数字表示 KiB）。</translation>
    </message>
    <message>
        <source>Apply although the target leaves the guest less than 10% above what it uses, or its use is unknown. Never goes below what it uses or above its maximum.</source>
        <translation>即使目标值使客户机可用内存比其已用内存高出不足 10%，或其内存使用未知，也照样应用。但绝不会低于其已用内存，也不会高于其最大内存。</translation>
    </message>
    <message>
        <source>Show the limits and what would change; change nothing.</source>
        <translation>显示限制以及将要进行的更改，但不做任何更改。</translation>
    </message>
    <message>
        <source>Name one guest with --domain NAME.</source>
        <translation>请用 --domain NAME 指定一台客户机。</translation>
    </message>
    <message>
        <source>Missing --target SIZE (for example --target 2GiB).</source>
        <translation>缺少 --target SIZE（例如 --target 2GiB）。</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>uses %1 (usable %2)</source>
        <translation>已用 %1（可用 %2）</translation>
    </message>
    <message>
        <source>its use is unknown (no fresh statistics)</source>
        <translation>内存使用未知（没有最新的统计数据）</translation>
    </message>
    <message>
        <source>%1: maximum %2, now %3; %4; safe floor %5; persistent: maximum %6, at boot %7.</source>
        <translation>%1：最大 %2，当前 %3；%4；安全下限 %5；持久配置：最大 %6，启动时 %7。</translation>
    </message>
    <message>
        <source>Not applied: rerun with --force to accept the warning.</source>
        <translation>未应用：如接受该警告，请加 --force 重新运行。</translation>
    </message>
    <message>
        <source>warning (accepted with --force): %1</source>
        <translation>警告（已通过 --force 接受）：%1</translation>
    </message>
    <message>
        <source>The guest&apos;s limits (safe floor, maximum) and what a 2 GiB target would change.</source>
        <translation>客户机的限制（安全下限、最大值），以及 2 GiB 的目标会改变什么。</translation>
    </message>
    <message>
        <source>Give the running guest 1.5 GiB now, until it restarts.</source>
        <translation>立即给运行中的客户机 1.5 GiB，直到它重启。</translation>
    </message>
    <message>
        <source>Refused (outside the limits, or a warning not accepted with --force) or failed.</source>
        <translation>被拒绝（超出限制，或警告未用 --force 接受）或失败。</translation>
    </message>
</context>
<context>
    <name>SimulateCommand</name>
    <message>
        <source>Unknown policy &quot;%1&quot;: use %2.</source>
        <translation>未知策略“%1”：请使用 %2。</translation>
    </message>
    <message>
        <source>--policy names no policy.</source>
        <translation>--policy 未指定任何策略。</translation>
    </message>
    <message>
        <source>--host-target must be a size (48GiB) or a share of the host&apos;s memory (1 to 100 %), not &quot;%1&quot;.</source>
        <translation>--host-target 必须是大小（48GiB）或宿主机内存的比例（1 到 100 %），而不是“%1”。</translation>
    </message>
    <message>
        <source>Replay of %1, %2 to %3, in buckets of %4 s.</source>
        <translation>回放 %1，%2 至 %3，每个区间 %4 秒。</translation>
    </message>
    <message>
        <source>Open-loop: the guests&apos; need is taken as recorded; under another balloon they would have behaved differently.</source>
        <translation>开环：客户机的需求量按记录取值；在另一种气球大小下，它们的表现会有所不同。</translation>
    </message>
    <message>
        <source>balloon changes: %1</source>
        <translation>气球调整次数：%1</translation>
    </message>
    <message>
        <source>squeezes (balloon below the need): %1</source>
        <translation>挤压（气球低于需求量）：%1</translation>
    </message>
    <message>
        <source>handed back to the host: %1 on average, %2 at most</source>
        <translation>归还给宿主机：平均 %1，最多 %2</translation>
    </message>
    <message>
        <source>%1 of %2 buckets without the host&apos;s own figures: no evaluation there, the balloons held.</source>
        <translation>%2 个区间中有 %1 个没有宿主机自身的数据：这些区间不作评估，气球保持不变。</translation>
    </message>
    <message>
        <source>host free memory at its lowest: %1</source>
        <translation>宿主机空闲内存最低：%1</translation>
    </message>
    <message>
        <source>%1: %2 to %3, up to %4 below its need</source>
        <translation>%1：%2 至 %3，最多低于其需求量 %4</translation>
    </message>
    <message>
        <source>Replay a host&apos;s recorded history through balloon policies (oVirt MOM, Proxmox, Balloonscope): the balloons each would have set, the squeezes (a balloon below the guest&apos;s need) and the memory handed back. Open-loop; from the history file alone.</source>
        <translation>用气球策略（oVirt MOM、Proxmox、Balloonscope）回放宿主机的记录历史：各策略会设置的气球大小、挤压（气球低于客户机需求量）以及归还的内存。开环；仅依据历史文件。</translation>
    </message>
    <message>
        <source>Comma-separated policies (default all): %1.</source>
        <translation>以逗号分隔的策略（默认全部）：%1。</translation>
    </message>
    <message>
        <source>Balloonscope&apos;s floor and Proxmox&apos;s minimum for every guest (default 256MiB).</source>
        <translation>每个客户机的 Balloonscope 下限和 Proxmox 最小值（默认 256MiB）。</translation>
    </message>
    <message>
        <source>The host&apos;s memory in use to stay under: a size (48GiB, Balloonscope) or a share of its RAM (80%, Balloonscope and Proxmox; default 80%).</source>
        <translation>宿主机已用内存需保持在其下的值：大小（48GiB，Balloonscope）或其内存的比例（80%，Balloonscope 和 Proxmox；默认 80%）。</translation>
    </message>
    <message>
        <source>Balloonscope&apos;s headroom over the need (default 15%).</source>
        <translation>Balloonscope 在需求量之上的余量（默认 15%）。</translation>
    </message>
    <message>
        <source>At most this many buckets (default 2000).</source>
        <translation>最多这么多个区间（默认 2000）。</translation>
    </message>
    <message>
        <source>With --json: every guest&apos;s balloon and the host&apos;s projected free memory per bucket.</source>
        <translation>配合 --json：每个区间中每个客户机的气球大小和宿主机的预计空闲内存。</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>输出 JSON。</translation>
    </message>
    <message>
        <source>What each policy would have done over the last week.</source>
        <translation>各策略在过去一周会做什么。</translation>
    </message>
    <message>
        <source>Balloonscope&apos;s policy on the demo host&apos;s last hour, with a host target low enough to make it act, as JSON.</source>
        <translation>以 JSON 输出 Balloonscope 策略在演示宿主机最近一小时上的结果，宿主机目标设得足够低以使其动作。</translation>
    </message>
    <message>
        <source>Nothing was recorded of the host in the range.</source>
        <translation>该时间范围内没有该宿主机的记录。</translation>
    </message>
    <message>
        <source>--points must be 1 to 100000, not &quot;%1&quot;.</source>
        <translation>--points 必须是 1 到 100000，而不是“%1”。</translation>
    </message>
    <message>
        <source>Nothing was recorded of %1 in that range.</source>
        <translation>该时间范围内没有 %1 的记录。</translation>
    </message>
</context>
<context>
    <name>bs</name>
    <message>
        <source>%1: unknown key &quot;%2&quot;.</source>
        <translation>%1：未知的键“%2”。</translation>
    </message>
    <message>
        <source>%1: cannot read %2: %3</source>
        <translation>%1：无法读取 %2：%3</translation>
    </message>
    <message>
        <source>tls_server_config must be a map.</source>
        <translation>tls_server_config 必须是映射。</translation>
    </message>
    <message>
        <source>tls_server_config needs both cert_file and key_file.</source>
        <translation>tls_server_config 需要同时提供 cert_file 和 key_file。</translation>
    </message>
    <message>
        <source>cert_file %1 holds no PEM certificate.</source>
        <translation>cert_file %1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>key_file %1 holds no unencrypted PEM private key (RSA or EC).</source>
        <translation>key_file %1 中没有未加密的 PEM 私钥（RSA 或 EC）。</translation>
    </message>
    <message>
        <source>min_version must be TLS10, TLS11, TLS12 or TLS13, not &quot;%1&quot;.</source>
        <translation>min_version 必须是 TLS10、TLS11、TLS12 或 TLS13，而不是“%1”。</translation>
    </message>
    <message>
        <source>client_auth_type %1 needs client_ca_file.</source>
        <translation>client_auth_type %1 需要 client_ca_file。</translation>
    </message>
    <message>
        <source>client_ca_file %1 holds no PEM certificate.</source>
        <translation>client_ca_file %1 中没有 PEM 证书。</translation>
    </message>
    <message>
        <source>client_auth_type &quot;%1&quot; is not one of NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert.</source>
        <translation>client_auth_type“%1”不是 NoClientCert、RequestClientCert、RequireAnyClientCert、VerifyClientCertIfGiven、RequireAndVerifyClientCert 之一。</translation>
    </message>
</context>
<context>
    <name>bs::AdviceRules</name>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>另有 %n 台</numerusform>
        </translation>
    </message>
    <message>
        <source>The host has %1 free, %2 with buffers and cache: %3 % of its %4. A guest that grows or starts will push it into reclaim and swap.</source>
        <translation>宿主机空闲内存为 %1，加上缓冲区和缓存为 %2：占其 %4 的 %3%。任何客户机内存增长或新客户机启动，都会迫使宿主机进行内存回收并使用交换空间。</translation>
    </message>
    <message>
        <source>The running guests&apos; maximum memory, %1, oversells the host&apos;s %2 by %3×.</source>
        <translation>运行中客户机的最大内存合计为 %1，达到宿主机 %2 的 %3 倍（超配）。</translation>
    </message>
    <message>
        <source>The guests that report (%1 of %2) use %3 % of their memory: little is left for ballooning to take back.</source>
        <translation>正在报告的客户机（%2 台中的 %1 台）已用其内存的 %3%：气球能收回的内存所剩无几。</translation>
    </message>
    <message>
        <source>The guests that report (%1 of %2) use %3 % of their memory.</source>
        <translation>正在报告的客户机（%2 台中的 %1 台）已用其内存的 %3%。</translation>
    </message>
    <message>
        <source>No running guest reports its own use, so how much ballooning could take back is unknown.</source>
        <translation>没有运行中的客户机报告自身的内存使用情况，因此无法得知气球能收回多少内存。</translation>
    </message>
    <message>
        <source>The running guests hold %1 now (their balloons&apos; current size), %2 % of the host&apos;s %3. QEMU&apos;s own overhead and the host need the rest: a balloon that deflates, or one more guest, will push the host into swap.</source>
        <translation>运行中的客户机当前占用 %1（即其气球的当前大小），为宿主机 %3 的 %2%。其余部分需留给 QEMU 自身开销和宿主机：任何一个气球收缩，或再多一台客户机，都会使宿主机开始使用交换空间。</translation>
    </message>
    <message>
        <source>Running guests with a balloon that report no memory statistics: %1 (%2 of %3). The host cannot tell how much of their memory they use, nor how far their balloons could safely inflate; Readiness shows each guest&apos;s cause.</source>
        <translation>有气球设备但不报告内存统计信息的运行中客户机：%1（%3 台中的 %2 台）。宿主机无法得知它们用了多少内存，也无法得知其气球能安全膨胀到什么程度；“就绪状态”中会显示每台客户机的原因。</translation>
    </message>
    <message>
        <source>Running guests without a usable balloon device: %1 (%2 of %3), while the host is oversold by %4×. Their memory can only be taken back by restarting them with less.</source>
        <translation>没有可用气球设备的运行中客户机：%1（%3 台中的 %2 台），而宿主机已超配 %4 倍。只能通过减少其内存后重启来收回这些内存。</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>KSM has made %1 full scans (at up to %2 pages/s) over %3 pages but saves nothing: its CPU cost does not pay. If the guests do not share an image, consider turning KSM off.</source>
        <translation>KSM 已对 %3 个页面完成 %1 轮完整扫描（速率最高 %2 页/秒），但没有节省任何内存：其 CPU 开销得不偿失。如果这些客户机不共用同一镜像，请考虑关闭 KSM。</translation>
    </message>
    <message>
        <source>KSM has made %1 full scans (at up to %2 pages/s) but saves only %3, %4 % of the host&apos;s memory, rescanning %5 unique pages for each page it saves: its CPU cost may not pay. If the guests do not share an image, consider turning KSM off.</source>
        <translation>KSM 已完成 %1 轮完整扫描（速率最高 %2 页/秒），但仅节省 %3，占宿主机内存的 %4%；每节省一个页面，就要反复扫描 %5 个不重复的页面：其 CPU 开销可能得不偿失。如果这些客户机不共用同一镜像，请考虑关闭 KSM。</translation>
    </message>
    <message>
        <source>KSM saves %1, more than the %2 the host has free with buffers and cache: turning KSM off (or unmerging) would push the host into swap.</source>
        <translation>KSM 节省了 %1，超过宿主机空闲内存加缓冲区和缓存的总和 %2：关闭 KSM（或取消合并）会使宿主机开始使用交换空间。</translation>
    </message>
    <message>
        <source>KSM saves %1, %2 % of the host&apos;s memory, with %3 mappings per shared page. Turning it off needs that much free memory; the host has %4 free with buffers and cache.</source>
        <translation>KSM 节省了 %1，占宿主机内存的 %2%，每个共享页面平均有 %3 个映射。关闭 KSM 需要同样多的空闲内存；宿主机空闲内存加缓冲区和缓存共 %4。</translation>
    </message>
    <message>
        <source>KSM merges pages across the host&apos;s %1 NUMA nodes (merge_across_nodes = 1): a guest may read a merged page from a remote node. With guests pinned to nodes, 0 keeps pages local at the cost of some of the %2 saved.</source>
        <translation>KSM 会跨宿主机的 %1 个 NUMA 节点合并页面（merge_across_nodes = 1）：客户机可能要从远端节点读取合并后的页面。若客户机已绑定到节点，设为 0 可使页面保持在本地，代价是已节省的 %2 会减少一部分。</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>%1 of huge pages are reserved and free (%2), and no guest of this host is configured for huge pages: unless something outside libvirt uses them, that memory is lost to the host and its guests.</source>
        <translation>有 %1 的大页已预留但处于空闲（%2），而此宿主机上没有客户机配置为使用大页：除非 libvirt 之外有程序使用它们，否则这部分内存对宿主机及其客户机都不可用。</translation>
    </message>
    <message>
        <source>%1 of huge pages are reserved and free (%2), kept for guests that are shut off (%3): until they start, nothing else can use that memory.</source>
        <translation>有 %1 的大页已预留但处于空闲（%2），留给已关机的客户机（%3）：在这些客户机启动之前，其他任何程序都无法使用这部分内存。</translation>
    </message>
    <message>
        <source>%1 of the %2 reserved as huge pages are free (%3): free huge pages cannot be used for anything but huge-page guests.</source>
        <translation>预留为大页的 %2 中有 %1 处于空闲（%3）：空闲的大页只能供使用大页的客户机使用。</translation>
    </message>
    <message>
        <source>Guest %1 is configured for %2 in %3 huge pages, but only %4 of them are free: it will not start until pages are freed or added (virsh allocpages).</source>
        <translation>客户机 %1 配置为使用 %3 大页共 %2，但其中只有 %4 空闲：在释放或添加大页（virsh allocpages）之前，它将无法启动。</translation>
    </message>
</context>
<context>
    <name>bs::AgentInspector</name>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>signal %1</source>
        <translation>信号 %1</translation>
    </message>
    <message>
        <source>, stdout &quot;%1&quot;</source>
        <translation>，stdout“%1”</translation>
    </message>
    <message>
        <source>, stderr &quot;%1&quot;</source>
        <translation>，stderr“%1”</translation>
    </message>
    <message>
        <source>guest-info lists %1 as disabled</source>
        <translation>guest-info 将 %1 列为已禁用</translation>
    </message>
    <message>
        <source>guest-info does not list %1</source>
        <translation>guest-info 未列出 %1</translation>
    </message>
    <message>
        <source>qemu-ga %1, %2 commands</source>
        <translation>qemu-ga %1，%2 条命令</translation>
    </message>
    <message>
        <source>%1 devices listed</source>
        <translation>列出了 %1 个设备</translation>
    </message>
    <message>
        <source>pid %1 had not exited after %2 polls %3 ms apart; qemu-ga keeps its status until it is asked again</source>
        <translation>pid %1 在 %2 次轮询（间隔 %3 毫秒）后仍未退出；qemu-ga 会保留其状态，直到再次被查询</translation>
    </message>
</context>
<context>
    <name>bs::AgentParsers</name>
    <message>
        <source>Unexpected %1 reply: %2</source>
        <translation>意外的 %1 回复：%2</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>no supported_commands list</source>
        <translation>没有 supported_commands 列表</translation>
    </message>
    <message>
        <source>kernel %1</source>
        <translation>内核 %1</translation>
    </message>
    <message>
        <source>kernel %1, build %2</source>
        <translation>内核 %1，内部版本 %2</translation>
    </message>
    <message>
        <source>(no driver name)</source>
        <translation>（无驱动名称）</translation>
    </message>
    <message>
        <source> (date &quot;%1&quot;)</source>
        <translation>（日期“%1”）</translation>
    </message>
    <message>
        <source>, PCI %1:%2 (vendor %3, device %4)</source>
        <translation>，PCI %1:%2（厂商 %3，设备 %4）</translation>
    </message>
    <message>
        <source>not a list</source>
        <translation>不是列表</translation>
    </message>
    <message>
        <source>no pid</source>
        <translation>没有 pid</translation>
    </message>
    <message>
        <source>no &quot;exited&quot;</source>
        <translation>没有“exited”</translation>
    </message>
    <message>
        <source>%1 is not valid base64: &quot;%2&quot;</source>
        <translation>%1 不是有效的 base64：“%2”</translation>
    </message>
    <message>
        <source>no handle</source>
        <translation>没有 handle</translation>
    </message>
    <message>
        <source>no valid buf-b64</source>
        <translation>没有有效的 buf-b64</translation>
    </message>
</context>
<context>
    <name>bs::AutopilotRunner</name>
    <message>
        <source>The host is not connected.</source>
        <translation>宿主机未连接。</translation>
    </message>
    <message>
        <source>Autopilot (dry run) would set the balloon %1 → %2: %3</source>
        <translation>自动驾驶（演练）本会将气球设为 %1 → %2：%3</translation>
    </message>
    <message>
        <source>Autopilot: %1 %2</source>
        <translation>自动驾驶：%1 %2</translation>
    </message>
</context>
<context>
    <name>bs::AxisTicks</name>
    <message>
        <source>MMM d</source>
        <extracomment>QDate format of a day on a chart&apos;s time axis (&quot;Jan 2&quot;).</extracomment>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>bs::BalloonText</name>
    <message>
        <source>live</source>
        <translation>运行时</translation>
    </message>
    <message>
        <source>persistent</source>
        <translation>持久</translation>
    </message>
    <message>
        <source>Stats period (%1): %2 → %3</source>
        <translation>统计周期（%1）：%2 → %3</translation>
    </message>
    <message>
        <source>Balloon device (%1): %2 → %3, stats period %4</source>
        <translation>气球设备（%1）：%2 → %3，统计周期 %4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Balloon target (%1): %2 → %3</source>
        <translation>气球目标（%1）：%2 → %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>libvirt accepted the change, but %1; check the guest&apos;s configuration.</source>
        <translation>libvirt 接受了更改，但%1；请检查客户机的配置。</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The connection is read-only, or this user may not change guests</source>
        <translation>连接是只读的，或此用户无权更改客户机</translation>
    </message>
    <message>
        <source>The guest no longer exists</source>
        <translation>该客户机已不存在</translation>
    </message>
    <message>
        <source>The host&apos;s hypervisor driver cannot do this</source>
        <translation>宿主机的虚拟化驱动不支持此操作</translation>
    </message>
    <message>
        <source>The guest&apos;s state does not allow this</source>
        <translation>客户机当前的状态不允许此操作</translation>
    </message>
    <message>
        <source>libvirt refused the change</source>
        <translation>libvirt 拒绝了此更改</translation>
    </message>
    <message>
        <source>The warnings were not confirmed.</source>
        <translation>警告未被确认。</translation>
    </message>
    <message>
        <source>the guest&apos;s balloon driver moves its memory there over the next seconds</source>
        <translation>客户机的气球驱动会在接下来的几秒内将内存调整到该值</translation>
    </message>
    <message>
        <source>the live XML shows the period %1</source>
        <translation>运行时 XML 显示的周期为 %1</translation>
    </message>
    <message>
        <source>the persistent XML shows the period %1</source>
        <translation>持久 XML 显示的周期为 %1</translation>
    </message>
    <message>
        <source>The guest&apos;s persistent configuration changed since the preview; nothing was changed. Review the change again.</source>
        <translation>自预览以来客户机的持久配置已发生变化；未做任何更改。请重新检查此更改。</translation>
    </message>
    <message>
        <source>the defined guest has another UUID</source>
        <translation>定义后的客户机 UUID 不同</translation>
    </message>
    <message>
        <source>the persistent balloon reads &apos;%1&apos; with period %2</source>
        <translation>持久配置中的气球为“%1”，周期为 %2</translation>
    </message>
    <message>
        <source>The target is too large for this host.</source>
        <translation>目标值对此宿主机而言过大。</translation>
    </message>
    <message>
        <source>the persistent &lt;currentMemory&gt; reads %1 KiB</source>
        <translation>持久配置中的 &lt;currentMemory&gt; 为 %1 KiB</translation>
    </message>
    <message>
        <source>Could not read the guest&apos;s configuration</source>
        <translation>无法读取客户机的配置</translation>
    </message>
    <message>
        <source>Could not read the guest&apos;s state</source>
        <translation>无法读取客户机的状态</translation>
    </message>
    <message>
        <source>Could not tell whether the guest is persistent</source>
        <translation>无法确定客户机是否为持久客户机</translation>
    </message>
    <message>
        <source>Could not list the guests</source>
        <translation>无法列出客户机</translation>
    </message>
    <message>
        <source>There is no guest named &quot;%1&quot; on %2.</source>
        <translation>%2 上没有名为“%1”的客户机。</translation>
    </message>
    <message>
        <source>live stats period: %1 → %2</source>
        <translation>运行时统计周期：%1 → %2</translation>
    </message>
    <message>
        <source>persistent stats period: %1 → %2</source>
        <translation>持久统计周期：%1 → %2</translation>
    </message>
    <message>
        <source>persistent balloon: %1 → virtio with stats period %2 (after the next shutdown and start)</source>
        <translation>持久气球设备：%1 → virtio，统计周期 %2（下次关机并启动后生效）</translation>
    </message>
    <message>
        <source>live balloon target: %1 → %2</source>
        <translation>运行时气球目标：%1 → %2</translation>
    </message>
    <message>
        <source>persistent balloon target (currentMemory): %1 → %2</source>
        <translation>持久气球目标（currentMemory）：%1 → %2</translation>
    </message>
    <message>
        <source>live: %1</source>
        <translation>运行时：%1</translation>
    </message>
    <message>
        <source>persistent: %1</source>
        <translation>持久：%1</translation>
    </message>
    <message>
        <source>%1 — done</source>
        <translation>%1 — 完成</translation>
    </message>
    <message>
        <source>%1 — done (%2)</source>
        <translation>%1 — 完成（%2）</translation>
    </message>
    <message>
        <source>%1 — FAILED: %2</source>
        <translation>%1 — 失败：%2</translation>
    </message>
    <message>
        <source>%1 — not attempted: %2</source>
        <translation>%1 — 未执行：%2</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>PARTIAL</source>
        <translation>部分完成</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>无需更改</translation>
    </message>
    <message>
        <source>The guest is not running (%1); only its persistent configuration can change.</source>
        <translation>客户机未运行（%1）；只能更改其持久配置。</translation>
    </message>
    <message>
        <source>The running guest has no balloon device, so its memory cannot change while it runs.</source>
        <translation>运行中的客户机没有气球设备，因此运行期间无法更改其内存。</translation>
    </message>
    <message>
        <source>The guest&apos;s maximum memory could not be read.</source>
        <translation>无法读取客户机的最大内存。</translation>
    </message>
    <message>
        <source>The target %1 is above the guest&apos;s maximum memory %2: the balloon cannot give a guest more than its maximum (raising &lt;memory&gt; needs a restart).</source>
        <translation>目标值 %1 高于客户机的最大内存 %2：气球无法给客户机超过其最大值的内存（提高 &lt;memory&gt; 需要重启）。</translation>
    </message>
    <message>
        <source>The target %1 is below what the guest uses now (%2, not counting its cache): it would have to swap or kill processes.</source>
        <translation>目标值 %1 低于客户机当前的内存使用（%2，不含缓存）：客户机将不得不使用交换空间或终止进程。</translation>
    </message>
    <message>
        <source>The target %1 is below the safe floor of %2.</source>
        <translation>目标值 %1 低于安全下限 %2。</translation>
    </message>
    <message>
        <source>The live balloon target is already %1.</source>
        <translation>运行时气球目标已经是 %1。</translation>
    </message>
    <message>
        <source>The guest&apos;s memory use is unknown (no fresh statistics: enable the stats period first), so Balloonscope cannot check that %1 leaves it enough room.</source>
        <translation>客户机的内存使用未知（没有最新的统计数据：请先启用统计周期），因此 Balloonscope 无法确认 %1 是否给它留有足够的空间。</translation>
    </message>
    <message>
        <source>%1 leaves the guest less than %2 % above what it uses (%3): it may start to swap.</source>
        <translation>%1 使客户机的内存比其已用内存（%3）高出不足 %2%：客户机可能开始使用交换空间。</translation>
    </message>
    <message>
        <source>The guest is transient: it has no persistent configuration.</source>
        <translation>该客户机是临时客户机：它没有持久配置。</translation>
    </message>
    <message>
        <source>The persistent configuration has no balloon device: the guest always starts with its full memory.</source>
        <translation>持久配置中没有气球设备：客户机总是以全部内存启动。</translation>
    </message>
    <message>
        <source>The persistent maximum memory could not be read.</source>
        <translation>无法读取持久配置中的最大内存。</translation>
    </message>
    <message>
        <source>The target %1 is above the configured maximum memory %2.</source>
        <translation>目标值 %1 高于配置的最大内存 %2。</translation>
    </message>
    <message>
        <source>The persistent balloon target is already %1.</source>
        <translation>持久气球目标已经是 %1。</translation>
    </message>
    <message>
        <source>The connection is read-only: reconnect with write access to change guests.</source>
        <translation>连接是只读的：请以可写方式重新连接后再更改客户机。</translation>
    </message>
    <message>
        <source>A balloon target of 0 is not a size.</source>
        <translation>气球目标为 0 不是有效的大小。</translation>
    </message>
    <message>
        <source>The guest has no &lt;memballoon&gt; element: a stats period needs a balloon model (virtio) to be added first.</source>
        <translation>客户机没有 &lt;memballoon&gt; 元素：设置统计周期之前需要先添加气球设备（virtio）。</translation>
    </message>
    <message>
        <source>The domain XML is an empty &lt;domain/&gt;.</source>
        <translation>域 XML 是一个空的 &lt;domain/&gt;。</translation>
    </message>
    <message>
        <source>A stats period must be at least 1 second; remove the &lt;stats&gt; element to turn polling off.</source>
        <translation>统计周期至少为 1 秒；要关闭轮询，请删除 &lt;stats&gt; 元素。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a balloon model.</source>
        <translation>“%1”不是气球型号。</translation>
    </message>
    <message>
        <source>The domain XML is not valid UTF-8.</source>
        <translation>域 XML 不是有效的 UTF-8。</translation>
    </message>
    <message>
        <source>The domain XML has more than one &lt;devices&gt;, &lt;memballoon&gt; or &lt;stats&gt; element; libvirt allows one. Fix it by hand first.</source>
        <translation>域 XML 中有多个 &lt;devices&gt;、&lt;memballoon&gt; 或 &lt;stats&gt; 元素；libvirt 只允许一个。请先手动修正。</translation>
    </message>
    <message>
        <source>Internal error: the edited &lt;memballoon&gt; did not read back as intended; the XML is left untouched.</source>
        <translation>内部错误：编辑后的 &lt;memballoon&gt; 读回的结果与预期不符；XML 保持不变。</translation>
    </message>
    <message>
        <source>The domain XML is empty.</source>
        <translation>域 XML 为空。</translation>
    </message>
    <message>
        <source>The domain XML has a document type declaration; Balloonscope does not edit such documents.</source>
        <translation>域 XML 中包含文档类型声明；Balloonscope 不编辑此类文档。</translation>
    </message>
    <message>
        <source>Could not locate the &lt;%1&gt; tag in the text at line %2; the XML is left untouched.</source>
        <translation>无法在第 %2 行的文本中定位 &lt;%1&gt; 标签；XML 保持不变。</translation>
    </message>
    <message>
        <source>This is not a domain XML: its root element is &lt;%1&gt;.</source>
        <translation>这不是域 XML：其根元素是 &lt;%1&gt;。</translation>
    </message>
    <message>
        <source>Could not locate the end of &lt;%1&gt; in the text at line %2; the XML is left untouched.</source>
        <translation>无法在第 %2 行的文本中定位 &lt;%1&gt; 的结束位置；XML 保持不变。</translation>
    </message>
    <message>
        <source>The domain XML is not well-formed: %1 (line %2).</source>
        <translation>域 XML 格式不正确：%1（第 %2 行）。</translation>
    </message>
    <message>
        <source>&lt;memballoon model=&apos;none&apos;/&gt;</source>
        <translation>&lt;memballoon model=&apos;none&apos;/&gt;</translation>
    </message>
    <message>
        <source>no &lt;memballoon&gt; element</source>
        <translation>没有 &lt;memballoon&gt; 元素</translation>
    </message>
    <message>
        <source>Its configuration could not be read.</source>
        <translation>无法读取其配置。</translation>
    </message>
    <message>
        <source>Its balloon model is &apos;%1&apos;, which has no virtio statistics; Balloonscope only sets the period of virtio balloons.</source>
        <translation>其气球型号为“%1”，没有 virtio 统计信息；Balloonscope 只为 virtio 气球设置周期。</translation>
    </message>
    <message>
        <source>The guest is not running (%1), so there is nothing to change live; only its persistent configuration can change.</source>
        <translation>客户机未运行（%1），因此没有可做的运行时更改；只能更改其持久配置。</translation>
    </message>
    <message>
        <source>The live stats period is already %1.</source>
        <translation>运行时统计周期已经是 %1。</translation>
    </message>
    <message>
        <source>The running guest has no virtio balloon: its statistics are off already.</source>
        <translation>运行中的客户机没有 virtio 气球：其统计本来就是关闭的。</translation>
    </message>
    <message>
        <source>The running guest has no balloon device (%1): its statistics start after its next shutdown and start.</source>
        <translation>运行中的客户机没有气球设备（%1）：其统计将在下次关机并启动后开始。</translation>
    </message>
    <message>
        <source>The running guest has no balloon device (%1), and none can be added while it runs. Switch its persistent configuration to virtio instead; that takes effect after its next shutdown and start.</source>
        <translation>运行中的客户机没有气球设备（%1），而且运行期间无法添加。请改为将其持久配置切换为 virtio；这将在其下次关机并启动后生效。</translation>
    </message>
    <message>
        <source>The guest is transient: it has no persistent configuration, so the change can only be live (until the guest stops).</source>
        <translation>该客户机是临时客户机：它没有持久配置，因此只能做运行时更改（直到客户机停止）。</translation>
    </message>
    <message>
        <source>The persistent stats period is already %1.</source>
        <translation>持久统计周期已经是 %1。</translation>
    </message>
    <message>
        <source>The persistent configuration has no virtio balloon: its statistics are off already.</source>
        <translation>持久配置中没有 virtio 气球：其统计本来就是关闭的。</translation>
    </message>
    <message>
        <source>The persistent configuration has no balloon device (%1). Choose to switch it to virtio (balloonscope-cli: --switch-to-virtio); that takes effect after the guest&apos;s next shutdown and start.</source>
        <translation>持久配置中没有气球设备（%1）。请选择将其切换为 virtio（balloonscope-cli：--switch-to-virtio）；这将在客户机下次关机并启动后生效。</translation>
    </message>
    <message>
        <source>The virtio balloon takes effect after the guest&apos;s next shutdown and start (a reboot from inside the guest is not enough).</source>
        <translation>virtio 气球在客户机下次关机并启动后生效（在客户机内部重启是不够的）。</translation>
    </message>
    <message>
        <source>The persistent configuration already has a balloon device.</source>
        <translation>持久配置中已经有气球设备。</translation>
    </message>
    <message>
        <source>This is a &apos;%1&apos; guest; Balloonscope only adds virtio balloons to KVM/QEMU guests.</source>
        <translation>这是一台“%1”客户机；Balloonscope 只为 KVM/QEMU 客户机添加 virtio 气球。</translation>
    </message>
    <message>
        <source>A period of 0 turns the statistics off. If that is what you want, choose &quot;off&quot; explicitly.</source>
        <translation>周期为 0 会关闭统计。如果这正是您想要的，请明确选择“off”。</translation>
    </message>
    <message>
        <source>The stats period must be 1 to 3600 seconds, not %1.</source>
        <translation>统计周期必须为 1 到 3600 秒，而不是 %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a stats period: give a number of seconds from 1 to 3600 (for example 10), or &quot;off&quot;.</source>
        <translation>“%1”不是有效的统计周期：请给出 1 到 3600 之间的秒数（例如 10），或“off”。</translation>
    </message>
    <message>
        <source>Maximum memory (%1, from the next boot): %2 → %3</source>
        <translation>最大内存（%1，下次启动起生效）：%2 → %3</translation>
    </message>
    <message>
        <source>the persistent &lt;memory&gt; reads %1 KiB</source>
        <translation>持久配置中的 &lt;memory&gt; 为 %1 KiB</translation>
    </message>
    <message>
        <source>persistent maximum memory (memory): %1 → %2</source>
        <translation>持久最大内存（memory）：%1 → %2</translation>
    </message>
    <message>
        <source>The connection is read-only.</source>
        <translation>该连接是只读的。</translation>
    </message>
    <message>
        <source>A transient guest has no configuration for its next boot.</source>
        <translation>临时客户机没有用于下次启动的配置。</translation>
    </message>
    <message>
        <source>No memory size to set.</source>
        <translation>没有要设置的内存大小。</translation>
    </message>
    <message>
        <source>It already starts with %1.</source>
        <translation>它启动时已经是 %1。</translation>
    </message>
    <message>
        <source>From the next shutdown and start; the running guest keeps its memory until then.</source>
        <translation>从下次关机并启动起生效；在此之前运行中的客户机保持现有内存。</translation>
    </message>
    <message>
        <source>free page reporting %1</source>
        <translation>空闲页报告%1</translation>
    </message>
    <message>
        <source>on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>autodeflate %1</source>
        <translation>自动放气%1</translation>
    </message>
    <message>
        <source>Balloon device (%1, from the next boot): %2</source>
        <translation>气球设备（%1，从下次启动起）：%2</translation>
    </message>
    <message>
        <source>the persistent balloon reads freePageReporting %1, autodeflate %2</source>
        <translation>持久配置中的气球为 freePageReporting %1、autodeflate %2</translation>
    </message>
    <message>
        <source>persistent balloon: %1 (after the next shutdown and start)</source>
        <translation>持久气球：%1（下次关机并启动后生效）</translation>
    </message>
    <message>
        <source>The guest has no &lt;memballoon&gt; element: free page reporting and autodeflate need a virtio balloon first.</source>
        <translation>该客户机没有 &lt;memballoon&gt; 元素：空闲页报告和自动放气需要先有 virtio 气球。</translation>
    </message>
    <message>
        <source>The guest is transient: it has no persistent configuration, and free page reporting cannot change on a running guest.</source>
        <translation>该客户机是临时的：它没有持久配置，而空闲页报告无法在运行中的客户机上更改。</translation>
    </message>
    <message>
        <source>The persistent configuration has no virtio balloon: give it one first (Stats period…, switch to virtio).</source>
        <translation>持久配置中没有 virtio 气球：请先添加一个（统计周期…，切换为 virtio）。</translation>
    </message>
    <message>
        <source>Free page reporting and autodeflate are already on in the persistent configuration.</source>
        <translation>持久配置中的空闲页报告和自动放气都已开启。</translation>
    </message>
    <message>
        <source>Free page reporting is already on in the persistent configuration.</source>
        <translation>持久配置中的空闲页报告已开启。</translation>
    </message>
    <message>
        <source>Takes effect after the guest&apos;s next shutdown and start (a reboot from inside the guest is not enough); the running guest keeps its settings until then.</source>
        <translation>在客户机下次关机并启动后生效（在客户机内部重启不够）；在此之前运行中的客户机保持原设置。</translation>
    </message>
</context>
<context>
    <name>bs::CapabilitiesParser</name>
    <message>
        <source>The host&apos;s capabilities could not be read: %1</source>
        <translation>无法读取宿主机的能力信息（capabilities）：%1</translation>
    </message>
</context>
<context>
    <name>bs::ChartRenderer</name>
    <message>
        <source>%1 (no data)</source>
        <translation>%1（无数据）</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Time (%1)</source>
        <translation>时间（%1）</translation>
    </message>
    <message>
        <source>Nothing was recorded in this range.</source>
        <translation>此范围内没有任何记录。</translation>
    </message>
</context>
<context>
    <name>bs::Connection</name>
    <message>
        <source>Internal error: libvirt&apos;s event loop is not running.</source>
        <translation>内部错误：libvirt 事件循环未运行。</translation>
    </message>
    <message>
        <source>Connecting to %1 was cancelled: no credentials were given.</source>
        <translation>连接 %1 已取消：未提供凭据。</translation>
    </message>
</context>
<context>
    <name>bs::ConnectionEvents</name>
    <message>
        <source>the daemon closed the connection</source>
        <translation>守护进程关闭了连接</translation>
    </message>
    <message>
        <source>the host stopped answering (keepalive timeout)</source>
        <translation>宿主机停止响应（keepalive 超时）</translation>
    </message>
    <message>
        <source>closed by Balloonscope</source>
        <translation>由 Balloonscope 关闭</translation>
    </message>
    <message>
        <source>an I/O error broke the connection</source>
        <translation>I/O 错误导致连接中断</translation>
    </message>
    <message>
        <source>defined</source>
        <translation>已定义</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>已取消定义</translation>
    </message>
    <message>
        <source>started</source>
        <translation>已启动</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>destroyed</source>
        <translation>已强制关闭</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>shutting down</source>
        <translation>正在关机</translation>
    </message>
    <message>
        <source>suspended to memory/disk</source>
        <translation>已挂起到内存/磁盘</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>事件 %1</translation>
    </message>
</context>
<context>
    <name>bs::DemoWorker</name>
    <message>
        <source>Looking for QEMU and the demo guest images.</source>
        <translation>正在查找 QEMU 和演示客户机镜像。</translation>
    </message>
    <message>
        <source>QEMU is not installed (qemu-system-x86_64 was not found).</source>
        <translation>未安装 QEMU（找不到 qemu-system-x86_64）。</translation>
    </message>
    <message>
        <source>Preparing the embedded QEMU driver.</source>
        <translation>正在准备内嵌的 QEMU 驱动。</translation>
    </message>
    <message>
        <source>Waiting for the demo guests&apos; first memory reports.</source>
        <translation>正在等待演示客户机的首次内存报告。</translation>
    </message>
    <message>
        <source>Could not create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>The demo was stopped while it started.</source>
        <translation>演示在启动过程中被停止。</translation>
    </message>
    <message>
        <source>Starting %1. The first start of QEMU in a new demo directory probes QEMU&apos;s capabilities, which can take up to a minute.</source>
        <translation>正在启动 %1。在新的演示目录中首次启动 QEMU 时会探测 QEMU 的能力，最多可能需要一分钟。</translation>
    </message>
    <message>
        <source>Starting %1.</source>
        <translation>正在启动 %1。</translation>
    </message>
    <message>
        <source>Could not start the demo guest %1</source>
        <translation>无法启动演示客户机 %1</translation>
    </message>
    <message numerus="yes">
        <source>The demo host runs %n guest(s).</source>
        <translation>
            <numerusform>演示宿主机正在运行 %n 台客户机。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not copy %1 to %2.</source>
        <translation>无法将 %1 复制到 %2。</translation>
    </message>
    <message>
        <source>The embedded QEMU driver did not open (%1).</source>
        <translation>内嵌的 QEMU 驱动未能打开（%1）。</translation>
    </message>
</context>
<context>
    <name>bs::DomainState</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>shutting down</source>
        <translation>正在关机</translation>
    </message>
    <message>
        <source>shut off</source>
        <translation>已关机</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>bs::FigureStatus</name>
    <message>
        <source>not read yet</source>
        <translation>尚未读取</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可获取</translation>
    </message>
    <message>
        <source>not available on this host</source>
        <translation>此宿主机不提供</translation>
    </message>
    <message>
        <source>not available on this connection (permission)</source>
        <translation>此连接无法获取（权限不足）</translation>
    </message>
    <message>
        <source>could not be read this time</source>
        <translation>本次读取失败</translation>
    </message>
</context>
<context>
    <name>bs::GuestImages</name>
    <message>
        <source>The demo guest images are missing (%1); build them with scripts/build-guest-images.</source>
        <translation>缺少演示客户机镜像（%1）；请用 scripts/build-guest-images 构建。</translation>
    </message>
</context>
<context>
    <name>bs::GuestOutputParsers</name>
    <message>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>状态 %1</translation>
    </message>
    <message>
        <source>, start type %1 (%2)</source>
        <translation>，启动类型 %1（%2）</translation>
    </message>
    <message>
        <source>exit code 3 (Get-Service found no BalloonService)</source>
        <translation>退出码 3（Get-Service 未找到 BalloonService）</translation>
    </message>
    <message>
        <source>exit code 1060</source>
        <translation>退出码 1060</translation>
    </message>
    <message>
        <source>bound to %1</source>
        <translation>已绑定到 %1</translation>
    </message>
    <message>
        <source>registered, bound to no device</source>
        <translation>已注册，未绑定任何设备</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <source>loaded as a module</source>
        <translation>已作为模块加载</translation>
    </message>
    <message>
        <source>not in /proc/modules</source>
        <translation>不在 /proc/modules 中</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>%1 modules listed</source>
        <translation>列出了 %1 个模块</translation>
    </message>
</context>
<context>
    <name>bs::GuestPolicySettings</name>
    <message>
        <source>The autopilot settings in the guest&apos;s metadata are not XML: %1</source>
        <translation>客户机元数据中的自动驾驶设置不是 XML：%1</translation>
    </message>
    <message>
        <source>The guest&apos;s Balloonscope metadata holds &lt;%1&gt;, not &lt;autopilot&gt;.</source>
        <translation>客户机的 Balloonscope 元数据包含 &lt;%1&gt;，而不是 &lt;autopilot&gt;。</translation>
    </message>
    <message>
        <source>enabled=&quot;%1&quot; in the guest&apos;s autopilot settings: expected yes or no.</source>
        <translation>客户机自动驾驶设置中的 enabled=“%1”：应为 yes 或 no。</translation>
    </message>
    <message>
        <source>floor-kib=&quot;%1&quot; in the guest&apos;s autopilot settings is not a size in KiB.</source>
        <translation>客户机自动驾驶设置中的 floor-kib=“%1”不是以 KiB 为单位的大小。</translation>
    </message>
    <message>
        <source>shares=&quot;%1&quot; in the guest&apos;s autopilot settings: expected 0 to 50000.</source>
        <translation>客户机自动驾驶设置中的 shares=“%1”：应为 0 到 50000。</translation>
    </message>
    <message>
        <source>Could not read the guest&apos;s autopilot settings</source>
        <translation>无法读取客户机的自动驾驶设置</translation>
    </message>
    <message>
        <source>Could not write the guest&apos;s autopilot settings</source>
        <translation>无法写入客户机的自动驾驶设置</translation>
    </message>
    <message>
        <source>Could not list the guests</source>
        <translation>无法列出客户机</translation>
    </message>
    <message>
        <source>Could not find the guest to write its settings</source>
        <translation>找不到要写入设置的客户机</translation>
    </message>
</context>
<context>
    <name>bs::Health</name>
    <message>
        <source>The host has %1 available (%2 % of %3), below %4.</source>
        <translation>宿主机可用内存为 %1（占 %3 的 %2 %），低于 %4。</translation>
    </message>
    <message>
        <source>Shrink the balloons of guests with room to spare (the Sizing page shows which), turn on KSM, or stop a guest.</source>
        <translation>缩小仍有余量的客户机的气球（“容量规划”页会列出），开启 KSM，或停止一台客户机。</translation>
    </message>
    <message numerus="yes">
        <source>The swap and fault counters went back %n time(s): they are not cumulative. Seen with BalloonService builds before 2016, which report per-second values in pages.</source>
        <translation>
            <numerusform>换入和缺页计数器回退了 %n 次：它们不是累计值。见于 2016 年以前的 BalloonService 版本，它按页报告每秒的数值。</numerusform>
        </translation>
    </message>
    <message>
        <source>No new report for %1 s (%2 stats periods of %3 s); the last one is from %4.</source>
        <translation>%1 秒内没有新报告（%2 个统计周期，每个 %3 秒）；最后一次报告在 %4。</translation>
    </message>
    <message>
        <source>The balloon driver is loaded but nothing feeds it. Linux: the guest may be hung or short of memory. Windows: start BalloonService (sc start BalloonService) and check that the WMI service (Winmgmt) runs.</source>
        <translation>气球驱动已加载，但没有程序向它提供数据。Linux：客户机可能已挂起或内存不足。Windows：启动 BalloonService（sc start BalloonService），并确认 WMI 服务（Winmgmt）正在运行。</translation>
    </message>
    <message>
        <source>Swapping in at %1/s or more for %2 s (now %3/s): the guest is short of memory.</source>
        <translation>换入速率达到 %1/s 或更高，已持续 %2 秒（当前 %3/s）：客户机内存不足。</translation>
    </message>
    <message>
        <source>Give the guest more memory: raise its balloon target (or its floor if the autopilot runs it).</source>
        <translation>给客户机更多内存：提高它的气球目标（若由自动驾驶管理，则提高它的下限）。</translation>
    </message>
    <message>
        <source>Needs %1 (%2 used + %3 kernel) of a %4 balloon: %5 %.</source>
        <translation>需要 %1（已用 %2 + 内核 %3），气球为 %4：%5 %。</translation>
    </message>
    <message>
        <source>Raise the balloon target, or the guest will reclaim its cache and then swap.</source>
        <translation>请提高气球目标，否则客户机将回收缓存，随后开始换出。</translation>
    </message>
    <message>
        <source>The balloon stays at %1, %2 % from its target %3 set %4 s ago.</source>
        <translation>气球停留在 %1，与 %4 秒前设置的目标 %3 相差 %2 %。</translation>
    </message>
    <message>
        <source>The guest cannot give more: set the target near %1, where the balloon stopped, or check that its balloon driver runs.</source>
        <translation>客户机无法再交出内存：把目标设在气球停下的 %1 附近，或检查它的气球驱动是否在运行。</translation>
    </message>
    <message>
        <source>The balloon does not deflate: check the guest&apos;s balloon driver.</source>
        <translation>气球没有放气：请检查客户机的气球驱动。</translation>
    </message>
    <message>
        <source>Was ready at %1, now: %2. %3</source>
        <translation>%1 时已就绪，现在：%2。%3</translation>
    </message>
    <message>
        <source>Run the readiness inspection on this guest for the fix.</source>
        <translation>对此客户机运行就绪检查以获得修复方法。</translation>
    </message>
    <message>
        <source>The host holds %1 for it (RSS) and it needs %2: %3 stranded.</source>
        <translation>宿主机为它占用 %1（RSS），它需要 %2：闲置 %3。</translation>
    </message>
    <message>
        <source>Shrink its balloon toward its need (the Sizing page has a figure).</source>
        <translation>把它的气球缩小到接近其需求量（“容量规划”页给出了数值）。</translation>
    </message>
    <message>
        <source>Turn on free page reporting (&lt;memballoon freePageReporting=&apos;on&apos;&gt;, takes effect at the next boot) so that the guest hands freed memory back, or shrink its balloon.</source>
        <translation>开启空闲页报告（&lt;memballoon freePageReporting=&apos;on&apos;&gt;，下次启动时生效），让客户机交还释放的内存，或缩小它的气球。</translation>
    </message>
    <message>
        <source>Free page reporting is off: memory the guest frees stays with it on the host. Autodeflate is on.</source>
        <translation>空闲页报告已关闭：客户机释放的内存仍在宿主机上归它占用。自动放气已开启。</translation>
    </message>
    <message>
        <source>Free page reporting is off: memory the guest frees stays with it on the host. Autodeflate is off too: under OOM the guest cannot take balloon pages back.</source>
        <translation>空闲页报告已关闭：客户机释放的内存仍在宿主机上归它占用。自动放气也已关闭：发生 OOM 时客户机无法取回气球页。</translation>
    </message>
    <message>
        <source>Set freePageReporting=&apos;on&apos; (and autodeflate=&apos;on&apos;) on its &lt;memballoon&gt;: the balloon dialog writes it to the persistent XML; it takes effect at the next boot.</source>
        <translation>在它的 &lt;memballoon&gt; 上设置 freePageReporting=&apos;on&apos;（以及 autodeflate=&apos;on&apos;）：气球对话框会把它写入持久 XML；下次启动时生效。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Host available memory</source>
        <translation>宿主机可用内存</translation>
    </message>
    <message>
        <source>Stale reports</source>
        <translation>报告停滞</translation>
    </message>
    <message>
        <source>Swap-in</source>
        <translation>换入</translation>
    </message>
    <message>
        <source>Need against balloon</source>
        <translation>需求量与气球之比</translation>
    </message>
    <message>
        <source>Stuck balloon</source>
        <translation>气球卡住</translation>
    </message>
    <message>
        <source>Readiness regression</source>
        <translation>就绪状态回退</translation>
    </message>
    <message>
        <source>Stranded memory</source>
        <translation>闲置内存</translation>
    </message>
    <message>
        <source>Free page reporting</source>
        <translation>空闲页报告</translation>
    </message>
    <message>
        <source>Failure signature</source>
        <translation>故障特征</translation>
    </message>
    <message>
        <source>Reports arrive (last_update advances) but carry no figure: the guest reports −1 for each. Seen with Windows 11 on ARM64.</source>
        <translation>报告在到达（last_update 在前进），但不含任何数值：客户机对每一项都报告 −1。见于 ARM64 上的 Windows 11。</translation>
    </message>
    <message>
        <source>Update the virtio-win balloon driver and BalloonService; until then the guest&apos;s own usage cannot be known.</source>
        <translation>请更新 virtio-win 气球驱动和 BalloonService；在此之前无法得知客户机自身的用量。</translation>
    </message>
    <message>
        <source>Update the virtio-win guest tools; the swap-in rule cannot judge this guest until then.</source>
        <translation>请更新 virtio-win 客户机工具；在此之前换入规则无法判断此客户机。</translation>
    </message>
    <message>
        <source>The guest reports %1 of memory with a %2 balloon: it counts the %3 the balloon took as in use (Windows does). Balloonscope subtracts it from the need.</source>
        <translation>客户机报告有 %1 内存，而气球为 %2：它把气球占去的 %3 算作已用（Windows 如此）。Balloonscope 会从需求量中减去这部分。</translation>
    </message>
    <message>
        <source>The host has also swapped %1 of it out.</source>
        <translation>宿主机还把其中 %1 换出到了交换区。</translation>
    </message>
</context>
<context>
    <name>bs::HealthThresholds</name>
    <message>
        <source>Unknown rule &quot;%1&quot;. Rules: host_available, stale, swap_in, need_ratio, stuck_balloon, readiness, stranded, free_page_reporting, signature.</source>
        <translation>未知规则“%1”。规则：host_available、stale、swap_in、need_ratio、stuck_balloon、readiness、stranded、free_page_reporting、signature。</translation>
    </message>
    <message>
        <source>--rule %1 needs a value: %1=off, %1=on or %1=LEVELS.</source>
        <translation>--rule %1 需要一个值：%1=off、%1=on 或 %1=LEVELS。</translation>
    </message>
    <message>
        <source>--rule %1 takes off, on, note, warning or critical, not &quot;%2&quot;.</source>
        <translation>--rule %1 的取值为 off、on、note、warning 或 critical，而不是“%2”。</translation>
    </message>
    <message>
        <source>--rule swap_in: &quot;%1&quot; is not a number of seconds (0-86400).</source>
        <translation>--rule swap_in：“%1”不是秒数（0-86400）。</translation>
    </message>
    <message>
        <source>--rule %1: use WARN or WARN:CRIT, not &quot;%2&quot;.</source>
        <translation>--rule %1：请使用 WARN 或 WARN:CRIT，而不是“%2”。</translation>
    </message>
    <message>
        <source>--rule %1: %2</source>
        <translation>--rule %1：%2</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>%1 periods</source>
        <translation>%1 个周期</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>warning below %1, critical below %2</source>
        <translation>低于 %1 时警告，低于 %2 时严重</translation>
    </message>
    <message>
        <source>%1, sustained %2 s</source>
        <translation>%1，持续 %2 秒</translation>
    </message>
    <message>
        <source>%1, apart by more than %2 %</source>
        <translation>%1，相差超过 %2 %</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid level.</source>
        <translation>“%1”不是有效的级别。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>the larger of %1 and %2 %</source>
        <translation>%1 与 %2 % 中较大者</translation>
    </message>
    <message>
        <source>warning %1, critical %2</source>
        <translation>警告 %1，严重 %2</translation>
    </message>
</context>
<context>
    <name>bs::HistoryEvent</name>
    <message>
        <source>Balloon target set to %1</source>
        <translation>气球目标已设为 %1</translation>
    </message>
    <message>
        <source>Balloon target set</source>
        <translation>已设置气球目标</translation>
    </message>
    <message>
        <source>Stats period set to %1 s</source>
        <translation>统计周期已设为 %1 秒</translation>
    </message>
    <message>
        <source>Stats period turned off</source>
        <translation>统计周期已关闭</translation>
    </message>
    <message>
        <source>Recording started</source>
        <translation>记录已开始</translation>
    </message>
    <message>
        <source>Recording stopped</source>
        <translation>记录已停止</translation>
    </message>
</context>
<context>
    <name>bs::HistoryStore</name>
    <message>
        <source>the file is not an SQLite database</source>
        <translation>该文件不是 SQLite 数据库</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of some other program; Balloonscope leaves it alone.</source>
        <translation>%1 是其他程序的 SQLite 数据库；Balloonscope 不会改动它。</translation>
    </message>
    <message>
        <source>The history was written by a newer Balloonscope (schema %1, this one knows %2): it is shown read-only and nothing is recorded.</source>
        <translation>该历史记录由较新版本的 Balloonscope 写入（架构版本 %1，本版本仅支持到 %2）：将以只读方式显示，且不会记录任何数据。</translation>
    </message>
    <message>
        <source>There is no history in %1 yet.</source>
        <translation>%1 中尚无历史记录。</translation>
    </message>
    <message>
        <source>Could not move the damaged history file %1 aside.</source>
        <translation>无法将已损坏的历史记录文件 %1 移到别处。</translation>
    </message>
    <message>
        <source>There is no history at %1 yet.</source>
        <translation>%1 处尚无历史记录。</translation>
    </message>
    <message>
        <source>Could not create the folder for the history, %1.</source>
        <translation>无法创建存放历史记录的文件夹 %1。</translation>
    </message>
    <message>
        <source>The history file %1 is damaged: %2</source>
        <translation>历史记录文件 %1 已损坏：%2</translation>
    </message>
    <message>
        <source>The history file could not be opened.</source>
        <translation>无法打开历史记录文件。</translation>
    </message>
    <message>
        <source>A block of %1 (owner %2) in the history file is damaged.</source>
        <translation>历史文件中 %1 的一个数据块（所属 %2）已损坏。</translation>
    </message>
</context>
<context>
    <name>bs::HistoryWorker</name>
    <message>
        <source>The disk holding the history is full: recording is paused and resumes by itself when space is freed.</source>
        <translation>存放历史记录的磁盘已满：记录已暂停，释放空间后将自动恢复。</translation>
    </message>
    <message>
        <source>The history is not open.</source>
        <translation>历史记录未打开。</translation>
    </message>
    <message>
        <source>Could not roll up or trim the history: %1</source>
        <translation>无法汇总或清理历史记录：%1</translation>
    </message>
</context>
<context>
    <name>bs::HostLease</name>
    <message>
        <source>recorder</source>
        <translation>记录器</translation>
    </message>
    <message>
        <source>Balloonscope</source>
        <translation>Balloonscope</translation>
    </message>
    <message>
        <source>%1 (pid %2 on %3)</source>
        <translation>%1（%3 上的 pid %2）</translation>
    </message>
</context>
<context>
    <name>bs::HostMetric</name>
    <message>
        <source>Host total</source>
        <translation>宿主机总内存</translation>
    </message>
    <message>
        <source>Host free</source>
        <translation>宿主机空闲</translation>
    </message>
    <message>
        <source>Host buffers</source>
        <translation>宿主机缓冲区</translation>
    </message>
    <message>
        <source>Host page cache</source>
        <translation>宿主机页缓存</translation>
    </message>
    <message>
        <source>Host free incl. caches</source>
        <translation>宿主机空闲（含缓存）</translation>
    </message>
    <message>
        <source>Σ guests&apos; maximum</source>
        <translation>Σ 客户机最大内存</translation>
    </message>
    <message>
        <source>Σ guests&apos; actual</source>
        <translation>Σ 客户机实际内存</translation>
    </message>
    <message>
        <source>Σ guests&apos; used</source>
        <translation>Σ 客户机已用</translation>
    </message>
    <message>
        <source>Running guests</source>
        <translation>运行中的客户机</translation>
    </message>
    <message>
        <source>Reporting guests</source>
        <translation>正在报告的客户机</translation>
    </message>
    <message>
        <source>KSM saved</source>
        <translation>KSM 节省</translation>
    </message>
    <message>
        <source>KSM pages shared</source>
        <translation>KSM 共享页（pages_shared）</translation>
    </message>
    <message>
        <source>KSM pages sharing</source>
        <translation>KSM 共享引用页（pages_sharing）</translation>
    </message>
    <message>
        <source>KSM pages unshared</source>
        <translation>KSM 未共享页</translation>
    </message>
    <message>
        <source>KSM pages volatile</source>
        <translation>KSM 易变页</translation>
    </message>
    <message>
        <source>KSM full scans</source>
        <translation>KSM 完整扫描次数</translation>
    </message>
    <message>
        <source>Huge pages total</source>
        <translation>大页总数</translation>
    </message>
    <message>
        <source>Huge pages free</source>
        <translation>空闲大页</translation>
    </message>
</context>
<context>
    <name>bs::HostStatus</name>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>needs credentials</source>
        <translation>需要凭据</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation>认证失败</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1, retry in %2 s</source>
        <translation>%1，%2 秒后重试</translation>
    </message>
</context>
<context>
    <name>bs::KsmFigures</name>
    <message>
        <source>unknown (one reading so far)</source>
        <translation>未知（目前只有一次读数）</translation>
    </message>
    <message>
        <source>off (never scanned since boot)</source>
        <translation>关闭（自开机以来从未扫描）</translation>
    </message>
    <message>
        <source>scanning</source>
        <translation>正在扫描</translation>
    </message>
    <message>
        <source>stopped (merged pages kept)</source>
        <translation>已停止（保留已合并的页面）</translation>
    </message>
</context>
<context>
    <name>bs::Metric</name>
    <message>
        <source>Actual (balloon)</source>
        <translation>实际（气球）</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大内存</translation>
    </message>
    <message>
        <source>Taken back by the balloon</source>
        <translation>气球收回的内存</translation>
    </message>
    <message>
        <source>QEMU resident (host)</source>
        <translation>QEMU 常驻内存（宿主机）</translation>
    </message>
    <message>
        <source>Available (guest total)</source>
        <translation>可见总量（客户机总内存）</translation>
    </message>
    <message>
        <source>Unused (free)</source>
        <translation>空闲（未使用）</translation>
    </message>
    <message>
        <source>Usable (MemAvailable)</source>
        <translation>可用（MemAvailable）</translation>
    </message>
    <message>
        <source>Disk caches</source>
        <translation>磁盘缓存</translation>
    </message>
    <message>
        <source>Used (available − unused)</source>
        <translation>已用（可见总量 − 空闲）</translation>
    </message>
    <message>
        <source>Used excl. cache (available − usable)</source>
        <translation>已用（不含缓存）（可见总量 − 可用）</translation>
    </message>
    <message>
        <source>Swapped in</source>
        <translation>已换入</translation>
    </message>
    <message>
        <source>Swapped out</source>
        <translation>已换出</translation>
    </message>
    <message>
        <source>Major faults</source>
        <translation>主缺页错误</translation>
    </message>
    <message>
        <source>Minor faults</source>
        <translation>次缺页错误</translation>
    </message>
    <message>
        <source>Huge pages allocated</source>
        <translation>已分配大页</translation>
    </message>
    <message>
        <source>Huge page failures</source>
        <translation>大页分配失败</translation>
    </message>
    <message>
        <source>QEMU swapped out (host)</source>
        <translation>QEMU 已换出（宿主机）</translation>
    </message>
    <message>
        <source>Memory pressure, some (host PSI, %)</source>
        <translation>内存压力 some（宿主机 PSI，%）</translation>
    </message>
    <message>
        <source>Memory pressure, full (host PSI, %)</source>
        <translation>内存压力 full（宿主机 PSI，%）</translation>
    </message>
</context>
<context>
    <name>bs::PdfChartExporter</name>
    <message>
        <source>Could not draw the chart.</source>
        <translation>无法绘制图表。</translation>
    </message>
</context>
<context>
    <name>bs::Policy</name>
    <message>
        <source>The headroom must be between 0 and 100 %.</source>
        <translation>余量必须在 0 到 100 % 之间。</translation>
    </message>
    <message>
        <source>The host target must be a share of its memory between 1 and 100 %.</source>
        <translation>宿主机目标必须是其内存的 1 到 100 % 之间的比例。</translation>
    </message>
    <message>
        <source>The host target must be a size above zero.</source>
        <translation>宿主机目标必须是大于零的大小。</translation>
    </message>
    <message>
        <source>The step must be at least 1 MiB.</source>
        <translation>步长必须至少为 1 MiB。</translation>
    </message>
    <message>
        <source>The dead-band must be smaller than the step.</source>
        <translation>死区必须小于步长。</translation>
    </message>
    <message>
        <source>The evaluation period must be at least one second.</source>
        <translation>评估周期必须至少为一秒。</translation>
    </message>
    <message>
        <source>oVirt MOM (default policy)</source>
        <translation>oVirt MOM（默认策略）</translation>
    </message>
    <message>
        <source>Proxmox VE auto-ballooning</source>
        <translation>Proxmox VE 自动气球</translation>
    </message>
    <message>
        <source>Balloonscope (need + headroom)</source>
        <translation>Balloonscope（需求量 + 余量）</translation>
    </message>
    <message>
        <source>The host is short of memory: the balloon inflates.</source>
        <translation>宿主机内存不足：气球膨胀。</translation>
    </message>
    <message>
        <source>The host has room: the balloon deflates.</source>
        <translation>宿主机有余量：气球收缩。</translation>
    </message>
    <message>
        <source>The guest needs more than its balloon leaves it: the balloon deflates.</source>
        <translation>客户机所需内存多于气球留给它的内存：气球收缩。</translation>
    </message>
    <message>
        <source>No change worth making.</source>
        <translation>没有值得进行的更改。</translation>
    </message>
    <message>
        <source>The guest is not under this policy.</source>
        <translation>该客户机不受此策略管理。</translation>
    </message>
    <message>
        <source>The guest reports no fresh statistics: left alone.</source>
        <translation>客户机未报告新的统计数据：不作处理。</translation>
    </message>
    <message>
        <source>The guest&apos;s newest report is older than three evaluation periods: left alone.</source>
        <translation>客户机的最新报告早于三个评估周期：不作处理。</translation>
    </message>
    <message>
        <source>No minimum is set for the guest: this policy leaves it alone.</source>
        <translation>未为该客户机设置最小值：此策略不作处理。</translation>
    </message>
    <message>
        <source>The balloon is already at its floor or maximum.</source>
        <translation>气球已处于下限或最大值。</translation>
    </message>
    <message>
        <source>MOM</source>
        <translation>MOM</translation>
    </message>
    <message>
        <source>Proxmox</source>
        <translation>Proxmox</translation>
    </message>
    <message>
        <source>Balloonscope</source>
        <translation>Balloonscope</translation>
    </message>
</context>
<context>
    <name>bs::ProcessFigures</name>
    <message>
        <source>Swap and memory pressure of this host&apos;s guests are not read: they come from the QEMU processes, over SSH once you allow it in the connection&apos;s settings (one read-only command).</source>
        <translation>未读取此宿主机上客户机的交换和内存压力：它们来自 QEMU 进程，在连接设置中允许后通过 SSH 读取（一条只读命令）。</translation>
    </message>
    <message>
        <source>Swap and memory pressure are not available for this host: they are read from the QEMU processes, on this machine or over SSH.</source>
        <translation>此宿主机无法提供交换和内存压力：它们从 QEMU 进程读取，只在本机或通过 SSH 可用。</translation>
    </message>
    <message>
        <source>Swap and memory pressure are not available: this driver runs no QEMU processes.</source>
        <translation>无法提供交换和内存压力：此驱动不运行 QEMU 进程。</translation>
    </message>
    <message>
        <source>Swap and memory pressure could not be read over SSH (%1); next try in a minute.</source>
        <translation>无法通过 SSH 读取交换和内存压力（%1）；一分钟后重试。</translation>
    </message>
    <message numerus="yes">
        <source>The QEMU process of %n running guest(s) is not visible (it runs in another container, or /proc hides other users&apos; processes): no swap or memory pressure for them.</source>
        <translation>
            <numerusform>%n 个运行中客户机的 QEMU 进程不可见（它运行在另一个容器中，或 /proc 隐藏了其他用户的进程）：这些客户机没有交换和内存压力数据。</numerusform>
        </translation>
    </message>
    <message>
        <source>Memory pressure is not available: it needs each guest&apos;s own cgroup (cgroup v2, as libvirt&apos;s system instance creates them); these guests run in a shared one.</source>
        <translation>无法提供内存压力：它需要每个客户机有自己的 cgroup（cgroup v2，libvirt 的系统实例会创建）；这些客户机运行在共享的 cgroup 中。</translation>
    </message>
    <message>
        <source>Memory pressure is not available: the host&apos;s kernel does not expose it (PSI is off, or memory.pressure cannot be read).</source>
        <translation>无法提供内存压力：宿主机内核未提供它（PSI 已关闭，或无法读取 memory.pressure）。</translation>
    </message>
    <message>
        <source>%1 could not be started: is OpenSSH&apos;s client installed?</source>
        <translation>无法启动 %1：是否安装了 OpenSSH 客户端？</translation>
    </message>
    <message>
        <source>ssh did not answer within %1 s.</source>
        <translation>ssh 在 %1 秒内没有应答。</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>ssh failed: %1</source>
        <translation>ssh 失败：%1</translation>
    </message>
</context>
<context>
    <name>bs::RangePreset</name>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最近 1 天</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>最近 1 周</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>最近 1 年</translation>
    </message>
</context>
<context>
    <name>bs::Readiness</name>
    <message>
        <source>Guest running</source>
        <translation>客户机运行中</translation>
    </message>
    <message>
        <source>Balloon device</source>
        <translation>气球设备</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>操作系统</translation>
    </message>
    <message>
        <source>Stats period (live)</source>
        <translation>统计周期（运行中）</translation>
    </message>
    <message>
        <source>Stats period (persistent)</source>
        <translation>统计周期（持久配置）</translation>
    </message>
    <message>
        <source>Guest has reported (last_update &gt; 0)</source>
        <translation>客户机已报告过（last_update &gt; 0）</translation>
    </message>
    <message>
        <source>Reports keep coming (last_update advancing)</source>
        <translation>报告持续到达（last_update 递增）</translation>
    </message>
    <message>
        <source>Guest memory fields present</source>
        <translation>客户机内存字段齐全</translation>
    </message>
    <message>
        <source>What the fields mean on Windows</source>
        <translation>Windows 上各字段的含义</translation>
    </message>
    <message>
        <source>Huge-page backing</source>
        <translation>大页内存后端</translation>
    </message>
    <message>
        <source>Guest agent channel</source>
        <translation>客户机代理通道</translation>
    </message>
    <message>
        <source>Guest agent commands</source>
        <translation>客户机代理命令</translation>
    </message>
    <message>
        <source>Guest OS (agent)</source>
        <translation>客户机操作系统（代理）</translation>
    </message>
    <message>
        <source>VirtIO balloon driver (Windows)</source>
        <translation>VirtIO 气球驱动（Windows）</translation>
    </message>
    <message>
        <source>BalloonService (Windows)</source>
        <translation>BalloonService（Windows）</translation>
    </message>
    <message>
        <source>virtio_balloon bound (Linux)</source>
        <translation>virtio_balloon 已绑定（Linux）</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>note</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>Linux</source>
        <translation>Linux</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>polling off</source>
        <translation>轮询已关闭</translation>
    </message>
    <message>
        <source>no balloon device</source>
        <translation>无气球设备</translation>
    </message>
    <message>
        <source>no balloon driver</source>
        <translation>无气球驱动</translation>
    </message>
    <message>
        <source>nothing delivering stats</source>
        <translation>无程序提供统计信息</translation>
    </message>
    <message>
        <source>Guest-agent checks send raw commands to the guest agent through libvirt (virDomainQemuAgentCommand). libvirt then marks the guest as &quot;tainted&quot; (custom-ga-command) in its log until the guest is restarted. The commands only read: guest-info, guest-get-osinfo, guest-get-devices, and guest-exec of a fixed query (Windows: the state of BalloonService; Linux: whether virtio_balloon is bound), followed by guest-exec-status until it exits; on Linux without guest-exec, /proc/modules is opened read-only with guest-file-open/read/close. Nothing you type is ever run in the guest.</source>
        <translation>客户机代理检查会通过 libvirt（virDomainQemuAgentCommand）向客户机代理发送原始命令。随后 libvirt 会在其日志中将该客户机标记为“tainted”（已污染）（custom-ga-command），直到客户机重启为止。这些命令只读取信息：guest-info、guest-get-osinfo、guest-get-devices，以及执行固定查询的 guest-exec（Windows：BalloonService 的状态；Linux：virtio_balloon 是否已绑定），之后调用 guest-exec-status 直到该进程退出；在不支持 guest-exec 的 Linux 上，会通过 guest-file-open/read/close 以只读方式打开 /proc/modules。您输入的任何内容都不会在客户机中执行。</translation>
    </message>
</context>
<context>
    <name>bs::ReadinessCollector</name>
    <message>
        <source>The host is gone.</source>
        <translation>该宿主机已不存在。</translation>
    </message>
    <message>
        <source>Not connected to the host: the readiness check needs a connection.</source>
        <translation>未连接到宿主机：就绪状态检查需要连接。</translation>
    </message>
    <message>
        <source>Check the guest&apos;s name and the connection, then run the check again.</source>
        <translation>请检查客户机名称和连接，然后重新运行检查。</translation>
    </message>
</context>
<context>
    <name>bs::ReportBuilder</name>
    <message>
        <source>The history holds nothing for the host %1.</source>
        <translation>历史记录中没有宿主机 %1 的任何数据。</translation>
    </message>
    <message>
        <source>The history knows none of these guests on %1: %2</source>
        <translation>历史记录中没有 %1 上的这些客户机：%2</translation>
    </message>
</context>
<context>
    <name>bs::ReportJob</name>
    <message>
        <source>Reading the history…</source>
        <translation>正在读取历史记录…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Drawing the pages…</source>
        <translation>正在绘制页面…</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>bs::SaveFile</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>bs::Sizing</name>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Not reporting (%1): %2 See Readiness for the fix.</source>
        <translation>未报告（%1）：%2 修复方法见“就绪检查”。</translation>
    </message>
    <message>
        <source>Its statistics went stale: the balloon driver is loaded but nothing feeds it (on Windows: BalloonService). See Readiness for the fix.</source>
        <translation>其统计数据已停止更新：气球驱动已加载，但没有程序为其提供数据（Windows 上为 BalloonService）。修复方法见“就绪检查”。</translation>
    </message>
    <message>
        <source>No memory statistics recorded in the window: enable the stats period and let it record. See Readiness.</source>
        <translation>时间窗口内没有记录到内存统计：请设置统计周期并让其记录一段时间。参见“就绪检查”。</translation>
    </message>
    <message>
        <source>raw polls</source>
        <translation>原始采样</translation>
    </message>
    <message>
        <source>1-minute maxima</source>
        <translation>1 分钟最大值</translation>
    </message>
    <message>
        <source>1-hour maxima</source>
        <translation>1 小时最大值</translation>
    </message>
    <message>
        <source>The percentile must be 50 to 100, not %1.</source>
        <translation>百分位必须在 50 到 100 之间，而不是 %1。</translation>
    </message>
    <message>
        <source>The headroom must be 0 to 100 %, not %1 %.</source>
        <translation>余量必须在 0 到 100 % 之间，而不是 %1 %。</translation>
    </message>
    <message>
        <source>The floor must be at least %1: no guest is ballooned below that.</source>
        <translation>下限至少为 %1：任何客户机都不会被气球压缩到该值以下。</translation>
    </message>
    <message>
        <source>The window must be one minute to three years.</source>
        <translation>时间窗口必须在一分钟到三年之间。</translation>
    </message>
    <message>
        <source>Conservative</source>
        <translation>保守</translation>
    </message>
    <message>
        <source>Balanced</source>
        <translation>均衡</translation>
    </message>
    <message>
        <source>Aggressive</source>
        <translation>激进</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 天</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>P%1 + %2 % over %3</source>
        <translation>%3内 P%1 + %2 %</translation>
    </message>
</context>
<context>
    <name>bs::StatsCollector</name>
    <message>
        <source>Could not read the guests&apos; statistics</source>
        <translation>无法读取客户机的统计信息</translation>
    </message>
    <message>
        <source>Could not list the guests</source>
        <translation>无法列出客户机</translation>
    </message>
</context>
<context>
    <name>bs::StatsState</name>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>no balloon device</source>
        <translation>无气球设备</translation>
    </message>
    <message>
        <source>stats off</source>
        <translation>统计未开启</translation>
    </message>
    <message>
        <source>waiting for first report</source>
        <translation>等待首次报告</translation>
    </message>
    <message>
        <source>no driver</source>
        <translation>无驱动</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>已停滞</translation>
    </message>
    <message>
        <source>reporting</source>
        <translation>正在报告</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The guest is not running, so it cannot report.</source>
        <translation>客户机未运行，因此无法报告。</translation>
    </message>
    <message>
        <source>The guest has no virtio balloon device. Switch its configuration to &lt;memballoon model=&apos;virtio&apos;&gt; and restart it.</source>
        <translation>该客户机没有 virtio 气球设备。请将其配置改为 &lt;memballoon model=&apos;virtio&apos;&gt; 并重启客户机。</translation>
    </message>
    <message>
        <source>No stats period is set, so the balloon driver is never asked for statistics. Set a period (for example 10 s).</source>
        <translation>未设置统计周期，因此从不向气球驱动请求统计信息。请设置一个周期（例如 10 秒）。</translation>
    </message>
    <message>
        <source>A stats period is set; waiting two periods for the first report.</source>
        <translation>已设置统计周期；正在等待两个周期以获得首次报告。</translation>
    </message>
    <message>
        <source>A period is set but the guest never reported: no balloon driver is loaded in the guest (Linux: virtio_balloon; Windows: the virtio-win balloon driver).</source>
        <translation>已设置周期，但客户机从未报告：客户机中没有加载气球驱动（Linux：virtio_balloon；Windows：virtio-win 气球驱动）。</translation>
    </message>
    <message>
        <source>The guest reported before but its reports stopped: the driver is loaded but nothing feeds it (Windows: BalloonService is not running).</source>
        <translation>客户机曾经报告过，但报告已停止：驱动已加载，但没有程序向其提供数据（Windows：BalloonService 未运行）。</translation>
    </message>
    <message>
        <source>The guest reports its memory.</source>
        <translation>客户机正在报告其内存使用情况。</translation>
    </message>
    <message>
        <source>Not enough information yet.</source>
        <translation>暂无足够信息。</translation>
    </message>
</context>
<context>
    <name>bs::WebConfig</name>
    <message>
        <source>Cannot read the web config %1: %2</source>
        <translation>无法读取 Web 配置 %1：%2</translation>
    </message>
    <message>
        <source>The web config %1: %2</source>
        <translation>Web 配置 %1：%2</translation>
    </message>
    <message>
        <source>the file must be a YAML map.</source>
        <translation>文件必须是 YAML 映射。</translation>
    </message>
    <message>
        <source>basic_auth_users must be a map.</source>
        <translation>basic_auth_users 必须是映射。</translation>
    </message>
    <message>
        <source>basic_auth_users: the password of &quot;%1&quot; must be a bcrypt hash ($2y$…, from htpasswd -nBC 10), not a password.</source>
        <translation>basic_auth_users：“%1”的密码必须是 bcrypt 哈希（$2y$…，由 htpasswd -nBC 10 生成），而不是明文密码。</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>不是有效的 YAML：%1</translation>
    </message>
</context>
<context>
    <name>bs::cli::TerminalCredentials</name>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
</context>
<context>
    <name>bs::gui::AgentOptIn</name>
    <message>
        <source>Use the guest agent?</source>
        <translation>使用客户机代理？</translation>
    </message>
    <message>
        <source>Use the guest agent</source>
        <translation>使用客户机代理</translation>
    </message>
    <message>
        <source>Use the guest agent for readiness checks on %1?</source>
        <translation>在 %1 上使用客户机代理进行就绪检查？</translation>
    </message>
    <message>
        <source>Use the guest agent for readiness checks on every host you add from now on?</source>
        <translation>今后添加的每台宿主机都使用客户机代理进行就绪检查？</translation>
    </message>
</context>
<context>
    <name>bs::gui::AlertNotifier</name>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Critical: %1: %2</source>
        <translation>严重：%1：%2</translation>
    </message>
    <message>
        <source>Warning: %1: %2</source>
        <translation>警告：%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n more alert(s) held back: see the Alerts page.</source>
        <translation>
            <numerusform>另有 %n 条告警被暂缓：请查看“告警”页。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::gui::AlertRulesDialog</name>
    <message>
        <source>Alert rules</source>
        <translation>告警规则</translation>
    </message>
    <message>
        <source>Each rule with its levels, as WARNING:CRITICAL (&quot;-&quot; for none). Sizes take K, M or G; the host&apos;s floor is SIZE/PERCENT%, the larger of the two; swap-in is KiB/s with @SECONDS it must last. The same words as balloonscope-cli check --rule.</source>
        <translation>每条规则及其级别，写作 WARNING:CRITICAL（“-”表示无）。大小可用 K、M 或 G；宿主机下限写作 SIZE/PERCENT%，取两者中较大者；换入速率单位为 KiB/s，@SECONDS 表示须持续的秒数。写法与 balloonscope-cli check --rule 相同。</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>默认：%1</translation>
    </message>
</context>
<context>
    <name>bs::gui::AlertsFeature</name>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <source>Alert (%1): %2: %3</source>
        <translation>告警（%1）：%2：%3</translation>
    </message>
    <message>
        <source>Alert cleared: %1</source>
        <translation>告警解除：%1</translation>
    </message>
    <message>
        <source>Readiness: %1 → %2</source>
        <translation>就绪状态：%1 → %2</translation>
    </message>
</context>
<context>
    <name>bs::gui::AlertsModel</name>
    <message>
        <source>(host)</source>
        <translation>（宿主机）</translation>
    </message>
    <message>
        <source>%1

What to do: %2</source>
        <translation>%1

处理方法：%2</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>开始时间</translation>
    </message>
</context>
<context>
    <name>bs::gui::AlertsPage</name>
    <message>
        <source>Desktop notifications</source>
        <translation>桌面通知</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>规则…</translation>
    </message>
    <message>
        <source>Also show each new warning or critical alert as a desktop notification (one per condition until it clears).</source>
        <translation>把每条新的警告或严重告警也显示为桌面通知（每种情况一条，直到它解除）。</translation>
    </message>
    <message>
        <source>Which rules run, and their warning and critical levels.</source>
        <translation>运行哪些规则，以及它们的警告和严重级别。</translation>
    </message>
    <message>
        <source>No alerts: every rule is satisfied on the watched hosts.</source>
        <translation>没有告警：所监视的宿主机满足所有规则。</translation>
    </message>
    <message>
        <source>%1 critical, %2 warning(s), %3 note(s)</source>
        <translation>%1 项严重，%2 项警告，%3 项提示</translation>
    </message>
    <message>
        <source>Select an alert to see it in full.</source>
        <translation>选择一条告警以查看完整内容。</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>What to do:</source>
        <translation>处理方法：</translation>
    </message>
    <message>
        <source>Turn On Free Page Reporting…</source>
        <translation>开启空闲页报告…</translation>
    </message>
    <message>
        <source>For the selected alerts&apos; guests that lack free page reporting: turn it on from their next boot (Guest → Free page reporting…).</source>
        <translation>对所选告警中缺少空闲页报告的客户机：从它们下次启动起开启（客户机 → 空闲页报告…）。</translation>
    </message>
</context>
<context>
    <name>bs::gui::AutopilotFeature</name>
    <message>
        <source>Autopilot</source>
        <translation>自动驾驶</translation>
    </message>
    <message>
        <source>The host is not watched.</source>
        <translation>未监视该宿主机。</translation>
    </message>
    <message>
        <source>The host is not connected.</source>
        <translation>宿主机未连接。</translation>
    </message>
</context>
<context>
    <name>bs::gui::AutopilotPage</name>
    <message>
        <source>&amp;Dry run: markers only, no change</source>
        <translation>演练(&amp;D)：只记录标记，不做更改</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>Stop and &amp;Give Back</source>
        <translation>停止并归还(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新读取(&amp;R)</translation>
    </message>
    <message>
        <source>Sa&amp;ve Opt-in</source>
        <translation>保存选择加入(&amp;V)</translation>
    </message>
    <message>
        <source>The host&apos;s memory in use to stay under, as a share of its RAM.</source>
        <translation>宿主机已用内存需保持在其下的值，以其内存的比例表示。</translation>
    </message>
    <message>
        <source>Stop at once and give every guest the autopilot manages its maximum back.</source>
        <translation>立即停止，并将自动驾驶管理的每台客户机恢复到最大内存。</translation>
    </message>
    <message>
        <source>Run on this host</source>
        <translation>在此宿主机上运行</translation>
    </message>
    <message>
        <source>&amp;Policy:</source>
        <translation>策略(&amp;P)：</translation>
    </message>
    <message>
        <source>Host &amp;target:</source>
        <translation>宿主机目标(&amp;T)：</translation>
    </message>
    <message>
        <source>Guests that opted in</source>
        <translation>已选择加入的客户机</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Autopilot</source>
        <translation>自动驾驶</translation>
    </message>
    <message>
        <source>Floor (MiB)</source>
        <translation>下限 (MiB)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Latest decisions</source>
        <translation>最近的决策</translation>
    </message>
    <message>
        <source>Choose a host.</source>
        <translation>请选择宿主机。</translation>
    </message>
    <message>
        <source>Off on %1. Nothing moves a balloon until you start it; only guests that opted in are ever touched.</source>
        <translation>%1 上已关闭。启动前不会调整任何气球；只有已选择加入的客户机才会被调整。</translation>
    </message>
    <message>
        <source>Running on %1 as a dry run: each decision becomes a history marker, no balloon moves.</source>
        <translation>正在 %1 上以演练方式运行：每个决策都成为历史标记，不调整任何气球。</translation>
    </message>
    <message>
        <source>Running on %1: balloons of the guests that opted in move, never below their need + headroom or floor.</source>
        <translation>正在 %1 上运行：调整已选择加入的客户机的气球，绝不低于其需求量 + 余量或下限。</translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) opted in.</source>
        <translation>
            <numerusform>%n 台客户机已选择加入。</numerusform>
        </translation>
    </message>
    <message>
        <source>Transient: the opt-in lasts until it stops.</source>
        <translation>临时客户机：选择加入在其停止前有效。</translation>
    </message>
    <message>
        <source>The floor must be a number of MiB, at least 128: not saved.</source>
        <translation>下限必须是以 MiB 为单位的数字，且至少为 128：未保存。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>%1  %2: would set %3 → %4 (%5)</source>
        <translation>%1  %2：本会设为 %3 → %4（%5）</translation>
    </message>
    <message>
        <source>%1  %2: %3 → %4 (%5)</source>
        <translation>%1  %2：%3 → %4（%5）</translation>
    </message>
    <message>
        <source>The opt-in is kept in each guest&apos;s domain XML (its &lt;metadata&gt;), so the recorder and every Balloonscope see the same. A floor left empty is the policy&apos;s.</source>
        <translation>选择加入保存在每台客户机的域 XML（其 &lt;metadata&gt;）中，因此记录器和每个 Balloonscope 看到的都相同。下限留空即采用策略的下限。</translation>
    </message>
    <message>
        <source>Kept over each guest&apos;s need (Balloonscope&apos;s policy and every policy&apos;s guard): more for guests that allocate in large jumps between two polls.</source>
        <translation>在每个客户机的需求量之上保留的余量（Balloonscope 策略及所有策略的保护下限）：在两次轮询之间大幅分配内存的客户机需要更多。</translation>
    </message>
    <message>
        <source>&amp;Headroom:</source>
        <translation>余量(&amp;H)：</translation>
    </message>
</context>
<context>
    <name>bs::gui::BalloonConfirm</name>
    <message>
        <source>Apply anyway</source>
        <translation>仍然应用</translation>
    </message>
</context>
<context>
    <name>bs::gui::BalloonFeature</name>
    <message>
        <source>&amp;Stats period…</source>
        <translation>统计周期(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Balloon target…</source>
        <translation>气球目标(&amp;B)…</translation>
    </message>
    <message>
        <source>Select one or more guests first.</source>
        <translation>请先选择一台或多台客户机。</translation>
    </message>
    <message>
        <source>%1 is not watched any more.</source>
        <translation>%1 已不再被监视。</translation>
    </message>
    <message>
        <source>The connection to %1 is read-only: reconnect with write access to change guests.</source>
        <translation>到 %1 的连接是只读的：请以可写方式重新连接后再修改客户机。</translation>
    </message>
    <message>
        <source>Turn the balloon statistics of the selected guests on or off.</source>
        <translation>开启或关闭所选客户机的气球统计。</translation>
    </message>
    <message>
        <source>Give the selected guest more or less memory through its balloon.</source>
        <translation>通过气球给所选客户机增加或减少内存。</translation>
    </message>
    <message>
        <source>Select exactly one guest to set its balloon target.</source>
        <translation>只选择一台客户机，才能设置其气球目标。</translation>
    </message>
    <message>
        <source>%1 Changes wait until the host answers again.</source>
        <translation>%1 更改须等宿主机再次应答后才能进行。</translation>
    </message>
    <message>
        <source>The Sizing page recommends %1 for this guest.</source>
        <translation>内存规划页为此客户机建议 %1。</translation>
    </message>
    <message>
        <source>&amp;Free page reporting…</source>
        <translation>空闲页报告(&amp;F)…</translation>
    </message>
    <message>
        <source>Turn free page reporting on for the selected guests from their next boot, so that memory they free goes back to the host.</source>
        <translation>为所选客户机开启空闲页报告，从下次启动起生效，让它们释放的内存回到宿主机。</translation>
    </message>
</context>
<context>
    <name>bs::gui::BalloonTargetDialog</name>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Balloon now (actual):</source>
        <translation>当前气球（实际）：</translation>
    </message>
    <message>
        <source>Maximum memory:</source>
        <translation>最大内存：</translation>
    </message>
    <message>
        <source>Used by the guest:</source>
        <translation>客户机已用：</translation>
    </message>
    <message>
        <source>Usable (MemAvailable):</source>
        <translation>可用（MemAvailable）：</translation>
    </message>
    <message>
        <source>Persistent configuration:</source>
        <translation>持久配置：</translation>
    </message>
    <message>
        <source>Apply to:</source>
        <translation>应用于：</translation>
    </message>
    <message>
        <source>The guest could not be read: %1</source>
        <translation>无法读取客户机：%1</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>目标(&amp;T)：</translation>
    </message>
    <message>
        <source>Balloon target of %1 on %2</source>
        <translation>%2 上 %1 的气球目标</translation>
    </message>
    <message>
        <source>The connection to %1 is read-only: the balloon target can be seen here but not changed. To change it, edit the connection (File → Edit Connection…), clear &quot;Read-only&quot; and connect again.</source>
        <translation>到 %1 的连接是只读的：此处可以查看气球目标，但不能修改。如需修改，请编辑连接（文件 → 编辑连接…），取消勾选“只读”后重新连接。</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>persistent</source>
        <translation>持久</translation>
    </message>
    <message>
        <source>transient</source>
        <translation>临时</translation>
    </message>
    <message>
        <source>%1 (not counting its reclaimable cache)</source>
        <translation>%1（不含可回收的缓存）</translation>
    </message>
    <message>
        <source>unknown: no fresh statistics from the guest (is its stats period set?)</source>
        <translation>未知：客户机没有新的统计数据（是否已设置统计周期？）</translation>
    </message>
    <message>
        <source>starts with %1 of at most %2</source>
        <translation>启动时 %1，最多 %2</translation>
    </message>
    <message>
        <source>none (transient guest)</source>
        <translation>无（临时客户机）</translation>
    </message>
    <message>
        <source>Floor %1 (what the guest uses now)</source>
        <translation>下限 %1（客户机当前已用）</translation>
    </message>
    <message>
        <source>Floor %1 (the minimum for any guest)</source>
        <translation>下限 %1（任何客户机的最小值）</translation>
    </message>
    <message>
        <source>a warning below %1 (used + %2 %)</source>
        <translation>低于 %1 时警告（已用 + %2 %）</translation>
    </message>
    <message>
        <source>maximum %1</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <source>Choose where the target applies: the running guest, its persistent configuration, or both.</source>
        <translation>请选择目标应用于何处：运行中的客户机、其持久配置，或两者。</translation>
    </message>
    <message>
        <source>Shrink %1 this far?</source>
        <translation>要把 %1 缩减到这么小吗？</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <source>Result unknown: the connection was closed before the result arrived; check the guest.</source>
        <translation>结果未知：结果返回之前连接已关闭；请检查该客户机。</translation>
    </message>
    <message>
        <source>%1 is no longer watched: nothing more can be changed here.</source>
        <translation>%1 已不再被监视：此处无法再做任何修改。</translation>
    </message>
    <message>
        <source>The change is being applied: its result comes first, then the dialog can close.</source>
        <translation>正在应用修改：需先等到结果，然后才能关闭对话框。</translation>
    </message>
</context>
<context>
    <name>bs::gui::ChartExportDialog</name>
    <message>
        <source>Export Chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>PDF page (A4 landscape)</source>
        <translation>PDF 页面（A4 横向）</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Fonts and lines are sized for this resolution: at 144 dpi a 1600 px wide chart prints 28 cm wide with 8 pt labels.</source>
        <translation>字体和线条按此分辨率确定大小：在 144 dpi 下，1600 像素宽的图表打印出来宽 28 厘米，标签为 8 磅。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>Resolution (dpi):</source>
        <translation>分辨率（dpi）：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
</context>
<context>
    <name>bs::gui::ChecklistModel</name>
    <message>
        <source>guest agent</source>
        <translation>客户机代理</translation>
    </message>
    <message>
        <source>host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>Asked through the QEMU guest agent (opt-in per host).</source>
        <translation>通过 QEMU 客户机代理查询（按宿主机选择开启）。</translation>
    </message>
    <message>
        <source>Seen from the host, without the guest&apos;s help.</source>
        <translation>从宿主机上看到，无需客户机配合。</translation>
    </message>
    <message>
        <source>The verdict rests on this check.</source>
        <translation>结论取决于此项检查。</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>What was seen</source>
        <translation>观察到的情况</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
</context>
<context>
    <name>bs::gui::CommandBox</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the commands to the clipboard.</source>
        <translation>将命令复制到剪贴板。</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
</context>
<context>
    <name>bs::gui::ConnectionActions</name>
    <message>
        <source>&amp;New Connection…</source>
        <translation>新建连接(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit Connection…</source>
        <translation>编辑连接(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove Connection</source>
        <translation>删除连接(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Stop watching %1 and forget this connection?</source>
        <translation>停止监控 %1 并删除此连接？</translation>
    </message>
</context>
<context>
    <name>bs::gui::ConnectionDialog</name>
    <message>
        <source>Connect to the user&apos;s session daemon (/session)</source>
        <translation>连接到用户会话守护进程（/session）</translation>
    </message>
    <message>
        <source>Read-only (monitor only; changes are disabled)</source>
        <translation>只读（仅监控；禁止修改）</translation>
    </message>
    <message>
        <source>Connect when Balloonscope starts</source>
        <translation>Balloonscope 启动时自动连接</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>This machine: system (qemu:///system)</source>
        <translation>本机：系统（qemu:///system）</translation>
    </message>
    <message>
        <source>This machine: session (qemu:///session)</source>
        <translation>本机：会话（qemu:///session）</translation>
    </message>
    <message>
        <source>Remote host over SSH</source>
        <translation>通过 SSH 连接远程宿主机</translation>
    </message>
    <message>
        <source>libvirt test driver (test:///default)</source>
        <translation>libvirt 测试驱动（test:///default）</translation>
    </message>
    <message>
        <source>Custom URI</source>
        <translation>自定义 URI</translation>
    </message>
    <message>
        <source>Nothing else to fill in.</source>
        <translation>无需填写其他内容。</translation>
    </message>
    <message>
        <source>root</source>
        <translation>root</translation>
    </message>
    <message>
        <source>kvm1.example.com</source>
        <translation>kvm1.example.com</translation>
    </message>
    <message>
        <source>default (22)</source>
        <translation>默认（22）</translation>
    </message>
    <message>
        <source>optional, e.g. ~/.ssh/id_ed25519</source>
        <translation>可选，例如 ~/.ssh/id_ed25519</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>SSH &amp;key file:</source>
        <translation>SSH 密钥文件(&amp;K)：</translation>
    </message>
    <message>
        <source>OpenSSH (your ssh keys, agent and config)</source>
        <translation>OpenSSH（使用您的 ssh 密钥、代理和配置）</translation>
    </message>
    <message>
        <source>Built-in (asks for passwords and host keys here)</source>
        <translation>内置客户端（在此询问密码和主机密钥）</translation>
    </message>
    <message>
        <source>OpenSSH needs key or agent authentication and a known host key. The built-in client (libssh) asks for passwords, key passphrases and unknown host keys in Balloonscope.</source>
        <translation>OpenSSH 需要密钥或代理认证，并且主机密钥必须已知。内置客户端（libssh）会在 Balloonscope 中询问密码、密钥口令以及未知的主机密钥。</translation>
    </message>
    <message>
        <source>&amp;URI:</source>
        <translation>&amp;URI：</translation>
    </message>
    <message>
        <source>Edit URI</source>
        <translation>编辑 URI</translation>
    </message>
    <message>
        <source>Edit the URI by hand (switches to &quot;Custom URI&quot;)</source>
        <translation>手动编辑 URI（切换到“自定义 URI”）</translation>
    </message>
    <message>
        <source>&amp;Connect to:</source>
        <translation>连接到(&amp;C)：</translation>
    </message>
    <message>
        <source>Resulting URI:</source>
        <translation>生成的 URI：</translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation>SSH 私钥</translation>
    </message>
    <message>
        <source>SSH c&amp;lient:</source>
        <translation>SSH 客户端(&amp;L)：</translation>
    </message>
    <message>
        <source>Read each guest&apos;s swap and memory pressure over SSH</source>
        <translation>通过 SSH 读取每个客户机的交换和内存压力</translation>
    </message>
    <message>
        <source>What It Runs…</source>
        <translation>会运行什么…</translation>
    </message>
    <message>
        <source>At every poll, runs one fixed read-only command with the same SSH access: it reads the QEMU processes&apos; swap (VmSwap) and their cgroup&apos;s memory pressure (PSI). Needs key or agent authentication.</source>
        <translation>每次轮询时，用同一 SSH 访问运行一条固定的只读命令：读取 QEMU 进程的交换（VmSwap）及其 cgroup 的内存压力（PSI）。需要密钥或 agent 认证。</translation>
    </message>
    <message>
        <source>Swap and Memory Pressure over SSH</source>
        <translation>通过 SSH 读取交换和内存压力</translation>
    </message>
    <message>
        <source>With this on, Balloonscope runs at every poll, through OpenSSH with the connection&apos;s user, host, port and key (BatchMode: it never asks for a password):</source>
        <translation>开启后，Balloonscope 每次轮询时通过 OpenSSH，使用连接的用户、主机、端口和密钥运行（BatchMode：从不询问密码）：</translation>
    </message>
    <message>
        <source>ssh HOST exec sh -c &apos;…&apos;

The command (below) only reads: for each QEMU process, its -uuid argument, the VmSwap line of /proc/PID/status, /proc/PID/cgroup, and the memory.pressure file of the guest&apos;s cgroup. It changes nothing on the host.</source>
        <translation>ssh HOST exec sh -c &apos;…&apos;

该命令（见下方）只读取：每个 QEMU 进程的 -uuid 参数、/proc/PID/status 中的 VmSwap 行、/proc/PID/cgroup，以及客户机 cgroup 的 memory.pressure 文件。它不会更改宿主机上的任何内容。</translation>
    </message>
</context>
<context>
    <name>bs::gui::Connections</name>
    <message>
        <source>Starting the demo host…</source>
        <translation>正在启动演示宿主机…</translation>
    </message>
    <message>
        <source>Demo host: %1 (%2 of %3)</source>
        <translation>演示宿主机：%1（%2/%3）</translation>
    </message>
    <message>
        <source>Demo host: %1</source>
        <translation>演示宿主机：%1</translation>
    </message>
    <message>
        <source>The demo host is not available: %1 Showing the libvirt test driver instead.</source>
        <translation>演示宿主机不可用：%1 改为显示 libvirt 测试驱动。</translation>
    </message>
    <message>
        <source>embedded QEMU</source>
        <translation>内嵌 QEMU</translation>
    </message>
</context>
<context>
    <name>bs::gui::CredentialDialog</name>
    <message>
        <source>Unknown host key</source>
        <translation>未知的主机密钥</translation>
    </message>
    <message>
        <source>&lt;p&gt;Balloonscope has never seen the SSH key of &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Key fingerprint:&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Accept it only if it matches the host&apos;s own key (on the host: &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt;). An accepted key is added to your known hosts.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Balloonscope 从未见过 &lt;b&gt;%1&lt;/b&gt; 的 SSH 密钥。&lt;/p&gt;&lt;p&gt;密钥指纹：&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;仅当它与该主机自身的密钥一致时才接受（在该主机上运行：&lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt;）。接受的密钥会加入您的已知主机列表。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Accept key</source>
        <translation>接受密钥</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Credentials for %1</source>
        <translation>%1 的凭据</translation>
    </message>
    <message>
        <source>The host &lt;b&gt;%1&lt;/b&gt; asks for the following to connect.</source>
        <translation>宿主机 &lt;b&gt;%1&lt;/b&gt; 需要以下信息才能连接。</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Remember in the desktop keyring</source>
        <translation>保存到桌面密钥环</translation>
    </message>
    <message>
        <source>No desktop keyring is available.</source>
        <translation>没有可用的桌面密钥环。</translation>
    </message>
</context>
<context>
    <name>bs::gui::EnvelopeChart</name>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Memory (%1)</source>
        <translation>内存（%1）</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Share of time (%)</source>
        <translation>时间占比（%）</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>bs::gui::EventMarkers</name>
    <message>
        <source>target %1</source>
        <translation>气球目标 %1</translation>
    </message>
    <message>
        <source>target</source>
        <translation>气球目标</translation>
    </message>
    <message>
        <source>stats every %1 s</source>
        <translation>统计周期 %1 秒</translation>
    </message>
    <message>
        <source>stats off</source>
        <translation>统计关闭</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>开始记录</translation>
    </message>
    <message>
        <source>not recording</source>
        <translation>停止记录</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1  %2: %3</source>
        <translation>%1  %2：%3</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 个事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::gui::FreePageReportingDialog</name>
    <message>
        <source>Also turn on autodeflate (under memory pressure the guest may take balloon pages back)</source>
        <translation>同时开启自动放气（内存紧张时客户机可以取回气球页）</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Free Page Reporting — %1</source>
        <translation>空闲页报告 — %1</translation>
    </message>
    <message>
        <source>Without free page reporting, every page a guest ever touched stays with it on the host, however much it frees. This turns it on in each guest&apos;s persistent configuration: only the &lt;memballoon&gt; line below changes, and it takes effect after the guest&apos;s next shutdown and start.</source>
        <translation>没有空闲页报告时，客户机曾经用过的每一页都一直在宿主机上归它占用，无论它释放了多少。此操作在每台客户机的持久配置中开启它：只有下面的 &lt;memballoon&gt; 行会改变，并在客户机下次关机并启动后生效。</translation>
    </message>
    <message>
        <source>Reading the guests…</source>
        <translation>正在读取客户机…</translation>
    </message>
    <message>
        <source>Not possible: %1</source>
        <translation>无法执行：%1</translation>
    </message>
    <message>
        <source>The guests could not be read: %1</source>
        <translation>无法读取客户机：%1</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1：%2 — %3</translation>
    </message>
    <message>
        <source>%1 changed, %2 failed. It takes effect after each guest&apos;s next shutdown and start.</source>
        <translation>%1 项已更改，%2 项失败。在每台客户机下次关机并启动后生效。</translation>
    </message>
</context>
<context>
    <name>bs::gui::GuestColumns</name>
    <message>
        <source>Reset Columns</source>
        <translation>重置列</translation>
    </message>
    <message>
        <source>Show the default columns at widths that fit the table.</source>
        <translation>显示默认的列，列宽调整到适合表格。</translation>
    </message>
</context>
<context>
    <name>bs::gui::GuestPanel</name>
    <message>
        <source>Filter guests by name, host, state, stats or readiness (Ctrl+F)</source>
        <translation>按名称、宿主机、状态、统计或就绪情况筛选客户机（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>bs::gui::GuestPicker</name>
    <message>
        <source>Guests to compare</source>
        <translation>要比较的客户机</translation>
    </message>
    <message>
        <source>Tick the guests to chart together; the guest table&apos;s selection picks them too.</source>
        <translation>勾选要在同一图表中比较的客户机；在客户机表格中选择也会勾选它们。</translation>
    </message>
    <message>
        <source>%1
UUID %2</source>
        <translation>%1
UUID %2</translation>
    </message>
</context>
<context>
    <name>bs::gui::GuestTableModel</name>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Used = available − unused (Linux: MemTotal − MemFree, page cache counts as used).</source>
        <translation>已用 = 可见总量 − 空闲（Linux：MemTotal − MemFree，页缓存计为已用）。</translation>
    </message>
    <message>
        <source>Usable: what the guest could still use without swapping (Linux: MemAvailable).</source>
        <translation>可用：客户机无需换页仍可使用的内存（Linux：MemAvailable）。</translation>
    </message>
    <message>
        <source>Actual: the balloon size, what the host currently gives the guest.</source>
        <translation>实际：气球大小，即宿主机当前分配给客户机的内存。</translation>
    </message>
    <message>
        <source>RSS: the QEMU process&apos;s resident memory on the host.</source>
        <translation>RSS：QEMU 进程在宿主机上的常驻内存。</translation>
    </message>
    <message>
        <source>Used as a share of the memory the guest sees (available).</source>
        <translation>已用内存占客户机可见内存（可见总量）的比例。</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>Usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>Used %</source>
        <translation>已用 %</translation>
    </message>
    <message>
        <source>Stats</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>就绪情况</translation>
    </message>
    <message>
        <source>Last report</source>
        <translation>上次报告</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>于 %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>bs::gui::GuestsPage</name>
    <message>
        <source>&lt;b&gt;%1:&lt;/b&gt; %2 Only host-side figures (actual, RSS) are charted.</source>
        <translation>&lt;b&gt;%1：&lt;/b&gt;%2 图中仅绘制宿主机侧的数据（实际、RSS）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; The chart ends with the last figures received.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 图表止于最后收到的数据。</translation>
    </message>
</context>
<context>
    <name>bs::gui::GuiCredentialProvider</name>
    <message>
        <source>Could not store the answer in the desktop keyring: %1</source>
        <translation>无法将回答保存到桌面密钥环：%1</translation>
    </message>
</context>
<context>
    <name>bs::gui::HistoryBanner</name>
    <message>
        <source>Details…</source>
        <translation>详细信息…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>bs::gui::HistoryChartData</name>
    <message>
        <source>Host total (node info)</source>
        <translation>宿主机总内存（节点信息）</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>raw polls</source>
        <translation>原始采样</translation>
    </message>
    <message>
        <source>1-minute roll-ups</source>
        <translation>1 分钟汇总</translation>
    </message>
    <message>
        <source>1-hour roll-ups</source>
        <translation>1 小时汇总</translation>
    </message>
    <message>
        <source>Resolution: %1 (%2)</source>
        <translation>分辨率：%1（%2）</translation>
    </message>
    <message>
        <source>from the server</source>
        <translation>来自服务器</translation>
    </message>
</context>
<context>
    <name>bs::gui::HistoryFeature</name>
    <message>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Chart the selected guests&apos; recorded memory over any range.</source>
        <translation>以图表显示所选客户机在任意时间范围内记录的内存。</translation>
    </message>
</context>
<context>
    <name>bs::gui::HistoryPage</name>
    <message>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>Tick one or more guests to chart them.</source>
        <translation>勾选一台或多台客户机以显示其图表。</translation>
    </message>
    <message>
        <source>No host figures recorded in this range.</source>
        <translation>此范围内没有记录宿主机数据。</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>宿主机：%1</translation>
    </message>
    <message>
        <source>No %1 recorded for these guests in this range.</source>
        <translation>此范围内没有这些客户机的“%1”记录。</translation>
    </message>
    <message>
        <source>Host memory</source>
        <translation>宿主机内存</translation>
    </message>
    <message>
        <source>The server holds no Balloonscope figures: is it scraping a recorder&apos;s /metrics?</source>
        <translation>服务器中没有 Balloonscope 数据：它是否在抓取记录器的 /metrics？</translation>
    </message>
    <message>
        <source>Host: %1 (from %2)</source>
        <translation>主机：%1（来自 %2）</translation>
    </message>
</context>
<context>
    <name>bs::gui::HistoryPressureLane</name>
    <message>
        <source>Pressure</source>
        <translation>压力</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pressure of %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 的压力&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tick a guest: the first one ticked gets its pressure drawn here.</source>
        <translation>勾选一个客户机：第一个勾选的客户机的压力绘制在这里。</translation>
    </message>
    <message>
        <source>No swap, major-fault or memory-pressure figures recorded for this guest in this range.</source>
        <translation>此范围内没有记录该客户机的交换、主缺页或内存压力数据。</translation>
    </message>
    <message>
        <source>No memory pressure (PSI) recorded: the host&apos;s PSI of a guest is read on local hosts and on SSH hosts that allow it.</source>
        <translation>没有记录内存压力（PSI）：客户机的宿主机 PSI 只在本地宿主机和允许读取的 SSH 宿主机上读取。</translation>
    </message>
</context>
<context>
    <name>bs::gui::HistoryServerDialog</name>
    <message>
        <source>&amp;Test</source>
        <translation>测试(&amp;T)</translation>
    </message>
    <message>
        <source>History Server</source>
        <translation>历史服务器</translation>
    </message>
    <message>
        <source>A Prometheus-compatible server (Prometheus, VictoriaMetrics, Thanos, Mimir) that scrapes the /metrics of &quot;balloonscope-cli record --listen&quot; on your hypervisors. The History page then charts any guest it holds.</source>
        <translation>一台 Prometheus 兼容服务器（Prometheus、VictoriaMetrics、Thanos、Mimir），抓取各虚拟化主机上“balloonscope-cli record --listen”的 /metrics。之后“历史”页即可绘制其中任何客户机的图表。</translation>
    </message>
    <message>
        <source>Lab Prometheus</source>
        <translation>实验室 Prometheus</translation>
    </message>
    <message>
        <source>Only for a server behind basic auth</source>
        <translation>仅用于需要基本认证的服务器</translation>
    </message>
    <message>
        <source>Kept in the desktop keyring</source>
        <translation>保存在桌面密钥环中</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>URL(&amp;U)：</translation>
    </message>
    <message>
        <source>U&amp;ser:</source>
        <translation>用户(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>The URL must start with http:// or https:// and name a host.</source>
        <translation>URL 必须以 http:// 或 https:// 开头并包含主机名。</translation>
    </message>
    <message>
        <source>Asking %1…</source>
        <translation>正在询问 %1…</translation>
    </message>
    <message>
        <source>The server answers, but holds no Balloonscope figures yet: is it scraping a recorder&apos;s /metrics?</source>
        <translation>服务器有应答，但还没有 Balloonscope 数据：它是否在抓取记录器的 /metrics？</translation>
    </message>
    <message>
        <source>The server answers: %1 and %2.</source>
        <translation>服务器有应答：%1，%2。</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s)</source>
        <translation>
            <numerusform>%n 台主机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s)</source>
        <translation>
            <numerusform>%n 个客户机</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::gui::HistoryService</name>
    <message numerus="yes">
        <source>%n poll(s) not recorded so far.</source>
        <translation>
            <numerusform>目前已有 %n 次采样未被记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>History: recording paused (disk full)</source>
        <translation>历史：记录已暂停（磁盘已满）</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>History: read-only</source>
        <translation>历史：只读</translation>
    </message>
    <message>
        <source>The history cannot be used: %1</source>
        <translation>无法使用历史记录：%1</translation>
    </message>
    <message>
        <source>History: not available</source>
        <translation>历史：不可用</translation>
    </message>
    <message>
        <source>The history file was damaged or was not a history database. It was moved aside to %1 and a new, empty history was started.</source>
        <translation>历史文件已损坏，或不是历史数据库。它已被移至 %1，并开始了一份新的空历史记录。</translation>
    </message>
    <message>
        <source>History: damaged file moved aside</source>
        <translation>历史：损坏的文件已移走</translation>
    </message>
    <message>
        <source>%1 is recorded by a running %2. This window shows its history and does not record it a second time.</source>
        <translation>%1 正由运行中的 %2 记录。本窗口显示其历史，但不会重复记录。</translation>
    </message>
    <message>
        <source>History: %1 recorded by pid %2</source>
        <translation>历史：%1 由 pid %2 记录</translation>
    </message>
    <message>
        <source>Writing the history failed: %1</source>
        <translation>写入历史记录失败：%1</translation>
    </message>
    <message>
        <source>History: a write failed</source>
        <translation>历史记录：写入失败</translation>
    </message>
    <message>
        <source>The history could not be read: %1 The charts show the figures read before; they are read again with the next poll or change of range.</source>
        <translation>无法读取历史记录：%1 图表显示的是之前读取的数据；下次轮询或更改时间范围时会重新读取。</translation>
    </message>
    <message>
        <source>History: a read failed</source>
        <translation>历史记录：读取失败</translation>
    </message>
</context>
<context>
    <name>bs::gui::HistorySourceBar</name>
    <message>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <source>History &amp;from:</source>
        <translation>历史来源(&amp;F)：</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Add, edit or remove the Prometheus-compatible servers the history can be read from</source>
        <translation>添加、编辑或删除可读取历史的 Prometheus 兼容服务器</translation>
    </message>
    <message>
        <source>&amp;Add Server…</source>
        <translation>添加服务器(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit Server…</source>
        <translation>编辑服务器(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove Server</source>
        <translation>删除服务器(&amp;R)</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>The history this computer recorded</source>
        <translation>本机记录的历史</translation>
    </message>
    <message>
        <source>(no host recorded)</source>
        <translation>（没有记录的主机）</translation>
    </message>
</context>
<context>
    <name>bs::gui::HostFreshness</name>
    <message>
        <source>No answer from %1 since %2.</source>
        <translation>自 %2 起 %1 无应答。</translation>
    </message>
    <message>
        <source>No answer from %1 since %2 (%3).</source>
        <translation>自 %2 起 %1 无应答（%3）。</translation>
    </message>
    <message>
        <source>No answer from %1 yet (%2).</source>
        <translation>%1 尚无应答（%2）。</translation>
    </message>
    <message>
        <source>as of %1, host not answering</source>
        <translation>截至 %1，宿主机无应答</translation>
    </message>
    <message>
        <source>host not answering</source>
        <translation>宿主机无应答</translation>
    </message>
    <message>
        <source>as of %1</source>
        <translation>截至 %1</translation>
    </message>
</context>
<context>
    <name>bs::gui::HostListModel</name>
    <message>
        <source>%1 [Demo]</source>
        <translation>%1 [演示]</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n guest(s)</source>
        <translation>
            <numerusform>%1 — %n 台客户机</numerusform>
        </translation>
    </message>
    <message>
        <source>Host name: %1</source>
        <translation>主机名：%1</translation>
    </message>
    <message>
        <source>Read-only connection</source>
        <translation>只读连接</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>bs::gui::HostOverviewPage</name>
    <message>
        <source>Advice</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Host memory</source>
        <translation>宿主机内存</translation>
    </message>
    <message>
        <source>Guests against the host (overcommit)</source>
        <translation>客户机与宿主机对比（超配）</translation>
    </message>
    <message>
        <source>Guests&apos; maximum memory:</source>
        <translation>客户机最大内存：</translation>
    </message>
    <message>
        <source>Guests&apos; current allocation (actual) and what they use:</source>
        <translation>客户机当前分配（实际）及其已用：</translation>
    </message>
    <message>
        <source>KSM (kernel same-page merging)</source>
        <translation>KSM（内核同页合并）</translation>
    </message>
    <message>
        <source>Huge pages</source>
        <translation>大页</translation>
    </message>
    <message>
        <source>NUMA cell</source>
        <translation>NUMA 节点</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>页大小</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>No host selected</source>
        <translation>未选择宿主机</translation>
    </message>
    <message>
        <source>Select a host on the left.</source>
        <translation>请在左侧选择一台宿主机。</translation>
    </message>
    <message>
        <source>Waiting for the host&apos;s figures…</source>
        <translation>正在等待宿主机的数据…</translation>
    </message>
    <message>
        <source>%1 · updated %2</source>
        <translation>%1 · 更新于 %2</translation>
    </message>
    <message>
        <source>used %1</source>
        <translation>已用 %1</translation>
    </message>
    <message>
        <source>buffers/cache %1</source>
        <translation>缓冲/缓存 %1</translation>
    </message>
    <message>
        <source>free %1</source>
        <translation>空闲 %1</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>总计：</translation>
    </message>
    <message>
        <source>Free:</source>
        <translation>空闲：</translation>
    </message>
    <message>
        <source>Buffers:</source>
        <translation>缓冲：</translation>
    </message>
    <message>
        <source>Cached:</source>
        <translation>缓存：</translation>
    </message>
    <message>
        <source>Free incl. buffers and cache:</source>
        <translation>空闲（含缓冲和缓存）：</translation>
    </message>
    <message>
        <source>Σ maximum %1 (%2 of the host)</source>
        <translation>Σ 最大内存 %1（宿主机的 %2）</translation>
    </message>
    <message>
        <source>Σ used %1</source>
        <translation>Σ 已用 %1</translation>
    </message>
    <message>
        <source>Σ actual %1</source>
        <translation>Σ 实际 %1</translation>
    </message>
    <message>
        <source>Σ maximum (running guests):</source>
        <translation>Σ 最大内存（运行中的客户机）：</translation>
    </message>
    <message>
        <source>%1 = %2 of the host</source>
        <translation>%1 = 宿主机的 %2</translation>
    </message>
    <message>
        <source>Σ maximum (all defined guests):</source>
        <translation>Σ 最大内存（所有已定义的客户机）：</translation>
    </message>
    <message>
        <source>Σ actual:</source>
        <translation>Σ 实际：</translation>
    </message>
    <message>
        <source>Σ used (reporting guests):</source>
        <translation>Σ 已用（正在报告的客户机）：</translation>
    </message>
    <message>
        <source>%1 = %2 of the host, %3 of what those guests have</source>
        <translation>%1 = 宿主机的 %2，这些客户机自身内存的 %3</translation>
    </message>
    <message>
        <source>Only guests whose balloon driver reports count here.</source>
        <translation>此处仅计入气球驱动正在报告的客户机。</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Memory saved:</source>
        <translation>节省的内存：</translation>
    </message>
    <message>
        <source>%1 (%2 pages sharing)</source>
        <translation>%1（%2 个共享映射页）</translation>
    </message>
    <message>
        <source>Sharing ratio:</source>
        <translation>共享比：</translation>
    </message>
    <message>
        <source>%1 mappings per shared page</source>
        <translation>每个共享页 %1 个映射</translation>
    </message>
    <message>
        <source>Pages shared / unshared / volatile:</source>
        <translation>共享 / 未共享 / 易变页数：</translation>
    </message>
    <message>
        <source>Full scans:</source>
        <translation>完整扫描次数：</translation>
    </message>
    <message>
        <source>Scan rate:</source>
        <translation>扫描速率：</translation>
    </message>
    <message>
        <source>%1 pages every %2 ms</source>
        <translation>每 %2 毫秒 %1 页</translation>
    </message>
    <message>
        <source>inconsistent</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>No guest is backed by huge pages.</source>
        <translation>没有客户机使用大页。</translation>
    </message>
    <message>
        <source>Guests backed by huge pages: %1</source>
        <translation>使用大页的客户机：%1</translation>
    </message>
    <message>
        <source>Free huge pages: %1.</source>
        <translation>空闲大页：%1。</translation>
    </message>
    <message>
        <source>Nothing to point out.</source>
        <translation>暂无需要提示的内容。</translation>
    </message>
    <message>
        <source>Check their readiness…</source>
        <translation>检查它们的就绪状态…</translation>
    </message>
</context>
<context>
    <name>bs::gui::HostPanel</name>
    <message>
        <source>No host yet. &lt;a href=&quot;add&quot;&gt;Add a connection…&lt;/a&gt;</source>
        <translation>尚无宿主机。&lt;a href=&quot;add&quot;&gt;添加连接…&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>bs::gui::LiveChart</name>
    <message>
        <source>Window:</source>
        <translation>时间窗口：</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 小时</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Memory of %1</source>
        <translation>%1 的内存</translation>
    </message>
    <message>
        <source>Select a guest to chart its memory</source>
        <translation>选择一台客户机以绘制其内存曲线</translation>
    </message>
    <message>
        <source>Memory (%1)</source>
        <translation>内存（%1）</translation>
    </message>
</context>
<context>
    <name>bs::gui::MainWindow</name>
    <message>
        <source>Balloonscope</source>
        <translation>Balloonscope</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find Guest</source>
        <translation>查找客户机(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;About Balloonscope</source>
        <translation>关于 Balloonscope(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Guest</source>
        <translation>客户机(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Poll every </source>
        <translation>轮询间隔 </translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>How often each host is asked for its guests&apos; statistics (1–3600 s).</source>
        <translation>向每台宿主机查询客户机统计信息的频率（1–3600 秒）。</translation>
    </message>
    <message>
        <source>About Balloonscope</source>
        <translation>关于 Balloonscope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Balloonscope %1&lt;/h3&gt;&lt;p&gt;Shows what the guests on KVM/libvirt hosts really do with their memory, from the virtio-balloon statistics.&lt;/p&gt;&lt;p&gt;Qt %2 · libvirt %3 · QCustomPlot %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Balloonscope %1&lt;/h3&gt;&lt;p&gt;根据 virtio-balloon 统计信息，显示 KVM/libvirt 宿主机上的客户机实际如何使用内存。&lt;/p&gt;&lt;p&gt;Qt %2 · libvirt %3 · QCustomPlot %4&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n host(s) connected</source>
        <translation>
            <numerusform>已连接 %1/%n 台宿主机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n guest(s)</source>
        <translation>
            <numerusform>，%n 台客户机</numerusform>
        </translation>
    </message>
    <message>
        <source> · last poll %1</source>
        <translation> · 上次轮询 %1</translation>
    </message>
</context>
<context>
    <name>bs::gui::NeedChart</name>
    <message>
        <source>Select a guest to chart its need.</source>
        <translation>选择一台客户机以绘制其需求量。</translation>
    </message>
    <message>
        <source>Need (highest per bucket)</source>
        <translation>需求量（每个区间的最大值）</translation>
    </message>
    <message>
        <source>P%1 of the need</source>
        <translation>需求量的 P%1</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>建议值</translation>
    </message>
    <message>
        <source>Balloon now</source>
        <translation>当前气球大小</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大内存</translation>
    </message>
</context>
<context>
    <name>bs::gui::NextBootDialog</name>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Memory for the Next Boot — %1</source>
        <translation>下次启动的内存 — %1</translation>
    </message>
    <message>
        <source>Each guest below starts with its recommended memory from its next shutdown and start. libvirt writes the persistent configuration: only these lines change.</source>
        <translation>下列每台客户机从下次关机并启动起以建议的内存启动。由 libvirt 写入持久配置：只有以下几行会改变。</translation>
    </message>
    <message>
        <source>Reading the guests…</source>
        <translation>正在读取客户机…</translation>
    </message>
    <message>
        <source>Not possible: %1</source>
        <translation>无法执行：%1</translation>
    </message>
    <message>
        <source>The guests could not be read: %1</source>
        <translation>无法读取客户机：%1</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1：%2 — %3</translation>
    </message>
    <message>
        <source>%1 changed, %2 unchanged, %3 failed. The guests start with it after their next shutdown and start.</source>
        <translation>%1 台已更改，%2 台无变化，%3 台失败。客户机在下次关机并启动后以此内存启动。</translation>
    </message>
</context>
<context>
    <name>bs::gui::PeriodChooser</name>
    <message>
        <source>&amp;Every</source>
        <translation>每隔(&amp;E)</translation>
    </message>
    <message>
        <source>O&amp;ff: stop the statistics</source>
        <translation>关闭(&amp;F)：停止统计</translation>
    </message>
    <message>
        <source>Seconds between two reports of the guest&apos;s balloon driver, 1 to 3600. Short periods show changes sooner and cost the guest a little more.</source>
        <translation>客户机气球驱动两次报告之间的秒数，1 到 3600。周期越短，变化显示得越快，客户机的开销也略高。</translation>
    </message>
    <message>
        <source>seconds (1–3600)</source>
        <translation>秒（1–3600）</translation>
    </message>
    <message>
        <source>Removes the stats period: the guest stops reporting its memory use and Balloonscope only sees the host&apos;s figures.</source>
        <translation>移除统计周期：客户机不再报告其内存使用，Balloonscope 只能看到宿主机侧的数据。</translation>
    </message>
    <message>
        <source>To turn the statistics off, choose &quot;Off&quot;.</source>
        <translation>如需关闭统计，请选择“关闭”。</translation>
    </message>
</context>
<context>
    <name>bs::gui::PlanText</name>
    <message>
        <source>Will set the %1</source>
        <translation>将设置%1</translation>
    </message>
    <message>
        <source>Not possible live: %1</source>
        <translation>无法在运行中修改：%1</translation>
    </message>
    <message>
        <source>Not possible in the persistent configuration: %1</source>
        <translation>无法在持久配置中修改：%1</translation>
    </message>
    <message>
        <source>Not possible: %1</source>
        <translation>无法执行：%1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>无需修改。</translation>
    </message>
    <message>
        <source>Not everything asked for was possible: see &quot;What applying does&quot;.</source>
        <translation>并非所有请求的修改都能执行：见“应用后的效果”。</translation>
    </message>
    <message>
        <source>Not flowing: %1</source>
        <translation>统计数据未到达：%1</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 台已修改</translation>
    </message>
    <message>
        <source>%1 unchanged</source>
        <translation>%1 台未改变</translation>
    </message>
    <message>
        <source>%1 PARTLY changed</source>
        <translation>%1 台仅部分修改</translation>
    </message>
    <message>
        <source>%1 FAILED</source>
        <translation>%1 台失败</translation>
    </message>
    <message>
        <source>Finished: %1.</source>
        <translation>完成：%1。</translation>
    </message>
    <message>
        <source>Stopped before the remaining guests.</source>
        <translation>已在处理其余客户机之前停止。</translation>
    </message>
    <message>
        <source>See the Result column for what was not done, and why.</source>
        <translation>未完成的内容及原因见“结果”列。</translation>
    </message>
</context>
<context>
    <name>bs::gui::PoliciesFeature</name>
    <message>
        <source>Policies</source>
        <translation>策略</translation>
    </message>
</context>
<context>
    <name>bs::gui::PoliciesPage</name>
    <message>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <source>&amp;Guest:</source>
        <translation>客户机(&amp;G)：</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Most below its need</source>
        <translation>最多低于需求量</translation>
    </message>
    <message>
        <source>Choose a host.</source>
        <translation>请选择宿主机。</translation>
    </message>
    <message>
        <source>Run a replay to see it here.</source>
        <translation>运行回放后在此查看。</translation>
    </message>
    <message>
        <source>Tick at least one policy to replay.</source>
        <translation>请至少勾选一个要回放的策略。</translation>
    </message>
    <message>
        <source>Reading the history of %1…</source>
        <translation>正在读取 %1 的历史记录…</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>无法读取历史记录：%1</translation>
    </message>
    <message>
        <source>Replaying…</source>
        <translation>正在回放…</translation>
    </message>
    <message>
        <source>Nothing was recorded of %1 in this range.</source>
        <translation>此时间范围内没有 %1 的记录。</translation>
    </message>
    <message>
        <source>Nothing recorded in this range.</source>
        <translation>此时间范围内没有记录。</translation>
    </message>
    <message>
        <source>%1, %2 to %3, in buckets of %4 s. Open-loop: the guests&apos; need is taken as recorded; under another balloon they would have behaved differently.</source>
        <translation>%1，%2 至 %3，每个区间 %4 秒。开环：客户机的需求量按记录取值；在另一种气球大小下，它们的表现会有所不同。</translation>
    </message>
    <message>
        <source>%1 of %2 buckets have no host figures: nothing was evaluated there.</source>
        <translation>%2 个区间中有 %1 个没有宿主机数据：这些区间未作评估。</translation>
    </message>
</context>
<context>
    <name>bs::gui::PolicyBar</name>
    <message>
        <source>Policy:</source>
        <translation>策略：</translation>
    </message>
    <message>
        <source>Conservative: P99 + 20 % over 30 days. Balanced: P95 + 15 % over 14 days. Aggressive: P90 + 10 % over 7 days.</source>
        <translation>保守：30 天内 P99 + 20 %。均衡：14 天内 P95 + 15 %。激进：7 天内 P90 + 10 %。</translation>
    </message>
    <message>
        <source>Percentile:</source>
        <translation>百分位：</translation>
    </message>
    <message>
        <source>Headroom:</source>
        <translation>余量：</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>时间窗口：</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Floor:</source>
        <translation>下限：</translation>
    </message>
    <message>
        <source>Never recommend less than this.</source>
        <translation>建议值不低于此值。</translation>
    </message>
</context>
<context>
    <name>bs::gui::PreferencesDialog</name>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Run guest-agent checks by default on new hosts</source>
        <translation>对新宿主机默认运行客户机代理检查</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <source>How often each host is asked for its guests&apos; statistics.</source>
        <translation>向每台宿主机查询客户机统计信息的频率。</translation>
    </message>
    <message>
        <source>Poll every:</source>
        <translation>轮询间隔：</translation>
    </message>
    <message>
        <source>The stats period the stats-period dialog proposes for guests.</source>
        <translation>统计周期对话框为客户机建议的统计周期。</translation>
    </message>
    <message>
        <source>Default stats period:</source>
        <translation>默认统计周期：</translation>
    </message>
    <message>
        <source>Warn when a balloon target leaves less than this much above the guest&apos;s used memory.</source>
        <translation>当气球目标值高出客户机已用内存的余量小于此比例时发出警告。</translation>
    </message>
    <message>
        <source>Balloon target safety margin:</source>
        <translation>气球目标安全余量：</translation>
    </message>
    <message>
        <source>Agent checks send commands to the QEMU guest agent; libvirt then marks the guest as &quot;tainted&quot;. They stay off unless you turn them on.</source>
        <translation>代理检查会向 QEMU 客户机代理发送命令，libvirt 随后会将该客户机标记为“tainted”（已污染）。除非您开启，否则此功能保持关闭。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Keep raw samples for:</source>
        <translation>原始采样保留：</translation>
    </message>
    <message>
        <source>Keep 1-minute summaries for:</source>
        <translation>1 分钟汇总保留：</translation>
    </message>
    <message>
        <source>Keep 1-hour summaries for:</source>
        <translation>1 小时汇总保留：</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Automatic (MiB or GiB)</source>
        <translation>自动（MiB 或 GiB）</translation>
    </message>
    <message>
        <source>Memory unit:</source>
        <translation>内存单位：</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>A new language applies the next time Balloonscope starts.</source>
        <translation>新语言将在下次启动 Balloonscope 时生效。</translation>
    </message>
</context>
<context>
    <name>bs::gui::PressureLane</name>
    <message>
        <source>Pressure</source>
        <translation>压力</translation>
    </message>
    <message>
        <source>PSI (%)</source>
        <translation>PSI（%）</translation>
    </message>
    <message>
        <source>Swap-in (KiB/s)</source>
        <translation>换入（KiB/s）</translation>
    </message>
    <message>
        <source>Swap-out (KiB/s)</source>
        <translation>换出（KiB/s）</translation>
    </message>
    <message>
        <source>Major faults (/s)</source>
        <translation>主缺页（/s）</translation>
    </message>
    <message>
        <source>Memory pressure, some (%)</source>
        <translation>内存压力 some（%）</translation>
    </message>
    <message>
        <source>Memory pressure, full (%)</source>
        <translation>内存压力 full（%）</translation>
    </message>
</context>
<context>
    <name>bs::gui::RangeBar</name>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>A range that ends now and follows the newest polls; or a range of your own (zooming or dragging the charts makes one).</source>
        <translation>截止到现在并跟随最新采样的范围；或自定义的范围（缩放或拖动图表即会生成一个）。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Show the range between these two times.</source>
        <translation>显示这两个时间之间的范围。</translation>
    </message>
    <message>
        <source>Since recording began</source>
        <translation>自开始记录以来</translation>
    </message>
</context>
<context>
    <name>bs::gui::ReadinessDialog</name>
    <message>
        <source>Set stats period…</source>
        <translation>设置统计周期…</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>重新检查(&amp;A)</translation>
    </message>
    <message>
        <source>Copy &amp;report</source>
        <translation>复制报告(&amp;R)</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Off unless you turn it on for this host. The agent can tell whether the balloon driver and BalloonService are installed and running; libvirt marks each guest it asks as &quot;tainted&quot; until the guest restarts.</source>
        <translation>除非您为此宿主机开启，否则保持关闭。代理可以告知气球驱动和 BalloonService 是否已安装并在运行；libvirt 会将被查询的每台客户机标记为“tainted”（已污染），直到客户机重启。</translation>
    </message>
    <message>
        <source>Watch this guest&apos;s reports anew for about two stats periods, ignoring what was seen so far.</source>
        <translation>忽略此前观察到的情况，重新观察此客户机的报告约两个统计周期。</translation>
    </message>
    <message>
        <source>Copy the whole report as JSON, for a ticket or a colleague.</source>
        <translation>将完整报告复制为 JSON，便于提交工单或发给同事。</translation>
    </message>
    <message>
        <source>Readiness of %1</source>
        <translation>%1 的就绪情况</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>Guest %1 on %2</source>
        <translation>客户机 %1，位于 %2</translation>
    </message>
    <message>
        <source>No readiness check has looked at this guest yet.</source>
        <translation>尚未对此客户机进行就绪检查。</translation>
    </message>
    <message>
        <source>OS: %1</source>
        <translation>操作系统：%1</translation>
    </message>
    <message>
        <source>checked at %1</source>
        <translation>检查于 %1</translation>
    </message>
    <message numerus="yes">
        <source>reports watched for %n s</source>
        <translation>
            <numerusform>报告已观察 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>The guest agent was asked during this check: libvirt now marks this guest as &quot;tainted&quot; (custom-ga-command) until it restarts.</source>
        <translation>此次检查查询了客户机代理：libvirt 现已将此客户机标记为“tainted”（custom-ga-command，已污染），直到其重启。</translation>
    </message>
    <message>
        <source>Or set it yourself on the host with virsh:</source>
        <translation>或者在宿主机上用 virsh 自行设置：</translation>
    </message>
    <message>
        <source>Set it on the host with virsh:</source>
        <translation>在宿主机上用 virsh 设置：</translation>
    </message>
    <message>
        <source>Run on the host, as an administrator:</source>
        <translation>以管理员身份在宿主机上运行：</translation>
    </message>
    <message>
        <source>Run inside the guest, in PowerShell as Administrator:</source>
        <translation>在客户机内以管理员身份在 PowerShell 中运行：</translation>
    </message>
    <message>
        <source>Run inside the guest, as root:</source>
        <translation>在客户机内以 root 身份运行：</translation>
    </message>
    <message>
        <source>Run inside the guest (lines starting with # are explanations):</source>
        <translation>在客户机内运行（以 # 开头的行是说明）：</translation>
    </message>
    <message>
        <source>Open the stats-period dialog for this guest.</source>
        <translation>为此客户机打开统计周期对话框。</translation>
    </message>
    <message>
        <source>The stats-period dialog is not part of this build: use the virsh command below.</source>
        <translation>此版本不含统计周期对话框：请使用下面的 virsh 命令。</translation>
    </message>
    <message>
        <source>Use the guest agent on this host for more evidence</source>
        <translation>在此宿主机上使用客户机代理获取更多依据</translation>
    </message>
    <message>
        <source>Checking, with the guest agent…</source>
        <translation>正在检查（使用客户机代理）…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message numerus="yes">
        <source>Watching the reports: about %n s left</source>
        <translation>
            <numerusform>正在观察报告：约剩 %n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n guest(s) on this host)</source>
        <translation>
            <numerusform>（此宿主机上 %n 台客户机）</numerusform>
        </translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>检查失败：%1</translation>
    </message>
</context>
<context>
    <name>bs::gui::ReadinessFeature</name>
    <message>
        <source>&amp;Readiness…</source>
        <translation>就绪情况(&amp;R)…</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>就绪情况</translation>
    </message>
    <message>
        <source>Will the selected guests report their memory, and if not, why?</source>
        <translation>所选客户机能否报告其内存？如果不能，原因是什么？</translation>
    </message>
    <message>
        <source>Checking %1, with the guest agent…</source>
        <translation>正在检查 %1（使用客户机代理）…</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>%1: the check failed: %2</source>
        <translation>%1：检查失败：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1: watching %n guest(s), about %2 s left</source>
        <translation>
            <numerusform>%1：正在观察 %n 台客户机，约剩 %2 秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bs::gui::ReadinessPage</name>
    <message>
        <source>&amp;Inspect all</source>
        <translation>全部检查(&amp;I)</translation>
    </message>
    <message>
        <source>No guest has been checked yet. Checks run by themselves when a host connects; &quot;Inspect all&quot; runs them now.</source>
        <translation>尚未检查任何客户机。宿主机连接后会自动检查；点击“全部检查”可立即检查。</translation>
    </message>
    <message>
        <source>Check every guest of every connected host now.</source>
        <translation>立即检查所有已连接宿主机上的全部客户机。</translation>
    </message>
    <message>
        <source>Check every guest of %1 now.</source>
        <translation>立即检查 %1 上的全部客户机。</translation>
    </message>
    <message>
        <source>Ready: %1 of %2</source>
        <translation>就绪：%1 / %2</translation>
    </message>
    <message>
        <source>Need attention: %1</source>
        <translation>需要处理：%1</translation>
    </message>
    <message>
        <source>Still being checked: %1</source>
        <translation>仍在检查：%1</translation>
    </message>
    <message>
        <source>Select a guest to read why and what to do; double-click it for the checklist.</source>
        <translation>选择一台客户机可查看原因和处理方法；双击可打开检查清单。</translation>
    </message>
</context>
<context>
    <name>bs::gui::ReadinessTableModel</name>
    <message>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Checked at</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>bs::gui::ReadinessTexts</name>
    <message>
        <source>checking…</source>
        <translation>检查中…</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>暂定</translation>
    </message>
    <message>
        <source>Provisional: taken from the live stats state. The readiness check has not confirmed it yet.</source>
        <translation>暂定：根据当前统计状态推断，尚未经就绪检查确认。</translation>
    </message>
    <message>
        <source>Double-click for the checklist and the fix.</source>
        <translation>双击查看检查清单和修复方法。</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>尚未检查</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
</context>
<context>
    <name>bs::gui::ReadinessTracker</name>
    <message>
        <source>This host is not watched any more.</source>
        <translation>已不再监视此宿主机。</translation>
    </message>
    <message>
        <source>The connection to the host was lost during the check.</source>
        <translation>检查过程中与宿主机的连接已断开。</translation>
    </message>
</context>
<context>
    <name>bs::gui::RecordedSinceLabel</name>
    <message>
        <source>Recording since %1</source>
        <translation>自 %1 起记录</translation>
    </message>
    <message>
        <source>The oldest figures of this host in the history: %1</source>
        <translation>历史记录中此宿主机最早的数据：%1</translation>
    </message>
</context>
<context>
    <name>bs::gui::ReplayBar</name>
    <message>
        <source>Policies:</source>
        <translation>策略：</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>&amp;Replay:</source>
        <translation>回放(&amp;R)：</translation>
    </message>
    <message>
        <source>The host&apos;s memory in use that Proxmox and Balloonscope keep under, as a share of its RAM (80 % by default).</source>
        <translation>Proxmox 和 Balloonscope 使宿主机已用内存保持在其下的值，以其内存的比例表示（默认 80 %）。</translation>
    </message>
    <message>
        <source>Host &amp;target:</source>
        <translation>宿主机目标(&amp;T)：</translation>
    </message>
    <message>
        <source>Balloonscope&apos;s floor and Proxmox&apos;s minimum for every guest.</source>
        <translation>每个客户机的 Balloonscope 下限和 Proxmox 最小值。</translation>
    </message>
    <message>
        <source>&amp;Floor:</source>
        <translation>下限(&amp;F)：</translation>
    </message>
    <message>
        <source>Balloonscope&apos;s headroom over each guest&apos;s need.</source>
        <translation>Balloonscope 在每个客户机需求量之上的余量。</translation>
    </message>
    <message>
        <source>&amp;Headroom:</source>
        <translation>余量(&amp;H)：</translation>
    </message>
</context>
<context>
    <name>bs::gui::ReplayChart</name>
    <message>
        <source>Run a replay to see it here.</source>
        <translation>运行回放后在此查看。</translation>
    </message>
    <message>
        <source>Balloon as recorded</source>
        <translation>记录的气球大小</translation>
    </message>
    <message>
        <source>Free as recorded</source>
        <translation>空闲（记录值）</translation>
    </message>
    <message>
        <source>Free under %1</source>
        <translation>空闲（%1）</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <source>Need + kernel (highest per bucket)</source>
        <translation>需求量 + 内核（每个时间段的最高值）</translation>
    </message>
</context>
<context>
    <name>bs::gui::ReplaySummaryModel</name>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 分钟</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Stretches in which the policy&apos;s balloon left a guest less than its need: it would have swapped.</source>
        <translation>策略的气球使客户机可用内存低于其需求量的时段：客户机将会发生换页。</translation>
    </message>
    <message>
        <source>The recorded balloons minus the policy&apos;s, summed over the guests: memory the host would have had back.</source>
        <translation>记录的气球大小减去策略的气球大小，对所有客户机求和：宿主机本可收回的内存。</translation>
    </message>
    <message>
        <source>The host&apos;s recorded free memory (with caches) plus what the policy handed back, at its lowest.</source>
        <translation>宿主机记录的空闲内存（含缓存）加上策略归还的内存，取最低值。</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Balloon changes</source>
        <translation>气球调整次数</translation>
    </message>
    <message>
        <source>Squeezes</source>
        <translation>挤压</translation>
    </message>
    <message>
        <source>Time squeezed</source>
        <translation>挤压时长</translation>
    </message>
    <message>
        <source>Worst deficit</source>
        <translation>最大缺口</translation>
    </message>
    <message>
        <source>Handed back (mean)</source>
        <translation>归还（平均）</translation>
    </message>
    <message>
        <source>Handed back (peak)</source>
        <translation>归还（峰值）</translation>
    </message>
    <message>
        <source>Host free, lowest</source>
        <translation>宿主机空闲内存最低值</translation>
    </message>
</context>
<context>
    <name>bs::gui::ReportDialog</name>
    <message>
        <source>Cover with contents</source>
        <translation>含目录的封面</translation>
    </message>
    <message>
        <source>Host summary</source>
        <translation>宿主机摘要</translation>
    </message>
    <message>
        <source>A page section per guest</source>
        <translation>每个客户机一节</translation>
    </message>
    <message>
        <source>Open the report when it is done</source>
        <translation>完成后打开报告</translation>
    </message>
    <message>
        <source>Create Report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <source>Memory Report</source>
        <translation>内存报告</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>宿主机：</translation>
    </message>
    <message>
        <source>Guests:</source>
        <translation>客户机：</translation>
    </message>
    <message>
        <source>Range:</source>
        <translation>时间范围：</translation>
    </message>
    <message>
        <source>Sections:</source>
        <translation>章节：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>正在读取历史记录…</translation>
    </message>
    <message>
        <source>The history holds no host yet: record one first (connect a host, or run balloonscope-cli record).</source>
        <translation>历史记录中还没有宿主机：请先记录一个（连接宿主机，或运行 balloonscope-cli record）。</translation>
    </message>
    <message>
        <source>Save Report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Choose a host.</source>
        <translation>请选择宿主机。</translation>
    </message>
    <message>
        <source>Tick at least one guest.</source>
        <translation>请至少勾选一个客户机。</translation>
    </message>
    <message>
        <source>The range must end after it starts.</source>
        <translation>时间范围的结束必须晚于开始。</translation>
    </message>
    <message>
        <source>Choose the file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 pages).</source>
        <translation>已写入 %1（%2 页）。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Sizing advice (balanced, last 14 days)</source>
        <translation>内存规划建议（均衡，最近 14 天）</translation>
    </message>
    <message>
        <source>Balloon policies replayed (MOM, Proxmox, Balloonscope)</source>
        <translation>气球策略回放（MOM、Proxmox、Balloonscope）</translation>
    </message>
    <message>
        <source>Choose the host summary, the sizing advice, the policies or the guests.</source>
        <translation>请选择宿主机摘要、内存规划建议、策略或客户机。</translation>
    </message>
    <message>
        <source>The History page reads this Prometheus-compatible server: the report does too. Choose &quot;This computer&quot; there for the local history.</source>
        <translation>“历史记录”页正在读取这台 Prometheus 兼容服务器，报告也从它读取。若要使用本地历史，请在那里选择“本机”。</translation>
    </message>
    <message>
        <source>History from:</source>
        <translation>历史来源：</translation>
    </message>
</context>
<context>
    <name>bs::gui::ReportFeature</name>
    <message>
        <source>Export &amp;Chart…</source>
        <translation>导出图表(&amp;C)…</translation>
    </message>
    <message>
        <source>Export Chart &amp;Data…</source>
        <translation>导出图表数据(&amp;D)…</translation>
    </message>
    <message>
        <source>Cop&amp;y Chart</source>
        <translation>复制图表(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>报告(&amp;R)…</translation>
    </message>
    <message>
        <source>Save the chart as PNG, SVG or PDF.</source>
        <translation>将图表保存为 PNG、SVG 或 PDF。</translation>
    </message>
    <message>
        <source>Save the points the chart shows as CSV or JSON.</source>
        <translation>将图表显示的点保存为 CSV 或 JSON。</translation>
    </message>
    <message>
        <source>Put the chart on the clipboard as a picture.</source>
        <translation>将图表作为图片放到剪贴板。</translation>
    </message>
    <message>
        <source>A PDF report of a host&apos;s guests over a time range.</source>
        <translation>宿主机上客户机在某一时间范围内的 PDF 报告。</translation>
    </message>
</context>
<context>
    <name>bs::gui::ScopeChooser</name>
    <message>
        <source>The running guest, &amp;now (live)</source>
        <translation>运行中的客户机，立即生效(&amp;N)（live）</translation>
    </message>
    <message>
        <source>Its &amp;persistent configuration (kept across restarts)</source>
        <translation>其持久配置(&amp;P)（重启后保留）</translation>
    </message>
    <message>
        <source>Changes the running guest at once (VIR_DOMAIN_AFFECT_LIVE). The change is lost when the guest shuts down unless the persistent configuration changes too.</source>
        <translation>立即修改运行中的客户机（VIR_DOMAIN_AFFECT_LIVE）。除非同时修改持久配置，否则客户机关机后此修改会丢失。</translation>
    </message>
    <message>
        <source>Changes the guest&apos;s stored definition (VIR_DOMAIN_AFFECT_CONFIG), which applies from its next start.</source>
        <translation>修改客户机保存的定义（VIR_DOMAIN_AFFECT_CONFIG），从下次启动起生效。</translation>
    </message>
    <message>
        <source>Not running: only its persistent configuration changes.</source>
        <translation>未运行：只修改其持久配置。</translation>
    </message>
    <message>
        <source>Transient: only the running guest changes, until it stops.</source>
        <translation>临时客户机：只修改运行中的客户机，直到其停止。</translation>
    </message>
</context>
<context>
    <name>bs::gui::SizingFeature</name>
    <message>
        <source>Sizing</source>
        <translation>内存规划</translation>
    </message>
</context>
<context>
    <name>bs::gui::SizingPage</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Set as Balloon Target…</source>
        <translation>设为气球目标…</translation>
    </message>
    <message>
        <source>Set for Next Boot…</source>
        <translation>设为下次启动内存…</translation>
    </message>
    <message>
        <source>Readiness…</source>
        <translation>就绪检查…</translation>
    </message>
    <message>
        <source>Open the balloon-target dialog of each selected guest with its recommendation filled in: the running guest changes now.</source>
        <translation>为每台选中的客户机打开气球目标对话框，并填入其建议值：运行中的客户机立即改变。</translation>
    </message>
    <message>
        <source>Write each selected guest&apos;s recommendation into its persistent configuration (&lt;currentMemory&gt;, and &lt;memory&gt; where the recommendation is above it): from its next boot.</source>
        <translation>将每台选中客户机的建议值写入其持久配置（&lt;currentMemory&gt;，以及建议值高于 &lt;memory&gt; 时的 &lt;memory&gt;）：从下次启动起生效。</translation>
    </message>
    <message>
        <source>Why the selected guest reports nothing, and the fix.</source>
        <translation>所选客户机为何不报告，以及修复方法。</translation>
    </message>
    <message>
        <source>Choose a host.</source>
        <translation>请选择宿主机。</translation>
    </message>
    <message>
        <source>Select a guest to chart its need.</source>
        <translation>选择一台客户机以绘制其需求量。</translation>
    </message>
    <message>
        <source>Reading the history of %1…</source>
        <translation>正在读取 %1 的历史记录…</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>无法读取历史记录：%1</translation>
    </message>
    <message>
        <source>The need could not be read: %1</source>
        <translation>无法读取需求量：%1</translation>
    </message>
    <message>
        <source>Nothing recorded for %1 in this policy&apos;s window (%2): let it record; the History page shows what there is.</source>
        <translation>在此策略的时间窗口内（%2）没有 %1 的记录：请先让其记录；“历史”页会显示已有的数据。</translation>
    </message>
    <message>
        <source>%1: %2 (%3). %4 of %5 guests advised; need from %6. Read at %7.</source>
        <translation>%1：%2（%3）。%5 台客户机中有 %4 台给出建议；需求量来源：%6。读取于 %7。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Guest Floor…</source>
        <translation>客户机下限…</translation>
    </message>
    <message>
        <source>A floor of their own for the selected guests: the recommendation never goes below it (0 removes it).</source>
        <translation>为所选客户机单独设置下限：建议值不会低于它（0 表示取消）。</translation>
    </message>
    <message>
        <source>Guest Floor</source>
        <translation>客户机下限</translation>
    </message>
    <message>
        <source>Never recommend less than this for the selected guests, in MiB (0: the policy&apos;s floor only):</source>
        <translation>所选客户机的建议值不低于此值，单位 MiB（0：仅使用策略的下限）：</translation>
    </message>
</context>
<context>
    <name>bs::gui::SizingTableModel</name>
    <message>
        <source>Not below today&apos;s balloon: it swapped in %1 and had %2 major faults in the window.</source>
        <translation>不低于当前气球大小：时间窗口内它换入了 %1，并发生了 %2 次主缺页。</translation>
    </message>
    <message>
        <source>%1: swap-in %2, %3 major faults</source>
        <translation>%1：换入 %2，主缺页 %3 次</translation>
    </message>
    <message>
        <source>Short by %1: the recommendation is above the maximum memory; raise the maximum at the next boot.</source>
        <translation>不足 %1：建议值高于最大内存；请在下次启动时调高最大内存。</translation>
    </message>
    <message>
        <source>Cache counted as used: the guest does not report usable memory, so need = available − unused (an over-estimate).</source>
        <translation>缓存计为已用：客户机不报告可回收内存，因此需求量 = 可用总量 − 空闲量（偏高估计）。</translation>
    </message>
    <message>
        <source>Not running now: the advice is for its next boot.</source>
        <translation>当前未运行：该建议适用于其下次启动。</translation>
    </message>
    <message>
        <source>Need from %1: %2 readings.</source>
        <translation>需求量来源：%1，共 %2 个读数。</translation>
    </message>
    <message>
        <source>Floor: %1.</source>
        <translation>下限：%1。</translation>
    </message>
    <message>
        <source>Reported for %1 days of the window.</source>
        <translation>在时间窗口中报告了 %1 天。</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1（%2 %）</translation>
    </message>
    <message>
        <source>Need = available − usable: what the guest could not give back without swapping. On Windows the BalloonService&apos;s figures: standby memory counts as free, part of the file cache as usable.</source>
        <translation>需求量 = 可用总量 − 可回收量：客户机在不换页的情况下无法交还的内存。在 Windows 上使用 BalloonService 的数据：备用内存计为空闲，部分文件缓存计为可回收。</translation>
    </message>
    <message>
        <source>Balloon size now minus the recommendation, when positive.</source>
        <translation>当前气球大小减去建议值（为正时）。</translation>
    </message>
    <message>
        <source>Share of the window in which the guest reported.</source>
        <translation>客户机在时间窗口中报告的时间占比。</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>最大内存</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <source>Need P50</source>
        <translation>需求 P50</translation>
    </message>
    <message>
        <source>P95</source>
        <translation>P95</translation>
    </message>
    <message>
        <source>P99</source>
        <translation>P99</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>建议值</translation>
    </message>
    <message>
        <source>Reclaimable</source>
        <translation>可回收</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>可信度</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>The policy&apos;s percentile of the need plus its headroom, plus what the guest&apos;s kernel holds outside the memory it reports (balloon − available), at least the floor, rounded up to whole MiB.</source>
        <translation>策略百分位的需求量加上余量，再加上客户机内核在其报告的内存之外占用的部分（气球 − available），不低于下限，向上取整到 MiB。</translation>
    </message>
</context>
<context>
    <name>bs::gui::StatsPeriodDialog</name>
    <message>
        <source>no &lt;memballoon&gt; element</source>
        <translation>没有 &lt;memballoon&gt; 元素</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>A guest reports its own memory use only while its balloon driver has a stats period. Choose the period and where it applies; the table shows what that means for each guest.</source>
        <translation>只有当气球驱动设置了统计周期时，客户机才会报告自身的内存使用。请选择周期及其应用范围；表格显示这对每台客户机意味着什么。</translation>
    </message>
    <message>
        <source>Why the selected guest does or does not report, in detail.</source>
        <translation>详细说明所选客户机为何报告或不报告。</translation>
    </message>
    <message>
        <source>Stats period:</source>
        <translation>统计周期：</translation>
    </message>
    <message>
        <source>Apply to:</source>
        <translation>应用于：</translation>
    </message>
    <message>
        <source>&amp;Switch to virtio in the persistent configuration of guests without a balloon device (takes effect after their next shutdown and start)</source>
        <translation>在没有气球设备的客户机的持久配置中改用 virtio(&amp;S)（在其下次关机并启动后生效）</translation>
    </message>
    <message>
        <source>Adds or changes &lt;memballoon&gt; to model=&apos;virtio&apos; with the period above. A running guest cannot get a balloon device: it keeps running without one until it is shut down and started again.</source>
        <translation>添加 &lt;memballoon&gt; 或将其改为 model=&apos;virtio&apos;，并使用上面的周期。运行中的客户机无法获得气球设备：在关机并再次启动之前，它会在没有气球设备的情况下继续运行。</translation>
    </message>
    <message>
        <source>Stats period of %1 on %2</source>
        <translation>%2 上 %1 的统计周期</translation>
    </message>
    <message>
        <source>Stats period of %1 guests on %2</source>
        <translation>%2 上 %1 台客户机的统计周期</translation>
    </message>
    <message>
        <source>The host is no longer watched.</source>
        <translation>该宿主机已不再被监视。</translation>
    </message>
    <message>
        <source>Reading the guests&apos; settings…</source>
        <translation>正在读取客户机的设置…</translation>
    </message>
    <message>
        <source>The guests could not be read: %1</source>
        <translation>无法读取客户机：%1</translation>
    </message>
    <message>
        <source>The persistent configuration has no balloon device (%1). Tick &quot;Switch to virtio&quot; above to add one; it takes effect after the guest&apos;s next shutdown and start.</source>
        <translation>持久配置中没有气球设备（%1）。勾选上方的“改用 virtio”即可添加；在客户机下次关机并启动后生效。</translation>
    </message>
    <message>
        <source>No valid period chosen yet.</source>
        <translation>尚未选择有效的周期。</translation>
    </message>
    <message>
        <source>Not planned: choose where the period applies.</source>
        <translation>未规划：请选择周期应用于何处。</translation>
    </message>
    <message>
        <source>Choose where the period applies: the running guest, its persistent configuration, or both.</source>
        <translation>请选择周期应用于何处：运行中的客户机、其持久配置，或两者。</translation>
    </message>
    <message>
        <source>Open &amp;readiness…</source>
        <translation>打开就绪检查(&amp;R)…</translation>
    </message>
    <message>
        <source>Persistent configuration</source>
        <translation>持久配置</translation>
    </message>
    <message>
        <source>Select a guest to see how its configuration changes.</source>
        <translation>选择一台客户机以查看其配置如何变化。</translation>
    </message>
    <message>
        <source>Open &amp;readiness of %1…</source>
        <translation>打开 %1 的就绪检查(&amp;R)…</translation>
    </message>
    <message>
        <source>Persistent &lt;memballoon&gt; of %1:</source>
        <translation>%1 的持久 &lt;memballoon&gt;：</translation>
    </message>
    <message>
        <source>No change: the persistent configuration already says this.</source>
        <translation>无变化：持久配置已经是这样。</translation>
    </message>
    <message>
        <source>No persistent configuration: the guest is transient.</source>
        <translation>没有持久配置：该客户机是临时的。</translation>
    </message>
    <message>
        <source>The persistent configuration does not change.</source>
        <translation>持久配置不变。</translation>
    </message>
    <message>
        <source>The connection to %1 is read-only: the guests&apos; balloon settings can be seen here but not changed. To change them, edit the connection (File → Edit Connection…), clear &quot;Read-only&quot; and connect again.</source>
        <translation>到 %1 的连接是只读的：此处可以查看客户机的气球设置，但不能修改。如需修改，请编辑连接（文件 → 编辑连接…），取消勾选“只读”后重新连接。</translation>
    </message>
    <message>
        <source>Nothing to change: every guest already has this setting, or cannot have it (see the table).</source>
        <translation>无需修改：每台客户机都已是此设置，或无法使用此设置（见表格）。</translation>
    </message>
    <message>
        <source>Turn the statistics off?</source>
        <translation>要关闭统计吗？</translation>
    </message>
    <message>
        <source>The guests stop reporting their memory use; Balloonscope then shows only the host&apos;s figures for them (actual, RSS).</source>
        <translation>这些客户机将不再报告其内存使用；之后 Balloonscope 只能显示它们在宿主机侧的数据（实际内存、RSS）。</translation>
    </message>
    <message>
        <source>Apply despite the warnings?</source>
        <translation>不顾警告仍然应用吗？</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop after the guest being changed now; the others stay as they are.</source>
        <translation>在当前正在修改的客户机之后停止；其余客户机保持不变。</translation>
    </message>
    <message>
        <source>Applying %1 of %2: %3…</source>
        <translation>正在应用第 %1 台，共 %2 台：%3…</translation>
    </message>
    <message>
        <source>the connection was closed before the result arrived; check the guest</source>
        <translation>结果返回之前连接已关闭；请检查该客户机</translation>
    </message>
    <message>
        <source>The connection was closed while applying.</source>
        <translation>应用过程中连接已关闭。</translation>
    </message>
    <message>
        <source>%1 is no longer watched: nothing more can be changed here.</source>
        <translation>%1 已不再被监视：此处无法再做任何修改。</translation>
    </message>
    <message>
        <source>Stopping after the guest being changed now…</source>
        <translation>将在当前正在修改的客户机之后停止…</translation>
    </message>
</context>
<context>
    <name>bs::gui::StatsPeriodModel</name>
    <message>
        <source>no &lt;memballoon&gt;</source>
        <translation>没有 &lt;memballoon&gt;</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客户机</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Balloon model</source>
        <translation>气球型号</translation>
    </message>
    <message>
        <source>Live period</source>
        <translation>运行中周期</translation>
    </message>
    <message>
        <source>Persistent period</source>
        <translation>持久周期</translation>
    </message>
    <message>
        <source>What applying does</source>
        <translation>应用后的效果</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Stats after applying</source>
        <translation>应用后的统计</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>已消失</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>persistent</source>
        <translation>持久</translation>
    </message>
    <message>
        <source>transient</source>
        <translation>临时</translation>
    </message>
    <message>
        <source>%1 (next start: %2)</source>
        <translation>%1（下次启动：%2）</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>unknown: %1</source>
        <translation>未知：%1</translation>
    </message>
    <message>
        <source>Not running: there is no live configuration.</source>
        <translation>未运行：没有运行中的配置。</translation>
    </message>
    <message>
        <source>Transient: there is no persistent configuration.</source>
        <translation>临时客户机：没有持久配置。</translation>
    </message>
</context>
<context>
    <name>bs::gui::WhatIfPanel</name>
    <message>
        <source>What still fits on this host</source>
        <translation>此宿主机还能容纳什么</translation>
    </message>
    <message>
        <source>Count KSM&apos;s savings</source>
        <translation>计入 KSM 节省的内存</translation>
    </message>
    <message>
        <source>Can I start a guest of</source>
        <translation>能否再启动一台内存为</translation>
    </message>
    <message>
        <source>?</source>
        <translation>的客户机？</translation>
    </message>
    <message>
        <source>KSM&apos;s savings come and go with the guests&apos; pages: they are shown beside the figures and only taken off the demand when ticked.</source>
        <translation>KSM 节省的内存随客户机的页面变化而增减：它显示在数据旁边，只有勾选时才从需求中扣除。</translation>
    </message>
    <message>
        <source>No advice yet.</source>
        <translation>尚无建议。</translation>
    </message>
    <message>
        <source>The host&apos;s memory size is not in the history yet: no what-if.</source>
        <translation>历史记录中还没有宿主机的内存大小：无法进行假设分析。</translation>
    </message>
    <message>
        <source>Host memory %1, %2 kept free for the host: %3 for guests. Worst hour as the guests are: %4 (%5); with every recommendation applied: %6 (%7). Reclaimable in all: %8.</source>
        <translation>宿主机内存 %1，为宿主机保留 %2：客户机可用 %3。按客户机当前状态，最紧张的一小时：%4（%5）；应用全部建议值后：%6（%7）。总计可回收：%8。</translation>
    </message>
    <message>
        <source>KSM saved %1 in that hour (counted).</source>
        <translation>该小时内 KSM 节省了 %1（已计入）。</translation>
    </message>
    <message>
        <source>KSM saved %1 in that hour (not counted).</source>
        <translation>该小时内 KSM 节省了 %1（未计入）。</translation>
    </message>
    <message>
        <source>Yes: a guest of %1 fits as the guests are, with %2 to spare in the worst hour (%3).</source>
        <translation>可以：按客户机当前状态即可容纳 %1 的客户机，最紧张的一小时（%3）仍剩 %2。</translation>
    </message>
    <message>
        <source>Yes, once these recommendations are applied: %1. %2 to spare in the worst hour (%3).</source>
        <translation>可以，但需先应用以下建议值：%1。最紧张的一小时（%3）仍剩 %2。</translation>
    </message>
    <message>
        <source>No: even with every recommendation applied, a guest of %1 is %2 short in the worst hour (%3).</source>
        <translation>不行：即使应用全部建议值，%1 的客户机在最紧张的一小时（%3）仍缺少 %2。</translation>
    </message>
</context>
<context>
    <name>bs::prom</name>
    <message>
        <source>&quot;%1&quot; is not a guest UUID.</source>
        <translation>“%1”不是客户机 UUID。</translation>
    </message>
</context>
<context>
    <name>bs::prom::PrometheusClient</name>
    <message>
        <source>The Prometheus server at %1 did not answer within %2 s.</source>
        <translation>位于 %1 的 Prometheus 服务器在 %2 秒内没有应答。</translation>
    </message>
    <message>
        <source>Cannot reach the Prometheus server at %1: %2</source>
        <translation>无法连接位于 %1 的 Prometheus 服务器：%2</translation>
    </message>
    <message>
        <source>The Prometheus server at %1 answered %2: %3</source>
        <translation>位于 %1 的 Prometheus 服务器返回 %2：%3</translation>
    </message>
    <message>
        <source>%1 does not answer as a Prometheus query API (GET %2).</source>
        <translation>%1 的应答不像 Prometheus 查询 API（GET %2）。</translation>
    </message>
    <message>
        <source>The query to %1 was cancelled.</source>
        <translation>对 %1 的查询已取消。</translation>
    </message>
    <message>
        <source>The Prometheus server at %1 refused the credentials (HTTP %2): check the user name and password.</source>
        <translation>位于 %1 的 Prometheus 服务器拒绝了凭据（HTTP %2）：请检查用户名和密码。</translation>
    </message>
</context>
<context>
    <name>bs::prom::PrometheusHistory</name>
    <message>
        <source>One point per %1 s: the server returns at most %2 points per series.</source>
        <translation>每 %1 秒一个点：服务器每个序列最多返回 %2 个点。</translation>
    </message>
    <message>
        <source>One sample per %1 s: the server returns at most %2 points per series.</source>
        <translation>每 %1 秒一个样本：服务器每个序列最多返回 %2 个点。</translation>
    </message>
</context>
<context>
    <name>bs::units</name>
    <message>
        <source>&quot;%1&quot; is not a size: use a number with KiB, MiB or GiB, for example 512MiB or 2GiB.</source>
        <translation>“%1”不是有效的大小：请使用带 KiB、MiB 或 GiB 的数字，例如 512MiB 或 2GiB。</translation>
    </message>
    <message>
        <source>The size &quot;%1&quot; is too large.</source>
        <translation>大小“%1”过大。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Usage: balloonscope-cli COMMAND [OPTIONS]</source>
        <translation>用法：balloonscope-cli 命令 [选项]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Run &quot;balloonscope-cli COMMAND --help&quot; for a command&apos;s options.</source>
        <translation>运行“balloonscope-cli 命令 --help”查看命令的选项。</translation>
    </message>
    <message>
        <source>Exit codes: 0 ok, 1 not all good, 2 bad arguments, 3 connection or authentication failure, 4 other failure.</source>
        <translation>退出码：0 成功，1 并非全部正常，2 参数错误，3 连接或认证失败，4 其他失败。</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>选项：</translation>
    </message>
</context>
</TS>
