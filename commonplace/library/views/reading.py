"""Finding and reading resources: the library home, lists, a resource, its history and files."""

from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render

from commonplace.accounts.permissions import current_member, is_member, is_steward
from commonplace.core.bilingual import current_language
from commonplace.core.downloads import content_disposition
from commonplace.library import forms, permissions, selectors
from commonplace.library.models import Resource, ResourceFile, ResourceUse
from commonplace.library.services import resource_url


def home(request: HttpRequest) -> HttpResponse:
    member = current_member(request)
    context = selectors.home_shelves(member)
    # The home page offers only the kinds; the other vocabularies are the list's filters.
    context["choices"] = {"kinds": selectors.kinds()}
    context["drafts"] = selectors.drafts_for(member)
    context["viewer_is_steward"] = is_steward(member)
    return render(request, "library/home.html", context)


def _listing(request: HttpRequest, *, public: bool) -> HttpResponse:
    filters = selectors.Filters.from_query(request.GET)
    page, by_relevance = selectors.resources_page(
        viewer=request.user, filters=filters, page_number=request.GET.get("page"), public=public
    )
    return render(
        request,
        "library/resource_list.html",
        {
            "filters": filters,
            "page_obj": page,
            "resources": page.object_list,
            "by_relevance": by_relevance,
            "choices": selectors.filter_choices(),
            "query": filters.query(),
            "public": public,
            "list_url": request.path,
        },
    )


def resource_list(request: HttpRequest) -> HttpResponse:
    current_member(request)
    return _listing(request, public=False)


@login_not_required
def public_list(request: HttpRequest) -> HttpResponse:
    """What stewards have published for everyone, with the same filters and search."""
    return _listing(request, public=True)


def visible_resource(request: HttpRequest, pk: int) -> Resource:
    """The resource if the person may read it. A visitor asking for a members-only resource is
    sent to log in (it may be a member who is logged out); anyone else who may not see it
    finds nothing."""
    resource = selectors.resource_for(pk)
    if resource is None:
        raise Http404
    if not permissions.can_see_resource(resource, request.user):
        if not request.user.is_authenticated and resource.status != Resource.Status.DRAFT:
            raise LoginNeeded
        raise Http404
    return resource


class LoginNeeded(Exception):
    pass


def public_or_login(view):
    """Public views that may hold members-only things answer a visitor with the login page."""

    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except LoginNeeded:
            return redirect_to_login(request.get_full_path())

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return login_not_required(wrapped)


@public_or_login
def resource_link(request: HttpRequest, pk: int) -> HttpResponse:
    """A short address that survives a new title."""
    return redirect(resource_url(visible_resource(request, pk)))


@public_or_login
def resource_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    resource = visible_resource(request, pk)
    if slug != resource.slug:
        return redirect(resource_url(resource), permanent=True)
    viewer = request.user
    member = is_member(viewer)
    context: dict = {"resource": resource, "is_member": member}
    if member:
        own_use = ResourceUse.objects.filter(resource=resource, member_id=viewer.pk).first()
        translation = resource.translation
        language = current_language()
        context.update(
            {
                "own_use": own_use,
                "use_form": forms.UseForm(initial={"note": own_use.note if own_use else ""}),
                "uses": list(resource.uses.select_related("member").exclude(note="")[:5]),
                "comments": selectors.latest_comments(resource, viewer),
                "comment_form": forms.CommentForm(),
                "related_topics": selectors.related_topics(resource, viewer),
                "can_edit": permissions.can_edit(resource, viewer),
                "can_publish": permissions.can_publish(resource, viewer),
                "can_make_public": permissions.can_make_public(viewer),
                "can_use": permissions.can_use(resource, viewer),
                "can_record_use": permissions.can_record_use(resource, viewer),
                "can_suggest": permissions.can_suggest(resource, viewer),
                "can_comment": permissions.can_comment(resource, viewer),
                "suggestions": selectors.open_suggestions(resource)
                if permissions.can_edit(resource, viewer)
                else [],
                "asked_translation": resource.translation_requests.filter(
                    member_id=viewer.pk
                ).exists(),
                # A reader of the other language is offered the version in theirs.
                "in_your_language": translation
                if translation is not None
                and translation.status != Resource.Status.DRAFT
                and resource.language not in (language, Resource.Language.BOTH)
                else None,
                "collections": list(resource.collections.all()),
                "place_form": forms.PlaceForm() if is_steward(viewer) else None,
            }
        )
    else:
        context["translation_public"] = (
            resource.translation
            if resource.translation is not None and resource.translation.is_public
            else None
        )
    context["related"] = selectors.related_resources(resource, viewer)
    return render(request, "library/resource_detail.html", context)


@public_or_login
def download(request: HttpRequest, pk: int, file_id: int) -> HttpResponseBase:
    """A resource's file, to whoever may read the resource, and never from storage directly:
    a guessed address finds nothing."""
    resource = visible_resource(request, pk)
    item = get_object_or_404(ResourceFile, pk=file_id, resource=resource)
    permissions.check_visible(permissions.can_see_file(item, resource, request.user))
    # Images and PDFs open in the browser; everything else is saved. Either way the type
    # is the one found in the content, and nosniff stops a browser guessing otherwise.
    inline = item.kind == ResourceFile.Kind.IMAGE
    response = FileResponse(item.file.open("rb"), content_type=item.content_type)
    response["Content-Disposition"] = content_disposition(item.original_name, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store" if not resource.is_public else "private"
    return response


def history(request: HttpRequest, pk: int) -> HttpResponse:
    current_member(request)
    resource = visible_resource(request, pk)
    return render(
        request,
        "library/history.html",
        {"resource": resource, "versions": selectors.versions(resource)},
    )


def version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    current_member(request)
    resource = visible_resource(request, pk)
    try:
        chosen, previous = selectors.version_pair(resource, number)
    except resource.versions.model.DoesNotExist:
        raise Http404 from None
    before = previous or chosen.__class__(title="", summary="", body="")
    return render(
        request,
        "library/version.html",
        {
            "resource": resource,
            "version": chosen,
            "previous": previous,
            "title_changes": selectors.changes(before.title, chosen.title),
            "summary_changes": selectors.changes(before.summary, chosen.summary),
            "body_changes": selectors.changes(before.body, chosen.body),
            "files": selectors.files_of(resource, chosen.file_ids),
        },
    )
