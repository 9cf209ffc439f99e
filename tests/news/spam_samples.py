"""Spam as it was injected into the defaced government pages: gambling words hidden from readers (but not from
search engines) by every trick of CSS, and links with nothing to click. In Simplified and Traditional characters."""

SPAM_SIMPLIFIED = "皇冠体育官网 百家乐在线 六合彩开奖"
SPAM_TRADITIONAL = "皇冠體育官網 百家樂在線 六合彩開獎"

HIDING_STYLES = {
    "display none with a comment": "display:/**/none",
    "display none escaped": r"di\73 play:none",
    "display none in capitals": "DISPLAY : NONE !important",
    "visibility hidden": "visibility:hidden",
    "far to the left": "position:absolute;left:-9e3px",
    "far above": "position:absolute;top:-5000px",
    "indented away": "text-indent:-99999px",
    "clipped": "position:absolute;clip:rect(0,0,0,0)",
    "clip path": "clip-path:inset(50%)",
    "scaled to nothing": "transform:scale(0)",
    "nearly transparent": "opacity:0.0001",
    "transparent percent": "opacity:1%",
    "white on white": "color:#fff",
    "white as rgb": "color:rgb(255, 255, 255)",
    "one pixel box": "height:1px;overflow:hidden",
    "no width": "width:0;overflow:hidden",
    "zero font": "font-size:0",
    "tiny font": "font-size:0.1em",
}


def hidden_blocks(text):
    """name -> markup hiding `text` in an article body."""
    samples = {
        name: f'<p>协会召开工作会议。</p><div style="{style}">{text}</div>' for name, style in HIDING_STYLES.items()
    }
    samples["marquee"] = f"<p>协会召开工作会议。</p><marquee>{text}</marquee>"
    samples["font of size 0"] = f'<p>协会召开工作会议。<font size="0">{text}</font></p>'
    samples["white font"] = f'<p>协会召开工作会议。<font color="#FFFFFF">{text}</font></p>'
    samples["hidden attribute"] = f"<p>协会召开工作会议。</p><span hidden>{text}</span>"
    return samples


INVISIBLE_LINKS = {
    "empty": '<a href="https://spam.example/casino"></a>',
    "zero-width space": '<a href="https://spam.example/casino">\u200b</a>',
    "non-breaking space": '<a href="https://spam.example/casino">&nbsp;</a>',
    "lone full stop": '<a href="https://spam.example/casino">.</a>',
    "tiny image": (
        '<a href="https://spam.example/casino"><img src="/media/photos/x.jpg" width="0" height="0" alt=""></a>'
    ),
}
