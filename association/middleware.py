from association.chinese import html_to_traditional

CONVERTED_TYPES = ("text/html",)


class TraditionalChineseMiddleware:
    """On /zh-hant/ pages, the content staff typed in Simplified Chinese is shown in Traditional
    characters, converted by OpenCC as the page leaves (interface strings come from the zh_Hant catalogue)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            getattr(request, "LANGUAGE_CODE", "") == "zh-hant"
            and not response.streaming
            and response.get("Content-Type", "").startswith(CONVERTED_TYPES)
            and not response.has_header("Content-Encoding")
        ):
            charset = response.charset or "utf-8"
            response.content = html_to_traditional(response.content.decode(charset)).encode(charset)
        return response
