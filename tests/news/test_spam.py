"""Spam-proof publishing: hidden gambling text is dropped however the CSS hides it, invisible links vanish, links to
other sites are nofollow, and words or sites on the blocklist refuse the save (tests/news/spam_samples.py)."""

import pytest

from news.sanitize import css_hides, sanitize_html
from tests.news.spam_samples import INVISIBLE_LINKS, SPAM_SIMPLIFIED, SPAM_TRADITIONAL, hidden_blocks


@pytest.mark.parametrize("text", [SPAM_SIMPLIFIED, SPAM_TRADITIONAL], ids=["simplified", "traditional"])
@pytest.mark.parametrize("trick", list(hidden_blocks("x")))
def test_hidden_spam_is_dropped_with_its_text_however_it_is_hidden(trick, text):
    clean = sanitize_html(hidden_blocks(text)[trick])
    assert "协会召开工作会议" in clean
    assert "皇冠" not in clean and "百家" not in clean, clean


@pytest.mark.parametrize(
    "style",
    [
        "color:#333;font-weight:bold",
        "text-align:center",
        "margin:0;line-height:1.8",
        "font-size:16px;font-family:宋体",
        "height:20px;overflow:hidden",
        "text-indent:2em",
        "color:#fff;background:#b3261e",
    ],
)
def test_the_styles_editors_paste_from_word_do_not_count_as_hiding(style):
    assert not css_hides(style)
    assert "会议纪要" in sanitize_html(f'<p style="{style}">会议纪要</p>')


def test_no_style_font_or_marquee_survives():
    clean = sanitize_html('<p style="color:red"><font face="宋体">正文</font></p><marquee>滚动</marquee>')
    assert clean == "<p>正文</p>"


@pytest.mark.parametrize("link", list(INVISIBLE_LINKS))
def test_links_with_nothing_to_see_are_dropped(link):
    clean = sanitize_html(f"<p>正文{INVISIBLE_LINKS[link]}</p>")
    assert "spam.example" not in clean and "<a" not in clean and "正文" in clean


def test_links_to_other_sites_are_nofollow_and_links_here_are_left_alone(settings):
    settings.ALLOWED_HOSTS = ["www.gxmayors.example.cn"]
    clean = sanitize_html(
        '<p><a href="https://www.gov.cn/zhengce/">国务院政策</a> '
        '<a href="/news/3/">协会新闻</a> <a href="https://www.gxmayors.example.cn/about/">关于</a></p>'
    )
    assert '<a href="https://www.gov.cn/zhengce/" rel="nofollow noopener noreferrer">国务院政策</a>' in clean
    assert '<a href="/news/3/">协会新闻</a>' in clean
    assert '<a href="https://www.gxmayors.example.cn/about/">关于</a>' in clean


def test_a_real_photo_inside_a_link_to_another_site_stays():
    clean = sanitize_html(
        '<p><a href="https://www.gov.cn/"><img src="/media/photos/a.jpg" width="800" alt="会场"></a></p>'
    )
    assert 'src="/media/photos/a.jpg"' in clean and 'rel="nofollow noopener noreferrer"' in clean
