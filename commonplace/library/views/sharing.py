"""Sharing, editing and improving resources: the forms members fill in and the buttons they
press on a resource's page."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from commonplace.accounts.permissions import current_member
from commonplace.conversations import selectors as conversation_selectors
from commonplace.core import ratelimit
from commonplace.core.bilingual import current_language
from commonplace.library import forms, permissions, selectors, services
from commonplace.library.models import EditSuggestion, Resource, ResourceKind
from commonplace.library.views.reading import visible_resource

RESOURCES_PER_HOUR = 10


def choose_kind(request: HttpRequest) -> HttpResponse:
    current_member(request)
    return render(request, "library/choose_kind.html", {"kinds": ResourceKind.objects.all()})


@require_http_methods(["GET", "POST"])
def resource_new(request: HttpRequest, kind: str) -> HttpResponse:
    member = current_member(request)
    chosen = ResourceKind.objects.filter(key=kind).first()
    if chosen is None:
        raise Http404
    language = current_language()
    form = forms.ResourceForm(
        request.POST or None,
        request.FILES or None,
        initial={"body": chosen.template, "language": language},
    )
    if request.method == "POST" and form.is_valid():
        if not ratelimit.hit(
            "resource", str(member.pk), limit=RESOURCES_PER_HOUR, window=3600
        ).allowed:
            form.add_error(
                None, _("You have shared many resources in the last hour. Please wait a little.")
            )
        else:
            publish = "draft" not in request.POST
            resource = services.resource_share(
                member=member,
                kind=chosen,
                authors=[member, *form.chosen_authors()],
                publish=publish,
                **form.values(),
            )
            messages.success(
                request,
                _("Your resource is in the library.")
                if publish
                else _("Your draft is saved. Only its authors and the stewards can see it."),
            )
            return redirect(services.resource_url(resource))
    return render(request, "library/resource_form.html", {"form": form, "kind": chosen})


@require_http_methods(["GET", "POST"])
def resource_edit(request: HttpRequest, pk: int) -> HttpResponse:
    member = current_member(request)
    resource = visible_resource(request, pk)
    permissions.check(permissions.can_edit(resource, member))
    existing = resource.current_files  # type: ignore[attr-defined]
    form = forms.ResourceForm(
        request.POST or None,
        request.FILES or None,
        existing_files=existing,
        editing=True,
        initial=forms.resource_initial(resource, current_language()),
    )
    if request.method == "POST" and form.is_valid():
        values = form.values()
        services.resource_edit(
            resource=resource,
            editor=member,
            authors=form.chosen_authors(),
            note=form.cleaned_data.get("note", ""),
            replace=form.chosen_replacements(),
            **values,
        )
        if "publish" in request.POST and resource.status == Resource.Status.DRAFT:
            services.resource_publish(resource=resource, member=member)
            messages.success(request, _("Your resource is in the library."))
        else:
            messages.success(request, _("Your changes are saved as a new version."))
        return redirect(services.resource_url(resource))
    return render(
        request,
        "library/resource_form.html",
        {"form": form, "kind": resource.kind, "resource": resource},
    )


@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    member = current_member(request)
    resource = visible_resource(request, pk)
    permissions.check(permissions.can_publish(resource, member))
    services.resource_publish(resource=resource, member=member)
    messages.success(request, _("The resource is shared with members."))
    return redirect(services.resource_url(resource))


@require_POST
def archive(request: HttpRequest, pk: int) -> HttpResponse:
    member = current_member(request)
    resource = visible_resource(request, pk)
    permissions.check(permissions.can_edit(resource, member))
    services.resource_archive(resource=resource, member=member)
    messages.success(
        request, _("The resource is archived. Members who have its address can still read it.")
    )
    return redirect(services.resource_url(resource))


@require_POST
def make_public(request: HttpRequest, pk: int) -> HttpResponse:
    member = current_member(request)
    resource = visible_resource(request, pk)
    permissions.check(permissions.can_make_public(member))
    public = request.POST.get("public") == "1"
    if public and not resource.is_published:
        messages.error(request, _("Only a resource shared with members can be made public."))
    else:
        services.resource_set_public(resource=resource, steward=member, public=public)
        messages.success(
            request,
            _("The resource is now on the public library page.")
            if public
            else _("The resource is for members only again."),
        )
    return redirect(services.resource_url(resource))


@require_http_methods(["GET", "POST"])
def use(request: HttpRequest, pk: int) -> HttpResponse:
    member = current_member(request)
    resource = visible_resource(request, pk)
    permissions.check(permissions.can_record_use(resource, member))
    form = forms.UseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.resource_use(resource=resource, member=member, note=form.cleaned_data["note"])
        messages.success(request, _("Thank you. The authors will know their work helped."))
        return redirect(services.resource_url(resource))
    return render(request, "library/use_form.html", {"form": form, "resource": resource})


@require_POST
def unuse(request: HttpRequest, pk: int) -> HttpResponse:
    member = current_member(request)
    resource = visible_resource(request, pk)
    services.resource_unuse(resource=resource, member=member)
    return redirect(services.resource_url(resource))


@require_http_methods(["GET", "POST"])
def suggest(request: HttpRequest, pk: int) -> HttpResponse:
    member = current_member(request)
    resource = visible_resource(request, pk)
    permissions.check(permissions.can_suggest(resource, member))
    form = forms.SuggestionForm(
        request.POST or None,
        initial={
            "title": resource.title,
            "summary": resource.summary,
            "body": resource.body,
            "resource": resource,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.suggestion_make(
            resource=resource,
            member=member,
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
            body=form.cleaned_data["body"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Your suggestion was sent to the authors."))
        return redirect(services.resource_url(resource))
    return render(request, "library/suggest_form.html", {"form": form, "resource": resource})


@require_http_methods(["GET", "POST"])
def suggestion(request: HttpRequest, pk: int, suggestion_id: int) -> HttpResponse:
    member = current_member(request)
    resource = visible_resource(request, pk)
    item = get_object_or_404(
        EditSuggestion.objects.select_related("member", "decided_by"),
        pk=suggestion_id,
        resource=resource,
    )
    may_decide = permissions.can_decide(item, member)
    if not may_decide and item.member_id != member.pk:
        raise Http404
    if request.method == "POST":
        permissions.check(may_decide)
        accept = request.POST.get("decision") == "accept"
        services.suggestion_decide(suggestion=item, member=member, accept=accept)
        messages.success(
            request,
            _("The suggestion is accepted: it is the new version.")
            if accept
            else _("The suggestion is declined."),
        )
        return redirect(services.resource_url(resource))
    return render(
        request,
        "library/suggestion.html",
        {
            "resource": resource,
            "suggestion": item,
            "may_decide": may_decide and item.status == EditSuggestion.Status.OPEN,
            "title_changes": selectors.changes(resource.title, item.title),
            "summary_changes": selectors.changes(resource.summary, item.summary),
            "body_changes": selectors.changes(resource.body, item.body),
        },
    )


@require_http_methods(["GET", "POST"])
def translation(request: HttpRequest, pk: int) -> HttpResponse:
    member = current_member(request)
    resource = visible_resource(request, pk)
    permissions.check(permissions.can_edit(resource, member))
    form = forms.TranslationForm(request.POST or None, resource=resource)
    if request.method == "POST":
        if request.POST.get("unlink") == "1":
            services.translation_link(resource=resource, other=None, member=member)
            messages.success(request, _("The two resources are no longer linked."))
            return redirect(services.resource_url(resource))
        if form.is_valid():
            services.translation_link(
                resource=resource, other=form.cleaned_data["other"], member=member
            )
            messages.success(
                request,
                _(
                    "The translation is linked. Readers will be offered the version in their language."
                ),
            )
            return redirect(services.resource_url(resource))
    return render(request, "library/translation_form.html", {"form": form, "resource": resource})


@require_POST
def ask_translation(request: HttpRequest, pk: int) -> HttpResponse:
    member = current_member(request)
    resource = visible_resource(request, pk)
    permissions.check(permissions.can_use(resource, member))
    services.translation_request(resource=resource, member=member)
    messages.success(
        request,
        _("Your request is on the stewards' list. You will be told when a translation is linked."),
    )
    return redirect(services.resource_url(resource))


@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    from commonplace.conversations.views.topics import may_post

    member = current_member(request)
    resource = visible_resource(request, pk)
    permissions.check(permissions.can_comment(resource, member))
    form = forms.CommentForm(request.POST)
    if form.is_valid():
        if not may_post("reply", member):
            form.add_error(
                "body", _("You have posted many replies in the last hour. Please wait a little.")
            )
        else:
            reply = services.resource_comment(
                resource=resource, member=member, body=form.cleaned_data["body"]
            )
            if reply.is_pending:
                messages.info(
                    request, _("Your comment will appear once a moderator has approved it.")
                )
            else:
                messages.success(request, _("Your comment is posted."))
            return redirect(services.resource_url(resource) + "#comments")
    return render(
        request, "library/comment_form.html", {"form": form, "resource": resource}, status=422
    )


@require_POST
def from_topic(request: HttpRequest, topic_id: int) -> HttpResponse:
    """ "Turn into a resource": a draft made from the conversation, for its authors to review."""
    member = current_member(request)
    topic = conversation_selectors.topic_for(member, topic_id)
    if topic is None:
        raise Http404
    permissions.check(permissions.can_turn_into_resource(topic, member))
    # A second press (or a second tab) leads to what the first one made rather than a twin.
    existing = selectors.kept_from(selectors.made_from_topic(topic.pk, member))
    if existing is not None:
        messages.info(request, _("This conversation is already in the library."))
        return redirect(services.resource_url(existing))
    resource = services.resource_from_topic(topic=topic, member=member)
    messages.success(
        request,
        _(
            "A draft resource was made from the conversation. Review it, then share it with members."
        ),
    )
    return redirect("library:resource-edit", pk=resource.pk)
