<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CliCommand</name>
    <message>
        <location filename="../cli/CliCommand.cpp" line="22"/>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <location filename="../cli/CliCommand.cpp" line="36"/>
        <source>Unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <location filename="../cli/CliCommand.cpp" line="48"/>
        <source>libvirt URI of a host (repeat for several hosts).</source>
        <translation>宿主机的 libvirt URI（可重复以指定多台宿主机）。</translation>
    </message>
    <message>
        <location filename="../cli/CliCommand.cpp" line="49"/>
        <source>libvirt URI of the host, e.g. qemu:///system.</source>
        <translation>宿主机的 libvirt URI，例如 qemu:///system。</translation>
    </message>
    <message>
        <location filename="../cli/CliCommand.cpp" line="52"/>
        <source>Open a read-only connection.</source>
        <translation>以只读方式连接。</translation>
    </message>
    <message>
        <location filename="../cli/HostArguments.cpp" line="14"/>
        <source>Invalid --connect URI &quot;%1&quot;: %2</source>
        <translation>无效的 --connect URI“%1”：%2</translation>
    </message>
    <message>
        <location filename="../cli/HostArguments.cpp" line="30"/>
        <location filename="../cli/HostArguments.cpp" line="44"/>
        <source>Missing --connect URI (for example --connect qemu:///system).</source>
        <translation>缺少 --connect URI（例如 --connect qemu:///system）。</translation>
    </message>
    <message>
        <location filename="../cli/HostArguments.cpp" line="35"/>
        <source>This command takes one --connect URI.</source>
        <translation>此命令只接受一个 --connect URI。</translation>
    </message>
</context>
<context>
    <name>ConnectionForm</name>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="177"/>
        <source>Enter the host name or address of the remote machine.</source>
        <translation>请输入远程机器的主机名或地址。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="181"/>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="206"/>
        <source>&quot;%1&quot; is not a host name or address.</source>
        <translation>“%1”不是有效的主机名或地址。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="186"/>
        <source>&quot;%1&quot; is not a valid user name.</source>
        <translation>“%1”不是有效的用户名。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="189"/>
        <source>Port %1 is out of range: use 1 to 65535.</source>
        <translation>端口 %1 超出范围：请使用 1 到 65535。</translation>
    </message>
</context>
<context>
    <name>ConnectionUri</name>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="35"/>
        <source>Enter a connection URI, for example qemu:///system.</source>
        <translation>请输入连接 URI，例如 qemu:///system。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="38"/>
        <source>A connection URI cannot contain spaces: write a space in a file path as %20.</source>
        <translation>连接 URI 不能包含空格：文件路径中的空格请写作 %20。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="43"/>
        <source>A connection URI starts with a driver and &quot;://&quot;, for example qemu:///system or qemu+ssh://user@host/system.</source>
        <translation>连接 URI 以驱动名和“://”开头，例如 qemu:///system 或 qemu+ssh://user@host/system。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="58"/>
        <source>Port &quot;%1&quot; is out of range: use 1 to 65535.</source>
        <translation>端口“%1”超出范围：请使用 1 到 65535。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="65"/>
        <source>This is not a valid URI: %1</source>
        <translation>这不是有效的 URI：%1</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="76"/>
        <source>Unknown hypervisor driver &quot;%1&quot;: use one of %2.</source>
        <translation>未知的虚拟化驱动“%1”：请使用以下之一：%2。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="81"/>
        <source>Unknown transport &quot;%1&quot;: use one of %2.</source>
        <translation>未知的传输方式“%1”：请使用以下之一：%2。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="85"/>
        <source>Do not put a password in the URI: Balloonscope asks for it when it connects and can keep it in the desktop keyring.</source>
        <translation>请勿在 URI 中写入密码：Balloonscope 会在连接时询问，并可将其保存在桌面密钥环中。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="97"/>
        <source>A %1 connection needs a host name, for example %2+%1://root@kvm1.example.com/system.</source>
        <translation>%1 连接需要主机名，例如 %2+%1://root@kvm1.example.com/system。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="103"/>
        <source>The unix transport is local: remove the host name.</source>
        <translation>unix 传输方式仅用于本机：请去掉主机名。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="110"/>
        <source>A qemu URI ends in /system, /session or /embed, not &quot;%1&quot;.</source>
        <translation>qemu URI 应以 /system、/session 或 /embed 结尾，而不是“%1”。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="116"/>
        <source>qemu:///embed needs a root directory, for example qemu:///embed?root=/tmp/vms.</source>
        <translation>qemu:///embed 需要一个根目录，例如 qemu:///embed?root=/tmp/vms。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="121"/>
        <source>A test URI needs a path: test:///default or the path of a test driver XML file.</source>
        <translation>test URI 需要路径：test:///default 或测试驱动 XML 文件的路径。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="127"/>
        <source>The keyfile parameter is empty.</source>
        <translation>keyfile 参数为空。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="150"/>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionUri.cpp" line="153"/>
        <source>test driver (%1)</source>
        <translation>测试驱动（%1）</translation>
    </message>
</context>
<context>
    <name>DomainsCommand</name>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="14"/>
        <source>List the guests of a host with their state, balloon device and stats state.</source>
        <translation>列出宿主机上的虚拟机及其状态、气球设备和统计状态。</translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="20"/>
        <source>Print JSON.</source>
        <translation>输出 JSON。</translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="33"/>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="62"/>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="63"/>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="64"/>
        <source>BALLOON</source>
        <translation>气球</translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="65"/>
        <source>PERIOD</source>
        <translation>周期</translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="66"/>
        <source>STATS</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="67"/>
        <source>UUID</source>
        <translation>UUID</translation>
    </message>
</context>
<context>
    <name>SampleCommand</name>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="24"/>
        <source>Poll a host&apos;s guests and print their memory samples, as the GUI charts them. Sizes are KiB; absent fields are shown as - (text) or null (JSON).</source>
        <translation>轮询宿主机上的虚拟机并输出其内存采样（与图形界面绘制的数据相同）。大小单位为 KiB；缺失的字段显示为 -（文本）或 null（JSON）。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="32"/>
        <source>Print one JSON object per guest per sample (JSON Lines).</source>
        <translation>每台虚拟机每次采样输出一个 JSON 对象（JSON Lines）。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="34"/>
        <source>Number of samples (default 1, 0 = until interrupted).</source>
        <translation>采样次数（默认 1，0 表示直到被中断）。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="37"/>
        <source>Seconds between samples, 1-3600 (default 5).</source>
        <translation>采样间隔秒数，1-3600（默认 5）。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="47"/>
        <source>--count must be a number of samples (0 or more), not &quot;%1&quot;.</source>
        <translation>--count 必须是采样次数（0 或更大），而不是“%1”。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="54"/>
        <source>--interval must be 1 to 3600 seconds, not &quot;%1&quot;.</source>
        <translation>--interval 必须是 1 到 3600 秒，而不是“%1”。</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="66"/>
        <source>TIME</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="67"/>
        <source>GUEST</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="68"/>
        <source>ACTUAL</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="69"/>
        <source>AVAILABLE</source>
        <translation>可见总量</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="70"/>
        <source>UNUSED</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="71"/>
        <source>USABLE</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="72"/>
        <source>USED</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="73"/>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="74"/>
        <source>REPORT</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="75"/>
        <source>STATS</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="98"/>
        <source>new</source>
        <translation>新</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="98"/>
        <source>repeat</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../cli/commands/SampleCommand.cpp" line="104"/>
        <source>Could not connect to %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
</context>
<context>
    <name>bs::Connection</name>
    <message>
        <location filename="../core/libvirt/Connection.cpp" line="84"/>
        <source>Internal error: libvirt&apos;s event loop is not running.</source>
        <translation>内部错误：libvirt 事件循环未运行。</translation>
    </message>
    <message>
        <location filename="../core/libvirt/Connection.cpp" line="101"/>
        <source>Connecting to %1 was cancelled: no credentials were given.</source>
        <translation>连接 %1 已取消：未提供凭据。</translation>
    </message>
</context>
<context>
    <name>bs::ConnectionEvents</name>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="80"/>
        <source>the daemon closed the connection</source>
        <translation>守护进程关闭了连接</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="83"/>
        <source>the host stopped answering (keepalive timeout)</source>
        <translation>宿主机停止响应（keepalive 超时）</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="86"/>
        <source>closed by Balloonscope</source>
        <translation>由 Balloonscope 关闭</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="89"/>
        <source>an I/O error broke the connection</source>
        <translation>I/O 错误导致连接中断</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="97"/>
        <source>defined</source>
        <translation>已定义</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="99"/>
        <source>undefined</source>
        <translation>已取消定义</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="101"/>
        <source>started</source>
        <translation>已启动</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="103"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="105"/>
        <source>resumed</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="108"/>
        <source>destroyed</source>
        <translation>已强制关闭</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="110"/>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="117"/>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="111"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="113"/>
        <source>shutting down</source>
        <translation>正在关机</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="115"/>
        <source>suspended to memory/disk</source>
        <translation>已挂起到内存/磁盘</translation>
    </message>
    <message>
        <location filename="../core/libvirt/ConnectionEvents.cpp" line="119"/>
        <source>event %1</source>
        <translation>事件 %1</translation>
    </message>
</context>
<context>
    <name>bs::DomainState</name>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="41"/>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="43"/>
        <source>blocked</source>
        <translation>阻塞</translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="45"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="47"/>
        <source>shutting down</source>
        <translation>正在关机</translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="49"/>
        <source>shut off</source>
        <translation>已关机</translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="51"/>
        <source>crashed</source>
        <translation>已崩溃</translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="53"/>
        <source>suspended</source>
        <translation>已挂起</translation>
    </message>
    <message>
        <location filename="../core/libvirt/DomainState.cpp" line="58"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>bs::HostStatus</name>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="12"/>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="14"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="16"/>
        <source>needs credentials</source>
        <translation>需要凭据</translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="18"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="20"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="22"/>
        <source>authentication failed</source>
        <translation>认证失败</translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="24"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="52"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../core/monitor/HostStatus.cpp" line="56"/>
        <source>%1, retry in %2 s</source>
        <translation>%1，%2 秒后重试</translation>
    </message>
</context>
<context>
    <name>bs::StatsCollector</name>
    <message>
        <location filename="../core/monitor/StatsCollector.cpp" line="69"/>
        <source>Could not read the guests&apos; statistics</source>
        <translation>无法读取虚拟机的统计信息</translation>
    </message>
    <message>
        <location filename="../core/monitor/StatsCollector.cpp" line="108"/>
        <source>Could not list the guests</source>
        <translation>无法列出虚拟机</translation>
    </message>
</context>
<context>
    <name>bs::StatsState</name>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="39"/>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="41"/>
        <source>no balloon device</source>
        <translation>无气球设备</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="43"/>
        <source>stats off</source>
        <translation>统计未开启</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="45"/>
        <source>waiting for first report</source>
        <translation>等待首次报告</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="47"/>
        <source>no driver</source>
        <translation>无驱动</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="49"/>
        <source>stale</source>
        <translation>已停滞</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="51"/>
        <source>reporting</source>
        <translation>正在报告</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="55"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="83"/>
        <source>The guest is not running, so it cannot report.</source>
        <translation>虚拟机未运行，因此无法报告。</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="86"/>
        <source>The guest has no virtio balloon device. Switch its configuration to &lt;memballoon model=&apos;virtio&apos;&gt; and restart it.</source>
        <translation>该虚拟机没有 virtio 气球设备。请将其配置改为 &lt;memballoon model=&apos;virtio&apos;&gt; 并重启虚拟机。</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="90"/>
        <source>No stats period is set, so the balloon driver is never asked for statistics. Set a period (for example 10 s).</source>
        <translation>未设置统计周期，因此从不向气球驱动请求统计信息。请设置一个周期（例如 10 秒）。</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="95"/>
        <source>A stats period is set; waiting two periods for the first report.</source>
        <translation>已设置统计周期；正在等待两个周期以获得首次报告。</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="98"/>
        <source>A period is set but the guest never reported: no balloon driver is loaded in the guest (Linux: virtio_balloon; Windows: the virtio-win balloon driver).</source>
        <translation>已设置周期，但虚拟机从未报告：虚拟机中没有加载气球驱动（Linux：virtio_balloon；Windows：virtio-win 气球驱动）。</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="103"/>
        <source>The guest reported before but its reports stopped: the driver is loaded but nothing feeds it (Windows: BalloonService is not running).</source>
        <translation>虚拟机曾经报告过，但报告已停止：驱动已加载，但没有程序向其提供数据（Windows：BalloonService 未运行）。</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="108"/>
        <source>The guest reports its memory.</source>
        <translation>虚拟机正在报告其内存使用情况。</translation>
    </message>
    <message>
        <location filename="../core/metrics/StatsState.cpp" line="112"/>
        <source>Not enough information yet.</source>
        <translation>暂无足够信息。</translation>
    </message>
</context>
<context>
    <name>bs::cli::TerminalCredentials</name>
    <message>
        <location filename="../cli/TerminalCredentials.cpp" line="42"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
</context>
<context>
    <name>bs::gui::CommandLine</name>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="13"/>
        <source>Usage: balloonscope [OPTIONS]

Shows what the guests on KVM/libvirt hosts really do with their memory.

Options:
  -c, --connect URI   connect to this libvirt URI (repeat for several hosts),
                      e.g. qemu:///system or qemu+ssh://root@kvm1/system
  --readonly          open the connections given with --connect read-only
  --demo              show the built-in demo host
  --lang LANG         user interface language (en, zh_CN); default: the system&apos;s
  --settings FILE     keep settings in FILE instead of the user&apos;s settings
  -h, --help          show this help
  -v, --version       show the version
</source>
        <translation>用法：balloonscope [选项]

显示 KVM/libvirt 宿主机上的虚拟机实际如何使用内存。

选项：
  -c, --connect URI   连接到此 libvirt URI（可重复以连接多台宿主机），
                      例如 qemu:///system 或 qemu+ssh://root@kvm1/system
  --readonly          以只读方式打开 --connect 指定的连接
  --demo              显示内置的演示宿主机
  --lang LANG         界面语言（en、zh_CN）；默认跟随系统
  --settings FILE     将设置保存在 FILE 中，而不是用户的设置
  -h, --help          显示此帮助
  -v, --version       显示版本
</translation>
    </message>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="60"/>
        <source>--connect needs a URI.</source>
        <translation>--connect 需要一个 URI。</translation>
    </message>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="64"/>
        <source>Invalid URI &quot;%1&quot;: %2</source>
        <translation>无效的 URI“%1”：%2</translation>
    </message>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="70"/>
        <source>--lang needs a language, e.g. zh_CN.</source>
        <translation>--lang 需要一种语言，例如 zh_CN。</translation>
    </message>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="76"/>
        <source>--settings needs a file name.</source>
        <translation>--settings 需要一个文件名。</translation>
    </message>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="81"/>
        <source>Unknown option &quot;%1&quot;.</source>
        <translation>未知选项“%1”。</translation>
    </message>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="84"/>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>意外的参数“%1”。</translation>
    </message>
</context>
<context>
    <name>bs::gui::ConnectionDialog</name>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="43"/>
        <source>Connect to the user&apos;s session daemon (/session)</source>
        <translation>连接到用户会话守护进程（/session）</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="47"/>
        <source>Read-only (monitor only; changes are disabled)</source>
        <translation>只读（仅监控；禁止修改）</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="48"/>
        <source>Connect when Balloonscope starts</source>
        <translation>Balloonscope 启动时自动连接</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="51"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="54"/>
        <source>This machine: system (qemu:///system)</source>
        <translation>本机：系统（qemu:///system）</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="55"/>
        <source>This machine: session (qemu:///session)</source>
        <translation>本机：会话（qemu:///session）</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="56"/>
        <source>Remote host over SSH</source>
        <translation>通过 SSH 连接远程宿主机</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="57"/>
        <source>libvirt test driver (test:///default)</source>
        <translation>libvirt 测试驱动（test:///default）</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="58"/>
        <source>Custom URI</source>
        <translation>自定义 URI</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="61"/>
        <source>Nothing else to fill in.</source>
        <translation>无需填写其他内容。</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="67"/>
        <source>root</source>
        <translation>root</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="68"/>
        <source>kvm1.example.com</source>
        <translation>kvm1.example.com</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="70"/>
        <source>default (22)</source>
        <translation>默认（22）</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="71"/>
        <source>optional, e.g. ~/.ssh/id_ed25519</source>
        <translation>可选，例如 ~/.ssh/id_ed25519</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="74"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="80"/>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="82"/>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="84"/>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="86"/>
        <source>SSH &amp;key file:</source>
        <translation>SSH 密钥文件(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="88"/>
        <source>OpenSSH (your ssh keys, agent and config)</source>
        <translation>OpenSSH（使用您的 ssh 密钥、代理和配置）</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="89"/>
        <source>Built-in (asks for passwords and host keys here)</source>
        <translation>内置客户端（在此询问密码和主机密钥）</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="90"/>
        <source>OpenSSH needs key or agent authentication and a known host key. The built-in client (libssh) asks for passwords, key passphrases and unknown host keys in Balloonscope.</source>
        <translation>OpenSSH 需要密钥或代理认证，并且主机密钥必须已知。内置客户端（libssh）会在 Balloonscope 中询问密码、密钥口令以及未知的主机密钥。</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="93"/>
        <source>SSH &amp;client:</source>
        <translation>SSH 客户端(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="101"/>
        <source>&amp;URI:</source>
        <translation>&amp;URI：</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="105"/>
        <source>Edit URI</source>
        <translation>编辑 URI</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="106"/>
        <source>Edit the URI by hand (switches to &quot;Custom URI&quot;)</source>
        <translation>手动编辑 URI（切换到“自定义 URI”）</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="112"/>
        <source>&amp;Connect to:</source>
        <translation>连接到(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="117"/>
        <source>Resulting URI:</source>
        <translation>生成的 URI：</translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="200"/>
        <source>SSH private key</source>
        <translation>SSH 私钥</translation>
    </message>
</context>
<context>
    <name>bs::gui::CredentialDialog</name>
    <message>
        <location filename="../gui/app/CredentialDialog.cpp" line="25"/>
        <source>Unknown host key</source>
        <translation>未知的主机密钥</translation>
    </message>
    <message>
        <location filename="../gui/app/CredentialDialog.cpp" line="32"/>
        <source>&lt;p&gt;Balloonscope has never seen the SSH key of &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Key fingerprint:&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;Accept it only if it matches the host&apos;s own key (on the host: &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt;). An accepted key is added to your known hosts.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Balloonscope 从未见过 &lt;b&gt;%1&lt;/b&gt; 的 SSH 密钥。&lt;/p&gt;&lt;p&gt;密钥指纹：&lt;br&gt;&lt;tt&gt;%2&lt;/tt&gt;&lt;/p&gt;&lt;p&gt;仅当它与该主机自身的密钥一致时才接受（在该主机上运行：&lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt;）。接受的密钥会加入您的已知主机列表。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../gui/app/CredentialDialog.cpp" line="45"/>
        <source>Accept key</source>
        <translation>接受密钥</translation>
    </message>
    <message>
        <location filename="../gui/app/CredentialDialog.cpp" line="46"/>
        <source>Refuse</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../gui/app/CredentialDialog.cpp" line="60"/>
        <source>Credentials for %1</source>
        <translation>%1 的凭据</translation>
    </message>
    <message>
        <location filename="../gui/app/CredentialDialog.cpp" line="61"/>
        <source>The host &lt;b&gt;%1&lt;/b&gt; asks for the following to connect.</source>
        <translation>宿主机 &lt;b&gt;%1&lt;/b&gt; 需要以下信息才能连接。</translation>
    </message>
    <message>
        <location filename="../gui/app/CredentialDialog.cpp" line="77"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../gui/app/CredentialDialog.cpp" line="82"/>
        <source>Remember in the desktop keyring</source>
        <translation>保存到桌面密钥环</translation>
    </message>
    <message>
        <location filename="../gui/app/CredentialDialog.cpp" line="85"/>
        <source>No desktop keyring is available.</source>
        <translation>没有可用的桌面密钥环。</translation>
    </message>
</context>
<context>
    <name>bs::gui::GuestPanel</name>
    <message>
        <location filename="../gui/guests/GuestPanel.cpp" line="22"/>
        <source>Filter guests by name, host, state or stats state (Ctrl+F)</source>
        <translation>按名称、宿主机、状态或统计状态筛选虚拟机（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>bs::gui::GuestTableModel</name>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="51"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/guests/GuestTableModel.cpp" line="53"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n 秒前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/guests/GuestTableModel.cpp" line="55"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/guests/GuestTableModel.cpp" line="57"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/guests/GuestTableModel.cpp" line="58"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="113"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="182"/>
        <source>Used = available − unused (Linux: MemTotal − MemFree, page cache counts as used).</source>
        <translation>已用 = 可见总量 − 空闲（Linux：MemTotal − MemFree，页缓存计为已用）。</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="185"/>
        <source>Usable: what the guest could still use without swapping (Linux: MemAvailable).</source>
        <translation>可用：虚拟机无需换页仍可使用的内存（Linux：MemAvailable）。</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="188"/>
        <source>Actual: the balloon size, what the host currently gives the guest.</source>
        <translation>实际：气球大小，即宿主机当前分配给虚拟机的内存。</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="190"/>
        <source>RSS: the QEMU process&apos;s resident memory on the host.</source>
        <translation>RSS：QEMU 进程在宿主机上的常驻内存。</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="192"/>
        <source>Used as a share of the memory the guest sees (available).</source>
        <translation>已用内存占虚拟机可见内存（可见总量）的比例。</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="206"/>
        <source>Guest</source>
        <translation>虚拟机</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="208"/>
        <source>Host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="210"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="212"/>
        <source>Actual</source>
        <translation>实际</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="214"/>
        <source>Used</source>
        <translation>已用</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="216"/>
        <source>Usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="218"/>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="220"/>
        <source>Used %</source>
        <translation>已用 %</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="222"/>
        <source>Stats</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="224"/>
        <source>Last report</source>
        <translation>上次报告</translation>
    </message>
</context>
<context>
    <name>bs::gui::GuiCredentialProvider</name>
    <message>
        <location filename="../gui/app/GuiCredentialProvider.cpp" line="88"/>
        <source>Could not store the answer in the desktop keyring: %1</source>
        <translation>无法将回答保存到桌面密钥环：%1</translation>
    </message>
</context>
<context>
    <name>bs::gui::HostListModel</name>
    <message>
        <location filename="../gui/hosts/HostListModel.cpp" line="66"/>
        <source>%1 [Demo]</source>
        <translation>%1 [演示]</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/hosts/HostListModel.cpp" line="68"/>
        <source>%1 — %n guest(s)</source>
        <translation>
            <numerusform>%1 — %n 台虚拟机</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/hosts/HostListModel.cpp" line="82"/>
        <source>Host name: %1</source>
        <translation>主机名：%1</translation>
    </message>
    <message>
        <location filename="../gui/hosts/HostListModel.cpp" line="84"/>
        <source>Read-only connection</source>
        <translation>只读连接</translation>
    </message>
    <message>
        <location filename="../gui/hosts/HostListModel.cpp" line="101"/>
        <source>Host</source>
        <translation>宿主机</translation>
    </message>
    <message>
        <location filename="../gui/hosts/HostListModel.cpp" line="101"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>bs::gui::HostPanel</name>
    <message>
        <location filename="../gui/hosts/HostPanel.cpp" line="28"/>
        <source>No host yet. &lt;a href=&quot;add&quot;&gt;Add a connection…&lt;/a&gt;</source>
        <translation>尚无宿主机。&lt;a href=&quot;add&quot;&gt;添加连接…&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>bs::gui::LiveChart</name>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="24"/>
        <source>Used (available − unused)</source>
        <translation>已用（可见总量 − 空闲）</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="26"/>
        <source>Used excl. cache (available − usable)</source>
        <translation>已用（不含缓存）（可见总量 − 可用）</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="28"/>
        <source>Actual (balloon size)</source>
        <translation>实际（气球大小）</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="30"/>
        <source>Available (guest total)</source>
        <translation>可见总量（虚拟机总内存）</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="32"/>
        <source>RSS (QEMU on the host)</source>
        <translation>RSS（宿主机上的 QEMU）</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="58"/>
        <source>Window:</source>
        <translation>时间窗口：</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="59"/>
        <source>5 minutes</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="60"/>
        <source>15 minutes</source>
        <translation>15 分钟</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="61"/>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="62"/>
        <source>2 hours</source>
        <translation>2 小时</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="65"/>
        <source>Unit:</source>
        <translation>单位：</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="66"/>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="84"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="154"/>
        <source>Memory of %1</source>
        <translation>%1 的内存</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="161"/>
        <source>Select a guest to chart its memory</source>
        <translation>选择一台虚拟机以绘制其内存曲线</translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="224"/>
        <source>Memory (%1)</source>
        <translation>内存（%1）</translation>
    </message>
</context>
<context>
    <name>bs::gui::MainWindow</name>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="67"/>
        <source>Balloonscope</source>
        <translation>Balloonscope</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="120"/>
        <source>&amp;New Connection…</source>
        <translation>新建连接(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="125"/>
        <source>&amp;Edit Connection…</source>
        <translation>编辑连接(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="129"/>
        <source>&amp;Remove Connection</source>
        <translation>删除连接(&amp;R)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="133"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="137"/>
        <source>&amp;Disconnect</source>
        <translation>断开连接(&amp;D)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="141"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="145"/>
        <source>&amp;Find Guest</source>
        <translation>查找虚拟机(&amp;F)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="150"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="155"/>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="160"/>
        <source>&amp;About Balloonscope</source>
        <translation>关于 Balloonscope(&amp;A)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="169"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="179"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="183"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="186"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="189"/>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="198"/>
        <source>Poll every </source>
        <translation>轮询间隔 </translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="200"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="203"/>
        <source>How often each host is asked for its guests&apos; statistics (1–3600 s).</source>
        <translation>向每台宿主机查询虚拟机统计信息的频率（1–3600 秒）。</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="281"/>
        <source>Remove connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="282"/>
        <source>Stop watching %1 and forget this connection?</source>
        <translation>停止监控 %1 并删除此连接？</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="319"/>
        <source>About Balloonscope</source>
        <translation>关于 Balloonscope</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="320"/>
        <source>&lt;h3&gt;Balloonscope %1&lt;/h3&gt;&lt;p&gt;Shows what the guests on KVM/libvirt hosts really do with their memory, from the virtio-balloon statistics.&lt;/p&gt;&lt;p&gt;Qt %2 · libvirt %3 · QCustomPlot %4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Balloonscope %1&lt;/h3&gt;&lt;p&gt;根据 virtio-balloon 统计信息，显示 KVM/libvirt 宿主机上的虚拟机实际如何使用内存。&lt;/p&gt;&lt;p&gt;Qt %2 · libvirt %3 · QCustomPlot %4&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="405"/>
        <source>&lt;b&gt;%1:&lt;/b&gt; %2 Only host-side figures (actual, RSS) are charted.</source>
        <translation>&lt;b&gt;%1：&lt;/b&gt;%2 图中仅绘制宿主机侧的数据（实际、RSS）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/mainwindow/MainWindow.cpp" line="429"/>
        <source>%1 of %n host(s) connected</source>
        <translation>
            <numerusform>已连接 %1/%n 台宿主机</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/mainwindow/MainWindow.cpp" line="430"/>
        <source>, %n guest(s)</source>
        <translation>
            <numerusform>，%n 台虚拟机</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="432"/>
        <source> · last poll %1</source>
        <translation> · 上次轮询 %1</translation>
    </message>
</context>
<context>
    <name>bs::gui::PreferencesDialog</name>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="30"/>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="31"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="33"/>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="34"/>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="35"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="38"/>
        <source>Run guest-agent checks by default on new hosts</source>
        <translation>对新宿主机默认运行客户机代理检查</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="41"/>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="44"/>
        <source>Monitoring</source>
        <translation>监控</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="46"/>
        <source>How often each host is asked for its guests&apos; statistics.</source>
        <translation>向每台宿主机查询虚拟机统计信息的频率。</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="47"/>
        <source>Poll every:</source>
        <translation>轮询间隔：</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="48"/>
        <source>The stats period the stats-period dialog proposes for guests.</source>
        <translation>统计周期对话框为虚拟机建议的统计周期。</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="49"/>
        <source>Default stats period:</source>
        <translation>默认统计周期：</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="54"/>
        <source>Warn when a balloon target leaves less than this much above the guest&apos;s used memory.</source>
        <translation>当气球目标值高出虚拟机已用内存的余量小于此比例时发出警告。</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="55"/>
        <source>Balloon target safety margin:</source>
        <translation>气球目标安全余量：</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="57"/>
        <source>Agent checks send commands to the QEMU guest agent; libvirt then marks the guest as &quot;tainted&quot;. They stay off unless you turn them on.</source>
        <translation>代理检查会向 QEMU 客户机代理发送命令，libvirt 随后会将该虚拟机标记为“tainted”（已污染）。除非您开启，否则此功能保持关闭。</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="62"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="64"/>
        <source>Keep raw samples for:</source>
        <translation>原始采样保留：</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="65"/>
        <source>Keep 1-minute summaries for:</source>
        <translation>1 分钟汇总保留：</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="66"/>
        <source>Keep 1-hour summaries for:</source>
        <translation>1 小时汇总保留：</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="69"/>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="71"/>
        <source>Automatic (MiB or GiB)</source>
        <translation>自动（MiB 或 GiB）</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="75"/>
        <source>Memory unit:</source>
        <translation>内存单位：</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="76"/>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="80"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../gui/settings/PreferencesDialog.cpp" line="81"/>
        <source>A new language applies the next time Balloonscope starts.</source>
        <translation>新语言将在下次启动 Balloonscope 时生效。</translation>
    </message>
</context>
<context>
    <name>bs::units</name>
    <message>
        <location filename="../core/common/Units.cpp" line="61"/>
        <source>&quot;%1&quot; is not a size: use a number with KiB, MiB or GiB, for example 512MiB or 2GiB.</source>
        <translation>“%1”不是有效的大小：请使用带 KiB、MiB 或 GiB 的数字，例如 512MiB 或 2GiB。</translation>
    </message>
    <message>
        <location filename="../core/common/Units.cpp" line="77"/>
        <source>The size &quot;%1&quot; is too large.</source>
        <translation>大小“%1”过大。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../cli/main.cpp" line="24"/>
        <source>Usage: balloonscope-cli COMMAND [OPTIONS]</source>
        <translation>用法：balloonscope-cli 命令 [选项]</translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="27"/>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="32"/>
        <source>Run &quot;balloonscope-cli COMMAND --help&quot; for a command&apos;s options.</source>
        <translation>运行“balloonscope-cli 命令 --help”查看命令的选项。</translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="35"/>
        <source>Exit codes: 0 ok, 1 not all good, 2 bad arguments, 3 connection or authentication failure, 4 other failure.</source>
        <translation>退出码：0 成功，1 并非全部正常，2 参数错误，3 连接或认证失败，4 其他失败。</translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="71"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>未知命令“%1”。</translation>
    </message>
</context>
</TS>
