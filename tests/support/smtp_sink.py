#!/usr/bin/env python3
"""A real SMTP server for the email channel tests (aiosmtpd, Debian's python3-aiosmtpd).

Usage: smtp_sink.py --port 0 --dir DIR [--starttls CERT KEY | --smtps CERT KEY]
                    [--auth USER:PASS] [--reject-rcpt ADDR]... [--fail-first N] [--no-parse]

Prints "PORT <n>" once it listens (port 0 picks a free one). Each accepted message
is written to DIR/<n>.eml, and DIR/log.jsonl gets one JSON line per event:
  {"event": "connect", "connection": 1}
  {"event": "message", "connection": 1, "file": "1.eml", "mail_from": ..., "rcpt_tos": [...],
   "headers": {name: [decoded values]}, "content_type": ..., "parts": [{"content_type", "charset",
   "cte", "text"}], "defects": [...], "max_line": n, "bare_lf": bool}
The headers and parts come from Python's email package (policy=default), a parser
independent of the C++ code under test.

--fail-first N answers 451 to the first N messages (after DATA), --reject-rcpt answers
550 to RCPT TO for that address. --no-parse logs only the envelope: parsing costs
more than receiving, so a throughput benchmark would otherwise measure the parser. The server exits when its stdin closes, so a crashed
test does not leave it behind.
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, args):
        self.dir = args.dir
        self.reject = {a.lower() for a in args.reject_rcpt}
        self.fail_left = args.fail_first
        self.parse = not args.no_parse
        self.messages = 0
        self.connections = 0
        self.log = open(os.path.join(self.dir, "log.jsonl"), "a", encoding="utf-8")

    def write(self, record):
        self.log.write(json.dumps(record) + "\n")
        self.log.flush()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.fail_left > 0:
            self.fail_left -= 1
            return "451 4.3.0 Temporary failure, try again later"
        self.messages += 1
        name = "%d.eml" % self.messages
        data = envelope.original_content or envelope.content
        with open(os.path.join(self.dir, name), "wb") as f:
            f.write(data)
        if self.parse:
            self.write(describe(data, name, session.connection_id, envelope))
        else:
            self.write({"event": "message", "connection": session.connection_id, "file": name,
                        "mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos})
        return "250 2.0.0 OK queued as %d" % self.messages


def describe(data, name, connection, envelope):
    msg = email.message_from_bytes(data, policy=email.policy.default)
    headers = {}
    for key, value in msg.items():
        headers.setdefault(key.lower(), []).append(str(value))
    parts = []
    defects = [repr(d) for d in msg.defects]
    for part in msg.walk():
        defects += [repr(d) for d in part.defects]
        if part.is_multipart():
            continue
        parts.append({
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "cte": part.get("Content-Transfer-Encoding", ""),
            "text": part.get_content(),
        })
    lines = data.split(b"\r\n")
    return {
        "event": "message",
        "connection": connection,
        "file": name,
        "mail_from": envelope.mail_from,
        "rcpt_tos": envelope.rcpt_tos,
        "headers": headers,
        "content_type": msg.get_content_type(),
        "parts": parts,
        "defects": defects,
        "max_line": max(len(line) for line in lines),
        "bare_lf": any(b"\n" in line or b"\r" in line for line in lines),
    }


class CountingSMTP(SMTP):
    """Numbers connections so the test can see how many a batch used."""

    def __init__(self, sink, *args, **kwargs):
        super().__init__(sink, *args, **kwargs)
        self.sink = sink

    def connection_made(self, transport):
        # aiosmtpd calls this again on the same connection after STARTTLS.
        if self._original_transport is None:
            self.sink.connections += 1
            self.connection_id = self.sink.connections
            self.sink.write({"event": "connect", "connection": self.connection_id})
        super().connection_made(transport)

    def _create_session(self):
        session = super()._create_session()
        session.connection_id = self.connection_id
        return session


def tls_context(cert, key):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(cert, key)
    return ctx


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--smtps", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--auth", metavar="USER:PASS")
    parser.add_argument("--reject-rcpt", action="append", default=[])
    parser.add_argument("--fail-first", type=int, default=0)
    parser.add_argument("--no-parse", action="store_true")
    args = parser.parse_args()

    sink = Sink(args)
    options = {"hostname": "sink.localhost", "data_size_limit": 10 * 1024 * 1024}
    if args.starttls:
        options["tls_context"] = tls_context(*args.starttls)
        options["require_starttls"] = True
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and \
                auth_data.login.decode() == user and auth_data.password.decode() == password
            # handled=False: aiosmtpd itself answers 535 to a failure.
            return AuthResult(success=ok, handled=False)

        options["authenticator"] = authenticator
        options["auth_required"] = True
        # Over plain SMTP too, so that variant can test AUTH without TLS.
        options["auth_require_tls"] = False

    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: CountingSMTP(sink, **options), host="127.0.0.1", port=args.port,
        ssl=tls_context(*args.smtps) if args.smtps else None)
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)

    stdin_closed = loop.create_future()

    def on_stdin():
        if not sys.stdin.buffer.read1(4096) and not stdin_closed.done():
            stdin_closed.set_result(None)

    loop.add_reader(sys.stdin.fileno(), on_stdin)
    await stdin_closed
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
