"""Private messages pages. Every page and partial of a conversation starts from the viewer's
own place in it (``selectors.place_in``), so whoever is not in it gets the same 404."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from commonplace.accounts.models import User
from commonplace.accounts.permissions import current_member
from commonplace.core import ratelimit
from commonplace.people import selectors as people_selectors
from commonplace.private_messages import selectors, services
from commonplace.private_messages.forms import ConversationForm, MessageForm
from commonplace.private_messages.models import Participant, PrivateConversation
from commonplace.private_messages.permissions import check_participant, may_write_to

MESSAGES_PER_HOUR = 60


def inbox(request: HttpRequest) -> HttpResponse:
    member = current_member(request)
    page = selectors.inbox(member=member, page_number=request.GET.get("page"))
    return render(
        request, "private_messages/inbox.html", {"page_obj": page, "places": page.object_list}
    )


def _ids(values) -> list[int]:
    found = []
    for value in values:
        try:
            found.append(int(value))
        except (TypeError, ValueError):
            continue
    return found[:20]


def _addressable(member: User, ids: list[int]) -> tuple[list[User], list[str]]:
    """The people among ``ids`` the member may write to, and the names of those they may see
    but not write to (to say so). Ids of people they may not see are dropped without a word."""
    people, refused = [], []
    for user_id in dict.fromkeys(ids):
        profile = people_selectors.member_profile(user_id, member)
        if profile is None or profile.user_id == member.pk:
            continue
        if may_write_to(profile, member):
            people.append(profile.user)
        else:
            refused.append(profile.user.display_name)
    return people, refused


@require_http_methods(["GET", "POST"])
def conversation_new(request: HttpRequest) -> HttpResponse:
    """Start a conversation; ``?to=<user id>`` (from a member's page) ticks that member."""
    member = current_member(request)
    if request.method == "POST":
        wanted = _ids(request.POST.getlist("chosen"))
    else:
        wanted = _ids([request.GET.get("to")])
    chosen, refused = _addressable(member, wanted)
    findable = User.objects.filter(people_selectors.is_listed("profile"))
    form = ConversationForm(request.POST or None, chosen_people=chosen, findable=findable)
    if request.method == "POST" and form.is_valid():
        verdict = ratelimit.hit(
            "private-conversation",
            str(member.pk),
            limit=settings.MEMBER_MESSAGES_PER_DAY,
            window=86400,
        )
        if not verdict.allowed:
            form.add_error(
                None,
                _("You have started many conversations today. Please try again tomorrow."),
            )
        else:
            try:
                conversation = services.conversation_start(
                    author=member,
                    recipients=form.recipients(),
                    subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"],
                )
            except services.RecipientsRefused as refusal:
                form.add_error("others", str(refusal))
            else:
                return redirect("private_messages:conversation", conversation_id=conversation.pk)
    return render(
        request, "private_messages/conversation_form.html", {"form": form, "refused": refused}
    )


def _place(request: HttpRequest, conversation_id: int) -> tuple[Participant, User]:
    member = current_member(request)
    place = check_participant(selectors.place_in(member=member, conversation_id=conversation_id))
    return place, member


def conversation_url(conversation: PrivateConversation, *, number: int | None = None) -> str:
    url = reverse("private_messages:conversation", args=[conversation.pk])
    if number:
        url += f"?page={selectors.page_of(number)}#message-{number}"
    return url


def conversation(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """The conversation, opened at the first message the member has not read (or the last
    page), which marks what the page shows as read."""
    place, member = _place(request, conversation_id)
    private = place.conversation
    try:
        page_number = int(request.GET["page"])
    except (KeyError, ValueError):
        page_number = selectors.page_of(min(place.read_number + 1, private.last_number))
    page = selectors.messages_page(conversation=private, page_number=page_number)
    previously_read = place.read_number
    if page.last_number_shown > previously_read:
        services.read_up_to(conversation=private, member=member, number=page.last_number_shown)
    return render(
        request,
        "private_messages/conversation.html",
        _conversation_context(place, page, previously_read, MessageForm()),
    )


def _conversation_context(place, page, previously_read, form) -> dict:
    participants = selectors.participants(place.conversation)
    return {
        "place": place,
        "private": place.conversation,
        "messages_page": page,
        "private_messages": page.messages if page else [],
        "previously_read": previously_read,
        "present": [person for person in participants if not person.has_left],
        "gone": [person for person in participants if person.has_left],
        "form": form,
    }


def message_link(request: HttpRequest, conversation_id: int, number: int) -> HttpResponse:
    place, _member = _place(request, conversation_id)
    return redirect(conversation_url(place.conversation, number=number))


@require_POST
def message_new(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """Send a message. With htmx, answer with the new message and a fresh form; otherwise
    redirect to it. A form with errors comes back with what was typed."""
    place, member = _place(request, conversation_id)
    private = place.conversation
    form = MessageForm(request.POST)
    htmx = getattr(request, "htmx", False)
    if (
        form.is_valid()
        and not ratelimit.hit(
            "private-message", str(member.pk), limit=MESSAGES_PER_HOUR, window=3600
        ).allowed
    ):
        form.add_error(
            "body", _("You have sent many messages in the last hour. Please wait a little.")
        )
    if form.is_valid():
        message = services.message_post(
            conversation=private, author=member, body=form.cleaned_data["body"]
        )
        if not htmx:
            return redirect(conversation_url(private, number=message.number))
        context = _conversation_context(place, None, message.number, MessageForm())
        context["message"] = message
        return render(request, "private_messages/message_sent.html", context)
    if htmx:
        # htmx swaps only successful responses: the form and its errors come back as a 200
        # aimed at the form instead of the list.
        context = _conversation_context(place, None, place.read_number, form)
        response = render(request, "private_messages/conversation.html#message_form", context)
        response["HX-Retarget"] = "#message-form-wrap"
        response["HX-Reswap"] = "innerHTML"
        return response
    page = selectors.messages_page(
        conversation=private, page_number=selectors.page_of(private.last_number)
    )
    response = render(
        request,
        "private_messages/conversation.html",
        _conversation_context(place, page, place.read_number, form),
    )
    response.status_code = 422
    return response


@require_POST
def mute(request: HttpRequest, conversation_id: int) -> HttpResponse:
    place, member = _place(request, conversation_id)
    muting = request.POST.get("mute") == "1"
    services.conversation_mute(conversation=place.conversation, member=member, mute=muting)
    messages.success(
        request,
        _("You will no longer be told about new messages here. They still show in your inbox.")
        if muting
        else _("You will be told about new messages here again."),
    )
    return redirect(conversation_url(place.conversation))


@require_POST
def leave(request: HttpRequest, conversation_id: int) -> HttpResponse:
    place, member = _place(request, conversation_id)
    services.conversation_leave(conversation=place.conversation, member=member)
    messages.success(
        request,
        _("You have left “%(subject)s”. It is no longer in your messages.")
        % {"subject": place.conversation.subject},
    )
    return redirect("private_messages:inbox")
