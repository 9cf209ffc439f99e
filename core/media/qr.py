import qrcode
import qrcode.image.svg


def qr_svg(text: str) -> str:
    """An SVG QR code of `text` (for sharing an article's URL to WeChat)."""
    svg: str = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2).to_string(encoding="unicode")
    return svg
