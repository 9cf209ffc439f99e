from django.contrib.auth.models import User

from events import services
from members import services as member_services
from members.models import LiaisonOfficer
from tests.events.conftest import delegates


def test_each_officer_is_written_to_in_their_own_language(
    make_event, make_officer, django_capture_on_commit_callbacks, mailoutbox
):
    chinese = make_officer("nanning")
    LiaisonOfficer.objects.create(
        user=User.objects.create_user("deputy"),
        city=chinese.city,
        name="Deputy",
        position="副秘书长",
        email="deputy@example.cn",
        is_primary=False,
        language="en",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.delegation_register(
            event=make_event(title="联络工作会议"), officer=chinese, delegates=delegates(1), consent=True
        )
    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert "your delegation is Confirmed" in by_recipient["deputy@example.cn"].subject
    assert "代表团报名已确认" in by_recipient["nanning@example.cn"].subject


def test_the_invitation_is_in_the_officers_language(make_officer, mailoutbox, django_capture_on_commit_callbacks):
    officer = make_officer("beihai")
    officer.language = "zh-hant"
    officer.save()
    with django_capture_on_commit_callbacks(execute=True):
        member_services.officer_invite(
            officer=officer, by=User.objects.create_superuser("boss"), base_url="http://testserver/"
        )
    assert "聯絡員" in mailoutbox[0].body


def test_an_english_e_mail_names_the_city_and_the_event_in_english(
    make_event, make_officer, django_capture_on_commit_callbacks, mailoutbox
):
    officer = make_officer("beihai")
    officer.language = "en"
    officer.save()
    officer.city.name_en = "Beihai"
    officer.city.save()
    event = make_event(title="联络工作会议", title_en="Liaison-Work Conference")
    with django_capture_on_commit_callbacks(execute=True):
        services.delegation_register(event=event, officer=officer, delegates=delegates(1), consent=True)
    body = mailoutbox[0].body
    assert "The delegation of Beihai to Liaison-Work Conference" in body
    assert "联络工作会议" not in body


def test_a_notice_says_plainly_who_did_what_and_links_absolutely(
    make_event, make_officer, event_manager, django_capture_on_commit_callbacks, mailoutbox, settings
):
    settings.SITE_URL = "https://www.gxmayors.example.cn"
    officer = make_officer("nanning")
    with django_capture_on_commit_callbacks(execute=True):
        delegation = services.delegation_register(
            event=make_event(requires_approval=True), officer=officer, delegates=delegates(1), consent=True
        )
        services.delegation_confirm(delegation=delegation, by=event_manager)
    submitted, confirmed = (message.body for message in mailoutbox)
    assert "由nanning办理" in submitted and "由秘书处办理" in confirmed and "秘书处说明" not in submitted
    assert "https://www.gxmayors.example.cn/portal/" in confirmed and "\n/portal/" not in confirmed
