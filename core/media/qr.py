import functools

import qrcode
import qrcode.image.svg


@functools.lru_cache(maxsize=1024)
def qr_svg(text: str) -> str:
    """An SVG QR code of `text` (for sharing an article's URL to WeChat). Drawing one took a quarter of an article
    page's rendering; the same address always gives the same code, so each worker keeps the latest thousand."""
    svg: str = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2).to_string(encoding="unicode")
    return svg
