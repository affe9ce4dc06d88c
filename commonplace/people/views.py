from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.http import require_http_methods, require_POST

from commonplace.accounts.models import User
from commonplace.accounts.permissions import current_member, is_steward
from commonplace.core import selectors as core_selectors
from commonplace.core.models import FocusArea
from commonplace.people import consents, selectors, services
from commonplace.people.forms import (
    AccountSettingsForm,
    DeleteAccountForm,
    DirectoryForm,
    PhotoForm,
    ProfileForm,
    WhoKnowsForm,
)
from commonplace.people.models import VISIBILITY_DEFAULTS, DataExport, Profile, ProfileArea
from commonplace.people.permissions import (
    can_see_photo,
    check_can_manage_members,
)
from commonplace.people.visibility import visible_profile

# --- Finding people -------------------------------------------------------------------------


def directory(request: HttpRequest) -> HttpResponse:
    """The member directory; htmx swaps just the results, and it all works without JavaScript."""
    viewer = current_member(request)
    form = DirectoryForm(request.GET or None)
    filters = selectors.DirectoryFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.DirectoryFilters(
            query=data["q"],
            province=data["province"],
            area=data["area"],
            expertise=data["expertise"],
            language=data["language"],
            organization_type=data["organization_type"],
            sort=data["sort"] or ("relevance" if data["q"] else "name"),
        )
    page, people = selectors.directory(
        viewer=viewer, filters=filters, page_number=request.GET.get("page")
    )
    shared = {key: str(value) for key, value in request.GET.items() if key != "page" and value}
    context = {
        "form": form,
        "page_obj": page,
        "people": people,
        "query": urlencode(shared),
        "filters": filters,
    }
    template = (
        "people/directory.html#results"
        if getattr(request, "htmx", False)
        else "people/directory.html"
    )
    return render(request, template, context)


def who_knows(request: HttpRequest) -> HttpResponse:
    viewer = current_member(request)
    form = WhoKnowsForm(request.GET or None)
    knowers, asked, area = [], "", None
    if form.is_valid() and (form.cleaned_data["area"] or form.cleaned_data["q"].strip()):
        area = FocusArea.objects.filter(slug=form.cleaned_data["area"], is_active=True).first()
        text = form.cleaned_data["q"].strip()
        asked = str(area.name) if area else text
        knowers = selectors.who_knows(viewer=viewer, area=area, text="" if area else text)
    context = {"form": form, "knowers": knowers, "asked": asked, "area": area}
    template = (
        "people/who_knows.html#results"
        if getattr(request, "htmx", False)
        else "people/who_knows.html"
    )
    return render(request, template, context)


def mention_suggest(request: HttpRequest) -> HttpResponse:
    """Names offered after "@" in a post: a list of options the page's script shows."""
    current_member(request)
    suggestions = selectors.mention_suggestions(request.GET.get("q", ""))
    return render(request, "people/suggestions.html", {"suggestions": suggestions})


def member(request: HttpRequest, user_id: int) -> HttpResponse:
    viewer = current_member(request)
    profile = selectors.member_profile(user_id, viewer)
    if profile is None:
        raise Http404
    context = {
        "person": visible_profile(profile, viewer),
        "profile": profile,
        "contributions": selectors.contributions_shown(profile, viewer),
        "is_self": profile.user_id == viewer.pk,
        "can_contact": profile.accepts_messages
        and profile.user_id != viewer.pk
        and profile.user.is_active,
        "viewer_may_manage": is_steward(viewer),
    }
    return render(request, "people/member.html", context)


def photo(request: HttpRequest, user_id: int) -> FileResponse:
    """A member's photo, only to those the member lets see it."""
    viewer = current_member(request)
    profile = selectors.member_profile(user_id, viewer)
    if profile is None or not can_see_photo(profile, viewer):
        raise Http404
    response = FileResponse(profile.photo.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=3600"
    return response


def contact(request: HttpRequest, user_id: int) -> HttpResponse:
    """The old "write to this member" address: members now write through private messages,
    and links to it in old emails and bookmarks still lead there."""
    current_member(request)
    return redirect(f"{reverse('private_messages:new')}?{urlencode({'to': user_id})}")


@require_POST
def set_active(request: HttpRequest, user_id: int, active: bool) -> HttpResponse:
    steward = current_member(request)
    check_can_manage_members(steward)
    person = get_object_or_404(User, pk=user_id)
    if person.pk == steward.pk:
        raise PermissionDenied
    services.member_set_active(steward=steward, member=person, active=active)
    if active:
        messages.success(request, _("%(name)s can log in again.") % {"name": person.display_name})
    else:
        messages.success(
            request, _("%(name)s can no longer log in.") % {"name": person.display_name}
        )
    return redirect("people:member", user_id=user_id)


# --- One's own profile and data -------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    viewer = current_member(request)
    profile = services.profile_for(viewer)
    form = ProfileForm(request.POST or None, initial=_profile_initial(profile))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        areas = {
            str(relation): list(FocusArea.objects.filter(slug__in=data[field]))
            for relation, field in (
                (ProfileArea.Relation.WORKS_ON, "works_on"),
                (ProfileArea.Relation.CAN_HELP, "can_help"),
                (ProfileArea.Relation.WANTS_TO_LEARN, "wants_to_learn"),
            )
        }
        services.profile_update(
            user=viewer,
            name=data["name"],
            fields={name: data[name] for name in services.PROFILE_TEXT_FIELDS},
            organization_type=next(
                (
                    kind
                    for kind in core_selectors.organization_types()
                    if kind.slug == data["organization_type"]
                ),
                None,
            ),
            languages=[
                language
                for language in core_selectors.spoken_languages()
                if language.slug in data["languages"]
            ],
            areas=areas,
            visibility=form.visibility(),
            accepts_messages=data["accepts_messages"],
        )
        messages.success(request, _("Your profile was saved."))
        return redirect("people:member", user_id=viewer.pk)
    return render(
        request,
        "people/profile_edit.html",
        {"form": form, "photo_form": PhotoForm(), "profile": profile},
    )


def _profile_initial(profile: Profile) -> dict:
    links = list(profile.area_links.select_related("area"))
    initial = {name: getattr(profile, name) for name in services.PROFILE_TEXT_FIELDS}
    initial |= {
        "name": profile.user.name,
        "organization_type": profile.organization_type.slug if profile.organization_type else "",
        "languages": list(profile.languages.values_list("slug", flat=True)),
        "works_on": [
            link.area.slug for link in links if link.relation == ProfileArea.Relation.WORKS_ON
        ],
        "can_help": [
            link.area.slug for link in links if link.relation == ProfileArea.Relation.CAN_HELP
        ],
        "wants_to_learn": [
            link.area.slug for link in links if link.relation == ProfileArea.Relation.WANTS_TO_LEARN
        ],
        "accepts_messages": profile.accepts_messages,
    }
    initial |= {f"{name}_visibility": profile.visibility_of(name) for name in VISIBILITY_DEFAULTS}
    return initial


@require_POST
def photo_upload(request: HttpRequest) -> HttpResponse:
    viewer = current_member(request)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        services.photo_upload(user=viewer, upload=form.cleaned_data["photo"])
        messages.success(
            request, _("Thank you. Your photo will appear in a moment, once it has been resized.")
        )
        return redirect("people:profile-edit")
    profile = services.profile_for(viewer)
    profile_form = ProfileForm(initial=_profile_initial(profile))
    return render(
        request,
        "people/profile_edit.html",
        {"form": profile_form, "photo_form": form, "profile": profile},
        status=400,
    )


@require_POST
def photo_remove(request: HttpRequest) -> HttpResponse:
    services.photo_remove(user=current_member(request))
    messages.success(request, _("Your photo was removed."))
    return redirect("people:profile-edit")


@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    viewer = current_member(request)
    form = AccountSettingsForm(
        request.POST or None, initial={"name": viewer.name, "language": viewer.language}
    )
    if request.method == "POST" and form.is_valid():
        services.profile_update(
            user=viewer,
            fields={},
            name=form.cleaned_data["name"],
            language=form.cleaned_data["language"],
        )
        with override(viewer.language):
            messages.success(request, _("Your settings were saved."))
            return redirect(reverse("people:settings"))
    return render(request, "people/settings.html", {"form": form})


@require_http_methods(["GET", "POST"])
def consent_settings(request: HttpRequest) -> HttpResponse:
    viewer = current_member(request)
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        if kind not in consents.CHANGEABLE:
            return HttpResponse(status=400)
        given = request.POST.get("given") == "yes"
        services.consent_change(
            user=viewer,
            kind=kind,
            given=given,
            wording=str(consents.wording(kind)),
            source="consent page",
        )
        messages.success(request, consents.confirmation(kind, given))
        return redirect("people:consents")
    return render(request, "people/consents.html", {"consents": consents.overview(viewer)})


@require_http_methods(["GET", "POST"])
def my_data(request: HttpRequest) -> HttpResponse:
    viewer = current_member(request)
    if request.method == "POST":
        _export, token = services.data_export_request(member=viewer)
        request.session["people:export-token"] = token
        messages.success(
            request,
            _(
                "We are putting your data together. This page will offer the download when it is ready."
            ),
        )
        return redirect("people:my-data")
    latest = DataExport.objects.filter(member=viewer).first()
    token = request.session.get("people:export-token", "")
    ready = latest is not None and latest.ready_at is not None and not latest.is_expired and token
    return render(
        request, "people/my_data.html", {"latest": latest, "ready": ready, "token": token}
    )


def my_data_download(request: HttpRequest, token: str) -> FileResponse:
    viewer = current_member(request)
    export = services.data_export_for_token(member=viewer, token=token)
    if export is None:
        raise Http404
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename="my-data.zip",
        content_type="application/zip",
    )


@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    viewer = current_member(request)
    form = DeleteAccountForm(request.POST or None, user=viewer)
    if request.method == "POST" and form.is_valid():
        language = viewer.language
        logout(request)
        services.account_delete(member=viewer, remove_content=form.cleaned_data["remove_content"])
        with override(language):
            return redirect(reverse("people:deleted"))
    return render(request, "people/delete_account.html", {"form": form})


@login_not_required
def account_deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "people/deleted.html")
