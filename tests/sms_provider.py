"""A local stand-in for Aliyun SMS (dysmsapi 2017-05-25, RPC with signature version 1.0, HMAC-SHA1) and Tencent Cloud
SMS (2021-01-11, TC3-HMAC-SHA256), answering as their documentation describes: SendSms, QuerySendDetails,
PullSmsSendStatus, PullSmsReplyStatus. Both check the request's signature with the secrets below.

In a test: `FakeProviders()` runs in a thread (`.url("aliyun")`, `.modes`, `.sent`). For the stack tests:
`python tests/sms_provider.py PORT FOLDER [SECONDS_PER_MESSAGE]` writes each accepted message as a file in FOLDER.

Modes per provider: "ok"; "down" (503); "slow" (answers after 5 s); "throttle" (flow control). A number ending in
0000 is not a mobile (refused for good); one ending in 9999 is accepted but never delivered.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import itertools
import json
import pathlib
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

ALIYUN_ID, ALIYUN_SECRET = "LTAI5tTestKey", "aliyun-test-secret"
TENCENT_ID, TENCENT_KEY, TENCENT_APP = "AKIDTestSecretId", "tencent-test-key", "1400009999"
CHINA = datetime.timezone(datetime.timedelta(hours=8))


def aliyun_string_to_sign(method: str, params: dict[str, str]) -> str:
    def encode(text: str) -> str:
        return quote(text, safe="~")

    canonical = "&".join(f"{encode(k)}={encode(v)}" for k, v in sorted(params.items()) if k != "Signature")
    return f"{method}&{encode('/')}&{encode(canonical)}"


def aliyun_signature(method: str, params: dict[str, str], secret: str) -> str:
    to_sign = aliyun_string_to_sign(method, params)
    return base64.b64encode(hmac.new(f"{secret}&".encode(), to_sign.encode(), hashlib.sha1).digest()).decode()


def tencent_signature(headers: dict[str, str], payload: bytes, secret_key: str) -> str:
    timestamp = headers["x-tc-timestamp"]
    date = datetime.datetime.fromtimestamp(int(timestamp), datetime.UTC).strftime("%Y-%m-%d")
    canonical = "\n".join(
        [
            "POST",
            "/",
            "",
            f"content-type:{headers['content-type']}\nhost:{headers['host']}\n",
            "content-type;host",
            hashlib.sha256(payload).hexdigest(),
        ]
    )
    scope = f"{date}/sms/tc3_request"
    to_sign = f"TC3-HMAC-SHA256\n{timestamp}\n{scope}\n{hashlib.sha256(canonical.encode()).hexdigest()}"

    def sign(key: bytes, text: str) -> bytes:
        return hmac.new(key, text.encode(), hashlib.sha256).digest()

    key = sign(sign(sign(f"TC3{secret_key}".encode(), date), "sms"), "tc3_request")
    return hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()


def provider_url(provider: str, port: int, *, secret: str = "", timeout: float = 2) -> str:
    """The SMS_URL entry that sends to this stand-in on `port`."""
    if provider == "aliyun":
        return (
            f"aliyun://{ALIYUN_ID}:{secret or ALIYUN_SECRET}@127.0.0.1:{port}"
            f"?scheme=http&timeout={timeout}&region=cn-hangzhou"
        )
    return (
        f"tencent://{TENCENT_ID}:{secret or TENCENT_KEY}@127.0.0.1:{port}"
        f"?scheme=http&timeout={timeout}&app_id={TENCENT_APP}&region=ap-guangzhou"
    )


class FakeProviders:
    def __init__(self, folder: str | None = None, seconds_per_message: float = 0.0, port: int = 0) -> None:
        self.modes = {"aliyun": "ok", "tencent": "ok"}
        self.sent: list[dict] = []  # every accepted message: provider, number, template, params, key, id
        self.requests: list[tuple[str, str]] = []  # (provider, action) of every request, accepted or not
        self.bad_signatures = 0
        self.replies: list[tuple[str, str]] = []  # (number, text) waiting for PullSmsReplyStatus
        self.folder = pathlib.Path(folder) if folder else None
        self.delay = seconds_per_message
        self._pulled: set[str] = set()
        self._serial = itertools.count(1)
        self._lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.port = self.server.server_address[1]
        self.thread: threading.Thread | None = None

    def url(self, provider: str, *, secret: str = "", timeout: float = 2) -> str:
        return provider_url(provider, self.port, secret=secret, timeout=timeout)

    def start(self) -> FakeProviders:
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def accept(self, record: dict) -> None:
        with self._lock:
            self.sent.append(record)
        if self.folder:
            path = self.folder / f"{uuid.uuid4().hex}.json"
            path.with_suffix(".part").write_text(json.dumps(record, ensure_ascii=False))
            path.with_suffix(".part").rename(path)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def answer(self, status: int, body: dict) -> None:
                data = json.dumps(body, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                payload = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.headers.get("X-TC-Action"):
                    fake.tencent(self, payload)
                else:
                    fake.aliyun(self, payload)

        return Handler

    def _wait(self, provider: str) -> str:
        mode = self.modes[provider]
        if mode == "slow":
            time.sleep(5)
        elif self.delay:
            time.sleep(self.delay)
        return mode

    # Aliyun ------------------------------------------------------------------------------------------------------

    def aliyun(self, handler: Any, payload: bytes) -> None:
        params = dict(parse_qsl(urlsplit(handler.path).query, keep_blank_values=True))
        params.update(dict(parse_qsl(payload.decode(), keep_blank_values=True)))
        action = params.get("Action", "")
        self.requests.append(("aliyun", action))
        request_id = uuid.uuid4().hex.upper()
        if params.get("AccessKeyId") != ALIYUN_ID or params.get("Signature") != aliyun_signature(
            "POST", params, ALIYUN_SECRET
        ):
            self.bad_signatures += 1
            return handler.answer(
                400,
                {
                    "Code": "SignatureDoesNotMatch",
                    "Message": "Specified signature is not matched with our calculation. server string to sign is:"
                    + aliyun_string_to_sign("POST", params),
                    "RequestId": request_id,
                },
            )
        mode = self._wait("aliyun")
        if mode == "down":
            return handler.answer(
                503,
                {
                    "Code": "ServiceUnavailable",
                    "Message": "The request has failed due to a temporary failure.",
                    "RequestId": request_id,
                },
            )
        if action == "SendSms":
            number = params["PhoneNumbers"]
            if mode == "throttle":
                return handler.answer(
                    200,
                    {
                        "Code": "isv.BUSINESS_LIMIT_CONTROL",
                        "Message": "触发小时级流控Permits:5",
                        "RequestId": request_id,
                    },
                )
            if number.endswith("0000"):
                return handler.answer(
                    200, {"Code": "isv.MOBILE_NUMBER_ILLEGAL", "Message": "非法手机号", "RequestId": request_id}
                )
            biz_id = f"{next(self._serial):06d}{int(time.time())}^0"
            self.accept(
                {
                    "provider": "aliyun",
                    "id": biz_id,
                    "number": number,
                    "sign": params["SignName"],
                    "template": params["TemplateCode"],
                    "params": json.loads(params["TemplateParam"]),
                    "key": params.get("OutId", ""),
                    "at": datetime.datetime.now(CHINA).strftime("%Y-%m-%d %H:%M:%S"),
                }
            )
            return handler.answer(200, {"Code": "OK", "Message": "OK", "BizId": biz_id, "RequestId": request_id})
        if action == "QuerySendDetails":
            found = [m for m in self.sent if m["provider"] == "aliyun" and m["id"] == params.get("BizId")]
            details = [
                {
                    "PhoneNum": m["number"],
                    "SendStatus": 2 if m["number"].endswith("9999") else 3,
                    "ErrCode": "MOBILE_NOT_ON_SERVICE" if m["number"].endswith("9999") else "DELIVERED",
                    "TemplateCode": m["template"],
                    "Content": "",
                    "SendDate": m["at"],
                    "ReceiveDate": m["at"],
                    "OutId": m["key"],
                }
                for m in found
            ]
            return handler.answer(
                200,
                {
                    "Code": "OK",
                    "Message": "OK",
                    "TotalCount": len(details),
                    "SmsSendDetailDTOs": {"SmsSendDetailDTO": details},
                    "RequestId": request_id,
                },
            )
        return handler.answer(404, {"Code": "InvalidAction.NotFound", "Message": action, "RequestId": request_id})

    # Tencent -----------------------------------------------------------------------------------------------------

    def tencent(self, handler: Any, payload: bytes) -> None:
        headers = {name.lower(): value for name, value in handler.headers.items()}
        action = headers["x-tc-action"]
        self.requests.append(("tencent", action))
        request_id = str(uuid.uuid4())

        def error(code: str, message: str) -> None:
            handler.answer(200, {"Response": {"Error": {"Code": code, "Message": message}, "RequestId": request_id}})

        authorization = headers.get("authorization", "")
        expected = tencent_signature(headers, payload, TENCENT_KEY)
        if f"Credential={TENCENT_ID}/" not in authorization or not authorization.endswith(f"Signature={expected}"):
            self.bad_signatures += 1
            return error("AuthFailure.SignatureFailure", "The provided credentials could not be validated.")
        mode = self._wait("tencent")
        if mode == "down":
            handler.send_response(502)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return None
        body = json.loads(payload or b"{}")
        if body.get("SmsSdkAppId") != TENCENT_APP:
            return error("InvalidParameterValue.SdkAppIdNotExist", "SdkAppId not exists.")
        if action == "SendSms":
            number = body["PhoneNumberSet"][0]
            if mode == "throttle":
                code, message = "LimitExceeded.PhoneNumberThirtySecondLimit", "the number has reached the 30 s limit"
            elif number.endswith("0000"):
                code, message = "InvalidParameterValue.IncorrectPhoneNumber", "incorrect phone number"
            else:
                code, message = "Ok", "send success"
            serial = f"2640:{next(self._serial):010d}{int(time.time())}" if code == "Ok" else ""
            if serial:
                self.accept(
                    {
                        "provider": "tencent",
                        "id": serial,
                        "number": number,
                        "sign": body["SignName"],
                        "template": body["TemplateId"],
                        "params": body.get("TemplateParamSet", []),
                        "key": body.get("SessionContext", ""),
                        "at": datetime.datetime.now(CHINA).strftime("%Y-%m-%d %H:%M:%S"),
                    }
                )
            status = {
                "SerialNo": serial,
                "PhoneNumber": number,
                "Fee": 1 if serial else 0,
                "SessionContext": body.get("SessionContext", ""),
                "Code": code,
                "Message": message,
                "IsoCode": "CN",
            }
            return handler.answer(200, {"Response": {"SendStatusSet": [status], "RequestId": request_id}})
        if action == "PullSmsSendStatus":
            with self._lock:
                fresh = [m for m in self.sent if m["provider"] == "tencent" and m["id"] not in self._pulled]
                self._pulled.update(m["id"] for m in fresh)
            statuses = [
                {
                    "UserReceiveTime": m["at"],
                    "CountryCode": "86",
                    "SubscriberNumber": m["number"][3:],
                    "PhoneNumber": m["number"],
                    "SerialNo": m["id"],
                    "ReportStatus": "FAIL" if m["number"].endswith("9999") else "SUCCESS",
                    "Description": "MOBILE_NOT_ON_SERVICE" if m["number"].endswith("9999") else "用户短信接收成功",
                    "SessionContext": m["key"],
                }
                for m in fresh
            ]
            return handler.answer(200, {"Response": {"PullSmsSendStatusSet": statuses, "RequestId": request_id}})
        if action == "PullSmsReplyStatus":
            with self._lock:
                replies, self.replies = self.replies, []
            now = datetime.datetime.now(CHINA)
            items = [
                {
                    "ExtendCode": "01",
                    "CountryCode": "86",
                    "SubscriberNumber": number[3:],
                    "PhoneNumber": number,
                    "SignName": "市长协会",
                    "ReplyContent": text,
                    "ReplyTime": now.strftime("%Y-%m-%d %H:%M:%S"),
                }
                for number, text in replies
            ]
            return handler.answer(200, {"Response": {"PullSmsReplyStatusSet": items, "RequestId": request_id}})
        return error("UnsupportedOperation", action)


def main() -> None:
    port, folder = int(sys.argv[1]), sys.argv[2]
    delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    pathlib.Path(folder).mkdir(parents=True, exist_ok=True)
    fake = FakeProviders(folder, delay, port)
    print("listening", fake.port, flush=True)
    fake.server.serve_forever()


if __name__ == "__main__":
    main()
