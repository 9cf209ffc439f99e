from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.web import throttle
from core.web.network import client_ip
from subscriptions import services
from subscriptions.forms import SubscribeForm, TopicsForm
from subscriptions.models import Subscriber


def _language():
    return translation.get_language() or settings.LANGUAGE_CODE


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif not throttle.within_limit(
            "subscribe",
            [client_ip(request), form.cleaned_data["email"].lower()],
            limit=settings.SUBSCRIBE_LIMIT_PER_HOUR,
            seconds=3600,
            durable=True,
        ):
            form.add_error(None, _("Too many requests from here. Please try again in an hour."))
            status = 429
        else:
            data = form.cleaned_data
            services.request_subscription(
                email=data["email"],
                categories=data["categories"],
                periodicals=data["periodicals"],
                events=data["events"],
                frequency=data["frequency"],
                language=_language(),
                consent_statement=f"{form.fields['consent'].label} ({request.build_absolute_uri(form.privacy_url())})",
            )
            return redirect("subscriptions:sent")
    return render(request, "subscriptions/subscribe.html", {"form": form}, status=status)


def sent(request):
    return render(request, "subscriptions/sent.html")


def _subscriber(token):
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        raise Http404(_("This link is not valid. It may have been mistyped; you can subscribe again."))
    return subscriber


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """A GET only shows the button: mail scanners that open every link must not subscribe anyone."""
    subscriber = _subscriber(token)
    if request.method == "POST":
        services.confirm(subscriber)
        return redirect(reverse("subscriptions:manage", args=[token]) + "?confirmed=1")
    return render(request, "subscriptions/confirm.html", {"subscriber": subscriber})


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request, token):
    subscriber = _subscriber(token)
    if subscriber.state != Subscriber.State.ACTIVE:
        return render(request, "subscriptions/inactive.html", {"subscriber": subscriber}, status=410)
    initial = {
        "categories": subscriber.categories.all(),
        "periodicals": subscriber.periodicals.all(),
        "events": subscriber.events,
        "frequency": subscriber.frequency,
    }
    form = TopicsForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            services.change(
                subscriber,
                categories=data["categories"],
                periodicals=data["periodicals"],
                events=data["events"],
                frequency=data["frequency"],
                language=_language(),
            )
            return render(request, "subscriptions/manage.html", {"form": form, "subscriber": subscriber, "saved": True})
        status = 400
    context = {
        "form": form,
        "subscriber": subscriber,
        "confirmed": request.method == "GET" and "confirmed" in request.GET,
    }
    return render(request, "subscriptions/manage.html", context, status=status)


@csrf_exempt  # RFC 8058: mail programs POST "List-Unsubscribe=One-Click" here without a page or a cookie
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber = _subscriber(token)
    if request.method == "POST":
        services.unsubscribe(subscriber)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("Unsubscribed."), content_type="text/plain; charset=utf-8")
        return render(request, "subscriptions/unsubscribed.html")
    if subscriber.state == Subscriber.State.UNSUBSCRIBED:
        return render(request, "subscriptions/unsubscribed.html")
    return render(request, "subscriptions/unsubscribe.html", {"subscriber": subscriber})
