#!/usr/bin/python3
"""A slow link on loopback, and the round trips that crossed it (for scripts/bench).

  delay_proxy.py serve --target 127.0.0.1:22220 --delay-ms 10 --log FILE [--port 0]
      Forwards TCP connections to the target, holding every chunk `delay-ms` in each direction
      (so 2 x delay-ms of round-trip time is added; the machine's kernel has no netem). Prints
      "listening PORT" once ready, logs every chunk as "<CLOCK_MONOTONIC s> <c|s> <bytes> <conn>"
      (c: client to server, s: server to client). Stops on SIGTERM.

  delay_proxy.py count --log FILE --windows FILE
      Reads the chunk log and a JSON-lines file of windows {"label": ..., "t0": s, "t1": s}
      (CLOCK_MONOTONIC, as the benchmark printed them) and prints, per window, JSON with the
      round trips seen on the wire.

A round trip (exchange) is a burst of client data followed by server data: whatever the
client sent since the server last spoke is one request, and the server's answer ends the wait.
Bursts one way only are counted apart: client-only bursts (an SSH window adjust, an answer to a
server's keepalive) and server-only bursts (events, the server's keepalive pings). The traffic is
SSH-encrypted, so this counts what the link does, not what libvirt meant.
"""

import argparse
import asyncio
import json
import signal
import sys
import time


async def pump(reader, writer, direction, conn, delay, log):
    """Copies reader to writer, each chunk released `delay` seconds after it arrived."""
    queue = asyncio.Queue()

    async def release():
        while True:
            due, data = await queue.get()
            if data is None:
                break
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
        try:
            writer.write_eof()
        except (OSError, RuntimeError):
            pass

    releaser = asyncio.ensure_future(release())
    try:
        while True:
            data = await reader.read(65536)
            now = time.monotonic()
            if not data:
                break
            log.write(f"{now:.6f} {direction} {len(data)} {conn}\n")
            queue.put_nowait((now + delay, data))
    except (ConnectionError, OSError):
        pass
    queue.put_nowait((0, None))
    try:
        await releaser
    except (ConnectionError, OSError):
        pass


async def serve(args):
    host, port = args.target.rsplit(":", 1)
    delay = args.delay_ms / 1000.0
    log = open(args.log, "a", buffering=1)
    counter = [0]

    async def handle(client_reader, client_writer):
        counter[0] += 1
        conn = counter[0]
        try:
            server_reader, server_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            pump(client_reader, server_writer, "c", conn, delay, log),
            pump(server_reader, client_writer, "s", conn, delay, log),
        )
        client_writer.close()
        server_writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", args.port)
    print(f"listening {server.sockets[0].getsockname()[1]}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    async with server:
        await stop.wait()
    log.close()


def read_chunks(path):
    chunks = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4:
                chunks.append((float(parts[0]), parts[1], int(parts[2]), int(parts[3])))
    chunks.sort()
    return chunks


# Chunks of one burst follow each other within this; a longer silence in the same direction
# starts a new burst (a server keepalive ping seconds after the last answer is its own burst).
BURST_GAP = 0.05
# Server data this long after the client's last burst is not its answer (keepalive pings come
# after 5 s of silence; the slowest answer seen here took well under a second).
ANSWER_GAP = 2.0


def exchanges(chunks):
    """Turns chunks into (t, kind, bytes_c, bytes_s): kind exchange, client-only, server-only."""
    out = []
    per_conn = {}

    def close(state):
        if state["c"] and state["s"]:
            out.append((state["start"], "exchange", state["c"], state["s"]))
        elif state["c"]:
            out.append((state["start"], "client-only", state["c"], 0))
        elif state["s"]:
            out.append((state["start"], "server-only", 0, state["s"]))
        state["c"] = state["s"] = 0
        state["last"] = None

    for t, direction, size, conn in chunks:
        state = per_conn.setdefault(conn, {"last": None, "at": 0.0, "start": 0.0, "c": 0, "s": 0})
        gap = t - state["at"]
        if state["last"] is not None and (
            (direction == "c" and state["last"] == "s")  # the client speaks again
            or (direction == state["last"] and gap > BURST_GAP)  # a new burst, same way
            or (direction == "s" and gap > ANSWER_GAP)  # not an answer: the server begins
        ):
            close(state)
        if state["last"] is None:
            state["start"] = t
        state[direction] += size
        state["last"] = direction
        state["at"] = t
    for state in per_conn.values():
        close(state)
    out.sort()
    return out


def count(args):
    events = exchanges(read_chunks(args.log))
    with open(args.windows) as f:
        windows = [json.loads(line) for line in f if line.strip()]
    for w in windows:
        inside = [e for e in events if w["t0"] <= e[0] <= w["t1"]]
        result = dict(w)
        result["exchanges"] = sum(1 for e in inside if e[1] == "exchange")
        result["client_only"] = sum(1 for e in inside if e[1] == "client-only")
        result["server_only"] = sum(1 for e in inside if e[1] == "server-only")
        result["bytes_up"] = sum(e[2] for e in inside)
        result["bytes_down"] = sum(e[3] for e in inside)
        print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve")
    s.add_argument("--target", required=True)
    s.add_argument("--delay-ms", type=float, default=10.0)
    s.add_argument("--port", type=int, default=0)
    s.add_argument("--log", required=True)
    c = sub.add_parser("count")
    c.add_argument("--log", required=True)
    c.add_argument("--windows", required=True)
    args = parser.parse_args()
    if args.command == "serve":
        asyncio.run(serve(args))
    else:
        count(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
