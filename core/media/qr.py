import qrcode
import qrcode.image.svg


def qr_svg(text):
    """An SVG QR code of `text` (for sharing an article's URL to WeChat)."""
    return qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2).to_string(encoding="unicode")
