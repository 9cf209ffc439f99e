"""Today's leaders (association.Leader) and branch council members (association.CouncilMember) become mandates in
a term of a body, keeping every row: the association's leaders in one term of its council, from the earliest
leader's start; each branch's council members in one term of the branch's council, from the branch's founding.
The terms' numbers and dates are for the secretariat to correct; nothing is lost. Going back copies them back."""

import datetime

from django.db import migrations

ROLE_POSITIONS = {
    "president": ("会长", 10, True),
    "vice_president": ("副会长", 30, True),
    "secretary_general": ("秘书长", 40, True),
    "deputy_secretary_general": ("副秘书长", 50, True),
    "director": ("理事", 90, False),
}


def translations(source, target, *fields):
    """The translation columns (name_en, …) the two models share, for these fields."""
    names = {f.name for f in target._meta.get_fields()}
    return {
        f.name: getattr(source, f.name)
        for f in source._meta.get_fields()
        if any(f.name.startswith(f"{field}_") for field in fields) and f.name in names
    }


def forwards(apps, schema_editor):
    OldPosition = apps.get_model("association", "Position")
    Leader = apps.get_model("association", "Leader")
    CouncilMember = apps.get_model("association", "CouncilMember")
    Position = apps.get_model("governance", "Position")
    Body = apps.get_model("governance", "Body")
    Term = apps.get_model("governance", "Term")
    Mandate = apps.get_model("governance", "Mandate")

    positions = {}
    for old in OldPosition.objects.all():
        positions[old.pk] = Position.objects.create(
            name=old.name, order=old.order, leading=True, **translations(old, Position, "name")
        )
    leaders = list(Leader.objects.all())
    if leaders:
        council = Body.objects.create(name="理事会", kind="council", order=10)
        term = Term.objects.create(body=council, number=1, starts_on=min(leader.since for leader in leaders))
        for leader in leaders:
            Mandate.objects.create(
                term=term,
                position=positions[leader.position_id],
                name=leader.name,
                affiliation=leader.affiliation,
                biography=leader.biography,
                photo=leader.photo,
                since=leader.since,
                until=leader.until,
                order=leader.order,
                **translations(leader, Mandate, "name", "affiliation", "biography"),
            )
    terms = {}
    for member in CouncilMember.objects.select_related("branch").order_by("branch_id", "order", "id"):
        if member.branch_id not in terms:
            body = Body.objects.create(name="理事会", kind="council", branch_id=member.branch_id)
            starts = member.branch.founded_on or datetime.date.today()
            terms[member.branch_id] = Term.objects.create(body=body, number=1, starts_on=starts)
        name, order, leading = ROLE_POSITIONS[member.role]
        position = Position.objects.filter(name=name).first() or Position.objects.create(
            name=name, order=order, leading=leading
        )
        Mandate.objects.create(
            term=terms[member.branch_id],
            position=position,
            name=member.name,
            affiliation=member.affiliation,
            order=member.order,
        )


def backwards(apps, schema_editor):
    OldPosition = apps.get_model("association", "Position")
    Leader = apps.get_model("association", "Leader")
    CouncilMember = apps.get_model("association", "CouncilMember")
    Position = apps.get_model("governance", "Position")
    Mandate = apps.get_model("governance", "Mandate")
    roles = {name: role for role, (name, _order, _leading) in ROLE_POSITIONS.items()}

    old_positions = {}
    for position in Position.objects.all():
        old_positions[position.pk] = OldPosition.objects.create(
            name=position.name, order=position.order, **translations(position, OldPosition, "name")
        )
    for mandate in Mandate.objects.select_related("term", "term__body", "position"):
        branch_id = mandate.term.body.branch_id
        if branch_id is None:
            Leader.objects.create(
                position=old_positions[mandate.position_id],
                name=mandate.name,
                affiliation=mandate.affiliation,
                biography=mandate.biography,
                photo=mandate.photo,
                since=mandate.since or mandate.term.starts_on,
                until=mandate.until or mandate.term.ends_on,
                order=mandate.order,
                **translations(mandate, Leader, "name", "affiliation", "biography"),
            )
        else:
            CouncilMember.objects.create(
                branch_id=branch_id,
                name=mandate.name,
                role=roles.get(mandate.position.name, "director"),
                affiliation=mandate.affiliation,
                order=mandate.order,
            )
    Mandate.objects.all().delete()
    apps.get_model("governance", "Term").objects.all().delete()
    apps.get_model("governance", "Body").objects.all().delete()
    Position.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0001_initial"),
        ("association", "0012_english_contact_and_affiliations"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
