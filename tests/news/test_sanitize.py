import pytest

from news.sanitize import sanitize_html


@pytest.mark.parametrize(
    "dirty",
    [
        '<p onclick="steal()">x</p>',
        "<script>alert(1)</script>",
        '<a href="javascript:alert(1)">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        '<p style="color:red">x</p>',
        '<img src="https://evil.example/x.png">',
        '<img src="/media/x.png" onerror="alert(1)">',
        "<svg><script>alert(1)</script></svg>",
        '<p class="x" id="y">x</p>',
    ],
)
def test_dangerous_markup_does_not_survive(dirty):
    clean = sanitize_html(dirty)
    for marker in ("onclick", "onerror", "script", "javascript", "iframe", "style=", "evil.example", "class=", "svg"):
        assert marker not in clean


@pytest.mark.parametrize(
    "hidden",
    [
        "<div hidden>澳门赌场</div>",
        '<span style="display:none">澳门赌场</span>',
        '<div style="visibility: hidden">澳门赌场</div>',
        '<p style="font-size:0">澳门赌场</p>',
        '<div style="position:absolute;left:-9999px">澳门赌场</div>',
        '<div aria-hidden="true">澳门赌场</div>',
        "<div hidden><p>澳门赌场</p><br>更多</div>",
    ],
)
def test_hidden_spam_is_dropped_with_its_text(hidden):
    assert "澳门赌场" not in sanitize_html(f"<p>正文</p>{hidden}")
    assert "正文" in sanitize_html(f"<p>正文</p>{hidden}")


def test_allowed_structure_is_kept():
    html = (
        "<h2>一、总则</h2><p><strong>第一条</strong> <em>本会</em></p><ol><li>一</li></ol>"
        "<table><tbody><tr><td>1</td></tr></tbody></table>"
        '<p><a href="https://www.example.cn/">链接</a> <a href="mailto:a@example.cn">邮件</a></p>'
        '<img src="/media/news/a.jpg" alt="照片">'
    )
    clean = sanitize_html(html)
    for kept in (
        "<h2>一、总则</h2>",
        "<strong>第一条</strong>",
        "<ol><li>一</li></ol>",
        "<td>1</td>",
        'href="https://www.example.cn/"',
        'href="mailto:a@example.cn"',
        'src="/media/news/a.jpg"',
    ):
        assert kept in clean


def test_text_that_looks_like_markup_stays_escaped():
    assert sanitize_html("<p>&lt;script&gt;</p>") == "<p>&lt;script&gt;</p>"


def test_empty_editor_output_is_empty():
    assert sanitize_html("<p></p>") == ""
    assert sanitize_html("") == ""


def test_body_is_sanitised_when_the_model_is_saved(make_article):
    article = make_article(body='<p onclick="x()">正文</p><script>alert(1)</script>')
    article.refresh_from_db()
    assert article.body == "<p>正文</p>"
