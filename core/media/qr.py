import functools

import qrcode
import qrcode.image.svg


@functools.lru_cache(maxsize=1024)
def qr_svg(text: str) -> str:
    """An SVG QR code of `text` (an article's URL for WeChat, a delegate's badge), with no id, so any number of
    them may share a page. Drawing one took a quarter of an article page's rendering; the same address always gives
    the same code, so each worker keeps the latest thousand."""
    svg: str = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2).to_string(encoding="unicode")
    # qrcode names every code's path id="qr-path"; a page with two codes (badges) would repeat the id.
    return svg.replace(' id="qr-path"', "")
