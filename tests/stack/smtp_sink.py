"""A local SMTP server for the stack tests (aiosmtpd): every message it accepts becomes a file in a folder, so a
test counts what arrived, and how often, by Message-ID. Recipients whose address starts with "refused" are refused
for good (550). Run: python smtp_sink.py PORT FOLDER [SECONDS_PER_MESSAGE]."""

import asyncio
import email
import pathlib
import sys
import uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder, delay):
        self.folder = pathlib.Path(folder)
        self.delay = delay

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refused"):
            return "550 5.1.1 No such user here"  # a permanent refusal, as for an address that no longer exists
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        message = email.message_from_bytes(envelope.content)
        name = f"{uuid.uuid4().hex}.eml"
        partial = self.folder / f"{name}.part"
        partial.write_bytes(envelope.content)
        partial.rename(self.folder / name)  # readers glob *.eml: they see whole files only
        print("accepted", message["Message-ID"], flush=True)
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    pathlib.Path(folder).mkdir(parents=True, exist_ok=True)
    controller = Controller(Sink(folder, delay), hostname="127.0.0.1", port=port)
    controller.start()
    print("listening", port, flush=True)
    try:
        asyncio.run(asyncio.Event().wait())
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
