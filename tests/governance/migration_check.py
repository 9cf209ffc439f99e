"""Run in a process of its own on a scratch SQLite file (tests/governance/test_migration.py): today's leaders and
branch council members, written at the schema before governance, come through the migration into mandates."""

import json
import sys

import django
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

django.setup()

BEFORE = [("association", "0012_english_contact_and_affiliations")]

call_command("migrate", "association", BEFORE[0][1], verbosity=0)
old = MigrationExecutor(connection).loader.project_state(BEFORE).apps
Position, Leader = old.get_model("association", "Position"), old.get_model("association", "Leader")
Branch, CouncilMember = old.get_model("association", "Branch"), old.get_model("association", "CouncilMember")
president = Position.objects.create(name="会长", name_en="President", order=10)
secretary = Position.objects.create(name="秘书长", name_en="Secretary-General", order=40)
Leader.objects.create(
    position=president,
    name="韦志宏",
    name_en="Wei Zhihong",
    affiliation="南宁市人民政府市长",
    biography="简历。",
    since="2022-11-08",
    order=1,
)
Leader.objects.create(position=president, name="李国强", since="2016-10-12", until="2022-11-07")
Leader.objects.create(position=secretary, name="莫春林", since="2020-03-01")
women = Branch.objects.create(name="女市长分会", slug="women", kind="women", founded_on="2008-03-06")
for order, (name, role) in enumerate([("覃海燕", "president"), ("黎雪梅", "vice_president"), ("何志强", "director")]):
    CouncilMember.objects.create(branch=women, name=name, role=role, affiliation="某市", order=order)

call_command("migrate", verbosity=0)

from governance.models import Mandate  # noqa: E402  (the models of today, after the migration)

rows = [
    {
        "name": m.name,
        "name_en": m.name_en,
        "position": m.position.name,
        "leading": m.position.leading,
        "branch": m.term.body.branch.slug if m.term.body.branch else None,
        "term_starts": str(m.term.starts_on),
        "since": str(m.since) if m.since else None,
        "until": str(m.until) if m.until else None,
        "affiliation": m.affiliation,
        "biography": m.biography,
    }
    for m in Mandate.objects.select_related("position", "term", "term__body", "term__body__branch").order_by("pk")
]
json.dump(rows, sys.stdout, ensure_ascii=False)
