"""Pictures for the demo content, drawn with Pillow so nothing is downloaded."""

import io

import qrcode
from PIL import Image, ImageDraw


def png_bytes(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def jpeg_bytes(image):
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def portrait(seed):
    """A neutral head-and-shoulders silhouette on a tinted background, 240 x 300."""
    tints = [(214, 224, 235), (226, 219, 208), (216, 229, 219), (232, 220, 224), (222, 222, 232)]
    image = Image.new("RGB", (240, 300), tints[seed % len(tints)])
    draw = ImageDraw.Draw(image)
    suit = (52, 58, 70)
    draw.ellipse((30, 190, 210, 380), fill=suit)
    draw.polygon([(104, 196), (136, 196), (120, 250)], fill=(245, 245, 245))
    draw.polygon([(116, 204), (124, 204), (126, 246), (120, 256), (114, 246)], fill=(150, 30, 30))
    draw.rectangle((106, 160, 134, 200), fill=(225, 196, 170))
    draw.ellipse((78, 70, 162, 180), fill=(232, 204, 178))
    draw.chord((74, 58, 166, 140), 180, 360, fill=(40, 36, 34))
    return jpeg_bytes(image)


def wechat_qr(text):
    code = qrcode.QRCode(border=2, box_size=6)
    code.add_data(text)
    return png_bytes(code.make_image(fill_color="black", back_color="white").get_image())
