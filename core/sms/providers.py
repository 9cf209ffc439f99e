"""The SMS providers the outbox sends through, chosen by SMS_URL as EMAIL_URL chooses the mail server:

    console://                                                        (the default: the message is logged)
    aliyun://KEY_ID:KEY_SECRET@dysmsapi.aliyuncs.com?region=cn-hangzhou
    tencent://SECRET_ID:SECRET_KEY@sms.tencentcloudapi.com?app_id=1400000000&region=ap-guangzhou

Several addresses, separated by commas, are tried in that order: when the first provider is down, the next one
takes the message. `scheme=http` (for the tests' local servers) and `timeout=` may be added to an address. Aliyun is
reached through its official SDK (aliyun-python-sdk-core), Tencent Cloud through tencentcloud-sdk-python-sms.
"""

from __future__ import annotations

import datetime
import json
import logging
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)

CHINA = ZoneInfo("Asia/Shanghai")  # both providers write their times in Beijing time


class ProviderError(Exception):
    """The provider did not take the message (down, timed out, misconfigured): the next provider may."""


class Throttled(ProviderError):
    """The provider's own flow control for this number or account: try again later, not elsewhere."""


class Rejected(ProviderError):
    """The provider refused this number for good (not a mobile, on its block list): trying again will not help."""


@dataclass(frozen=True)
class Outgoing:
    number: str  # E.164
    key: str
    template_code: str
    params: Mapping[str, str]
    parameter_order: Sequence[str]
    sign: str


@dataclass(frozen=True)
class Receipt:
    message_id: str
    delivered: bool
    error: str = ""
    at: datetime.datetime | None = None


@dataclass(frozen=True)
class Reply:
    number: str  # E.164
    text: str
    at: datetime.datetime | None = None


class Provider:
    name = ""
    template_field = ""  # which SmsTemplate field holds this provider's code

    def send(self, message: Outgoing) -> str:
        """Send one message; returns the provider's message id."""
        raise NotImplementedError

    def receipts(self, sent: Sequence[tuple[str, str, datetime.datetime]]) -> list[Receipt]:
        """Delivery receipts for messages sent as (message id, number, sent at)."""
        raise NotImplementedError

    def replies(self) -> list[Reply]:
        """Replies received since the last call (providers that push replies instead return none)."""
        return []


class ConsoleProvider(Provider):
    """Logs each message instead of sending it, and reports it delivered: for development and the demo."""

    name = "console"
    template_field = "kind"

    def send(self, message: Outgoing) -> str:
        logger.info("SMS to %s (%s): %s", message.number, message.key, dict(message.params))
        return f"console-{uuid.uuid4().hex[:16]}"

    def receipts(self, sent: Sequence[tuple[str, str, datetime.datetime]]) -> list[Receipt]:
        return [Receipt(message_id, delivered=True) for message_id, _number, _at in sent]


def _options(url: str) -> tuple[Any, dict[str, str]]:
    parts = urlsplit(url)
    options = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    return parts, options


def _china_time(text: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
    except (TypeError, ValueError):
        return None


def _national(number: str) -> str:
    """Aliyun wants mainland numbers without +86 and other countries' with their code but without the +."""
    return number[3:] if number.startswith("+86") else number.lstrip("+")


class AliyunProvider(Provider):
    """Aliyun SMS (dysmsapi 2017-05-25): SendSms, QuerySendDetails. Replies come by Aliyun's HTTP push to
    /sms/replies/aliyun/<SMS_REPLY_TOKEN>/ (core.sms.views)."""

    name = "aliyun"
    template_field = "aliyun_code"
    version = "2017-05-25"
    # Refusals that no retry mends: the number is not a mobile, or it is on the provider's or carrier's block list.
    permanent = {"isv.MOBILE_NUMBER_ILLEGAL", "isv.BLACK_KEY_CONTROL_LIMIT", "isv.MOBILE_COUNT_OVER_LIMIT"}
    throttling = {"isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "Throttling", "Throttling.User"}

    def __init__(self, url: str) -> None:
        from aliyunsdkcore.client import AcsClient

        parts, options = _options(url)
        if not parts.username or not parts.password:
            raise ImproperlyConfigured("aliyun:// needs the AccessKey ID and secret: aliyun://ID:SECRET@host")
        self.domain = parts.netloc.rpartition("@")[2] or "dysmsapi.aliyuncs.com"
        self.scheme = options.get("scheme", "https")
        timeout = float(options.get("timeout", settings.SMS_TIMEOUT_SECONDS))
        self.client = AcsClient(
            unquote(parts.username),
            unquote(parts.password),
            options.get("region", "cn-hangzhou"),
            auto_retry=False,
            max_retry_time=0,
            timeout=timeout,
            connect_timeout=timeout,
        )

    def _call(self, action: str, params: Mapping[str, str]) -> dict[str, Any]:
        from aliyunsdkcore.acs_exception.exceptions import ClientException, ServerException
        from aliyunsdkcore.request import CommonRequest

        request = CommonRequest(domain=self.domain, version=self.version, action_name=action)
        request.set_accept_format("json")
        request.set_method("POST")
        request.set_protocol_type(self.scheme)
        for name, value in params.items():
            request.add_query_param(name, value)
        try:
            answer: dict[str, Any] = json.loads(self.client.do_action_with_exception(request))
        except ServerException as error:
            code = error.get_error_code() or ""
            if code in self.throttling:
                raise Throttled(f"{code}: {error.get_error_msg()}") from error
            raise ProviderError(f"{code} (HTTP {error.get_http_status()}): {error.get_error_msg()}") from error
        except ClientException as error:
            raise ProviderError(f"{error.get_error_code()}: {error.get_error_msg()}") from error
        except Exception as error:  # an answer the SDK could not read
            raise ProviderError(f"{type(error).__name__}: {error}") from error
        code = str(answer.get("Code", ""))
        if code != "OK":
            message = f"{code}: {answer.get('Message', '')}"
            if code in self.permanent:
                raise Rejected(message)
            if code in self.throttling:
                raise Throttled(message)
            raise ProviderError(message)
        return answer

    def send(self, message: Outgoing) -> str:
        answer = self._call(
            "SendSms",
            {
                "PhoneNumbers": _national(message.number),
                "SignName": message.sign,
                "TemplateCode": message.template_code,
                "TemplateParam": json.dumps(dict(message.params), ensure_ascii=False),
                "OutId": message.key[:256],
            },
        )
        return str(answer.get("BizId", ""))

    def receipts(self, sent: Sequence[tuple[str, str, datetime.datetime]]) -> list[Receipt]:
        found = []
        for message_id, number, sent_at in sent:
            try:
                answer = self._call(
                    "QuerySendDetails",
                    {
                        "PhoneNumber": _national(number),
                        "BizId": message_id,
                        "SendDate": sent_at.astimezone(CHINA).strftime("%Y%m%d"),
                        "PageSize": "10",
                        "CurrentPage": "1",
                    },
                )
            except ProviderError as error:
                logger.warning("Aliyun receipt for %s not read: %s", message_id, error)
                continue
            details = (answer.get("SmsSendDetailDTOs") or {}).get("SmsSendDetailDTO") or []
            for detail in details[:1]:
                status = int(detail.get("SendStatus", 1))
                if status == 1:  # waiting for the carrier's receipt
                    continue
                found.append(
                    Receipt(
                        message_id,
                        delivered=status == 3,
                        error="" if status == 3 else str(detail.get("ErrCode", "")),
                        at=_china_time(detail.get("ReceiveDate", "")),
                    )
                )
        return found


class TencentProvider(Provider):
    """Tencent Cloud SMS (2021-01-11): SendSms, PullSmsSendStatus for receipts, PullSmsReplyStatus for replies."""

    name = "tencent"
    template_field = "tencent_id"
    permanent = {
        "InvalidParameterValue.IncorrectPhoneNumber",
        "FailedOperation.PhoneNumberInBlacklist",
        "UnsupportedOperation.UnsupportedRegion",
    }

    def __init__(self, url: str) -> None:
        from tencentcloud.common import credential
        from tencentcloud.common.profile.client_profile import ClientProfile
        from tencentcloud.common.profile.http_profile import HttpProfile
        from tencentcloud.sms.v20210111 import sms_client

        parts, options = _options(url)
        if not parts.username or not parts.password or not options.get("app_id"):
            raise ImproperlyConfigured(
                "tencent:// needs the SecretId, SecretKey and SDK AppID: tencent://ID:KEY@host?app_id=1400000000"
            )
        self.app_id = options["app_id"]
        profile = HttpProfile(
            endpoint=parts.netloc.rpartition("@")[2] or "sms.tencentcloudapi.com",
            protocol=options.get("scheme", "https"),
            reqTimeout=int(float(options.get("timeout", settings.SMS_TIMEOUT_SECONDS))),
        )
        self.client = sms_client.SmsClient(
            credential.Credential(unquote(parts.username), unquote(parts.password)),
            options.get("region", "ap-guangzhou"),
            ClientProfile(httpProfile=profile),
        )

    def _call(self, action: str, request: Any) -> Any:
        from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException

        try:
            return getattr(self.client, action)(request)
        except TencentCloudSDKException as error:
            code = error.get_code() or ""
            if code.startswith("LimitExceeded") or code.startswith("RequestLimitExceeded"):
                raise Throttled(f"{code}: {error.get_message()}") from error
            raise ProviderError(f"{code}: {error.get_message()}") from error
        except Exception as error:  # the SDK lets its HTTP library's errors through
            raise ProviderError(f"{type(error).__name__}: {error}") from error

    def send(self, message: Outgoing) -> str:
        from tencentcloud.sms.v20210111 import models

        request = models.SendSmsRequest()
        request.PhoneNumberSet = [message.number]
        request.SmsSdkAppId = self.app_id
        request.SignName = message.sign
        request.TemplateId = message.template_code
        request.TemplateParamSet = [str(message.params.get(name, "")) for name in message.parameter_order]
        request.SessionContext = message.key[:512]
        answer = self._call("SendSms", request)
        statuses = answer.SendStatusSet or []
        if not statuses:
            raise ProviderError("SendStatusSet is empty")
        status = statuses[0]
        if status.Code != "Ok":
            error = f"{status.Code}: {status.Message}"
            if status.Code in self.permanent:
                raise Rejected(error)
            if status.Code.startswith("LimitExceeded"):
                raise Throttled(error)
            raise ProviderError(error)
        return str(status.SerialNo)

    def receipts(self, sent: Sequence[tuple[str, str, datetime.datetime]]) -> list[Receipt]:
        """Tencent hands each receipt out once, whichever message it belongs to."""
        from tencentcloud.sms.v20210111 import models

        request = models.PullSmsSendStatusRequest()
        request.Limit = 100
        request.SmsSdkAppId = self.app_id
        try:
            answer = self._call("PullSmsSendStatus", request)
        except ProviderError as error:
            logger.warning("Tencent receipts not read: %s", error)
            return []
        return [
            Receipt(
                str(status.SerialNo),
                delivered=status.ReportStatus == "SUCCESS",
                error="" if status.ReportStatus == "SUCCESS" else str(status.Description or status.ReportStatus),
                at=_china_time(status.UserReceiveTime),
            )
            for status in answer.PullSmsSendStatusSet or []
        ]

    def replies(self) -> list[Reply]:
        from tencentcloud.sms.v20210111 import models

        request = models.PullSmsReplyStatusRequest()
        request.Limit = 100
        request.SmsSdkAppId = self.app_id
        try:
            answer = self._call("PullSmsReplyStatus", request)
        except ProviderError as error:
            logger.warning("Tencent replies not read: %s", error)
            return []
        return [
            Reply(str(reply.PhoneNumber), str(reply.ReplyContent or ""), _china_time(reply.ReplyTime))
            for reply in answer.PullSmsReplyStatusSet or []
        ]


SCHEMES: dict[str, type[Provider]] = {
    "console": ConsoleProvider,
    "aliyun": AliyunProvider,
    "tencent": TencentProvider,
}


def from_url(url: str) -> Provider:
    scheme = urlsplit(url).scheme
    if scheme not in SCHEMES:
        raise ImproperlyConfigured(f"SMS_URL: unknown provider {scheme!r}; use one of {', '.join(SCHEMES)}")
    provider_class = SCHEMES[scheme]
    return provider_class() if provider_class is ConsoleProvider else provider_class(url)  # type: ignore[call-arg]


def configured() -> list[Provider]:
    """The providers of SMS_URL, in the order they are tried."""
    return [from_url(url.strip()) for url in settings.SMS_URL.split(",") if url.strip()]
