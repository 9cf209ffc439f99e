"""A local server standing for WeChat's article and image hosts: it serves the saved article page under
tests/news/wechat/ (its photo addresses pointing back at it) and the photos, and answers slowly, with redirects
elsewhere, or not at all where a test asks. The `wechat_server` fixture allows its loopback address for the test."""

import http.server
import io
import json
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


APP_ID, APP_SECRET = "wx5f1c2d3e4a5b6c7d", "official-account-secret"
ARTICLE_ID = "vRk0YV8Z3kQnJ2vP_liaison"


def published_items(base):
    """One post of two articles, as freepublish/batchget and getarticle give them."""
    return [
        {
            "title": "市长协会召开2026年度联络员工作会议",
            "author": "秘书处",
            "digest": "会议总结全年联络工作，部署明年重点任务。",
            "content": (
                "<p><span style='font-size:15px'>12月2日，市长协会在南宁召开2026年度联络员工作会议。</span></p>"
                f'<p><img data-src="{base}/img/hall.jpg" data-w="900"></p>'
                "<p style='text-align:center'><span style='font-size:12px'>会议现场</span></p>"
                "<p>各会员城市联络员交流了本年度联络工作经验。</p>"
                f'<p><img data-src="{base}/img/award.jpg" data-w="900"></p>'
                "<p style='text-align:center'><span style='font-size:12px'>表彰优秀联络员</span></p>"
            ),
            "url": "http://mp.weixin.qq.com/s?__biz=MzA5NTQ2MDEyMQ==&mid=2650001234&idx=1&sn=abc#rd",
            "is_deleted": False,
        },
        {
            "title": "秘书处关于报送年度工作总结的通知",
            "author": "",
            "digest": "",
            "content": "<p>请各会员城市于12月20日前报送年度工作总结。</p>",
            "url": "http://mp.weixin.qq.com/s?__biz=MzA5NTQ2MDEyMQ==&mid=2650001234&idx=2&sn=def#rd",
            "is_deleted": False,
        },
    ]


class WechatHandler(http.server.BaseHTTPRequestHandler):
    files = {}
    base = ""
    # "ok"; "ip": WeChat refuses this server's address (40164); "expire": the first token given is expired
    api_mode = "ok"
    tokens = []  # every token issued, in order
    calls = []  # every API path called

    def answer_json(self, body):
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; encoding=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def api_error(self, code, message):
        self.answer_json({"errcode": code, "errmsg": message})

    def token(self, query):
        if self.api_mode == "ip":
            return self.api_error(
                40164, "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: 6571d1c2-5d3e4f"
            )
        if query.get("appid") != [APP_ID] or query.get("secret") != [APP_SECRET]:
            return self.api_error(40125, "invalid appsecret")
        token = f"token-{len(self.tokens) + 1}"
        self.tokens.append(token)
        return self.answer_json({"access_token": token, "expires_in": 7200})

    def do_POST(self):
        from urllib.parse import parse_qs, urlsplit

        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        self.calls.append(parts.path)
        token = (query.get("access_token") or [""])[0]
        if token not in self.tokens:
            return self.api_error(40001, "invalid credential, access_token is invalid or not latest")
        if self.api_mode == "expire" and token == self.tokens[0]:
            return self.api_error(42001, "access_token expired rid: 6571d1c2-1a2b3c")
        items = published_items(self.base)
        if parts.path == "/cgi-bin/freepublish/batchget":
            post = {"article_id": ARTICLE_ID, "content": {"news_item": items}, "update_time": 1764655200}
            if body.get("no_content"):
                post["content"]["news_item"] = [{**item, "content": ""} for item in items]
            posts = [post] if body.get("offset", 0) == 0 else []
            return self.answer_json({"total_count": 1, "item_count": len(posts), "item": posts})
        if parts.path == "/cgi-bin/freepublish/getarticle":
            if body.get("article_id") != ARTICLE_ID:
                return self.api_error(53600, "Article ID 无效")
            return self.answer_json({"news_item": items})
        return self.api_error(40066, "invalid url")

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/cgi-bin/token":
            from urllib.parse import parse_qs, urlsplit

            self.calls.append(path)
            return self.token(parse_qs(urlsplit(self.path).query))
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
    WechatHandler.base, WechatHandler.api_mode, WechatHandler.tokens, WechatHandler.calls = base, "ok", [], []
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
