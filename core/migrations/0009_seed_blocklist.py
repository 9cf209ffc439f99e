"""The words of the gambling and lottery spam found on defaced government sites, in Simplified and Traditional
characters, and the news reviewers' right to keep the list."""

from django.db import migrations

from core.groups import grant_group_permissions

SPAM_WORDS = [
    "皇冠体育",
    "皇冠體育",
    "博彩",
    "百家乐",
    "百家樂",
    "六合彩",
    "娱乐城",
    "娛樂城",
    "体育投注",
    "體育投注",
    "网上赌场",
    "網上賭場",
    "澳门赌场",
    "澳門賭場",
    "真人荷官",
    "赌球",
    "賭球",
    "时时彩",
    "時時彩",
    "北京赛车",
    "北京賽車",
    "彩票平台",
    "棋牌游戏",
    "棋牌遊戲",
    "老虎机",
    "老虎機",
    "网投",
    "網投",
    "菠菜",
    "太阳城",
    "太陽城",
    "威尼斯人娱乐",
    "葡京娱乐",
    "葡京娛樂",
    "金沙娱乐",
    "金沙娛樂",
    "线上赌博",
    "線上賭博",
]


def seed(apps, schema_editor):
    BlockedTerm = apps.get_model("core", "BlockedTerm")
    for word in SPAM_WORDS:
        BlockedTerm.objects.get_or_create(kind="word", term=word, defaults={"note": "seed: gambling spam"})


def grant(apps, schema_editor):
    grant_group_permissions(apps, "core")


class Migration(migrations.Migration):
    dependencies = [("core", "0008_blocklist")]

    operations = [
        migrations.RunPython(seed, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
