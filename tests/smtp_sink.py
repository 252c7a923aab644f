"""A small SMTP server that keeps what it receives, optionally slow: for crash tests and drills.

It speaks just enough SMTP for smtplib (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP,
QUIT). Like a real mail server, a message is accepted once its final ``.`` has
arrived, before the ``250`` goes back: ``delay`` seconds pass in between, the
window in which a killed sender cannot know its message went through.
"""

import email
import socketserver
import threading
import time


class SMTPSink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port=0, delay=0.0):
        super().__init__(("127.0.0.1", port), _Session)
        self.delay = delay
        self.messages = []  # email.message.Message, in order of arrival
        self.receiving = threading.Event()  # set when a message's data starts arriving
        self.lock = threading.Lock()

    @property
    def port(self):
        return self.server_address[1]

    def start(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self):
        self.shutdown()
        self.server_close()

    def message_ids(self):
        with self.lock:
            return [message["Message-ID"] for message in self.messages]

    def wait_for(self, count, timeout=20.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.messages) >= count:
                    return True
            time.sleep(0.05)
        return False


class _Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        self.reply("220 sink ESMTP")
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip().upper()
            if command.startswith("EHLO"):
                self.reply("250-sink")
                self.reply("250 8BITMIME")
            elif command.startswith(("HELO", "MAIL", "RCPT", "RSET", "NOOP")):
                self.reply("250 OK")
            elif command == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                self.receive_data()
            elif command == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Not implemented")

    def receive_data(self):
        sink = self.server
        sink.receiving.set()
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        if not line:
            return  # the sender went away before the end of the data: nothing was handed over
        with sink.lock:
            sink.messages.append(email.message_from_bytes(b"".join(lines)))
        time.sleep(sink.delay)
        self.reply("250 OK queued")
