"""The annual work report as a Word file (python-docx), for the secretariat to finish in Word or WPS: the heading
styles of Chinese official documents (title in 宋体, parts in 黑体, sub-parts in 楷体, text in 仿宋 at 三号 with a
two-character indent). python-docx names only a run's Latin font, so each style also names its East Asian font,
which is what Chinese text is drawn in."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import BaseStyle

from core.templatetags.portal import figure_number
from insight.report import Report

LATIN_FONT = "Times New Roman"
TITLE_FONT = "宋体"
PART_FONT = "黑体"
SUB_PART_FONT = "楷体"
TEXT_FONT = "仿宋"
SIZE_TITLE = Pt(22)  # 二号
SIZE_TEXT = Pt(16)  # 三号
SIZE_TABLE = Pt(12)  # 小四


def set_fonts(style: BaseStyle, east_asian: str, size: Pt, *, bold: bool = False) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name = LATIN_FONT
    font.size = size
    font.bold = bold
    font.color.rgb = None
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asian)


def styled_document() -> Document:
    document = Document()
    styles = document.styles
    set_fonts(styles["Normal"], TEXT_FONT, SIZE_TEXT)
    normal = styles["Normal"].paragraph_format
    normal.first_line_indent = Pt(32)  # two characters
    normal.line_spacing = Pt(28)
    normal.space_after = Pt(0)
    set_fonts(styles["Title"], TITLE_FONT, SIZE_TITLE, bold=True)
    styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Title"].paragraph_format.first_line_indent = Pt(0)
    styles["Title"].paragraph_format.space_after = Pt(16)
    for name, east_asian in (("Heading 1", PART_FONT), ("Heading 2", SUB_PART_FONT)):
        set_fonts(styles[name], east_asian, SIZE_TEXT)
        heading = styles[name].paragraph_format
        heading.first_line_indent = Pt(32)
        heading.space_before = Pt(6)
        heading.space_after = Pt(0)
    return document


def work_report_docx(report: Report) -> bytes:
    document = styled_document()
    document.core_properties.title = report.title
    document.add_paragraph(report.title, style="Title")
    document.add_paragraph(report.summary)
    for section in report.sections:
        document.add_paragraph(f"{section.number}、{section.heading}", style="Heading 1")
        for text in section.paragraphs:
            document.add_paragraph(text)
        if section.facts:
            add_facts_table(document, report, section.facts)
        for number, item in enumerate(section.items, start=1):
            document.add_paragraph(f"{number}. {item}")
        for sub in section.subsections:
            document.add_paragraph(f"（{sub.number}）{sub.heading}", style="Heading 2")
            for text in sub.paragraphs:
                document.add_paragraph(text)
            for number, item in enumerate(sub.items, start=1):
                document.add_paragraph(f"{number}. {item}")
    document.add_paragraph(_("Where the figures come from"), style="Heading 1")
    document.add_paragraph(
        _("For the editors: each figure above was counted by the function named here, in the portal's code.")
    )
    for number, fact in enumerate(report.facts(), start=1):
        document.add_paragraph(f"{number}. {fact.label}: {fact.source}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_facts_table(document: Document, report: Report, facts: list) -> None:
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    headers = (_("Figure"), str(report.year), str(report.year - 1), pgettext("year on year", "Change"))
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell_text(cell, text, bold=True)
    for fact in facts:
        change = fact.change
        values = (
            fact.label,
            f"{figure_number(fact.value)} {fact.unit}".strip(),
            f"{figure_number(fact.previous)} {fact.unit}".strip(),
            ("+" if change and change > 0 else "") + figure_number(change),
        )
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell_text(cell, text)


def cell_text(cell, text: str, *, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.line_spacing = 1.0
    run = paragraph.add_run(text)
    run.font.size = SIZE_TABLE
    run.font.bold = bold
