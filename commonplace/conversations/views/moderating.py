"""What moderators do from a topic and from their queue."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from commonplace.accounts.permissions import current_member
from commonplace.conversations import moderation, permissions, selectors
from commonplace.conversations.forms import (
    FlagForm,
    MergeForm,
    MoveForm,
    PolicyForm,
    SplitForm,
)
from commonplace.conversations.models import Reply
from commonplace.conversations.views.topics import (
    follow_merges,
    reply_or_404,
    topic_url,
    visible_topic,
)


@require_http_methods(["GET", "POST"])
@follow_merges
def flag(request: HttpRequest, topic_id: int, number: int = 0) -> HttpResponse:
    topic, member = visible_topic(request, topic_id)
    reply = reply_or_404(topic, number) if number else None
    if reply is not None:
        permissions.check_visible(permissions.can_see_reply_text(reply, topic, member))
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        moderation.flag_raise(
            topic=topic,
            reply=reply,
            reporter=member,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Thank you. A moderator will look at it."))
        return redirect(topic_url(topic, page=selectors.page_of(number), number=number or None))
    return render(
        request, "conversations/flag_form.html", {"form": form, "topic": topic, "reply": reply}
    )


@require_http_methods(["GET", "POST"])
def moderation_queue(request: HttpRequest) -> HttpResponse:
    """Flags and posts waiting for approval; stewards also set the policy for new members."""
    member = current_member(request)
    if selectors.moderated_space_ids(member) == set():
        permissions.check(False)
    rules = selectors.policy()
    policy_form = None
    if permissions.can_manage_spaces(member):
        policy_form = PolicyForm(request.POST or None, instance=rules)
        if request.method == "POST" and policy_form.is_valid():
            moderation.policy_update(
                hold_first_posts=policy_form.cleaned_data["hold_first_posts"],
                trusted_after=policy_form.cleaned_data["trusted_after"],
                steward=member,
            )
            messages.success(request, _("The policy for new members is saved."))
            return redirect("conversations:moderation")
    elif request.method == "POST":
        permissions.check(False)
    pending_topics, pending_replies = selectors.pending_posts(member)
    context = {
        "flags": list(selectors.open_flags(member)[:200]),
        "pending_topics": pending_topics,
        "pending_replies": pending_replies,
        "policy_form": policy_form,
    }
    return render(request, "conversations/moderation_queue.html", context)


def _next_url(request: HttpRequest, fallback: str) -> str:
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, {request.get_host()}, request.is_secure()
    ):
        return wanted
    return fallback


@require_POST
def moderate(request: HttpRequest, topic_id: int, action: str, number: int = 0) -> HttpResponse:
    """Hide, restore or dismiss flags on a post; lock, unlock, pin or unpin a topic."""
    topic, member = visible_topic(request, topic_id)
    permissions.check(permissions.can_moderate(topic.space, member))
    reply = get_object_or_404(Reply, topic=topic, number=number) if number else None
    done = {
        "hide": _("The post is hidden and its author has been told."),
        "restore": _("The post is visible again and its author has been told."),
        "dismiss": _("The flags are dismissed; the post stays as it is."),
        "lock": _("The topic is closed to new replies."),
        "unlock": _("The topic is open to replies again."),
        "pin": _("The topic is pinned to the top of its space."),
        "unpin": _("The topic is no longer pinned."),
        "approve": _("The post is published and its author has been told."),
        "decline": _("The post stays unpublished and its author has been told."),
    }
    if action not in done:
        raise Http404
    if action in ("hide", "restore"):
        moderation.post_hide(topic=topic, reply=reply, moderator=member, hide=action == "hide")
    elif action == "dismiss":
        moderation.flags_dismiss(topic=topic, reply=reply, moderator=member)
    elif action == "approve":
        moderation.post_approve(topic=topic, reply=reply, moderator=member)
    elif action == "decline":
        moderation.post_decline(topic=topic, reply=reply, moderator=member)
    elif action in ("lock", "unlock"):
        moderation.topic_set(topic=topic, moderator=member, is_locked=action == "lock")
    else:
        moderation.topic_set(topic=topic, moderator=member, is_pinned=action == "pin")
    messages.success(request, done[action])
    return redirect(
        _next_url(request, topic_url(topic, page=selectors.page_of(number), number=number or None))
    )


@follow_merges
@require_http_methods(["GET", "POST"])
def merge(request: HttpRequest, topic_id: int) -> HttpResponse:
    topic, member = visible_topic(request, topic_id)
    permissions.check(permissions.can_moderate(topic.space, member))
    form = MergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        into = selectors.topic_for(member, form.cleaned_data["into"])
        if into is None or not permissions.can_moderate(into.space, member):
            form.add_error("into", _("You cannot merge into that topic: check its number."))
        else:
            try:
                into = moderation.topic_merge(topic=topic, into=into, moderator=member)
            except ValueError:
                form.add_error("into", _("Choose another topic than this one, still open."))
            else:
                messages.success(request, _("The topics are merged."))
                return redirect(topic_url(into))
    return render(request, "conversations/merge_form.html", {"form": form, "topic": topic})


@follow_merges
@require_http_methods(["GET", "POST"])
def split(request: HttpRequest, topic_id: int) -> HttpResponse:
    topic, member = visible_topic(request, topic_id)
    permissions.check(permissions.can_moderate(topic.space, member))
    targets = list(selectors.spaces_visible_to(member))
    form = SplitForm(request.POST or None, spaces=targets, initial={"space": topic.space.slug})
    if request.method == "POST" and form.is_valid():
        try:
            new = moderation.topic_split(
                topic=topic,
                first=form.cleaned_data["first"],
                last=form.cleaned_data["last"],
                title=form.cleaned_data["title"],
                space=form.chosen_space(),
                moderator=member,
            )
        except ValueError:
            form.add_error(
                "first",
                _("Choose a range that holds between 1 and %(limit)s replies.")
                % {"limit": moderation.SPLIT_LIMIT},
            )
        else:
            messages.success(request, _("The replies are in a new topic."))
            return redirect(topic_url(new))
    return render(request, "conversations/split_form.html", {"form": form, "topic": topic})


@require_http_methods(["GET", "POST"])
@follow_merges
def move(request: HttpRequest, topic_id: int) -> HttpResponse:
    topic, member = visible_topic(request, topic_id)
    permissions.check(permissions.can_moderate(topic.space, member))
    # A facilitator may move topics only into spaces they can read.
    targets = [space for space in selectors.spaces_visible_to(member) if space.pk != topic.space_id]
    form = MoveForm(request.POST or None, spaces=targets)
    if request.method == "POST" and form.is_valid():
        moderation.topic_set(topic=topic, moderator=member, space=form.chosen_space())
        messages.success(request, _("The topic is moved."))
        return redirect(topic_url(topic))
    return render(request, "conversations/move_form.html", {"form": form, "topic": topic})
