"""The list of spaces, a space's topics, following and arranging spaces."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from commonplace.accounts.permissions import current_member
from commonplace.conversations import permissions, selectors, services
from commonplace.conversations.forms import (
    SpaceForm,
)
from commonplace.conversations.models import Space


def spaces(request: HttpRequest) -> HttpResponse:
    member = current_member(request)
    return render(
        request,
        "conversations/spaces.html",
        {
            "spaces": selectors.spaces_visible_to(member),
            "can_manage": permissions.can_manage_spaces(member),
        },
    )


def topic_list(request: HttpRequest, space_slug: str | None = None) -> HttpResponse:
    member = current_member(request)
    space = None
    if space_slug is not None:
        space = selectors.space_for(member, space_slug)
        if space is None:
            raise Http404
    show = request.GET.get("show", "latest")
    if show not in selectors.SHOWS:
        show = "latest"
    # A search covers every topic of the page's scope (the space, or all), whatever ``show``.
    searched = request.GET.get("q", "").strip()
    if searched:
        show = ""
        page = selectors.topics_matching(
            member=member, query=searched, space=space, page_number=request.GET.get("page")
        )
        query = urlencode({"q": searched})
    else:
        page = selectors.topics_visible_to(
            member=member, space=space, show=show, page_number=request.GET.get("page")
        )
        query = f"show={show}"
    context = {
        "space": space,
        "show": show,
        "searched": searched,
        "page_obj": page,
        "topics": page.object_list,
        "query": query,
        "can_moderate": space is not None and permissions.can_moderate(space, member),
    }
    return render(request, "conversations/topic_list.html", context)


@require_POST
def space_follow(request: HttpRequest, space_slug: str) -> HttpResponse:
    member = current_member(request)
    space = selectors.space_for(member, space_slug)
    if space is None:
        raise Http404
    follow = request.POST.get("follow") == "1"
    services.space_follow(space=space, member=member, follow=follow)
    messages.success(
        request,
        _("You will hear about new topics in this space.")
        if follow
        else _("You no longer follow this space."),
    )
    return redirect("conversations:space", space_slug=space.slug)


@require_http_methods(["GET", "POST"])
def space_edit(request: HttpRequest, space_slug: str | None = None) -> HttpResponse:
    member = current_member(request)
    permissions.check(permissions.can_manage_spaces(member))
    space = get_object_or_404(Space, slug=space_slug) if space_slug else Space()
    form = SpaceForm(request.POST or None, instance=space)
    if request.method == "POST" and form.is_valid():
        space = services.space_save(
            space=form.save(commit=False),
            steward=member,
            members=form.cleaned_data["member_emails"],
            facilitators=form.cleaned_data["facilitator_emails"],
        )
        messages.success(request, _("The space is saved."))
        return redirect("conversations:space", space_slug=space.slug)
    return render(request, "conversations/space_form.html", {"form": form, "space": space})
