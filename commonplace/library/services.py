"""Every change to the library, with its side effects: versions, contributions for "who knows
what", notifications, search and the audit log."""

from collections.abc import Iterable, Sequence

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from commonplace.accounts.models import User
from commonplace.conversations.attachments import CheckedFile
from commonplace.conversations.models import Reaction, Reply, Space, Topic
from commonplace.core import audit
from commonplace.core.markdown import render_markdown
from commonplace.core.models import FocusArea, Region
from commonplace.core.storage import delete_files, files_removed_on_failure
from commonplace.library import finding, notices
from commonplace.library.models import (
    Audience,
    Collection,
    CollectionItem,
    EditSuggestion,
    Resource,
    ResourceFile,
    ResourceKind,
    ResourceUse,
    ResourceVersion,
    TranslationRequest,
)
from commonplace.notifications.services import notify, withdraw

# Where each resource's comments are held: a space of the conversations app, so comments are
# replies like any other (mentions, flags, moderation, notifications) instead of a second system.
DISCUSSION_SPACE_SLUG = "library"
KEY_REPLIES = 3
EXCERPT_LENGTH = 200


def resource_slug(title: str) -> str:
    """The readable part of a resource's address (the id finds the resource)."""
    return slugify(title)[:80].strip("-") or "resource"


def resource_url(resource: Resource) -> str:
    return reverse("library:resource", kwargs={"pk": resource.pk, "slug": resource.slug})


def _excerpt(text: str) -> str:
    return Truncator(" ".join(text.split())).chars(EXCERPT_LENGTH)


def _body_html(body: str, member: User | None) -> str:
    from commonplace.conversations.selectors import is_trusted

    # The same rule as conversations: links and images from a member the community does not
    # trust yet show as text, which takes away what a spammer came for.
    return render_markdown(body, links=member is not None and is_trusted(member))


# --- Sharing and editing ----------------------------------------------------------------------


def resource_share(
    *,
    member: User,
    kind: ResourceKind,
    title: str,
    summary: str,
    body: str = "",
    language: str,
    licence: str,
    areas: Iterable[FocusArea] = (),
    audiences: Iterable[Audience] = (),
    region: Region | None = None,
    authors: Iterable[User] = (),
    credits: str = "",
    links: str = "",
    files: Sequence[CheckedFile] = (),
    publish: bool = True,
    source_topic: Topic | None = None,
) -> Resource:
    """Add a resource to the library, shared with members at once (``publish``) or kept as a
    draft its authors and the stewards can see. ``files`` are checked uploads; PDF and Word
    files are read for search by a task. With no ``authors`` the member is the author. The
    text becomes version 1.
    """
    with files_removed_on_failure() as stored, transaction.atomic():
        now = timezone.now()
        resource = Resource.objects.create(
            kind=kind,
            title=title,
            slug=resource_slug(title),
            summary=summary,
            body=body,
            body_html=_body_html(body, member),
            language=language,
            licence=licence,
            region=region,
            credits=credits,
            links=links,
            created_by=member,
            source_topic=source_topic,
            status=Resource.Status.PUBLISHED if publish else Resource.Status.DRAFT,
            published_at=now if publish else None,
            created_at=now,
            updated_at=now,
        )
        resource.areas.set(list(areas))
        resource.audiences.set(list(audiences))
        resource.authors.set(list(authors) or [member])
        _store_files(resource=resource, member=member, files=files, stored=stored)
        _version_save(resource=resource, editor=member, note="")
        if publish:
            _published(resource, actor=member)
        _reindex_on_commit(resource)
        return resource


def resource_edit(
    *,
    resource: Resource,
    editor: User,
    title: str,
    summary: str,
    body: str,
    language: str,
    licence: str,
    areas: Iterable[FocusArea],
    audiences: Iterable[Audience],
    region: Region | None,
    authors: Iterable[User],
    credits: str,
    links: str,
    kind: ResourceKind | None = None,
    note: str = "",
    files: Sequence[CheckedFile] = (),
    replace: Sequence[ResourceFile] = (),
) -> Resource:
    """Change a resource and keep the result as a new version. Files in ``replace`` (of this
    resource) stop being offered but stay in storage, listed with the versions that had them."""
    with files_removed_on_failure() as stored, transaction.atomic():
        resource.title = title
        resource.slug = resource_slug(title)
        resource.summary = summary
        resource.body = body
        resource.body_html = _body_html(body, editor)
        resource.language = language
        resource.licence = licence
        resource.region = region
        resource.credits = credits
        resource.links = links
        if kind is not None:
            resource.kind = kind
        resource.updated_at = timezone.now()
        resource.save()
        resource.areas.set(list(areas))
        resource.audiences.set(list(audiences))
        resource.authors.set(list(authors) or list(resource.authors.all()) or [editor])
        ResourceFile.objects.filter(
            resource=resource, pk__in=[item.pk for item in replace], replaced_at__isnull=True
        ).update(replaced_at=resource.updated_at)
        _store_files(resource=resource, member=editor, files=files, stored=stored)
        _version_save(resource=resource, editor=editor, note=note)
        if resource.is_published:
            _published(resource, actor=editor)
        _reindex_on_commit(resource)
        return resource


def _store_files(
    *, resource: Resource, member: User, files: Sequence[CheckedFile], stored: list
) -> None:
    from commonplace.library.tasks import schedule_reading

    for checked in files:
        item = ResourceFile(
            resource=resource,
            uploaded_by=member,
            original_name=checked.name,
            kind=checked.kind,
            content_type=checked.content_type,
            size=checked.size,
        )
        # The name given here is ignored: file_path makes a random one.
        item.file.save("resource", ContentFile(checked.content), save=False)
        stored.append(item.file)
        item.save()
        schedule_reading(item)


def _version_save(*, resource: Resource, editor: User | None, note: str) -> ResourceVersion:
    Resource.objects.filter(pk=resource.pk).update(version_count=F("version_count") + 1)
    resource.refresh_from_db(fields=["version_count"])
    return ResourceVersion.objects.create(
        resource=resource,
        number=resource.version_count,
        editor=editor,
        title=resource.title,
        summary=resource.summary,
        body=resource.body,
        note=note[:300],
        file_ids=list(resource.files.filter(replaced_at__isnull=True).values_list("pk", flat=True)),
    )


def _published(resource: Resource, *, actor: User) -> None:
    """What sharing a resource with members sets going: each author's contribution, and word
    to the authors someone else named (once each, however often it is edited), so a member
    whose answer became a resource hears of it."""
    from commonplace.people.services import contribution_record

    areas = list(resource.areas.all())
    authors = list(resource.authors.filter(is_active=True))
    _tell(
        authors, notices.AUTHOR_CREDITED, about=resource, actor=actor, key="credited",
        excerpt=_excerpt(resource.summary),
    )  # fmt: skip
    for author in authors:
        contribution_record(
            member=author,
            kind="resource_shared",
            title=resource.title,
            focus_areas=areas,
            url=reverse("library:resource-link", kwargs={"pk": resource.pk}),
            source="library.resource",
            source_id=str(resource.pk),
            occurred_at=resource.published_at,
        )


def _tell(
    recipients: Iterable[User | int],
    kind: str,
    *,
    about: Resource,
    actor: User,
    key: str = "",
    title: str = "",
    excerpt: str = "",
) -> None:
    """Notify about a resource, linking to it; ``key`` names the event under the resource's
    target key, so withdrawing the resource's notices takes this one too."""
    target_key = notices.resource_key(about.pk)
    notify(
        recipients=recipients,
        kind=kind,
        actor=actor,
        target_key=f"{target_key}/{key}" if key else target_key,
        url_name="library:resource-link",
        url_kwargs={"pk": about.pk},
        title=title or about.title,
        excerpt=excerpt,
    )


def _reindex_on_commit(resource: Resource) -> None:
    resource_id = resource.pk
    transaction.on_commit(lambda: finding.resource_indexed(resource_id))


@transaction.atomic
def resource_publish(*, resource: Resource, member: User) -> None:
    """Share a draft (or an archived resource) with members again."""
    resource.status = Resource.Status.PUBLISHED
    resource.published_at = resource.published_at or timezone.now()
    resource.save(update_fields=["status", "published_at"])
    _published(resource, actor=member)
    audit.record(member, "resource.publish", resource)
    _reindex_on_commit(resource)


@transaction.atomic
def resource_archive(*, resource: Resource, member: User) -> None:
    """Take a resource off the shelves; members who have its address still read it, marked as
    archived. An archived resource is not public."""
    resource.status = Resource.Status.ARCHIVED
    resource.is_public = False
    resource.save(update_fields=["status", "is_public"])
    audit.record(member, "resource.archive", resource)
    _reindex_on_commit(resource)


@transaction.atomic
def resource_set_public(*, resource: Resource, steward: User, public: bool) -> None:
    """A steward's decision that visitors may read a published resource (and its files)."""
    resource.is_public = public and resource.is_published
    resource.save(update_fields=["is_public"])
    audit.record(steward, "resource.public" if resource.is_public else "resource.private", resource)


# --- Translations -----------------------------------------------------------------------------


@transaction.atomic
def translation_link(*, resource: Resource, other: Resource | None, member: User) -> None:
    """Make ``other`` the translation of ``resource`` and the reverse (``None`` unlinks).
    Earlier partners of either lose their link. Members who asked for a translation of either
    are told, and their requests are closed."""
    partners = {resource.pk}
    for item in (resource, other):
        if item is not None and item.translation_id:
            partners.add(item.translation_id)
    if other is not None:
        partners.add(other.pk)
    Resource.objects.filter(pk__in=partners).update(translation=None)
    if other is not None:
        Resource.objects.filter(pk=resource.pk).update(translation=other)
        Resource.objects.filter(pk=other.pk).update(translation=resource)
    resource.translation = other
    audit.record(member, "resource.translation", resource, note=str(other.pk if other else ""))
    if other is None:
        return
    for asked_about, told_of in ((resource, other), (other, resource)):
        requests = TranslationRequest.objects.filter(resource=asked_about)
        _tell(
            [request.member_id for request in requests], notices.TRANSLATION_LINKED,
            about=told_of, actor=member, title=asked_about.title,
            excerpt=_excerpt(told_of.summary),
        )  # fmt: skip
        requests.delete()


def translation_request(*, resource: Resource, member: User) -> bool:
    """Ask for ``resource`` in the other language; returns False if the member had already
    asked. Stewards see open requests in their list."""
    _request, created = TranslationRequest.objects.get_or_create(resource=resource, member=member)
    return created


# --- Using and improving ----------------------------------------------------------------------


@transaction.atomic
def resource_use(*, resource: Resource, member: User, note: str = "") -> ResourceUse:
    """Record that ``member`` used the resource, with an optional line on how. Saying it again
    only updates the note. Each author gets a contribution (the evidence behind "who knows
    what") and a notification."""
    from commonplace.people.services import contribution_record

    use, created = ResourceUse.objects.update_or_create(
        resource=resource, member=member, defaults={"note": note}
    )
    if not created:
        return use
    Resource.objects.filter(pk=resource.pk).update(use_count=F("use_count") + 1)
    resource.use_count += 1
    authors = list(resource.authors.filter(is_active=True).exclude(pk=member.pk))
    areas = list(resource.areas.all())
    for author in authors:
        contribution_record(
            member=author,
            kind="resource_used",
            title=resource.title,
            focus_areas=areas,
            url=reverse("library:resource-link", kwargs={"pk": resource.pk}),
            source="library.use",
            source_id=str(use.pk),
        )
    _tell(
        authors, notices.RESOURCE_USED, about=resource, actor=member, key=f"use:{use.pk}",
        excerpt=note,
    )  # fmt: skip
    return use


@transaction.atomic
def resource_unuse(*, resource: Resource, member: User) -> None:
    """Take back an "I used this"."""
    from commonplace.people.services import contribution_withdraw

    use = ResourceUse.objects.filter(resource=resource, member=member).first()
    if use is None:
        return
    contribution_withdraw(source="library.use", source_id=str(use.pk))
    withdraw(target_key_prefix=f"{notices.resource_key(resource.pk)}/use:{use.pk}")
    use.delete()
    Resource.objects.filter(pk=resource.pk, use_count__gt=0).update(use_count=F("use_count") - 1)


@transaction.atomic
def suggestion_make(
    *, resource: Resource, member: User, title: str, summary: str, body: str, note: str = ""
) -> EditSuggestion:
    """Propose new text; the authors are told and accept or decline it."""
    suggestion = EditSuggestion.objects.create(
        resource=resource,
        member=member,
        title=title,
        summary=summary,
        body=body,
        note=note,
        based_on=resource.version_count,
    )
    notify(
        recipients=list(resource.authors.filter(is_active=True)),
        kind=notices.SUGGESTION_MADE,
        actor=member,
        target_key=f"{notices.resource_key(resource.pk)}/suggestion:{suggestion.pk}",
        url_name="library:suggestion",
        url_kwargs={"pk": resource.pk, "suggestion_id": suggestion.pk},
        title=resource.title,
        excerpt=note,
    )
    return suggestion


@transaction.atomic
def suggestion_decide(*, suggestion: EditSuggestion, member: User, accept: bool) -> None:
    """Accept (the text becomes a new version, credited to whoever suggested it) or decline an
    open suggestion; a suggestion already decided is left as it is."""
    locked = EditSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if locked.status != EditSuggestion.Status.OPEN:
        return
    resource = locked.resource
    if accept:
        resource.title = locked.title
        resource.slug = resource_slug(locked.title)
        resource.summary = locked.summary
        resource.body = locked.body
        resource.body_html = _body_html(locked.body, member)
        resource.updated_at = timezone.now()
        resource.save()
        with translation.override(None):
            note = f"suggestion {locked.pk}"
        _version_save(resource=resource, editor=locked.member, note=note)
        _reindex_on_commit(resource)
    locked.status = EditSuggestion.Status.ACCEPTED if accept else EditSuggestion.Status.DECLINED
    locked.decided_by = member
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at"])
    suggestion.status = locked.status
    if locked.member_id:
        notify(
            recipients=[locked.member_id],
            kind=notices.SUGGESTION_DECIDED,
            actor=member,
            target_key=f"{notices.resource_key(resource.pk)}/decided:{locked.pk}",
            url_name="library:suggestion",
            url_kwargs={"pk": resource.pk, "suggestion_id": locked.pk},
            title=resource.title,
        )


# --- Comments ---------------------------------------------------------------------------------


def discussion_space() -> Space:
    space, _created = Space.objects.get_or_create(
        slug=DISCUSSION_SPACE_SLUG,
        defaults={
            "name_en": "Library discussions",
            "name_fr": "Discussions de la bibliothèque",
            "description_en": "Comments on the resources of the library, one topic each.",
            "description_fr": "Les commentaires sur les ressources de la bibliothèque, un sujet par ressource.",
            "position": 90,
        },
    )
    return space


@transaction.atomic
def resource_comment(*, resource: Resource, member: User, body: str) -> Reply:
    """Post a comment: a reply in the resource's discussion topic, which is started (by the
    member, in the library's space, followed by the resource's authors) the first time someone
    comments. Followers of the topic are told as with any reply."""
    from commonplace.conversations import services as conversations

    locked = Resource.objects.select_for_update().get(pk=resource.pk)
    topic = locked.discussion
    if topic is None:
        with translation.override(member.language or "en"):
            opening = _("Comments and questions about the resource in the library:")
            # A link to the site itself, which Markdown keeps even for members whose own
            # links are still shown as text.
            link = reverse("library:resource-link", kwargs={"pk": resource.pk})
        title = resource.title.replace("[", "(").replace("]", ")")
        topic = conversations.topic_start(
            space=discussion_space(),
            author=member,
            title=resource.title[:200],
            body=f"{opening} [{title}]({link})",
            areas=list(resource.areas.all()),
        )
        Resource.objects.filter(pk=resource.pk).update(discussion=topic)
        resource.discussion = topic
        # The authors follow the conversation about their work from its start, so they hear
        # of every comment (and can stop following it like any other topic).
        for author in locked.authors.filter(is_active=True):
            conversations.topic_follow(topic=topic, member=author, follow=True)
    return conversations.reply_post(topic=topic, author=member, body=body)


# --- From discussion to repertoire ------------------------------------------------------------


def resource_from_topic(*, topic: Topic, member: User) -> Resource:
    """A draft resource made from a conversation: the question, its accepted answer and the
    replies members found most helpful, crediting their authors and linking back. It is a
    recurring problem when the topic is a question, a story otherwise. Nothing is shared until
    someone reviews and publishes the draft."""
    accepted = topic.accepted_reply
    if accepted is not None and not accepted.is_visible:
        accepted = None
    visible = Reply.objects.filter(
        topic=topic, deleted_at__isnull=True, is_hidden=False, is_pending=False
    ).select_related("author")
    key_replies = list(
        visible.exclude(pk=accepted.pk if accepted else 0)
        .annotate(helpful=Count("reactions", filter=Q(reactions__kind=Reaction.Kind.HELPFUL)))
        .filter(helpful__gt=0)
        .order_by("-helpful", "number")[:KEY_REPLIES]
    )
    if accepted is not None:
        accepted = visible.get(pk=accepted.pk)
    language = "fr" if (translation.get_language() or "en").startswith("fr") else "en"
    with translation.override(language):
        # Headings are worked out before they go into the text: the catalogue tools do not
        # read calls inside f-strings.
        question, answer_heading, helpful_heading = (
            _("The question"),
            _("The accepted answer"),
            _("A helpful reply"),
        )
        sections = [f"## {question}\n\n{topic.body}"]
        if accepted is not None:
            by = _("By %(name)s:") % {"name": _display(accepted.author)}
            sections.append(f"## {answer_heading}\n\n{by}\n\n{accepted.body}")
        for reply in key_replies:
            by = _("By %(name)s:") % {"name": _display(reply.author)}
            sections.append(f"## {helpful_heading}\n\n{by}\n\n{reply.body}")
    people = [topic.author, accepted.author if accepted else None]
    people += [reply.author for reply in key_replies]
    authors: list[User] = []
    for person in people:
        if person is not None and person.is_active and person not in authors:
            authors.append(person)
    topic_link = reverse("conversations:topic-link", kwargs={"topic_id": topic.pk})
    kind = ResourceKind.objects.get(
        key=ResourceKind.Key.PROBLEM if topic.is_question else ResourceKind.Key.STORY
    )
    resource = resource_share(
        member=member,
        kind=kind,
        title=topic.title,
        summary=Truncator(" ".join(topic.body.split())).chars(300),
        body="\n\n".join(sections)[:60_000],
        language=language,
        licence=Resource.Licence.CC_BY,
        areas=list(topic.areas.all()),
        authors=authors,
        links=topic_link,
        publish=False,
        source_topic=topic,
    )
    audit.record(member, "resource.from_topic", resource, note=str(topic.pk))
    return resource


def _display(person: User | None) -> str:
    return person.display_name if person is not None else _("a former member")


# --- Collections and kinds --------------------------------------------------------------------


@transaction.atomic
def collection_save(*, collection: Collection, steward: User) -> Collection:
    creating = collection.pk is None
    if not collection.slug:
        base = slugify(collection.name_en)[:50] or "collection"
        slug, number = base, 2
        while Collection.objects.filter(slug=slug).exclude(pk=collection.pk).exists():
            slug, number = f"{base}-{number}", number + 1
        collection.slug = slug
    collection.save()
    audit.record(steward, "collection.create" if creating else "collection.update", collection)
    return collection


@transaction.atomic
def collection_place(
    *, collection: Collection, resource: Resource, steward: User, present: bool
) -> None:
    """Put a resource on a collection's shelf (at the end) or take it off."""
    if present:
        last = collection.items.order_by("-position").values_list("position", flat=True).first()
        CollectionItem.objects.get_or_create(
            collection=collection, resource=resource, defaults={"position": (last or 0) + 1}
        )
    else:
        CollectionItem.objects.filter(collection=collection, resource=resource).delete()
    audit.record(
        steward, "collection.add" if present else "collection.remove", collection,
        note=str(resource.pk),
    )  # fmt: skip


@transaction.atomic
def kind_save(*, kind: ResourceKind, steward: User) -> ResourceKind:
    kind.save()
    audit.record(steward, "resource_kind.update", kind)
    return kind


# --- Leaving the community --------------------------------------------------------------------


@transaction.atomic
def member_forget(*, member: User, remove_content: bool) -> None:
    """A member's part in the library, undone before their account is deleted.

    Always: their "I used this" are taken back (counts and the authors' contributions follow)
    and their translation requests go. With ``remove_content``: resources only they wrote
    are deleted with their files, versions and search entries, and their suggested edits go;
    a resource written with others stays, as the others' work too, without their name.
    Without it, what they wrote stays, credited to a former member.
    """
    from commonplace.search.services import remove

    for use in ResourceUse.objects.filter(member=member).select_related("resource"):
        resource_unuse(resource=use.resource, member=member)
    TranslationRequest.objects.filter(member=member).delete()
    if not remove_content:
        return
    EditSuggestion.objects.filter(member=member).delete()
    theirs = (
        Resource.objects.filter(Q(authors=member) | Q(created_by=member))
        .distinct()
        .prefetch_related("authors", "files")
    )
    alone = [
        resource
        for resource in theirs
        if all(author.pk == member.pk for author in resource.authors.all())
    ]
    files = [item.file for resource in alone for item in resource.files.all()]
    for resource in alone:
        withdraw(target_key_prefix=notices.resource_key(resource.pk))
        remove(kind=finding.KIND, object_id=resource.pk)
        resource.delete()
    # Storage takes no part in the transaction: files go once the rows are gone for good.
    transaction.on_commit(lambda: delete_files(files))
