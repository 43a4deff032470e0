<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BalloonSession</name>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="118"/>
        <source>Change the running guest now (VIR_DOMAIN_AFFECT_LIVE).</source>
        <translation>立即更改运行中的虚拟机（VIR_DOMAIN_AFFECT_LIVE）。</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="121"/>
        <source>Change the persistent configuration, kept across restarts (VIR_DOMAIN_AFFECT_CONFIG). Without --live or --config: live for running guests and config for persistent ones, so a running persistent guest gets both, a shut-off guest its configuration, a transient guest the live change.</source>
        <translation>更改持久配置，重启后仍然保留（VIR_DOMAIN_AFFECT_CONFIG）。既不指定 --live 也不指定 --config 时：运行中的虚拟机做运行时更改，持久虚拟机更改其配置；因此运行中的持久虚拟机两者都改，已关机的虚拟机只改配置，临时虚拟机只做运行时更改。</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="129"/>
        <source>GUEST</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="129"/>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="130"/>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="130"/>
        <source>BALLOON</source>
        <translation>气球</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="131"/>
        <source>LIVE PERIOD</source>
        <translation>运行时周期</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="132"/>
        <source>PERSISTENT PERIOD</source>
        <translation>持久周期</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="140"/>
        <source>persistent</source>
        <translation>持久</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="141"/>
        <source>transient</source>
        <translation>临时</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="156"/>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="158"/>
        <source>note: %1</source>
        <translation>说明：%1</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="160"/>
        <source>persistent &lt;memballoon&gt;:</source>
        <translation>持久配置中的 &lt;memballoon&gt;：</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="172"/>
        <source>%1 applied, %2 unchanged, %3 partial, %4 failed%5.</source>
        <translation>%1 台已应用，%2 台无变化，%3 台部分完成，%4 台失败%5。</translation>
    </message>
    <message>
        <location filename="../cli/BalloonSession.cpp" line="177"/>
        <source> (cancelled)</source>
        <translation>（已取消）</translation>
    </message>
</context>
<context>
    <name>CliCommand</name>
    <message>
        <location filename="../cli/CliCommand.cpp" line="22"/>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/CliCommand.cpp" line="36"/>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/CliCommand.cpp" line="48"/>
        <source>libvirt URI of a host (repeat for several hosts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/CliCommand.cpp" line="49"/>
        <source>libvirt URI of the host, e.g. qemu:///system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/CliCommand.cpp" line="52"/>
        <source>Open a read-only connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/HostArguments.cpp" line="14"/>
        <source>Invalid --connect URI &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/HostArguments.cpp" line="30"/>
        <location filename="../cli/HostArguments.cpp" line="44"/>
        <source>Missing --connect URI (for example --connect qemu:///system).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/HostArguments.cpp" line="35"/>
        <source>This command takes one --connect URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="13"/>
        <source>unknown</source>
        <translation type="unfinished">未知</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="179"/>
        <source>Enter the host name or address of the remote machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="183"/>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="208"/>
        <source>&quot;%1&quot; is not a host name or address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="188"/>
        <source>&quot;%1&quot; is not a valid user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="191"/>
        <source>Port %1 is out of range: use 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionUri</name>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="35"/>
        <source>Enter a connection URI, for example qemu:///system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="38"/>
        <source>A connection URI cannot contain spaces: write a space in a file path as %20.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="43"/>
        <source>A connection URI starts with a driver and &quot;://&quot;, for example qemu:///system or qemu+ssh://user@host/system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="58"/>
        <source>Port &quot;%1&quot; is out of range: use 1 to 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="65"/>
        <source>This is not a valid URI: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="76"/>
        <source>Unknown hypervisor driver &quot;%1&quot;: use one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="81"/>
        <source>Unknown transport &quot;%1&quot;: use one of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="85"/>
        <source>Do not put a password in the URI: Balloonscope asks for it when it connects and can keep it in the desktop keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="97"/>
        <source>A %1 connection needs a host name, for example %2+%1://root@kvm1.example.com/system.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="103"/>
        <source>The unix transport is local: remove the host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="110"/>
        <source>A qemu URI ends in /system, /session or /embed, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="116"/>
        <source>qemu:///embed needs a root directory, for example qemu:///embed?root=/tmp/vms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="121"/>
        <source>A test URI needs a path: test:///default or the path of a test driver XML file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="127"/>
        <source>The keyfile parameter is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="152"/>
        <source>this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="155"/>
        <source>test driver (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EnableStatsCommand</name>
    <message>
        <location filename="../cli/commands/EnableStatsCommand.cpp" line="11"/>
        <source>Set the balloon stats period of guests (live, persistent or both) and report per guest.</source>
        <translation>设置虚拟机的气球统计周期（运行时、持久或两者），并逐台报告结果。</translation>
    </message>
    <message>
        <location filename="../cli/commands/EnableStatsCommand.cpp" line="19"/>
        <source>A guest, by name or UUID (repeat for several).</source>
        <translation>虚拟机的名称或 UUID（可重复以指定多台）。</translation>
    </message>
    <message>
        <location filename="../cli/commands/EnableStatsCommand.cpp" line="21"/>
        <source>Every guest of the host.</source>
        <translation>宿主机上的所有虚拟机。</translation>
    </message>
    <message>
        <location filename="../cli/commands/EnableStatsCommand.cpp" line="24"/>
        <source>Stats period in seconds, 1-3600 (10 is a good value), or &quot;off&quot; to stop the statistics. 0 is refused: turning statistics off must be said with &quot;off&quot;.</source>
        <translation>统计周期，单位为秒，1-3600（10 是合适的值），或用“off”停止统计。不接受 0：关闭统计必须明确写“off”。</translation>
    </message>
    <message>
        <location filename="../cli/commands/EnableStatsCommand.cpp" line="29"/>
        <source>For guests without a balloon device (&lt;memballoon model=&apos;none&apos;/&gt; or none at all): give the persistent configuration a virtio balloon with the period. It takes effect after the guest&apos;s next shutdown and start; everything else in the XML is kept.</source>
        <translation>对于没有气球设备的虚拟机（&lt;memballoon model=&apos;none&apos;/&gt; 或完全没有）：在持久配置中添加带该周期的 virtio 气球。虚拟机下次关机并启动后生效；XML 中的其余内容保持不变。</translation>
    </message>
    <message>
        <location filename="../cli/commands/EnableStatsCommand.cpp" line="33"/>
        <source>Show what would change, with the persistent &lt;memballoon&gt; as a diff, and change nothing.</source>
        <translation>显示将要进行的更改（持久配置中的 &lt;memballoon&gt; 以差异形式显示），但不做任何更改。</translation>
    </message>
    <message>
        <location filename="../cli/commands/EnableStatsCommand.cpp" line="37"/>
        <source>After a live change, wait for the guests&apos; next reports (up to two periods) and say whether the stats flow, or why not. Exit code 1 if any do not.</source>
        <translation>运行时更改后，等待虚拟机的下一次报告（最多两个周期），并说明统计数据是否已在上报，若没有则说明原因。只要有一台没有上报，退出码即为 1。</translation>
    </message>
    <message>
        <location filename="../cli/commands/EnableStatsCommand.cpp" line="46"/>
        <source>Missing --period SEC (1-3600) or --period off.</source>
        <translation>缺少 --period SEC（1-3600）或 --period off。</translation>
    </message>
    <message>
        <location filename="../cli/commands/EnableStatsCommand.cpp" line="58"/>
        <source>Name the guests with --domain NAME (repeatable), or give --all.</source>
        <translation>请用 --domain NAME（可重复）指定虚拟机，或使用 --all。</translation>
    </message>
    <message>
        <location filename="../cli/commands/EnableStatsCommand.cpp" line="68"/>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <location filename="../cli/commands/EnableStatsCommand.cpp" line="102"/>
        <source>%1: the new balloon takes effect after its next shutdown and start.</source>
        <translation>%1：新的气球设备在其下次关机并启动后生效。</translation>
    </message>
</context>
<context>
    <name>SetBalloonCommand</name>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="19"/>
        <source>Set a guest&apos;s balloon target (its current memory), live and/or persistent, within a safe floor and its maximum.</source>
        <translation>在安全下限与最大内存之间设置虚拟机的气球目标（即其当前内存），可用于运行时和/或持久配置。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="27"/>
        <source>The guest, by name or UUID.</source>
        <translation>虚拟机的名称或 UUID。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="30"/>
        <source>The memory the guest gets, e.g. 512MiB, 1.5GiB, 2G (binary units; a plain number is KiB).</source>
        <translation>虚拟机获得的内存，例如 512MiB、1.5GiB、2G（二进制单位；纯数字表示 KiB）。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="35"/>
        <source>Apply although the target leaves the guest less than 10% above what it uses, or its use is unknown. Never goes below what it uses or above its maximum.</source>
        <translation>即使目标值使虚拟机可用内存比其已用内存高出不足 10%，或其内存使用未知，也照样应用。但绝不会低于其已用内存，也不会高于其最大内存。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="38"/>
        <source>Show the limits and what would change; change nothing.</source>
        <translation>显示限制以及将要进行的更改，但不做任何更改。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="46"/>
        <source>Name one guest with --domain NAME.</source>
        <translation>请用 --domain NAME 指定一台虚拟机。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="50"/>
        <source>Missing --target SIZE (for example --target 2GiB).</source>
        <translation>缺少 --target SIZE（例如 --target 2GiB）。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="64"/>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="80"/>
        <source>uses %1 (usable %2)</source>
        <translation>已用 %1（可用 %2）</translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="81"/>
        <source>its use is unknown (no fresh statistics)</source>
        <translation>内存使用未知（没有最新的统计数据）</translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="82"/>
        <source>%1: maximum %2, now %3; %4; safe floor %5; persistent: maximum %6, at boot %7.</source>
        <translation>%1：最大 %2，当前 %3；%4；安全下限 %5；持久配置：最大 %6，启动时 %7。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="97"/>
        <source>Not applied: rerun with --force to accept the warning.</source>
        <translation>未应用：如接受该警告，请加 --force 重新运行。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SetBalloonCommand.cpp" line="103"/>
        <source>warning (accepted with --force): %1</source>
        <translation>警告（已通过 --force 接受）：%1</translation>
    </message>
</context>
<context>
    <name>bs::BalloonText</name>
    <message>
        <location filename="../core/balloon/BalloonChangeEvent.cpp" line="23"/>
        <source>live</source>
        <translation>运行时</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonChangeEvent.cpp" line="23"/>
        <source>persistent</source>
        <translation>持久</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonChangeEvent.cpp" line="29"/>
        <source>Stats period (%1): %2 → %3</source>
        <translation>统计周期（%1）：%2 → %3</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonChangeEvent.cpp" line="32"/>
        <source>Balloon device (%1): %2 → %3, stats period %4</source>
        <translation>气球设备（%1）：%2 → %3，统计周期 %4</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonChangeEvent.cpp" line="33"/>
        <location filename="../core/balloon/BalloonPlan.cpp" line="49"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonChangeEvent.cpp" line="36"/>
        <source>Balloon target (%1): %2 → %3</source>
        <translation>气球目标（%1）：%2 → %3</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonChangeEvent.cpp" line="37"/>
        <location filename="../core/balloon/BalloonChangeEvent.cpp" line="38"/>
        <location filename="../core/balloon/BalloonPlan.cpp" line="38"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonControls.cpp" line="17"/>
        <source>Not connected to %1 right now; nothing was changed.</source>
        <translation>当前未连接到 %1；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonControls.cpp" line="44"/>
        <location filename="../core/balloon/BalloonControls.cpp" line="79"/>
        <source>the host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonControls.cpp" line="99"/>
        <source>Cancelled before this guest was changed.</source>
        <translation>在更改此虚拟机之前已取消。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="31"/>
        <source>libvirt accepted the change, but %1; check the guest&apos;s configuration.</source>
        <translation>libvirt 接受了更改，但%1；请检查虚拟机的配置。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="36"/>
        <location filename="../core/balloon/StatsPeriodSetting.cpp" line="53"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="36"/>
        <location filename="../core/balloon/StatsPeriodSetting.cpp" line="52"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="48"/>
        <source>The connection is read-only, or this user may not change guests</source>
        <translation>连接是只读的，或此用户无权更改虚拟机</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="52"/>
        <source>The guest no longer exists</source>
        <translation>该虚拟机已不存在</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="56"/>
        <source>The host&apos;s hypervisor driver cannot do this</source>
        <translation>宿主机的虚拟化驱动不支持此操作</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="59"/>
        <source>The guest&apos;s state does not allow this</source>
        <translation>虚拟机当前的状态不允许此操作</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="62"/>
        <source>libvirt refused the change</source>
        <translation>libvirt 拒绝了此更改</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="83"/>
        <source>The warnings were not confirmed.</source>
        <translation>警告未被确认。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="126"/>
        <source>the guest&apos;s balloon driver moves its memory there over the next seconds</source>
        <translation>虚拟机的气球驱动会在接下来的几秒内将内存调整到该值</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="147"/>
        <source>the live XML shows the period %1</source>
        <translation>运行时 XML 显示的周期为 %1</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="148"/>
        <source>the persistent XML shows the period %1</source>
        <translation>持久 XML 显示的周期为 %1</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="159"/>
        <source>The guest&apos;s persistent configuration changed since the preview; nothing was changed. Review the change again.</source>
        <translation>自预览以来虚拟机的持久配置已发生变化；未做任何更改。请重新检查此更改。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="179"/>
        <source>the defined guest has another UUID</source>
        <translation>定义后的虚拟机 UUID 不同</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="187"/>
        <source>the persistent balloon reads &apos;%1&apos; with period %2</source>
        <translation>持久配置中的气球为“%1”，周期为 %2</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="196"/>
        <source>The target is too large for this host.</source>
        <translation>目标值对此宿主机而言过大。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonExecutor.cpp" line="208"/>
        <source>the persistent &lt;currentMemory&gt; reads %1 KiB</source>
        <translation>持久配置中的 &lt;currentMemory&gt; 为 %1 KiB</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonInspector.cpp" line="27"/>
        <source>Could not read the guest&apos;s configuration</source>
        <translation>无法读取虚拟机的配置</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonInspector.cpp" line="59"/>
        <source>Could not read the guest&apos;s state</source>
        <translation>无法读取虚拟机的状态</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonInspector.cpp" line="65"/>
        <source>Could not tell whether the guest is persistent</source>
        <translation>无法确定虚拟机是否为持久虚拟机</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonInspector.cpp" line="119"/>
        <source>Could not list the guests</source>
        <translation>无法列出虚拟机</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonInspector.cpp" line="135"/>
        <source>There is no guest named &quot;%1&quot; on %2.</source>
        <translation>%2 上没有名为“%1”的虚拟机。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonPlan.cpp" line="42"/>
        <source>live stats period: %1 → %2</source>
        <translation>运行时统计周期：%1 → %2</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonPlan.cpp" line="44"/>
        <source>persistent stats period: %1 → %2</source>
        <translation>持久统计周期：%1 → %2</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonPlan.cpp" line="47"/>
        <source>persistent balloon: %1 → virtio with stats period %2 (after the next shutdown and start)</source>
        <translation>持久气球设备：%1 → virtio，统计周期 %2（下次关机并启动后生效）</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonPlan.cpp" line="51"/>
        <source>live balloon target: %1 → %2</source>
        <translation>运行时气球目标：%1 → %2</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonPlan.cpp" line="54"/>
        <source>persistent balloon target (currentMemory): %1 → %2</source>
        <translation>持久气球目标（currentMemory）：%1 → %2</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonPlan.cpp" line="63"/>
        <source>live: %1</source>
        <translation>运行时：%1</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonPlan.cpp" line="65"/>
        <source>persistent: %1</source>
        <translation>持久：%1</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonResult.cpp" line="10"/>
        <source>%1 — done</source>
        <translation>%1 — 完成</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonResult.cpp" line="11"/>
        <source>%1 — done (%2)</source>
        <translation>%1 — 完成（%2）</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonResult.cpp" line="13"/>
        <source>%1 — FAILED: %2</source>
        <translation>%1 — 失败：%2</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonResult.cpp" line="16"/>
        <source>%1 — not attempted: %2</source>
        <translation>%1 — 未执行：%2</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonResult.cpp" line="39"/>
        <source>applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonResult.cpp" line="41"/>
        <source>unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonResult.cpp" line="43"/>
        <source>PARTIAL</source>
        <translation>部分完成</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonResult.cpp" line="47"/>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonResult.cpp" line="67"/>
        <source>nothing to change</source>
        <translation>无需更改</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="28"/>
        <source>The guest is not running (%1); only its persistent configuration can change.</source>
        <translation>虚拟机未运行（%1）；只能更改其持久配置。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="35"/>
        <source>The running guest has no balloon device, so its memory cannot change while it runs.</source>
        <translation>运行中的虚拟机没有气球设备，因此运行期间无法更改其内存。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="41"/>
        <source>The guest&apos;s maximum memory could not be read.</source>
        <translation>无法读取虚拟机的最大内存。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="46"/>
        <source>The target %1 is above the guest&apos;s maximum memory %2: the balloon cannot give a guest more than its maximum (raising &lt;memory&gt; needs a restart).</source>
        <translation>目标值 %1 高于虚拟机的最大内存 %2：气球无法给虚拟机超过其最大值的内存（提高 &lt;memory&gt; 需要重启）。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="55"/>
        <source>The target %1 is below what the guest uses now (%2, not counting its cache): it would have to swap or kill processes.</source>
        <translation>目标值 %1 低于虚拟机当前的内存使用（%2，不含缓存）：虚拟机将不得不使用交换空间或终止进程。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="59"/>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="119"/>
        <source>The target %1 is below the safe floor of %2.</source>
        <translation>目标值 %1 低于安全下限 %2。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="65"/>
        <source>The live balloon target is already %1.</source>
        <translation>运行时气球目标已经是 %1。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="71"/>
        <source>The guest&apos;s memory use is unknown (no fresh statistics: enable the stats period first), so Balloonscope cannot check that %1 leaves it enough room.</source>
        <translation>虚拟机的内存使用未知（没有最新的统计数据：请先启用统计周期），因此 Balloonscope 无法确认 %1 是否给它留有足够的空间。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="77"/>
        <source>%1 leaves the guest less than %2 % above what it uses (%3): it may start to swap.</source>
        <translation>%1 使虚拟机的内存比其已用内存（%3）高出不足 %2%：虚拟机可能开始使用交换空间。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="97"/>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="169"/>
        <source>The guest is transient: it has no persistent configuration.</source>
        <translation>该虚拟机是临时虚拟机：它没有持久配置。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="102"/>
        <source>The persistent configuration has no balloon device: the guest always starts with its full memory.</source>
        <translation>持久配置中没有气球设备：虚拟机总是以全部内存启动。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="108"/>
        <source>The persistent maximum memory could not be read.</source>
        <translation>无法读取持久配置中的最大内存。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="113"/>
        <source>The target %1 is above the configured maximum memory %2.</source>
        <translation>目标值 %1 高于配置的最大内存 %2。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="125"/>
        <source>The persistent balloon target is already %1.</source>
        <translation>持久气球目标已经是 %1。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="169"/>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="190"/>
        <source>The connection is read-only: reconnect with write access to change guests.</source>
        <translation>连接是只读的：请以可写方式重新连接后再更改虚拟机。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonTargetPlanner.cpp" line="175"/>
        <source>A balloon target of 0 is not a size.</source>
        <translation>气球目标为 0 不是有效的大小。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonXmlPatch.cpp" line="184"/>
        <source>The guest has no &lt;memballoon&gt; element: a stats period needs a balloon model (virtio) to be added first.</source>
        <translation>虚拟机没有 &lt;memballoon&gt; 元素：设置统计周期之前需要先添加气球设备（virtio）。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonXmlPatch.cpp" line="215"/>
        <source>The domain XML is an empty &lt;domain/&gt;.</source>
        <translation>域 XML 是一个空的 &lt;domain/&gt;。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonXmlPatch.cpp" line="260"/>
        <source>A stats period must be at least 1 second; remove the &lt;stats&gt; element to turn polling off.</source>
        <translation>统计周期至少为 1 秒；要关闭轮询，请删除 &lt;stats&gt; 元素。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonXmlPatch.cpp" line="265"/>
        <source>&quot;%1&quot; is not a balloon model.</source>
        <translation>“%1”不是气球型号。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonXmlPatch.cpp" line="268"/>
        <source>The domain XML is not valid UTF-8.</source>
        <translation>域 XML 不是有效的 UTF-8。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonXmlPatch.cpp" line="275"/>
        <source>The domain XML has more than one &lt;devices&gt;, &lt;memballoon&gt; or &lt;stats&gt; element; libvirt allows one. Fix it by hand first.</source>
        <translation>域 XML 中有多个 &lt;devices&gt;、&lt;memballoon&gt; 或 &lt;stats&gt; 元素；libvirt 只允许一个。请先手动修正。</translation>
    </message>
    <message>
        <location filename="../core/balloon/BalloonXmlPatch.cpp" line="310"/>
        <source>Internal error: the edited &lt;memballoon&gt; did not read back as intended; the XML is left untouched.</source>
        <translation>内部错误：编辑后的 &lt;memballoon&gt; 读回的结果与预期不符；XML 保持不变。</translation>
    </message>
    <message>
        <location filename="../core/balloon/MemballoonLocator.cpp" line="116"/>
        <location filename="../core/balloon/MemballoonLocator.cpp" line="231"/>
        <source>The domain XML is empty.</source>
        <translation>域 XML 为空。</translation>
    </message>
    <message>
        <location filename="../core/balloon/MemballoonLocator.cpp" line="127"/>
        <source>The domain XML has a document type declaration; Balloonscope does not edit such documents.</source>
        <translation>域 XML 中包含文档类型声明；Balloonscope 不编辑此类文档。</translation>
    </message>
    <message>
        <location filename="../core/balloon/MemballoonLocator.cpp" line="140"/>
        <source>Could not locate the &lt;%1&gt; tag in the text at line %2; the XML is left untouched.</source>
        <translation>无法在第 %2 行的文本中定位 &lt;%1&gt; 标签；XML 保持不变。</translation>
    </message>
    <message>
        <location filename="../core/balloon/MemballoonLocator.cpp" line="151"/>
        <source>This is not a domain XML: its root element is &lt;%1&gt;.</source>
        <translation>这不是域 XML：其根元素是 &lt;%1&gt;。</translation>
    </message>
    <message>
        <location filename="../core/balloon/MemballoonLocator.cpp" line="198"/>
        <source>Could not locate the end of &lt;%1&gt; in the text at line %2; the XML is left untouched.</source>
        <translation>无法在第 %2 行的文本中定位 &lt;%1&gt; 的结束位置；XML 保持不变。</translation>
    </message>
    <message>
        <location filename="../core/balloon/MemballoonLocator.cpp" line="226"/>
        <source>The domain XML is not well-formed: %1 (line %2).</source>
        <translation>域 XML 格式不正确：%1（第 %2 行）。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsFlowWatch.cpp" line="55"/>
        <source>Waiting up to %1 s for the guest&apos;s next report.</source>
        <translation>最多等待 %1 秒，直到虚拟机的下一次报告。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsFlowWatch.cpp" line="83"/>
        <source>Stats are flowing: the guest reported at %1.</source>
        <translation>统计数据正在上报：虚拟机于 %1 报告。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsFlowWatch.cpp" line="110"/>
        <source>The guest stopped or disappeared before it reported.</source>
        <translation>虚拟机在报告之前已停止或消失。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsFlowWatch.cpp" line="122"/>
        <source>The live configuration still shows no stats period.</source>
        <translation>运行时配置中仍然没有统计周期。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsFlowWatch.cpp" line="125"/>
        <source>No report within two periods: %1</source>
        <translation>两个周期内没有报告：%1</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsFlowWatch.cpp" line="33"/>
        <location filename="../core/balloon/StatsFlowWatch.cpp" line="130"/>
        <source>No poll of the host arrived in time.</source>
        <translation>未能及时完成对宿主机的轮询。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="32"/>
        <source>&lt;memballoon model=&apos;none&apos;/&gt;</source>
        <translation>&lt;memballoon model=&apos;none&apos;/&gt;</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="33"/>
        <source>no &lt;memballoon&gt; element</source>
        <translation>没有 &lt;memballoon&gt; 元素</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="38"/>
        <source>Its configuration could not be read.</source>
        <translation>无法读取其配置。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="39"/>
        <source>Its balloon model is &apos;%1&apos;, which has no virtio statistics; Balloonscope only sets the period of virtio balloons.</source>
        <translation>其气球型号为“%1”，没有 virtio 统计信息；Balloonscope 只为 virtio 气球设置周期。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="47"/>
        <source>The guest is not running (%1), so there is nothing to change live; only its persistent configuration can change.</source>
        <translation>虚拟机未运行（%1），因此没有可做的运行时更改；只能更改其持久配置。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="57"/>
        <source>The live stats period is already %1.</source>
        <translation>运行时统计周期已经是 %1。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="69"/>
        <source>The running guest has no virtio balloon: its statistics are off already.</source>
        <translation>运行中的虚拟机没有 virtio 气球：其统计本来就是关闭的。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="76"/>
        <source>The running guest has no balloon device (%1): its statistics start after its next shutdown and start.</source>
        <translation>运行中的虚拟机没有气球设备（%1）：其统计将在下次关机并启动后开始。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="84"/>
        <source>The running guest has no balloon device (%1), and none can be added while it runs. Switch its persistent configuration to virtio instead; that takes effect after its next shutdown and start.</source>
        <translation>运行中的虚拟机没有气球设备（%1），而且运行期间无法添加。请改为将其持久配置切换为 virtio；这将在其下次关机并启动后生效。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="99"/>
        <source>The guest is transient: it has no persistent configuration, so the change can only be live (until the guest stops).</source>
        <translation>该虚拟机是临时虚拟机：它没有持久配置，因此只能做运行时更改（直到虚拟机停止）。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="112"/>
        <source>The persistent stats period is already %1.</source>
        <translation>持久统计周期已经是 %1。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="124"/>
        <source>The persistent configuration has no virtio balloon: its statistics are off already.</source>
        <translation>持久配置中没有 virtio 气球：其统计本来就是关闭的。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="139"/>
        <source>The persistent configuration has no balloon device (%1). Choose to switch it to virtio (balloonscope-cli: --switch-to-virtio); that takes effect after the guest&apos;s next shutdown and start.</source>
        <translation>持久配置中没有气球设备（%1）。请选择将其切换为 virtio（balloonscope-cli：--switch-to-virtio）；这将在虚拟机下次关机并启动后生效。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="160"/>
        <source>The virtio balloon takes effect after the guest&apos;s next shutdown and start (a reboot from inside the guest is not enough).</source>
        <translation>virtio 气球在虚拟机下次关机并启动后生效（在虚拟机内部重启是不够的）。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="171"/>
        <source>The persistent configuration already has a balloon device.</source>
        <translation>持久配置中已经有气球设备。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodPlanner.cpp" line="175"/>
        <source>This is a &apos;%1&apos; guest; Balloonscope only adds virtio balloons to KVM/QEMU guests.</source>
        <translation>这是一台“%1”虚拟机；Balloonscope 只为 KVM/QEMU 虚拟机添加 virtio 气球。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodSetting.cpp" line="13"/>
        <source>A period of 0 turns the statistics off. If that is what you want, choose &quot;off&quot; explicitly.</source>
        <translation>周期为 0 会关闭统计。如果这正是您想要的，请明确选择“off”。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodSetting.cpp" line="19"/>
        <location filename="../core/balloon/StatsPeriodSetting.cpp" line="41"/>
        <source>The stats period must be 1 to 3600 seconds, not %1.</source>
        <translation>统计周期必须为 1 到 3600 秒，而不是 %1。</translation>
    </message>
    <message>
        <location filename="../core/balloon/StatsPeriodSetting.cpp" line="33"/>
        <source>&quot;%1&quot; is not a stats period: give a number of seconds from 1 to 3600 (for example 10), or &quot;off&quot;.</source>
        <translation>“%1”不是有效的统计周期：请给出 1 到 3600 之间的秒数（例如 10），或“off”。</translation>
    </message>
</context>
<context>
    <name>bs::Connection</name>
    <message>
        <location filename="../core/libvirt/Connection.cpp" line="84"/>
        <source>Internal error: libvirt&apos;s event loop is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/Connection.cpp" line="101"/>
        <source>Connecting to %1 was cancelled: no credentials were given.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::ConnectionEvents</name>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="80"/>
        <source>the daemon closed the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="83"/>
        <source>the host stopped answering (keepalive timeout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="86"/>
        <source>closed by Balloonscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="89"/>
        <source>an I/O error broke the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="97"/>
        <source>defined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="99"/>
        <source>undefined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="101"/>
        <source>started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="103"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="105"/>
        <source>resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="108"/>
        <source>destroyed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="110"/>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="117"/>
        <source>crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="111"/>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="113"/>
        <source>shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="115"/>
        <source>suspended to memory/disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="119"/>
        <source>event %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::DomainState</name>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="41"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="43"/>
        <source>blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="45"/>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="47"/>
        <source>shutting down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="49"/>
        <source>shut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="51"/>
        <source>crashed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="53"/>
        <source>suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="58"/>
        <source>unknown</source>
        <translation type="unfinished">未知</translation>
    </message>
</context>
<context>
    <name>bs::HostStatus</name>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="12"/>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="14"/>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="16"/>
        <source>needs credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="18"/>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="20"/>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="22"/>
        <source>authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="24"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="52"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="56"/>
        <source>%1, retry in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::StatsCollector</name>
    <message>
        <location filename="../core/monitor/StatsCollector.cpp" line="69"/>
        <source>Could not read the guests&apos; statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/monitor/StatsCollector.cpp" line="108"/>
        <source>Could not list the guests</source>
        <translation type="unfinished">无法列出虚拟机</translation>
    </message>
</context>
<context>
    <name>bs::StatsState</name>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="39"/>
        <source>not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="41"/>
        <source>no balloon device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="43"/>
        <source>stats off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="45"/>
        <source>waiting for first report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="47"/>
        <source>no driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="49"/>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="51"/>
        <source>reporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="55"/>
        <source>unknown</source>
        <translation type="unfinished">未知</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="83"/>
        <source>The guest is not running, so it cannot report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="86"/>
        <source>The guest has no virtio balloon device. Switch its configuration to &lt;memballoon model=&apos;virtio&apos;&gt; and restart it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="90"/>
        <source>No stats period is set, so the balloon driver is never asked for statistics. Set a period (for example 10 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="95"/>
        <source>A stats period is set; waiting two periods for the first report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="98"/>
        <source>A period is set but the guest never reported: no balloon driver is loaded in the guest (Linux: virtio_balloon; Windows: the virtio-win balloon driver).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="103"/>
        <source>The guest reported before but its reports stopped: the driver is loaded but nothing feeds it (Windows: BalloonService is not running).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="108"/>
        <source>The guest reports its memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="112"/>
        <source>Not enough information yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::DomainsCommand</name>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="14"/>
        <source>List the guests of a host with their state, balloon device and stats state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="20"/>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="33"/>
        <source>Could not connect to %1: %2</source>
        <translation type="unfinished">无法连接到 %1：%2</translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="62"/>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="63"/>
        <source>STATE</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="64"/>
        <source>BALLOON</source>
        <translation type="unfinished">气球</translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="65"/>
        <source>PERIOD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="66"/>
        <source>STATS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="67"/>
        <source>UUID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::cli::SampleCommand</name>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="24"/>
        <source>Poll a host&apos;s guests and print their memory samples, as the GUI charts them. Sizes are KiB; absent fields are shown as - (text) or null (JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="32"/>
        <source>Print one JSON object per guest per sample (JSON Lines).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="34"/>
        <source>Number of samples (default 1, 0 = until interrupted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="37"/>
        <source>Seconds between samples, 1-3600 (default 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="47"/>
        <source>--count must be a number of samples (0 or more), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="54"/>
        <source>--interval must be 1 to 3600 seconds, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="66"/>
        <source>TIME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="67"/>
        <source>GUEST</source>
        <translation type="unfinished">虚拟机</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="68"/>
        <source>ACTUAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="69"/>
        <source>AVAILABLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="70"/>
        <source>UNUSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="71"/>
        <source>USABLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="72"/>
        <source>USED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="73"/>
        <source>RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="74"/>
        <source>STATS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="101"/>
        <source>Could not connect to %1: %2</source>
        <translation type="unfinished">无法连接到 %1：%2</translation>
    </message>
</context>
<context>
    <name>bs::cli::TerminalCredentials</name>
    <message>
        <location filename="../cli/TerminalCredentials.cpp" line="42"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::units</name>
    <message>
        <location filename="../core/common/Units.cpp" line="61"/>
        <source>&quot;%1&quot; is not a size: use a number with KiB, MiB or GiB, for example 512MiB or 2GiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/common/Units.cpp" line="77"/>
        <source>The size &quot;%1&quot; is too large.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../cli/main.cpp" line="28"/>
        <source>Usage: balloonscope-cli COMMAND [OPTIONS]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="31"/>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="36"/>
        <source>Run &quot;balloonscope-cli COMMAND --help&quot; for a command&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="39"/>
        <source>Exit codes: 0 ok, 1 not all good, 2 bad arguments, 3 connection or authentication failure, 4 other failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="75"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
