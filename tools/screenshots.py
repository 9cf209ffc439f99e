"""Screenshots of the main pages at desktop (1366 px) and phone (390 px) widths, for a look by eye.

Usage: python tools/screenshots.py [base_url] [out_dir] [/path/,/other/]   (a server must be running)
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = [
    "/",
    "/members/",
    "/members/nanning/",
    "/members/honours/",
    "/news/1/",
    "/news/c/city-exchange/",
    "/news/topics/ten-events/",
    "/about/",
    "/about/leadership/",
    "/about/branches/",
    "/about/branches/women-mayors/",
    "/documents/",
    "/contact/",
    "/news/",
    "/en/",
    "/zh-hant/",
    "/accounts/login/",
    "/missing/",
]
WIDTHS = {"desktop": 1366, "phone": 390}


def main(base_url="http://127.0.0.1:8000", out_dir="screenshots", paths=None):
    pages = paths.split(",") if paths else PAGES
    out = Path(out_dir)
    out.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        for label, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in pages:
                page.goto(base_url + path)
                name = path.strip("/").replace("/", "_") or "home"
                page.screenshot(path=out / f"{name}-{label}.png", full_page=True)
            page.close()
        browser.close()
    print(f"screenshots in {out}/")


if __name__ == "__main__":
    main(*sys.argv[1:])
