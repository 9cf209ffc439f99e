"""The demo's calendar, counted from the day it is loaded: when its meetings are held and its news published, so
that every app's demo content (meetings, articles, notices, documents, periodicals, honours) tells the same dates
and years, whatever the day. Offsets are days from today; negative is past."""

import datetime

from django.utils import timezone

CONFERENCE = (-8, -6)  # the liaison-work conference in Beihai, reported on its last day
CONGRESS = (-212, -211)  # this year's member congress in Liuzhou; the work report is issued on its first day
FORUM_7 = (-60, -59)  # the seventh China–ASEAN mayors' forum (one edition a year before it)
TRAINING = (113, 117)  # the training course in Guilin: registration opens 10 days ago and closes in 28
TRAINING_REGISTRATION = (-10, 28)
NEXT_CONGRESS = (150, 151)  # next year's congress in Wuzhou, its notice answered within 40 days
NEXT_CONGRESS_REGISTRATION = (-5, 90)
NEXT_CONGRESS_REPLY_BY = 40
WOMEN_FORUM = -95  # the women mayors' forum, reported that day
INFO_REPORTING_NOTICE = -40
RULES_CONSULTATION = -14  # the draft liaison rules, comments within 30 days


def day(offset):
    return timezone.localdate() + datetime.timedelta(days=offset)


def year(offset):
    return day(offset).year


def month_day(offset):
    """11月12日"""
    date = day(offset)
    return f"{date.month}月{date.day}日"


def full_date(offset):
    """2027年3月15日"""
    return f"{year(offset)}年{month_day(offset)}"


def span(start, end):
    """11月12日至14日, or 11月30日至12月2日 across a month."""
    first, last = day(start), day(end)
    if first.month == last.month:
        return f"{month_day(start)}至{last.day}日"
    return f"{month_day(start)}至{month_day(end)}"


def titles():
    """The demo meetings' titles, each with the year it is held in."""
    return {
        "conference": f"{year(CONFERENCE[0])}年全区市长协会联络工作会议",
        "congress": f"{year(CONGRESS[0])}年会员大会",
        "training": f"{year(TRAINING[0])}年第一期市长专题培训班",
        "next_congress": f"{year(NEXT_CONGRESS[0])}年会员大会",
    }
