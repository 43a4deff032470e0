<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    <name>DomainsCommand</name>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="62"/>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="63"/>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/DomainsCommand.cpp" line="64"/>
        <source>BALLOON</source>
        <translation type="unfinished"></translation>
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
    <name>HostCommand</name>
    <message>
        <location filename="../cli/commands/HostCommand.cpp" line="15"/>
        <source>Show a host&apos;s memory: free memory, the guests&apos; overcommit, KSM and huge pages, with advice. Figures a host cannot give are marked &quot;not available on this host&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostCommand.cpp" line="25"/>
        <source>Print JSON (sizes in KiB; one indented object, or one line per overview with --count).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostCommand.cpp" line="29"/>
        <source>Number of overviews, one per poll (default 1). Two or more tell whether KSM is scanning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostCommand.cpp" line="33"/>
        <source>Seconds between polls, 1-3600 (default 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostCommand.cpp" line="43"/>
        <source>--count must be a number of overviews (1 or more), not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostCommand.cpp" line="50"/>
        <source>--interval must be 1 to 3600 seconds, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostCommand.cpp" line="94"/>
        <source>Could not connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostText</name>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="47"/>
        <source>%1× the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="62"/>
        <source>Memory (virsh nodememstats)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="64"/>
        <source>total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="65"/>
        <source>free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="66"/>
        <source>buffers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="67"/>
        <source>cached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="69"/>
        <source>Node (virsh nodeinfo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="71"/>
        <source>memory size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="72"/>
        <source>CPUs, NUMA cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="81"/>
        <source>Guests against the host (%1 running of %2; host total %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="84"/>
        <location filename="../cli/commands/HostText.cpp" line="131"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="86"/>
        <source>sum of maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="87"/>
        <source>sum of actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="88"/>
        <source>sum of used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="88"/>
        <source>%1 (%2 of %3 guests report)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="93"/>
        <source>used of their memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="95"/>
        <source>all defined, maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="100"/>
        <source>KSM (virsh node-memory-tune)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="117"/>
        <source>saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="117"/>
        <source>%1 KiB (%2 MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="121"/>
        <source>sharing ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="123"/>
        <source>scan rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="125"/>
        <source>%1 pages/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="127"/>
        <source>ksmd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="128"/>
        <source>page size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="135"/>
        <source>Huge pages (virsh capabilities, virsh freepages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="138"/>
        <source>pools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="138"/>
        <location filename="../cli/commands/HostText.cpp" line="156"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="144"/>
        <source>cell %1, %2 KiB pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="145"/>
        <source>%1 total, %2 free%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="147"/>
        <source> (more free than total)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="154"/>
        <source>%1 (shut off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="155"/>
        <source>guests on huge pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="160"/>
        <source>Host %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="167"/>
        <source>Advice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/commands/HostText.cpp" line="169"/>
        <source>nothing to point out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleCommand</name>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::AdviceRules</name>
    <message numerus="yes">
        <location filename="../core/host/AdviceRules.cpp" line="26"/>
        <source>%n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRules.cpp" line="65"/>
        <source>The host has %1 free, %2 with buffers and cache: %3 % of its %4. A guest that grows or starts will push it into reclaim and swap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRules.cpp" line="90"/>
        <source>The running guests&apos; maximum memory, %1, oversells the host&apos;s %2 by %3×.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRules.cpp" line="96"/>
        <source>The guests that report (%1 of %2) use %3 % of their memory: little is left for ballooning to take back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRules.cpp" line="98"/>
        <source>The guests that report (%1 of %2) use %3 % of their memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRules.cpp" line="104"/>
        <source>No running guest reports its own use, so how much ballooning could take back is unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRules.cpp" line="118"/>
        <source>The running guests hold %1 now (their balloons&apos; current size), %2 % of the host&apos;s %3. QEMU&apos;s own overhead and the host need the rest: a balloon that deflates, or one more guest, will push the host into swap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRules.cpp" line="151"/>
        <source>Running guests with a balloon that report no memory statistics: %1 (%2 of %3). The host cannot tell how much of their memory they use, nor how far their balloons could safely inflate; Readiness shows each guest&apos;s cause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRules.cpp" line="183"/>
        <source>Running guests without a usable balloon device: %1 (%2 of %3), while the host is oversold by %4×. Their memory can only be taken back by restarting them with less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRules.cpp" line="225"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRules.cpp" line="226"/>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRulesPages.cpp" line="33"/>
        <source>KSM has made %1 full scans (at up to %2 pages/s) over %3 pages but saves nothing: its CPU cost does not pay. If the guests do not share an image, consider turning KSM off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRulesPages.cpp" line="39"/>
        <source>KSM has made %1 full scans (at up to %2 pages/s) but saves only %3, %4 % of the host&apos;s memory, rescanning %5 unique pages for each page it saves: its CPU cost may not pay. If the guests do not share an image, consider turning KSM off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRulesPages.cpp" line="77"/>
        <source>KSM saves %1, more than the %2 the host has free with buffers and cache: turning KSM off (or unmerging) would push the host into swap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRulesPages.cpp" line="90"/>
        <source>KSM saves %1, %2 % of the host&apos;s memory, with %3 mappings per shared page. Turning it off needs that much free memory; the host has %4 free with buffers and cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRulesPages.cpp" line="109"/>
        <source>KSM merges pages across the host&apos;s %1 NUMA nodes (merge_across_nodes = 1): a guest may read a merged page from a remote node. With guests pinned to nodes, 0 keeps pages local at the cost of some of the %2 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRulesPages.cpp" line="140"/>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRulesPages.cpp" line="163"/>
        <source>%1 of huge pages are reserved and free (%2), and no guest of this host is configured for huge pages: unless something outside libvirt uses them, that memory is lost to the host and its guests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRulesPages.cpp" line="169"/>
        <source>%1 of huge pages are reserved and free (%2), kept for guests that are shut off (%3): until they start, nothing else can use that memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRulesPages.cpp" line="176"/>
        <source>%1 of the %2 reserved as huge pages are free (%3): free huge pages cannot be used for anything but huge-page guests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/AdviceRulesPages.cpp" line="219"/>
        <source>Guest %1 is configured for %2 in %3 huge pages, but only %4 of them are free: it will not start until pages are freed or added (virsh allocpages).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::CapabilitiesParser</name>
    <message>
        <location filename="../core/host/CapabilitiesParser.cpp" line="80"/>
        <source>The host&apos;s capabilities could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::Connection</name>
    <message>
        <location filename="../core/libvirt/Connection.cpp" line="87"/>
        <source>Internal error: libvirt&apos;s event loop is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/libvirt/Connection.cpp" line="104"/>
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
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::FigureStatus</name>
    <message>
        <location filename="../core/host/FigureStatus.cpp" line="44"/>
        <source>not read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/FigureStatus.cpp" line="46"/>
        <source>available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/FigureStatus.cpp" line="48"/>
        <source>not available on this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/FigureStatus.cpp" line="50"/>
        <source>not available on this connection (permission)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/FigureStatus.cpp" line="53"/>
        <source>could not be read this time</source>
        <translation type="unfinished"></translation>
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
    <name>bs::KsmFigures</name>
    <message>
        <location filename="../core/host/KsmFigures.cpp" line="139"/>
        <source>unknown (one reading so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/KsmFigures.cpp" line="141"/>
        <source>off (never scanned since boot)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/KsmFigures.cpp" line="143"/>
        <source>scanning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/host/KsmFigures.cpp" line="145"/>
        <source>stopped (merged pages kept)</source>
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
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
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
    <name>bs::cli::TerminalCredentials</name>
    <message>
        <location filename="../cli/TerminalCredentials.cpp" line="42"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="60"/>
        <source>--connect needs a URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="64"/>
        <source>Invalid URI &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="70"/>
        <source>--lang needs a language, e.g. zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="76"/>
        <source>--settings needs a file name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="81"/>
        <source>Unknown option &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/app/CommandLine.cpp" line="84"/>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::gui::ConnectionDialog</name>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="43"/>
        <source>Connect to the user&apos;s session daemon (/session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="46"/>
        <source>Read-only (monitor only; changes are disabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="47"/>
        <source>Connect when Balloonscope starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="50"/>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="53"/>
        <source>This machine: system (qemu:///system)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="54"/>
        <source>This machine: session (qemu:///session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="55"/>
        <source>Remote host over SSH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="56"/>
        <source>libvirt test driver (test:///default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="57"/>
        <source>Custom URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="60"/>
        <source>Nothing else to fill in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="66"/>
        <source>root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="67"/>
        <source>kvm1.example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="69"/>
        <source>default (22)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="70"/>
        <source>optional, e.g. ~/.ssh/id_ed25519</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="73"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="79"/>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="81"/>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="83"/>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="85"/>
        <source>SSH &amp;key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="94"/>
        <source>&amp;URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="98"/>
        <source>Edit URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="99"/>
        <source>Edit the URI by hand (switches to &quot;Custom URI&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="105"/>
        <source>&amp;Connect to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="110"/>
        <source>Resulting URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/connection/ConnectionDialog.cpp" line="191"/>
        <source>SSH private key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::gui::CredentialDialog</name>
    <message>
        <location filename="../gui/app/CredentialDialog.cpp" line="13"/>
        <source>Credentials for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/app/CredentialDialog.cpp" line="15"/>
        <source>The host &lt;b&gt;%1&lt;/b&gt; asks for the following to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/app/CredentialDialog.cpp" line="26"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::gui::GuestPanel</name>
    <message>
        <location filename="../gui/guests/GuestPanel.cpp" line="22"/>
        <source>Filter guests by name, host, state or stats state (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::gui::GuestTableModel</name>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="51"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/guests/GuestTableModel.cpp" line="53"/>
        <source>%n s ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/guests/GuestTableModel.cpp" line="55"/>
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/guests/GuestTableModel.cpp" line="57"/>
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/guests/GuestTableModel.cpp" line="58"/>
        <source>%n days ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="113"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="182"/>
        <source>Used = available − unused (Linux: MemTotal − MemFree, page cache counts as used).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="185"/>
        <source>Usable: what the guest could still use without swapping (Linux: MemAvailable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="188"/>
        <source>Actual: the balloon size, what the host currently gives the guest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="190"/>
        <source>RSS: the QEMU process&apos;s resident memory on the host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="192"/>
        <source>Used as a share of the memory the guest sees (available).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="206"/>
        <source>Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="208"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="210"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="212"/>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="214"/>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="216"/>
        <source>Usable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="218"/>
        <source>RSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="220"/>
        <source>Used %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="222"/>
        <source>Stats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/guests/GuestTableModel.cpp" line="224"/>
        <source>Last report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::gui::HostListModel</name>
    <message>
        <location filename="../gui/hosts/HostListModel.cpp" line="66"/>
        <source>%1 [Demo]</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/hosts/HostListModel.cpp" line="68"/>
        <source>%1 — %n guest(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/hosts/HostListModel.cpp" line="82"/>
        <source>Host name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/hosts/HostListModel.cpp" line="84"/>
        <source>Read-only connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/hosts/HostListModel.cpp" line="101"/>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/hosts/HostListModel.cpp" line="101"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::gui::HostPanel</name>
    <message>
        <location filename="../gui/hosts/HostPanel.cpp" line="28"/>
        <source>No host yet. &lt;a href=&quot;add&quot;&gt;Add a connection…&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::gui::LiveChart</name>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="24"/>
        <source>Used (available − unused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="26"/>
        <source>Used excl. cache (available − usable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="28"/>
        <source>Actual (balloon size)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="30"/>
        <source>Available (guest total)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="32"/>
        <source>RSS (QEMU on the host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="58"/>
        <source>Window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="59"/>
        <source>5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="60"/>
        <source>15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="61"/>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="62"/>
        <source>2 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="65"/>
        <source>Unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="66"/>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="84"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="154"/>
        <source>Memory of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="161"/>
        <source>Select a guest to chart its memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/charts/LiveChart.cpp" line="217"/>
        <source>Memory (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>bs::gui::MainWindow</name>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="63"/>
        <source>Balloonscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="113"/>
        <source>&amp;New Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="118"/>
        <source>&amp;Edit Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="122"/>
        <source>&amp;Remove Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="126"/>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="130"/>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="134"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="138"/>
        <source>&amp;Find Guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="143"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="148"/>
        <source>&amp;About Balloonscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="157"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="167"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="171"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="174"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="183"/>
        <source>Poll every </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="185"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="188"/>
        <source>How often each host is asked for its guests&apos; statistics (1–3600 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="265"/>
        <source>Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="266"/>
        <source>Stop watching %1 and forget this connection?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="303"/>
        <source>About Balloonscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="304"/>
        <source>&lt;h3&gt;Balloonscope %1&lt;/h3&gt;&lt;p&gt;Shows what the guests on KVM/libvirt hosts really do with their memory, from the virtio-balloon statistics.&lt;/p&gt;&lt;p&gt;Qt %2 · libvirt %3 · QCustomPlot %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="370"/>
        <source>&lt;b&gt;%1:&lt;/b&gt; %2 Only host-side figures (actual, RSS) are charted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/mainwindow/MainWindow.cpp" line="394"/>
        <source>%1 of %n host(s) connected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../gui/mainwindow/MainWindow.cpp" line="395"/>
        <source>, %n guest(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../gui/mainwindow/MainWindow.cpp" line="397"/>
        <source> · last poll %1</source>
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
        <location filename="../cli/main.cpp" line="26"/>
        <source>Usage: balloonscope-cli COMMAND [OPTIONS]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="29"/>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="34"/>
        <source>Run &quot;balloonscope-cli COMMAND --help&quot; for a command&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="37"/>
        <source>Exit codes: 0 ok, 1 not all good, 2 bad arguments, 3 connection or authentication failure, 4 other failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../cli/main.cpp" line="73"/>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
