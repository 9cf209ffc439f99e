"""The annual work report drafted from the data: its parts, figures and lists for a year, each figure with the
function it was counted by (so the secretariat can check it, and a test compares it with its own count). The
draft article (insight/services.py) and the Word file (insight/word.py) are both written from this one outline.

Headings follow the numbering of Chinese official documents: 一、 for a part, （一） within it, 1. for an item."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from core.backoffice.figures import Period, rate
from events import figures as event_figures
from members import figures as member_figures
from members.models import LiaisonAward
from membership.selectors import totals_by_year
from news import figures as news_figures
from publications import selectors as publications
from surveys import figures as survey_figures
from surveys.models import Nomination

CHINESE_NUMERALS = "一二三四五六七八九十"


def part_number(index: int) -> str:
    """一、二、… for the parts; （一）（二）… within them (index from 0)."""
    return CHINESE_NUMERALS[index] if index < len(CHINESE_NUMERALS) else str(index + 1)


@dataclass
class Fact:
    label: str
    value: int | Decimal
    previous: int | Decimal | None  # the year before
    source: str  # the function that counted it
    unit: str = ""

    @property
    def change(self) -> int | Decimal | None:
        return None if self.previous is None else self.value - self.previous


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)
    number: str = ""  # 一 or （一）'s 一, given when the report is put together


@dataclass
class Report:
    year: int
    title: str
    summary: str
    sections: list[Section]

    def facts(self) -> list[Fact]:
        def walk(sections: list[Section]) -> list[Fact]:
            return [fact for section in sections for fact in [*section.facts, *walk(section.subsections)]]

        return walk(self.sections)


def _year_span(year: int) -> tuple[datetime.datetime, datetime.datetime]:
    period = Period(year, year)
    return period.start(), period.end()


def _meeting_line(row: event_figures.MeetingFigures) -> str:
    event = row.event
    when = timezone.localtime(event.starts_at)
    place = " ".join(part for part in (str(event.host_city or ""), event.venue) if part)
    return _("%(date)s, %(title)s, in %(place)s: %(cities)s member cities, %(delegates)s delegates") % {
        "date": f"{when:%Y-%m-%d}",
        "title": str(event),
        "place": place or _("a place not given"),
        "cities": row.cities,
        "delegates": row.delegates,
    }


def meetings_section(
    year: int, rows: list[event_figures.MeetingFigures], before: list[event_figures.MeetingFigures]
) -> Section:
    source = "events.figures.meetings_held"
    cities = len(_attending_cities(year))
    cities_before = len(_attending_cities(year - 1))
    section = Section(
        _("Meetings and activities"),
        facts=[
            Fact(_("Meetings held"), len(rows), len(before), source, _("meetings")),
            Fact(
                _("Member cities attending (each counted once)"),
                cities,
                cities_before,
                "events.figures.attendances",
                _("cities"),
            ),
            Fact(
                _("Delegates served"),
                sum(row.delegates for row in rows),
                sum(row.delegates for row in before),
                source,
                _("people"),
            ),
        ],
    )
    by_kind: dict[str, list[event_figures.MeetingFigures]] = {}
    for row in rows:
        by_kind.setdefault(row.event.get_kind_display(), []).append(row)
    for kind, kind_rows in by_kind.items():
        section.subsections.append(
            Section(
                _("%(kind)s (%(count)s)") % {"kind": kind, "count": len(kind_rows)},
                items=[_meeting_line(row) for row in kind_rows],
            )
        )
    if not rows:
        section.paragraphs.append(_("No meeting was held this year."))
    return section


def _attending_cities(year: int) -> set[int]:
    first, end = _year_span(year)
    return set(
        event_figures.attendances()
        .filter(event__starts_at__gte=first, event__starts_at__lt=end)
        .values_list("city_id", flat=True)
    )


def publicity_section(year: int) -> Section:
    issues = list(publications.published_in(year))
    issues_before = publications.published_in(year - 1).count()
    section = Section(
        _("News and publications"),
        facts=[
            Fact(
                _("Articles published"),
                news_figures.published_in(year, year).count(),
                news_figures.published_in(year - 1, year - 1).count(),
                "news.figures.published_in",
                _("articles"),
            ),
            Fact(
                _("Article reads"),
                news_figures.reads_in(year),
                news_figures.reads_in(year - 1),
                "news.figures.reads_in",
                _("reads"),
            ),
            Fact(
                _("Periodical issues published"),
                len(issues),
                issues_before,
                "publications.selectors.published_in",
                _("issues"),
            ),
        ],
    )
    if issues:
        section.subsections.append(
            Section(
                _("Periodical issues"),
                items=[f"{issue.published_on:%Y-%m-%d} {issue}" for issue in issues],
            )
        )
    return section


def members_section(year: int) -> Section:
    joined = list(member_figures.joined(year))
    departed = list(member_figures.departed(year))
    dues = totals_by_year(year - 1, year)
    section = Section(
        _("Members"),
        facts=[
            Fact(
                _("Member cities at the end of the year"),
                member_figures.members_on(datetime.date(year, 12, 31)),
                member_figures.members_on(datetime.date(year - 1, 12, 31)),
                "members.figures.members_on",
                _("cities"),
            ),
            Fact(
                _("New member cities"),
                len(joined),
                member_figures.joined(year - 1).count(),
                "members.figures.joined",
                _("cities"),
            ),
            Fact(
                _("Cities that left"),
                len(departed),
                member_figures.departed(year - 1).count(),
                "members.figures.departed",
                _("cities"),
            ),
            Fact(
                _("Dues expected"),
                dues[year].issued,
                dues[year - 1].issued,
                "membership.selectors.totals_by_year",
                _("yuan"),
            ),
            Fact(
                _("Dues collected"),
                dues[year].paid,
                dues[year - 1].paid,
                "membership.selectors.totals_by_year",
                _("yuan"),
            ),
        ],
    )
    if joined:
        section.subsections.append(
            Section(_("New members"), items=[f"{city} ({city.region}, {city.joined_on:%Y-%m-%d})" for city in joined])
        )
    if departed:
        section.subsections.append(
            Section(
                _("Members that left"),
                items=[f"{change.city} ({change.effective_on:%Y-%m-%d})" for change in departed],
            )
        )
    return section


def honours_of(year: int) -> list[str]:
    """The honours of the year: decided nominations of the year's calls, and officers honoured by hand."""
    honoured = Nomination.objects.filter(
        decision=Nomination.Decision.HONOURED, call__year=year, call__state="decided"
    ).select_related("call", "officer", "response__city")
    lines = [f"{n.call.honour}: {n.nominee_name} ({n.response.city})" for n in honoured]
    from_calls = {(n.officer_id, n.call.honour) for n in honoured if n.officer_id}
    for award in LiaisonAward.objects.filter(year=year).select_related("officer", "officer__city"):
        if (award.officer_id, award.title) not in from_calls:
            lines.append(f"{award.title}: {award.officer.name} ({award.officer.city})")
    return lines


def liaison_section(year: int) -> Section:
    first, end = _year_span(year)
    replies = event_figures.notice_replies(first, end).get(year)
    replies_before = event_figures.notice_replies(*_year_span(year - 1)).get(year - 1)
    surveys = survey_figures.response_rates_closing(Period(year, year))
    section = Section(
        _("Liaison work"),
        facts=[
            Fact(
                _("Meeting notices sent to cities"),
                replies.sent if replies else 0,
                replies_before.sent if replies_before else 0,
                "events.figures.notice_replies",
                _("notices"),
            ),
            Fact(
                _("Notices replied to"),
                replies.replied if replies else 0,
                replies_before.replied if replies_before else 0,
                "events.figures.notice_replies",
                _("notices"),
            ),
            Fact(
                _("Questionnaires closed"),
                len(surveys),
                len(survey_figures.response_rates_closing(Period(year - 1, year - 1))),
                "surveys.figures.response_rates_closing",
                _("questionnaires"),
            ),
        ],
    )
    if surveys:
        section.subsections.append(
            Section(
                _("Questionnaires"),
                items=[
                    _("%(title)s: %(submitted)s of %(asked)s cities answered (%(rate)s%%)")
                    % {
                        "title": row.questionnaire,
                        "submitted": row.submitted,
                        "asked": row.asked,
                        "rate": rate(row.submitted, row.asked),
                    }
                    for row in surveys
                ],
            )
        )
    return section


def annual_report(year: int) -> Report:
    first, end = _year_span(year)
    rows = event_figures.meetings_held(first, end)
    before = event_figures.meetings_held(*_year_span(year - 1))
    sections = [
        meetings_section(year, rows, before),
        publicity_section(year),
        members_section(year),
        liaison_section(year),
    ]
    honours = honours_of(year)
    sections.append(
        Section(_("Honours"), items=honours, paragraphs=[] if honours else [_("No honours were decided this year.")])
    )
    for index, section in enumerate(sections):
        section.number = part_number(index)
        for sub_index, sub in enumerate(section.subsections):
            sub.number = part_number(sub_index)
    return Report(
        year=year,
        title=_("Work report of the association for %(year)s") % {"year": year},
        summary=_(
            "Drafted from the portal's data on %(date)s: meetings, news and publications, members, liaison work and "
            "honours of %(year)s, compared with the year before."
        )
        % {"date": f"{timezone.localdate():%Y-%m-%d}", "year": year},
        sections=sections,
    )


def _number(value: object) -> int | Decimal | None:
    if value is None or isinstance(value, int | Decimal):
        return value
    return Decimal(str(value)) if "." in str(value) else int(str(value))


def _section_from(data: dict) -> Section:
    return Section(
        heading=data["heading"],
        paragraphs=data["paragraphs"],
        facts=[
            Fact(**{**fact, "value": _number(fact["value"]), "previous": _number(fact["previous"])})
            for fact in data["facts"]
        ],
        items=data["items"],
        subsections=[_section_from(sub) for sub in data["subsections"]],
        number=data["number"],
    )


def report_from(outline: dict) -> Report:
    """A report as it was drafted, from its stored outline (WorkReport.outline)."""
    return Report(
        year=outline["year"],
        title=outline["title"],
        summary=outline["summary"],
        sections=[_section_from(section) for section in outline["sections"]],
    )
