"""One login for every role of the demo, so that a first look can try each job: the admin, a news editor and a
reviewer, an event manager, a membership manager, a branch's editor, a council member who votes, and the liaison
officers of two cities. Passwords are made once
and kept in var/demo-logins.json (readable by its owner only); run again, it prints the same logins."""

import json
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from association.models import Branch, BranchStaff
from events.contributions import EVENT_MANAGERS
from members.contributions import MEMBERSHIP_MANAGERS
from members.models import LiaisonOfficer
from membership.contributions import FINANCE
from news.contributions import NEWS_EDITORS, NEWS_REVIEWERS

STAFF = [
    # username, role as printed, group (None: superuser)
    ("admin", "admin (everything)", None),
    ("editor", "news editor", NEWS_EDITORS),
    ("reviewer", "news reviewer", NEWS_REVIEWERS),
    ("meetings", "event manager", EVENT_MANAGERS),
    ("members", "membership manager", MEMBERSHIP_MANAGERS),
    ("finance", "finance officer", FINANCE),
]
OFFICER_CITIES = ["nanning", "beihai"]  # two demo cities whose primary officers get a password
BRANCH_STAFF = [("women.editor", "women mayors' branch editor", "women-mayors", NEWS_EDITORS)]
COUNCIL_MEMBER = "qin.haiyan"  # a council member of the demo, who votes on the desk (governance/demo.py)


class Command(BaseCommand):
    help = "Create (once) and print a login for every demo role; passwords are kept in var/demo-logins.json."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="the port the site is served on, for the links")

    def handle(self, *args, port, **options):
        path = settings.VAR_DIR / "demo-logins.json"
        kept = json.loads(path.read_text()) if path.exists() else {}
        admin_file = settings.VAR_DIR / "admin-password.txt"  # from ensure_admin, before there were demo logins
        if "admin" not in kept and admin_file.exists():
            kept["admin"] = admin_file.read_text().strip()
        User = get_user_model()
        logins = []
        with transaction.atomic():
            for username, role, group in STAFF:
                user = User.objects.filter(username=username).first() or User(username=username)
                user.is_staff, user.is_superuser = True, group is None
                logins.append((role, user, "/admin/"))
                if group:
                    user.save()
                    user.groups.set([Group.objects.get(name=group)])
            for username, role, slug, group in BRANCH_STAFF:
                user = User.objects.filter(username=username).first() or User(username=username)
                user.is_staff = True
                user.save()
                BranchStaff.objects.get_or_create(user=user, branch=Branch.objects.get(slug=slug), role=group)
                logins.append((role, user, "/admin/"))
            member = User.objects.filter(username=COUNCIL_MEMBER).first()
            if member is not None:
                logins.append(("council member (votes)", member, "/portal/votes/"))
            for slug in OFFICER_CITIES:
                officer = (
                    LiaisonOfficer.objects.current()
                    .filter(city__slug=slug, is_primary=True, user__isnull=False)
                    .select_related("user", "city")
                    .first()
                )
                if officer is None:
                    raise CommandError(f"No current officer for {slug}: load the demo content first (load_demo_data).")
                logins.append((f"liaison officer of {officer.city.name_en}", officer.user, "/portal/"))
            for _role, user, _url in logins:
                password = kept.get(user.username)
                if not password or not user.check_password(password):
                    password = kept[user.username] = secrets.token_urlsafe(12)
                    user.set_password(password)
                user.save()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(kept, indent=2) + "\n")
        path.chmod(0o600)

        site = f"http://127.0.0.1:{port}"
        self.stdout.write(self.style.SUCCESS(f"Demo logins (kept in {path}):"))
        width = max(len(role) for role, _user, _url in logins)
        for role, user, url in logins:
            self.stdout.write(
                f"  {role:<{width}}  {site}{url:<15}  user: {user.username:<14}  password: {kept[user.username]}"
            )
        self.stdout.write(
            "  Staff set up two-step sign-in at their first sign-in: scan the QR code the back office shows"
            " (or type its key) with an authenticator app. Officers sign in with the password alone."
        )
