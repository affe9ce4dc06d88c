"""Starting, reading and replying in a topic: its pages, permalinks, answers and files."""

import functools

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from commonplace.accounts.models import User
from commonplace.accounts.permissions import current_member
from commonplace.conversations import permissions, selectors, services
from commonplace.conversations.forms import (
    ReplyEditForm,
    ReplyForm,
    TopicForm,
)
from commonplace.conversations.models import Attachment, Reaction, Reply, Topic
from commonplace.core import ratelimit
from commonplace.core.downloads import content_disposition
from commonplace.library.permissions import can_turn_into_resource
from commonplace.library.selectors import kept_from, made_from_topic

# How often a member may post; members the community does not trust yet get less (see
# selectors.is_trusted), which slows a spammer down without bothering anyone else.
TOPICS_PER_HOUR = 10
REPLIES_PER_HOUR = 60
NEW_MEMBER_TOPICS_PER_HOUR = 3
NEW_MEMBER_REPLIES_PER_HOUR = 10


def may_post(what: str, member: User) -> bool:
    """Counts one more topic or reply against the member's hourly allowance."""
    trusted = selectors.is_trusted(member)
    limits = {
        "topic": TOPICS_PER_HOUR if trusted else NEW_MEMBER_TOPICS_PER_HOUR,
        "reply": REPLIES_PER_HOUR if trusted else NEW_MEMBER_REPLIES_PER_HOUR,
    }
    return ratelimit.hit(what, str(member.pk), limit=limits[what], window=3600).allowed


@require_http_methods(["GET", "POST"])
def topic_new(request: HttpRequest, space_slug: str) -> HttpResponse:
    member = current_member(request)
    space = selectors.space_for(member, space_slug)
    if space is None:
        raise Http404
    initial = {"kind": Topic.Kind.QUESTION} if request.GET.get("kind") == "question" else None
    form = TopicForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if not may_post("topic", member):
            form.add_error(
                None, _("You have started many topics in the last hour. Please wait a little.")
            )
        else:
            topic = services.topic_start(
                space=space,
                author=member,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                areas=form.chosen_areas(),
                attachments=form.cleaned_data["attachments"],
            )
            return redirect(topic_url(topic))
    return render(request, "conversations/topic_form.html", {"form": form, "space": space})


def topic_url(topic: Topic, *, page: int = 1, number: int | None = None) -> str:
    url = reverse(
        "conversations:topic",
        kwargs={"space_slug": topic.space.slug, "topic_id": topic.pk, "slug": topic.slug},
    )
    if page > 1:
        url += f"?page={page}"
    if number:
        url += f"#reply-{number}"
    return url


class Merged(Http404):
    """The topic asked for was merged into another one: its pages lead there (with
    ``follow_merges``); anything else about it is not found."""

    def __init__(self, into: int):
        self.into = into


def visible_topic(request: HttpRequest, topic_id: int) -> tuple[Topic, User]:
    member = current_member(request)
    topic = selectors.topic_for(member, topic_id)
    if topic is None:
        raise Http404
    permissions.check_visible(permissions.can_see_topic(topic, member))
    if topic.merged_into_id:
        raise Merged(topic.merged_into_id)
    return topic, member


def follow_merges(view):
    """Pages of a merged topic redirect to the same page of the topic it went into."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except Merged as merged:
            if request.method != "GET":
                raise Http404 from None
            return redirect("conversations:topic-link", topic_id=merged.into)

    return wrapped


@follow_merges
def topic_link(request: HttpRequest, topic_id: int) -> HttpResponse:
    """A short permalink that survives a new title and a move to another space."""
    topic, _member = visible_topic(request, topic_id)
    return redirect(topic_url(topic))


def reply_link(request: HttpRequest, topic_id: int, number: int) -> HttpResponse:
    """A reply's permalink; it follows the reply when moderators merged or split its topic."""
    try:
        topic, _member = visible_topic(request, topic_id)
        if Reply.objects.filter(topic=topic, number=number).exists():
            return redirect(topic_url(topic, page=selectors.page_of(number), number=number))
    except Merged:
        pass
    moved = selectors.moved_to(topic_id, number)
    if moved is None:
        raise Http404
    topic, _member = visible_topic(request, moved[0].pk)
    if moved[1] == 0:
        return redirect(topic_url(topic))
    return redirect(topic_url(topic, page=selectors.page_of(moved[1]), number=moved[1]))


@follow_merges
def first_unread(request: HttpRequest, topic_id: int) -> HttpResponse:
    topic, member = visible_topic(request, topic_id)
    number = selectors.first_unread_number(topic, member)
    return redirect(topic_url(topic, page=selectors.page_of(number), number=number or None))


@follow_merges
def topic_detail(request: HttpRequest, space_slug: str, topic_id: int, slug: str) -> HttpResponse:
    topic, member = visible_topic(request, topic_id)
    if space_slug != topic.space.slug or slug != topic.slug:
        return redirect(topic_url(topic) + (f"?{request.GET.urlencode()}" if request.GET else ""))
    try:
        page_number = int(request.GET.get("page", 1))
    except ValueError:
        page_number = 1
    moderator = permissions.can_moderate(topic.space, member)
    page = selectors.replies_page(
        topic=topic, member=member, page_number=page_number, moderator=moderator
    )
    last_on_page = min(page.number * selectors.REPLIES_PER_PAGE, topic.last_number)
    previously_read = topic.read_number  # type: ignore[attr-defined]
    if previously_read is None or previously_read < last_on_page:
        # Only when there is something new: reading an old page again writes nothing.
        services.read_position_advance(member=member, topic=topic, number=last_on_page)
    return render(
        request,
        "conversations/topic_detail.html",
        _topic_context(
            topic, member, page, moderator, previously_read, _reply_form(request, topic)
        ),
    )


def _reply_form(request: HttpRequest, topic: Topic) -> ReplyForm:
    """An empty reply form, or one quoting the reply named by ``?quote=``."""
    try:
        number = int(request.GET.get("quote", ""))
    except ValueError:
        return ReplyForm()
    quoted = Reply.objects.filter(
        topic=topic, number=number, deleted_at__isnull=True, is_hidden=False
    ).first()
    if quoted is None:
        return ReplyForm()
    quote = "\n".join(f"> {line}" for line in quoted.body.splitlines())
    return ReplyForm(initial={"body": f"{quote}\n\n", "in_reply_to": number})


def _topic_context(topic, member, page, moderator, previously_read, form) -> dict:
    # Worked out from the read position as it was before this page advanced it: the
    # first-unread view, reached after the page has marked everything read, would land on the
    # last reply instead of the first one the member had not read.
    first_unread_url = None
    if previously_read is not None and previously_read < topic.last_number:
        number = selectors.first_unread_number(topic, member)
        first_unread_url = topic_url(topic, page=selectors.page_of(number), number=number)
    # Links inside the list of replies are built from these two, not reversed fifty times.
    reply_base = reverse("conversations:reply-link", kwargs={"topic_id": topic.pk, "number": 1})
    member_base = reverse("people:member", kwargs={"user_id": 1})
    files_base = reverse(
        "conversations:attachment", kwargs={"topic_id": topic.pk, "attachment_id": 1}
    )
    in_library = made_from_topic(topic.pk, member)
    return {
        "in_library": in_library,
        "reply_base": reply_base.removesuffix("1/"),
        "member_base": member_base.removesuffix("1/"),
        "files_base": files_base.removesuffix("1/"),
        "first_unread_url": first_unread_url,
        "topic": topic,
        "space": topic.space,
        "replies_page": page,
        "replies": page.replies if page else [],
        "form": form,
        "moderator": moderator,
        "previously_read": previously_read,
        "can_reply": permissions.can_reply(topic, member),
        "can_edit_topic": permissions.can_edit(topic, topic, member),
        "can_accept": permissions.can_accept(topic, member),
        # Once a draft or a shared resource exists, the page leads to it instead of
        # offering to start a second one.
        "can_turn_into_resource": can_turn_into_resource(topic, member)
        and kept_from(in_library) is None,
        "reaction_kinds": Reaction.Kind.choices,
        "moderator_topic_actions": [
            ("restore", _("Show the topic again"))
            if topic.is_hidden
            else ("hide", _("Hide the topic")),
            ("unlock", _("Open to replies"))
            if topic.is_locked
            else ("lock", _("Close to replies")),
            ("unpin", _("Unpin")) if topic.is_pinned else ("pin", _("Pin to the top")),
        ],
    }


@require_POST
def reply_new(request: HttpRequest, topic_id: int) -> HttpResponse:
    """Post a reply. With htmx, answer with the new reply and a fresh form; otherwise redirect
    to it. A form with errors comes back with what was typed."""
    topic, member = visible_topic(request, topic_id)
    permissions.check(permissions.can_reply(topic, member))
    form = ReplyForm(request.POST, request.FILES)
    htmx = getattr(request, "htmx", False)
    if form.is_valid() and not may_post("reply", member):
        form.add_error(
            "body", _("You have posted many replies in the last hour. Please wait a little.")
        )
    if form.is_valid():
        quoted = None
        if form.cleaned_data["in_reply_to"]:
            quoted = Reply.objects.filter(
                topic=topic, number=form.cleaned_data["in_reply_to"], deleted_at__isnull=True
            ).first()
        reply = services.reply_post(
            topic=topic,
            author=member,
            body=form.cleaned_data["body"],
            in_reply_to=quoted,
            attachments=form.cleaned_data["attachments"],
        )
        if not htmx:
            return redirect(
                topic_url(topic, page=selectors.page_of(reply.number), number=reply.number)
            )
        # A new reply has no reactions yet; nothing more to read back.
        reply.helpful = reply.thanks = 0  # type: ignore[attr-defined]
        reply.my_kinds = set()  # type: ignore[attr-defined]
        reply.shown_attachments = list(reply.attachments.all())  # type: ignore[attr-defined]
        selectors.label_reply(reply)
        moderator = permissions.can_moderate(topic.space, member)
        context = _topic_context(topic, member, None, moderator, None, ReplyForm())
        context["reply"] = reply
        return render(request, "conversations/reply_posted.html", context)
    if htmx:
        # htmx swaps only successful responses, so the form and its errors come back as a 200
        # aimed at the form instead of the list.
        context = _topic_context(topic, member, None, False, None, form)
        response = render(request, "conversations/topic_detail.html#reply_form", context)
        response["HX-Retarget"] = "#reply-form-wrap"
        response["HX-Reswap"] = "innerHTML"
        return response
    moderator = permissions.can_moderate(topic.space, member)
    page = selectors.replies_page(
        topic=topic,
        member=member,
        page_number=selectors.page_of(topic.last_number),
        moderator=moderator,
    )
    response = render(
        request,
        "conversations/topic_detail.html",
        _topic_context(topic, member, page, moderator, topic.read_number, form),  # type: ignore[attr-defined]
    )
    response.status_code = 422
    return response


def reply_or_404(topic: Topic, number: int) -> Reply:
    return get_object_or_404(
        Reply.objects.select_related("author"), topic=topic, number=number, deleted_at__isnull=True
    )


@require_http_methods(["GET", "POST"])
@follow_merges
def topic_edit(request: HttpRequest, topic_id: int) -> HttpResponse:
    topic, member = visible_topic(request, topic_id)
    permissions.check(permissions.can_edit(topic, topic, member))
    initial = {
        "kind": topic.kind,
        "title": topic.title,
        "body": topic.body,
        "areas": [area.slug for area in topic.areas.all()],
    }
    form = TopicForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        existing_attachments=topic.opening_attachments,  # type: ignore[attr-defined]
    )
    if request.method == "POST" and form.is_valid():
        services.topic_edit(
            topic=topic,
            editor=member,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            areas=form.chosen_areas(),
            attachments=form.cleaned_data["attachments"],
            remove_attachments=form.chosen_removals(),
        )
        messages.success(request, _("Your changes are saved."))
        return redirect(topic_url(topic))
    return render(
        request,
        "conversations/topic_form.html",
        {"form": form, "space": topic.space, "topic": topic},
    )


@require_http_methods(["GET", "POST"])
def reply_edit(request: HttpRequest, topic_id: int, number: int) -> HttpResponse:
    topic, member = visible_topic(request, topic_id)
    reply = reply_or_404(topic, number)
    permissions.check(permissions.can_edit(reply, topic, member))
    form = ReplyEditForm(
        request.POST or None,
        request.FILES or None,
        initial={"body": reply.body},
        existing_attachments=reply.attachments.all(),
    )
    if request.method == "POST" and form.is_valid():
        services.reply_edit(
            reply=reply,
            editor=member,
            body=form.cleaned_data["body"],
            attachments=form.cleaned_data["attachments"],
            remove_attachments=form.chosen_removals(),
        )
        messages.success(request, _("Your changes are saved."))
        return redirect(topic_url(topic, page=selectors.page_of(number), number=number))
    return render(
        request,
        "conversations/reply_form.html",
        {"form": form, "topic": topic, "reply": reply},
    )


@require_POST
def reply_delete(request: HttpRequest, topic_id: int, number: int) -> HttpResponse:
    topic, member = visible_topic(request, topic_id)
    reply = reply_or_404(topic, number)
    permissions.check(permissions.can_edit(reply, topic, member))
    services.reply_delete(reply=reply, member=member)
    messages.success(request, _("The reply is deleted."))
    return redirect(topic_url(topic, page=selectors.page_of(number)))


def attachment(request: HttpRequest, topic_id: int, attachment_id: int) -> FileResponse:
    """A file attached to a post, only to those who may read the post: anyone else gets the
    same 404 as for a file that does not exist, however they came by the address.

    Images are shown in the browser; documents are always downloaded, never opened as a page of
    this site. The browser may not guess another type (nosniff), and the response carries a
    policy that lets nothing in it run, in case a browser renders it anyway.
    """
    topic, member = visible_topic(request, topic_id)
    item = get_object_or_404(
        Attachment.objects.select_related("reply"), pk=attachment_id, topic_id=topic.pk
    )
    permissions.check_visible(permissions.can_see_attachment(item, topic, member))
    try:
        stored = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(stored, content_type=item.content_type)
    inline = item.kind == Attachment.Kind.IMAGE
    response["Content-Disposition"] = content_disposition(item.original_name, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@follow_merges
def history(request: HttpRequest, topic_id: int, number: int = 0) -> HttpResponse:
    """Earlier versions of a topic (``number`` 0) or of one reply, newest first."""
    topic, member = visible_topic(request, topic_id)
    current: Topic | Reply
    if number:
        reply = reply_or_404(topic, number)
        permissions.check_visible(permissions.can_see_reply_text(reply, topic, member))
        revisions = reply.revisions.select_related("editor")
        current = reply
    else:
        revisions = topic.revisions.filter(reply=None).select_related("editor")
        current = topic
    return render(
        request,
        "conversations/history.html",
        {"topic": topic, "post": current, "number": number, "revisions": revisions},
    )


@require_POST
def accept(request: HttpRequest, topic_id: int, number: int) -> HttpResponse:
    topic, member = visible_topic(request, topic_id)
    permissions.check(permissions.can_accept(topic, member))
    reply = None if request.POST.get("undo") else reply_or_404(topic, number)
    if reply is not None and not reply.is_visible:
        raise Http404
    services.answer_accept(topic=topic, reply=reply, member=member)
    messages.success(
        request,
        _("This reply is now shown as the answer.") if reply else _("The answer mark is removed."),
    )
    return redirect(topic_url(topic, page=selectors.page_of(number), number=number))


@require_POST
def react(request: HttpRequest, topic_id: int, number: int) -> HttpResponse:
    topic, member = visible_topic(request, topic_id)
    reply = reply_or_404(topic, number)
    permissions.check_visible(permissions.can_see_reply_text(reply, topic, member))
    kind = request.POST.get("kind", "")
    if kind not in Reaction.Kind.values or reply.author_id == member.pk:
        return HttpResponse(status=400)
    services.reaction_toggle(reply=reply, member=member, kind=kind)
    if getattr(request, "htmx", False):
        page = selectors.replies_page(
            topic=topic, member=member, page_number=selectors.page_of(number), moderator=True
        )
        item = next(item for item in page.replies if item.number == number)
        context = _topic_context(topic, member, None, False, None, None)
        context["reply"] = item
        return render(request, "conversations/topic_detail.html#reactions", context)
    return redirect(topic_url(topic, page=selectors.page_of(number), number=number))


@require_POST
def topic_follow(request: HttpRequest, topic_id: int) -> HttpResponse:
    topic, member = visible_topic(request, topic_id)
    follow = request.POST.get("follow") == "1"
    services.topic_follow(topic=topic, member=member, follow=follow)
    messages.success(
        request,
        _("You will hear about new replies to this topic.")
        if follow
        else _("You no longer follow this topic."),
    )
    return redirect(topic_url(topic))
