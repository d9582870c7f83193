"""A real SMTP server for the tests (aiosmtpd): every message it accepts is written, decoded,
as one JSON file in the directory given, so a test can read who got what.

    python3 smtp_sink.py OUT_DIR

Prints the port it listens on (127.0.0.1), then serves until its standard input closes (the
test process ending closes it, so no server outlives its test). Recipients at
`refuse.example` are refused for good (550); at `busy.example`, for now (451).
"""

import email
import email.policy
import json
import os
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out):
        self.out = out
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith("@refuse.example"):
            return "550 5.1.1 no such user"
        if address.endswith("@busy.example"):
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        plain = msg.get_body(("plain",))
        html = msg.get_body(("html",))
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "subject": str(msg.get("subject", "")),
            "message_id": str(msg.get("message-id", "")),
            "text": plain.get_content() if plain else "",
            "html": html.get_content() if html else "",
        }
        self.count += 1
        name = os.path.join(self.out, "%08d-%d.json" % (self.count, os.getpid()))
        tmp = name + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(tmp, name)
        return "250 2.0.0 stored as %d" % self.count


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    controller = Controller(Sink(out), hostname="127.0.0.1", port=port)
    controller.start()
    print(port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
