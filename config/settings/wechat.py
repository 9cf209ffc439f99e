"""WeChat: importing official-account articles and listing the association's own."""

import environ

env = environ.Env()

# Importing WeChat official-account articles (news/wechat_import.py): the hosts their pages and photos come from, on
# https only, with limits; OUTBOUND_ALLOW_PRIVATE lets a test fetch from its own local server, never in production.
WECHAT_ARTICLE_HOSTS = env.list("WECHAT_ARTICLE_HOSTS", default=["mp.weixin.qq.com"])
WECHAT_IMAGE_HOSTS = env.list("WECHAT_IMAGE_HOSTS", default=["mmbiz.qpic.cn", "mmbiz.qlogo.cn"])
WECHAT_SCHEMES = ["https"]
WECHAT_MAX_IMAGES = env.int("WECHAT_MAX_IMAGES", default=30)
WECHAT_MAX_PAGE_BYTES = 3_000_000
WECHAT_MAX_IMAGE_BYTES = env.int("WECHAT_MAX_IMAGE_BYTES", default=10_000_000)
WECHAT_TIMEOUT_SECONDS = env.float("WECHAT_TIMEOUT_SECONDS", default=10.0)
# The association's own account, for listing what it published (news/wechat_api.py); both empty turns it off.
WECHAT_APP_ID = env("WECHAT_APP_ID", default="")
WECHAT_APP_SECRET = env("WECHAT_APP_SECRET", default="")
WECHAT_API_URL = env("WECHAT_API_URL", default="https://api.weixin.qq.com")
WECHAT_ACCOUNT_NAME = env("WECHAT_ACCOUNT_NAME", default="")  # 来源 of its articles; the association's name if empty
