"""What other apps show on the liaison officer's desk (/portal/). Events, which sits above members, registers the
meetings open for registration here; the desk itself names no other app."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from members.models import LiaisonOfficer


@dataclass(frozen=True)
class DeskSection:
    template: str  # rendered with `data` in its context
    data: Callable[[LiaisonOfficer], Any]
    position: int = 100


@dataclass(frozen=True)
class RenderedSection:
    template: str
    data: Any


_sections: list[DeskSection] = []


def register(section: DeskSection) -> DeskSection:
    _sections.append(section)
    _sections.sort(key=lambda section: section.position)
    return section


def sections_for(officer: LiaisonOfficer) -> list[RenderedSection]:
    return [RenderedSection(section.template, section.data(officer)) for section in _sections]
