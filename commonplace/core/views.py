from datetime import timedelta
from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language

from commonplace.accounts.models import User
from commonplace.accounts.permissions import check_steward, is_member
from commonplace.core import health, selectors, services
from commonplace.core.forms import CommunityForm, PageForm, term_formset
from commonplace.core.models import FocusArea, OrganizationType, Page, Region, SpokenLanguage

# "New for you" on a member's home reaches back this far into what they follow.
NEW_FOR_YOU_DAYS = timedelta(days=30)


@login_not_required
def home(request: HttpRequest) -> HttpResponse:
    """Visitors see the public front page; members see their own home."""
    if is_member(request.user):
        from commonplace.conversations.selectors import new_for_member
        from commonplace.people.selectors import people_like

        context = {
            "people_like_me": people_like(request.user),
            "new_for_you": new_for_member(
                cast(User, request.user), since=timezone.now() - NEW_FOR_YOU_DAYS
            ),
        }
        return render(request, "core/member_home.html", context)
    return about(request)


@login_not_required
def about(request: HttpRequest) -> HttpResponse:
    """What the community is for, who may join, how members take part (public, for everyone)."""
    return render(request, "core/home.html", {"page": selectors.page_by_slug(Page.Slug.HOME)})


@login_not_required
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = selectors.page_by_slug(slug)
    if page is None or slug == Page.Slug.HOME:
        raise Http404
    return render(request, "core/page_detail.html", {"page": page})


@require_http_methods(["GET", "POST"])
def page_edit(request: HttpRequest, slug: str) -> HttpResponse:
    check_steward(request.user)
    page = selectors.page_by_slug(slug)
    if page is None:
        raise Http404
    form = PageForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        services.page_update(page=page, editor=request.user, **form.cleaned_data)
        messages.success(request, _("The page was saved in both languages."))
        return redirect("core:home" if slug == Page.Slug.HOME else page.get_absolute_url())
    return render(request, "core/page_form.html", {"page": page, "form": form})


@require_http_methods(["GET", "POST"])
def community_edit(request: HttpRequest) -> HttpResponse:
    check_steward(request.user)
    current = selectors.community()
    form = CommunityForm(request.POST or None, instance=current if current.pk else None)
    if request.method == "POST" and form.is_valid():
        services.community_update(editor=request.user, **form.cleaned_data)
        messages.success(request, _("The community's name and tagline were saved."))
        return redirect("core:site-settings")
    pages = Page.objects.only("slug", "title_en", "title_fr", "updated_at")
    return render(request, "core/site_settings.html", {"form": form, "pages": pages})


def audit_log(request: HttpRequest) -> HttpResponse:
    check_steward(request.user)
    verb = request.GET.get("action", "")
    verbs = selectors.audit_verbs()
    if verb not in verbs:
        verb = ""
    entries = selectors.paginate(request, selectors.audit_entries(verb=verb), per_page=50)
    context = {
        "entries": entries,
        "verbs": verbs,
        "verb": verb,
        "query": urlencode({"action": verb}) if verb else "",
    }
    return render(request, "core/audit_log.html", context)


VOCABULARIES: dict[str, type[models.Model]] = {
    "focus-areas": FocusArea,
    "organization-types": OrganizationType,
    "regions": Region,
    "languages": SpokenLanguage,
}


@require_http_methods(["GET", "POST"])
def vocabulary(request: HttpRequest, kind: str = "focus-areas") -> HttpResponse:
    """Stewards reword, reorder, retire and add the terms members choose from, in both languages."""
    check_steward(request.user)
    model = VOCABULARIES.get(kind)
    if model is None:
        raise Http404
    formset = term_formset(model)(
        request.POST or None, queryset=model._default_manager.all(), prefix="terms"
    )
    if request.method == "POST" and formset.is_valid():
        services.terms_update(editor=request.user, model=model, formset=formset)
        messages.success(request, _("The list was saved."))
        return redirect("core:vocabulary", kind=kind)
    tabs = [(slug, model._meta.verbose_name_plural) for slug, model in VOCABULARIES.items()]
    return render(
        request,
        "core/vocabulary.html",
        {"formset": formset, "kind": kind, "tabs": tabs, "title": model._meta.verbose_name_plural},
    )


@login_not_required
@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Django's set_language (cookie, same page in the other language), kept on the account."""
    # Django finds the same page in the other language by resolving `next` in the active
    # language, which here comes from the cookie or the browser, not from the page: a French
    # page opened from an English browser would stay French. Resolve it in the page's language.
    page_language = translation.get_language_from_path(request.POST.get("next", ""))
    with translation.override(page_language or translation.get_language()):
        response = set_language(request)
    language = request.POST.get("language", "")
    user = request.user
    if user.is_authenticated and language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return response


@login_not_required
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    healthy, body = health.report()
    return JsonResponse(body, status=200 if healthy else 503)


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
