from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commonplace.accounts.permissions import current_member
from commonplace.notifications import kinds, selectors, services
from commonplace.notifications.forms import EmailChoicesForm


@require_GET
def notification_list(request: HttpRequest) -> HttpResponse:
    viewer = current_member(request)
    page = selectors.notifications_page(member=viewer, page_number=request.GET.get("page"))
    return render(request, "notifications/list.html", {"page_obj": page})


@require_GET
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read and go to what it is about.

    Reached by a plain link so it works from the keyboard, a new tab, or without JavaScript;
    marking read twice is harmless.
    """
    viewer = current_member(request)
    notification = selectors.notification_of(member=viewer, notification_id=pk)
    if notification is None:
        raise Http404
    services.mark_read(member=viewer, notification_ids=[notification.pk])
    return redirect(notification.target_path())


@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    """Mark everything read; htmx gets the refreshed list and bell, other browsers a redirect."""
    viewer = current_member(request)
    services.mark_read(member=viewer)
    if getattr(request, "htmx", False):
        page = selectors.notifications_page(member=viewer, page_number=request.POST.get("page"))
        return render(
            request,
            "notifications/list.html#refreshed",
            {"page_obj": page, "all_read_now": True},
        )
    messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:list")


@require_http_methods(["GET", "POST"])
def email_settings(request: HttpRequest) -> HttpResponse:
    viewer = current_member(request)
    form = EmailChoicesForm(
        request.POST or None,
        kinds=kinds.all_kinds(),
        current=selectors.email_choices(member=viewer),
    )
    if request.method == "POST":
        if form.is_valid():
            for key, email in form.choices().items():
                services.email_preference_set(member=viewer, kind=key, email=email)
            messages.success(request, _("Your email choices were saved."))
            return redirect("notifications:settings")
        return render(request, "notifications/settings.html", {"form": form}, status=400)
    return render(request, "notifications/settings.html", {"form": form})


# Mail clients send the one-click unsubscribe (RFC 8058) as a bare POST with no CSRF token.
# The signed token in the address is what authorises it: a forged request would need the
# token, and the most it can do is turn off one kind of email that its owner can turn back on.
@csrf_exempt
@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what the link turns off and a button; POST turns it off.

    A GET never changes anything: link scanners and previews open every link in an email.
    """
    try:
        member, kind = services.unsubscribe_target(token)
    except services.UnusableToken as problem:
        return render(
            request,
            "notifications/unsubscribe_problem.html",
            {"reason": problem.reason},
            status=400 if problem.reason == "garbled" else 404,
        )
    if request.method == "POST":
        services.email_preference_set(member=member, kind=kind.key, email=False)
        return render(request, "notifications/unsubscribe_done.html", {"kind": kind})
    wanted = selectors.wants_email(member=member, kind=kind.key)
    return render(
        request,
        "notifications/unsubscribe.html",
        {"kind": kind, "token": token, "already_off": not wanted},
    )
