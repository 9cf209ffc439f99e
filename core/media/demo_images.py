"""Pictures for the demo content, drawn with Pillow so nothing is downloaded."""

import io

import qrcode
from PIL import Image, ImageDraw

Size = tuple[int, int]


def png_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def jpeg_bytes(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def wechat_qr(text: str) -> bytes:
    code = qrcode.QRCode(border=2, box_size=6)
    code.add_data(text)
    return png_bytes(code.make_image(fill_color="black", back_color="white").get_image())


def meeting_hall(seed: int, size: Size = (1600, 1067)) -> bytes:
    """A conference hall: a red stage backdrop, a rostrum and rows of delegates."""
    import random

    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, (236, 230, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, height * 0.42), fill=(150 + rng.randint(0, 30), 24, 28))
    draw.rectangle((width * 0.12, height * 0.08, width * 0.88, height * 0.2), fill=(196, 48, 44))
    x: float  # the lights of the backdrop, then the seats
    for x in range(int(width * 0.15), int(width * 0.85), 60):
        draw.rectangle((x, height * 0.12, x + 36, height * 0.16), fill=(245, 214, 140))
    draw.rectangle((width * 0.2, height * 0.3, width * 0.8, height * 0.42), fill=(120, 70, 40))
    for i in range(rng.randint(5, 9)):
        cx = width * 0.25 + i * width * 0.07
        draw.ellipse((cx - 16, height * 0.25, cx + 16, height * 0.29), fill=(40, 32, 30))
    draw.rectangle((0, height * 0.42, width, height), fill=(92, 60, 48))
    for row in range(7):
        y = height * 0.5 + row * height * 0.07
        for col in range(18):
            x = 40 + col * (width - 80) / 18 + (row % 2) * 20
            draw.ellipse((x, y, x + 30, y + 30), fill=(30 + rng.randint(0, 30), 28, 26))
            draw.rectangle((x - 4, y + 28, x + 34, y + 56), fill=(50, 56, 70))
    return jpeg_bytes(image)


def cityscape(seed: int, size: Size = (1600, 1067)) -> bytes:
    """A city skyline by a river at dusk or in daylight."""
    import random

    rng = random.Random(seed)
    width, height = size
    skies = [((120, 170, 215), (210, 230, 245)), ((236, 150, 110), (250, 214, 170)), ((70, 110, 160), (160, 190, 220))]
    top, bottom = skies[seed % len(skies)]
    image = Image.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    for y in range(int(height * 0.65)):
        t = y / (height * 0.65)
        draw.line((0, y, width, y), fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    draw.ellipse((width * 0.7, height * 0.12, width * 0.78, height * 0.24), fill=(255, 240, 200))
    x = 0
    while x < width:
        w = rng.randint(50, 140)
        h = rng.randint(int(height * 0.15), int(height * 0.5))
        shade = rng.randint(60, 110)
        draw.rectangle((x, height * 0.65 - h, x + w, height * 0.65), fill=(shade, shade + 8, shade + 20))
        for wy in range(int(height * 0.65 - h + 12), int(height * 0.65 - 10), 22):
            for wx in range(x + 8, x + w - 10, 18):
                if rng.random() < 0.45:
                    draw.rectangle((wx, wy, wx + 8, wy + 10), fill=(250, 226, 150))
        x += w + rng.randint(2, 14)
    draw.rectangle((0, height * 0.65, width, height), fill=(60, 110, 140))
    for _ in range(40):
        y = rng.randint(int(height * 0.67), height)
        x0 = rng.randint(0, width)
        draw.line((x0, y, x0 + rng.randint(40, 160), y), fill=(140, 180, 200), width=2)
    draw.rectangle((0, height * 0.62, width, height * 0.66), fill=(80, 84, 90))
    return jpeg_bytes(image)


def periodical_cover(seed: int, size: Size = (600, 800)) -> bytes:
    """A magazine cover: a red masthead band, a skyline photo and a darker foot band (no lettering, so no font)."""
    width, height = size
    image = Image.new("RGB", size, (250, 247, 240))
    draw = ImageDraw.Draw(image)
    reds = [(166, 27, 27), (125, 18, 18), (178, 60, 30), (26, 79, 139)]
    draw.rectangle((0, 0, width, height * 0.22), fill=reds[seed % len(reds)])
    draw.rectangle((width * 0.08, height * 0.06, width * 0.62, height * 0.1), fill=(250, 230, 190))
    draw.rectangle((width * 0.08, height * 0.13, width * 0.42, height * 0.155), fill=(240, 200, 170))
    from io import BytesIO

    photo = Image.open(BytesIO(cityscape(seed, size=(width, int(height * 0.56)))))
    image.paste(photo, (0, int(height * 0.24)))
    draw.rectangle((0, height * 0.82, width, height), fill=(60, 50, 48))
    for row in range(3):
        y = height * (0.85 + row * 0.045)
        draw.rectangle((width * 0.08, y, width * (0.5 + 0.12 * ((seed + row) % 3)), y + 10), fill=(220, 214, 200))
    return jpeg_bytes(image)
