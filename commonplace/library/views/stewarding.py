"""The stewards' care of the library: collections, the kinds' prompts, translation requests and
files whose text could not be read."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from commonplace.accounts.permissions import check_steward, current_member
from commonplace.library import forms, selectors, services
from commonplace.library.models import Collection, ResourceKind
from commonplace.library.views.reading import visible_resource


def stewarding(request: HttpRequest) -> HttpResponse:
    member = current_member(request)
    check_steward(member)
    return render(
        request,
        "library/stewarding.html",
        {
            "requests": selectors.translation_requests(),
            "unreadable": selectors.unreadable_files(),
            "drafts": selectors.drafts_for(member),
            "kinds": ResourceKind.objects.all(),
            "collections": Collection.objects.all(),
        },
    )


@require_http_methods(["GET", "POST"])
def kind_edit(request: HttpRequest, key: str) -> HttpResponse:
    member = current_member(request)
    check_steward(member)
    kind = get_object_or_404(ResourceKind, key=key)
    form = forms.KindForm(request.POST or None, instance=kind)
    if request.method == "POST" and form.is_valid():
        services.kind_save(kind=form.save(commit=False), steward=member)
        messages.success(request, _("The kind of resource is saved."))
        return redirect("library:stewarding")
    return render(request, "library/kind_form.html", {"form": form, "kind": kind})


@require_http_methods(["GET", "POST"])
def collection_edit(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    member = current_member(request)
    check_steward(member)
    collection = get_object_or_404(Collection, slug=slug) if slug else Collection()
    form = forms.CollectionForm(request.POST or None, instance=collection)
    if request.method == "POST" and form.is_valid():
        saved = services.collection_save(collection=form.save(commit=False), steward=member)
        messages.success(request, _("The collection is saved."))
        return redirect("library:collection", slug=saved.slug)
    return render(
        request,
        "library/collection_form.html",
        {"form": form, "collection": collection if slug else None},
    )


def collection(request: HttpRequest, slug: str) -> HttpResponse:
    member = current_member(request)
    shelf = get_object_or_404(Collection, slug=slug)
    items = (
        shelf.items.filter(resource__status="published")
        .select_related("resource__kind", "resource__region")
        .prefetch_related("resource__areas")
    )
    from commonplace.accounts.permissions import is_steward

    return render(
        request,
        "library/collection.html",
        {
            "collection": shelf,
            "resources": [item.resource for item in items],
            "viewer_is_steward": is_steward(member),
        },
    )


@require_POST
def place(request: HttpRequest, pk: int) -> HttpResponse:
    """A steward puts a resource on a collection's shelf, or takes it off."""
    member = current_member(request)
    check_steward(member)
    resource = visible_resource(request, pk)
    form = forms.PlaceForm(request.POST)
    if form.is_valid():
        present = request.POST.get("present", "1") == "1"
        services.collection_place(
            collection=form.cleaned_data["collection"],
            resource=resource,
            steward=member,
            present=present,
        )
        messages.success(
            request,
            _("The resource is in the collection.")
            if present
            else _("The resource is out of the collection."),
        )
    return redirect(services.resource_url(resource))
