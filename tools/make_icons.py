"""Draw the site's raster icons from static/img/emblem.svg with the system's Chromium: favicon.ico (16, 32 and
48 px), a 32 px PNG, the 180 px apple-touch-icon that phones put on the home screen and the 300 px share-card image
that WeChat shows for a page without a photo of its own. Run after changing the
emblem; the results are committed.

Usage: .venv/bin/python tools/make_icons.py
"""

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

IMG = Path(__file__).resolve().parent.parent / "static" / "img"


def render(svg, size, padding=0, background="transparent"):
    html = (
        f'<html><body style="margin:0;background:{background}">'
        f'<div style="width:{size}px;height:{size}px;display:grid;place-items:center;box-sizing:border-box;'
        f'padding:{padding}px">{svg}</div></body></html>'
    )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": size, "height": size})
        page.set_content(html.replace("<svg", '<svg width="100%" height="100%"', 1))
        png = page.screenshot(omit_background=background == "transparent")
        browser.close()
    return Image.open(io.BytesIO(png)).convert("RGBA")


def main():
    svg = (IMG / "emblem.svg").read_text()
    large = render(svg, 256)
    large.save(IMG / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    large.resize((32, 32), Image.LANCZOS).save(IMG / "favicon-32.png", optimize=True)
    render(svg, 180, padding=14, background="#ffffff").convert("RGB").save(IMG / "apple-touch-icon.png", optimize=True)
    render(svg, 300, padding=40, background="#ffffff").convert("RGB").save(IMG / "share-card.png", optimize=True)
    print("wrote favicon.ico, favicon-32.png, apple-touch-icon.png, share-card.png in", IMG)


if __name__ == "__main__":
    main()
