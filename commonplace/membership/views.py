from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from commonplace.accounts.permissions import current_member
from commonplace.core import ratelimit
from commonplace.core.selectors import paginate
from commonplace.membership import selectors, services
from commonplace.membership.forms import (
    DecisionMessageForm,
    DirectInvitationForm,
    InformationAnswerForm,
    InvitationAcceptForm,
    JoinQuestionForm,
    JoinRequestForm,
    NoteForm,
    OnboardingProfileForm,
    QuestionForm,
    StewardMessageForm,
)
from commonplace.membership.models import JoinQuestion, JoinRequest, StewardMessage
from commonplace.membership.permissions import (
    check_can_invite_directly,
    check_can_review_requests,
)
from commonplace.people import services as people_services

INVITATION_SESSION_KEY = "membership:invitation"
ANSWER_SESSION_KEY = "membership:answer"


# --- The public side: asking to join -------------------------------------------------------


@login_not_required
@require_http_methods(["GET", "POST"])
def join_form(request: HttpRequest) -> HttpResponse:
    questions = selectors.join_questions()
    form = JoinRequestForm(
        request.POST or None, questions=questions, initial={"language": get_language()}
    )
    if request.method == "POST":
        if form.is_bot:
            # Show bots the same confirmation as people, and keep nothing.
            return redirect("membership:thanks")
        refusal = _rate_limited(request, request.POST.get("email", ""))
        if refusal:
            form.add_error(None, refusal)
        elif form.is_valid():
            services.join_request_submit(
                answers=form.answers(), consent_wording=form.consent_wording()
            )
            selectors.forget_new_request_count()
            return redirect("membership:thanks")
    return render(request, "membership/join_form.html", {"form": form})


def _rate_limited(request: HttpRequest, email: str) -> str:
    by_ip = ratelimit.hit(
        "join-ip", ratelimit.client_ip(request), limit=settings.JOIN_LIMIT_PER_IP, window=3600
    )
    by_email = ratelimit.hit("join-email", email, limit=settings.JOIN_LIMIT_PER_EMAIL, window=86400)
    for verdict in (by_ip, by_email):
        if not verdict.allowed:
            minutes = max(1, round(verdict.retry_after / 60))
            return ngettext(
                "This form has been sent many times in a short while. "
                "Please try again in %(minutes)d minute.",
                "This form has been sent many times in a short while. "
                "Please try again in %(minutes)d minutes.",
                minutes,
            ) % {"minutes": minutes}
    return ""


@login_not_required
def join_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "membership/join_thanks.html")


@login_not_required
@never_cache
def answer_link(request: HttpRequest, token: str) -> HttpResponse:
    # Keep the token out of the address bar, the logs and any Referer header from here on.
    request.session[ANSWER_SESSION_KEY] = token
    return redirect("membership:answer-form")


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def answer_form(request: HttpRequest) -> HttpResponse:
    join_request = services.request_for_answer_token(request.session.get(ANSWER_SESSION_KEY, ""))
    if join_request is None:
        return render(request, "membership/link_problem.html", {"kind": "answer"})
    question = join_request.events.filter(kind="information_requested").last()
    form = InformationAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.join_request_answer(request=join_request, answer=form.cleaned_data["answer"])
        except services.InvitationUnusable:
            return render(request, "membership/link_problem.html", {"kind": "answer"})
        request.session.pop(ANSWER_SESSION_KEY, None)
        selectors.forget_new_request_count()
        return render(request, "membership/answer_done.html")
    return render(
        request,
        "membership/answer_form.html",
        {"form": form, "join_request": join_request, "question": question},
    )


# --- Invitations and onboarding -------------------------------------------------------------


@login_not_required
@never_cache
def invitation_link(request: HttpRequest, token: str) -> HttpResponse:
    request.session[INVITATION_SESSION_KEY] = token
    return redirect("membership:invitation-accept")


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest) -> HttpResponse:
    invitation = services.invitation_for_token(request.session.get(INVITATION_SESSION_KEY, ""))
    if invitation is None or not invitation.is_usable:
        return _invitation_problem(request, invitation)
    if request.user.is_authenticated:
        messages.info(
            request, _("You are already logged in. Log out first to use this invitation.")
        )
        return redirect("core:home")
    form = InvitationAcceptForm(
        request.POST or None, initial={"name": invitation.name}, email=invitation.email
    )
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation,
                name=form.cleaned_data["name"],
                password=form.cleaned_data["password1"],
            )
        except services.InvitationUnusable:
            return _invitation_problem(request, invitation)
        request.session.pop(INVITATION_SESSION_KEY, None)
        login(request, user, backend="commonplace.accounts.backends.MemberBackend")
        return redirect(_in_language("membership:onboarding-profile", user.language))
    return render(
        request, "membership/invitation_accept.html", {"form": form, "invitation": invitation}
    )


def _in_language(url_name: str, language: str) -> str:
    with translation.override(language):
        return reverse(url_name)


def _invitation_problem(request: HttpRequest, invitation) -> HttpResponse:
    if invitation is not None and invitation.used_at is not None:
        kind = "used"
    elif invitation is not None:
        kind = "expired"
    else:
        kind = "unknown"
    return render(request, "membership/link_problem.html", {"kind": kind, "invitation": invitation})


@login_not_required
@require_POST
def invitation_renew(request: HttpRequest) -> HttpResponse:
    invitation = services.invitation_for_token(request.session.get(INVITATION_SESSION_KEY, ""))
    if invitation is not None:
        services.invitation_renewal_wanted(invitation=invitation)
        selectors.forget_new_request_count()
    return render(request, "membership/renewal_asked.html", {"known": invitation is not None})


@require_http_methods(["GET", "POST"])
def onboarding_profile(request: HttpRequest) -> HttpResponse:
    """Step 2 of joining: the profile, pre-filled from the request, and the directory choice."""
    member = current_member(request)
    profile = people_services.profile_for(member)
    initial = {
        "language": member.language,
        "organization": profile.organization,
        "province": profile.province,
        "initiative": profile.initiative,
        "goals": profile.goals,
    }
    form = OnboardingProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.onboarding_complete(
            member=member, answers=form.cleaned_data, directory_wording=form.directory_wording()
        )
        return redirect(_in_language("membership:welcome", form.cleaned_data["language"]))
    return render(request, "membership/onboarding_profile.html", {"form": form})


def welcome(request: HttpRequest) -> HttpResponse:
    return render(request, "membership/welcome.html")


# --- Stewards: the review queue -------------------------------------------------------------


def queue(request: HttpRequest) -> HttpResponse:
    check_can_review_requests(request.user)
    status = request.GET.get("status", "")
    search = request.GET.get("q", "")[:200]
    sort = request.GET.get("sort", "oldest")
    requests = paginate(
        request, selectors.review_queue(status=status, search=search, sort=sort), per_page=25
    )
    filters = {
        key: value for key, value in (("status", status), ("q", search), ("sort", sort)) if value
    }
    context = {
        "page_obj": requests,
        "status": status,
        "search": search,
        "sort": sort,
        "statuses": JoinRequest.Status.choices,
        "query": urlencode(filters),
        "figures": selectors.response_figures(),
    }
    return render(request, "membership/queue.html", context)


@require_POST
def approve_several(request: HttpRequest) -> HttpResponse:
    check_can_review_requests(request.user)
    ids = [int(pk) for pk in request.POST.getlist("requests") if pk.isdigit()][:100]
    approved, skipped = 0, []
    for join_request in JoinRequest.objects.filter(pk__in=ids):
        try:
            services.join_request_approve(request=join_request, steward=request.user)
            approved += 1
        except services.AlreadyDecided:
            skipped.append(join_request.name)
    selectors.forget_new_request_count()
    if approved:
        messages.success(
            request,
            ngettext(
                "Approved %(count)d request; the invitation is on its way.",
                "Approved %(count)d requests; the invitations are on their way.",
                approved,
            )
            % {"count": approved},
        )
    if skipped:
        messages.warning(
            request,
            _("Already decided by someone else, so left as they were: %(names)s")
            % {"names": ", ".join(skipped)},
        )
    if not ids:
        messages.warning(request, _("Tick at least one request to approve."))
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = reverse("membership:queue")
    return redirect(back)


def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    check_can_review_requests(request.user)
    return _render_detail(request, pk)


def _render_detail(request: HttpRequest, pk: int, status: int = 200, **forms) -> HttpResponse:
    try:
        join_request = selectors.request_with_history(pk)
    except JoinRequest.DoesNotExist:
        raise Http404 from None
    language = join_request.language
    decline = selectors.steward_message(StewardMessage.Key.DECLINE).body_in(language)
    ask = selectors.steward_message(StewardMessage.Key.MORE_INFORMATION).body_in(language)
    context = {
        "join_request": join_request,
        "duplicates": selectors.possible_duplicates(join_request),
        "note_form": forms.get("note_form") or NoteForm(),
        "decline_form": forms.get("decline_form")
        or DecisionMessageForm(initial={"message": decline}),
        "ask_form": forms.get("ask_form") or QuestionForm(initial={"message": ask}),
        "invitation": next(iter(join_request.invitations.all()), None),
    }
    return render(request, "membership/request_detail.html", context, status=status)


@require_POST
def request_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    check_can_review_requests(request.user)
    try:
        join_request = JoinRequest.objects.get(pk=pk)
    except JoinRequest.DoesNotExist:
        raise Http404 from None
    steward = request.user
    try:
        if action == "approve":
            services.join_request_approve(request=join_request, steward=steward)
            messages.success(request, _("Approved. The invitation is on its way."))
        elif action == "decline":
            form = DecisionMessageForm(request.POST)
            if not form.is_valid():
                return _render_detail(request, pk, status=400, decline_form=form)
            message = form.cleaned_data["message"] if form.cleaned_data["send_message"] else ""
            services.join_request_decline(request=join_request, steward=steward, message=message)
            messages.success(request, _("Declined."))
        elif action == "ask":
            form = QuestionForm(request.POST)
            if not form.is_valid():
                return _render_detail(request, pk, status=400, ask_form=form)
            services.join_request_ask(
                request=join_request, steward=steward, message=form.cleaned_data["message"]
            )
            messages.success(
                request, _("Your question was sent. The request waits for the answer.")
            )
        elif action == "resend":
            services.invitation_resend(request=join_request, steward=steward)
            messages.success(
                request, _("A new invitation was sent; the previous link no longer works.")
            )
        elif action == "note":
            note = NoteForm(request.POST)
            if not note.is_valid():
                return _render_detail(request, pk, status=400, note_form=note)
            services.join_request_note(
                request=join_request, steward=steward, message=note.cleaned_data["message"]
            )
            messages.success(request, _("Note added."))
        else:
            raise Http404
    except services.AlreadyDecided as refusal:
        decided = refusal.request
        messages.error(
            request,
            _("%(name)s already decided this request on %(when)s: it is now “%(status)s”.")
            % {
                "name": decided.decided_by.display_name
                if decided.decided_by
                else _("Another steward"),
                "when": _format_when(decided.decided_at or decided.first_response_at),
                "status": decided.get_status_display(),
            },
        )
    except services.InvitationUnusable:
        messages.error(request, _("There is no invitation to send again for this request."))
    selectors.forget_new_request_count()
    return redirect("membership:request", pk=pk)


def _format_when(moment) -> str:
    if moment is None:
        return ""
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


@require_http_methods(["GET", "POST"])
def wording(request: HttpRequest) -> HttpResponse:
    """Stewards rewrite the join form's questions and their standard messages."""
    check_can_review_requests(request.user)
    questions = selectors.join_questions()
    question_forms = [
        JoinQuestionForm(
            request.POST or None,
            instance=questions.get(key) or JoinQuestion(key=key),
            prefix=f"q-{key}",
        )
        for key in JoinQuestion.Key.values
    ]
    message_forms = [
        StewardMessageForm(
            request.POST or None,
            instance=StewardMessage.objects.filter(key=key).first() or StewardMessage(key=key),
            prefix=f"m-{key}",
        )
        for key in StewardMessage.Key.values
    ]
    forms = [*question_forms, *message_forms]
    if request.method == "POST" and all(form.is_valid() for form in forms):
        services.wording_update(
            steward=request.user, question_forms=question_forms, message_forms=message_forms
        )
        messages.success(request, _("The wording was saved."))
        return redirect("membership:wording")
    return render(
        request,
        "membership/wording.html",
        {"question_forms": question_forms, "message_forms": message_forms},
    )


@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    """An administrator invites a person directly (a partner, a new steward …)."""
    check_can_invite_directly(request.user)
    form = DirectInvitationForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        services.invitation_send(administrator=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("The invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]},
        )
        return redirect("membership:invite")
    return render(request, "membership/invite.html", {"form": form})
