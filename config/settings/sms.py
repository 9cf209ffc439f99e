"""Text messages (core/sms): which providers, and the limits that keep a mistake from texting everyone all night."""

from decimal import Decimal

import environ

env = environ.Env()

# Providers, tried in order (core/sms/providers.py): console://, aliyun://ID:SECRET@host, tencent://ID:KEY@host?app_id=
SMS_URL = env("SMS_URL", default="console://")
# The signature (签名) approved by the providers, shown as 【…】 before every message.
SMS_SIGN = env("SMS_SIGN", default="市长协会")
SMS_TIMEOUT_SECONDS = env.float("SMS_TIMEOUT_SECONDS", default=10.0)
# A message not sent within six hours is no longer news: it is marked failed (the e-mail went anyway).
SMS_RETRY_FOR_SECONDS = env.int("SMS_RETRY_FOR_SECONDS", default=6 * 3600)
SMS_MAX_PER_NUMBER_PER_HOUR = env.int("SMS_MAX_PER_NUMBER_PER_HOUR", default=3)
SMS_MAX_PER_NUMBER_PER_DAY = env.int("SMS_MAX_PER_NUMBER_PER_DAY", default=8)
SMS_MAX_PER_DAY = env.int("SMS_MAX_PER_DAY", default=2000)
# What one billed message (70 characters, or 67 of a longer one) costs, and what the portal may spend in a day.
SMS_PRICE_PER_MESSAGE = Decimal(env("SMS_PRICE_PER_MESSAGE", default="0.045"))
SMS_DAILY_SPEND_CAP = Decimal(env("SMS_DAILY_SPEND_CAP", default="50.00"))
# Replies that mean "no more messages" (compared without case or spaces).
SMS_STOP_WORDS = env.list("SMS_STOP_WORDS", default=["TD", "T", "N", "退订", "取消", "STOP", "UNSUBSCRIBE"])
# The secret part of the address Aliyun pushes replies to (/sms/replies/aliyun/<token>/); empty turns it off.
SMS_REPLY_TOKEN = env("SMS_REPLY_TOKEN", default="")
SMS_RECEIPTS_DAYS = 3  # receipts are looked for this long after sending
