"""A local server standing for WeChat's article and image hosts: it serves the saved article page under
tests/news/wechat/ (its photo addresses pointing back at it) and the photos, and answers slowly, with redirects
elsewhere, or not at all where a test asks. The `wechat_server` fixture allows its loopback address for the test."""

import http.server
import io
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

PAGE = (Path(__file__).parent / "wechat" / "liaison-meeting.html").read_text()


def jpeg(colour, size=(900, 600), kind="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, kind)
    return buffer.getvalue()


class WechatHandler(http.server.BaseHTTPRequestHandler):
    files = {}

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/slow":
            time.sleep(3)
        if path == "/elsewhere":
            self.send_response(302)
            self.send_header("Location", "http://localhost.example.invalid/x")
            self.end_headers()
            return
        found = self.files.get(path)
        if found is None:
            self.send_response(404)
            self.end_headers()
            return
        content_type, body = found
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def wechat_server(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), WechatHandler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    WechatHandler.files = {
        "/s/liaison-meeting": ("text/html; charset=utf-8", PAGE.replace("{{IMAGES}}", f"{base}/img").encode()),
        "/img/hall.jpg": ("image/jpeg", jpeg("red")),
        "/img/award.jpg": ("image/jpeg", jpeg("green")),
        "/img/visit.png": ("image/png", jpeg("blue", kind="PNG")),
        "/img/follow.gif": ("image/gif", b"GIF89a"),
        "/img/qrcode.jpg": ("image/jpeg", jpeg("black", (258, 258))),
        "/notes.txt": ("text/plain", b"not a page"),
    }
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # The local server stands for WeChat's hosts: plain http on a loopback address, allowed for this test only.
    settings.WECHAT_SCHEMES = ["http"]
    settings.WECHAT_ARTICLE_HOSTS = ["127.0.0.1"]
    settings.WECHAT_IMAGE_HOSTS = ["127.0.0.1"]
    settings.OUTBOUND_ALLOW_PRIVATE = True
    settings.WECHAT_TIMEOUT_SECONDS = 1.0
    yield base
    server.shutdown()
    server.server_close()
