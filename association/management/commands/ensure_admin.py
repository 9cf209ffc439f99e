import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the local admin account once (password kept in var/<user>-password.txt) and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        password_file = settings.VAR_DIR / ("admin-password.txt" if username == "admin" else f"{username}-password.txt")
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        stored = password_file.read_text().strip() if password_file.exists() else None
        if user is None or stored is None or not user.check_password(stored):
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_superuser(username, email="", password=password)
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        password = password_file.read_text().strip()
        self.stdout.write(
            self.style.SUCCESS(f"Admin login: http://127.0.0.1:8000/admin/  user: {username}  password: {password}")
        )
        self.stdout.write(
            "  At the first sign-in the back office asks to set up two-step sign-in: scan its QR code (or type its key)"
            " with an authenticator app on your phone."
        )
