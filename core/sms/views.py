"""Replies that Aliyun pushes to the portal (上行短信 HTTP 推送): a JSON list of {phone_number, content, send_time, …}.
The address carries SMS_REPLY_TOKEN, which only the association's Aliyun console knows."""

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.sms import outbox, providers

MAX_BODY = 256 * 1024


@csrf_exempt  # a provider's server posting, with the token as its proof
@require_POST
def aliyun_replies(request: HttpRequest, token: str) -> HttpResponse:
    if not settings.SMS_REPLY_TOKEN or not constant_time_compare(token, settings.SMS_REPLY_TOKEN):
        return JsonResponse({"code": 1, "msg": "unknown address"}, status=404)
    if len(request.body) > MAX_BODY:
        return JsonResponse({"code": 1, "msg": "too large"}, status=413)
    try:
        items = json.loads(request.body)
        replies = [
            providers.Reply(str(item["phone_number"]), str(item.get("content", "")), None)
            for item in (items if isinstance(items, list) else [items])
        ]
    except (ValueError, TypeError, KeyError):
        return JsonResponse({"code": 1, "msg": "expected a JSON list of replies"}, status=400)
    outbox.record_replies(replies)
    return JsonResponse({"code": 0, "msg": "成功"})
