"""A demo library that looks like a year of members' work: stories, tools, guides, research,
recordings and recurring problems, in English, in French and in both, with real PDF and Word
files (written by ``samples``) that pass the same checks as any upload, three collections,
translation pairs, "I used this" notes, comments, a suggested edit, drafts and an archived
resource.

Everything goes through the library's services, so versions, contributions, notifications,
the audit log and the search index are what members' own actions would leave behind.
"""

from datetime import datetime, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone, translation

from commonplace.accounts.models import User
from commonplace.conversations.models import Reply, Topic
from commonplace.core.models import FocusArea, Region
from commonplace.library import files, services
from commonplace.library.demo.content import (
    ANSWERED_REQUESTS,
    COLLECTIONS,
    COMMENTS,
    DOMAIN,
    FROM_TOPIC,
    HEADINGS,
    OPEN_REQUESTS,
    PAIRS,
    PUBLIC,
    RESOURCES,
    STEWARD,
    SUGGESTION,
    USES,
    DemoResource,
)
from commonplace.library.models import (
    Audience,
    Collection,
    Resource,
    ResourceFile,
    ResourceKind,
    ResourceUse,
    ResourceVersion,
)
from commonplace.notifications.models import Notification
from commonplace.people.models import Contribution

__all__ = ["COLLECTIONS", "RESOURCES", "USES", "seed"]


def seed(log):
    if Resource.objects.exists() or Collection.objects.exists():
        return []
    people = {person.name: person for person in User.objects.filter(email__endswith=f"@{DOMAIN}")}
    steward = User.objects.filter(email=STEWARD).first()
    needed = {name for item in RESOURCES for name in item.authors}
    needed |= {name for _key, name, _note in USES}
    needed |= {name for _key, name, _text, _days in COMMENTS}
    needed |= {name for _key, name in ANSWERED_REQUESTS + OPEN_REQUESTS}
    kinds = {kind.key: kind for kind in ResourceKind.objects.all()}
    if steward is None or needed - people.keys() or len(kinds) < len(HEADINGS):
        log("The library needs the demo members and the kinds of resource first; skipped")
        return []
    # Whatever the seed sets off is the demo's past: shown in the app, never emailed.
    last_notification = Notification.objects.order_by("-pk").values_list("pk", flat=True).first()
    now = timezone.now()
    with transaction.atomic(), translation.override("en"):
        resources = {item.key: _share(item, people, kinds) for item in RESOURCES}
        for item in RESOURCES:
            _date(resources[item.key], now - timedelta(days=item.days_ago, hours=item.days_ago))
        for key, name, note in USES:
            resource = resources[key]
            use = services.resource_use(resource=resource, member=people[name], note=note)
            moment = min(_shared_at(resource) + timedelta(days=2, hours=len(note)), now)
            ResourceUse.objects.filter(pk=use.pk).update(created_at=moment)
            Contribution.objects.filter(source="library.use", source_id=str(use.pk)).update(
                occurred_at=moment
            )
        for key, name in ANSWERED_REQUESTS:
            services.translation_request(resource=resources[key], member=people[name])
        for english, french in PAIRS:
            services.translation_link(
                resource=resources[english], other=resources[french], member=steward
            )
        for key, name in OPEN_REQUESTS:
            services.translation_request(resource=resources[key], member=people[name])
        for key in PUBLIC:
            services.resource_set_public(resource=resources[key], steward=steward, public=True)
        for position, (slug, name_en, name_fr, text_en, text_fr, keys) in enumerate(COLLECTIONS):
            collection = services.collection_save(
                collection=Collection(
                    slug=slug, name_en=name_en, name_fr=name_fr, description_en=text_en,
                    description_fr=text_fr, position=position,
                ),
                steward=steward,
            )  # fmt: skip
            for key in keys:
                services.collection_place(
                    collection=collection, resource=resources[key], steward=steward, present=True
                )
        for key, name, text, days in COMMENTS:
            resource = resources[key]
            reply = services.resource_comment(resource=resource, member=people[name], body=text)
            moment = min(_shared_at(resource) + timedelta(days=days, hours=len(text) % 9), now)
            Reply.objects.filter(pk=reply.pk).update(created_at=moment)
            Topic.objects.filter(pk=reply.topic_id).update(last_activity_at=moment)
            if reply.number == 1:
                Topic.objects.filter(pk=reply.topic_id).update(created_at=moment)
        key, name, note, addition = SUGGESTION
        resource = resources[key]
        services.suggestion_make(
            resource=resource,
            member=people[name],
            title=resource.title,
            summary=resource.summary,
            body=f"{resource.body}\n\n{addition}",
            note=note,
        )
        for item in RESOURCES:
            if item.status == Resource.Status.ARCHIVED:
                services.resource_archive(resource=resources[item.key], member=steward)
        drafted = _draft_from_topic(steward)
        Notification.objects.filter(pk__gt=last_notification or 0, emailed_at__isnull=True).update(
            emailed_at=now
        )
    stored = ResourceFile.objects.count()
    log(
        f"Created {len(resources) + drafted} library resources with {stored} files, "
        f"and {len(COLLECTIONS)} collections"
    )
    return []


def _share(item: DemoResource, people: dict[str, User], kinds: dict[str, ResourceKind]) -> Resource:
    areas = FocusArea.objects.filter(slug__in=item.areas)
    audiences = Audience.objects.filter(slug__in=item.audiences)
    region = Region.objects.filter(slug=item.province).first() if item.province else None
    authors = [people[name] for name in item.authors]
    checked = []
    for document in item.files:
        # Through the checks every upload passes: a demo file the library would refuse is a
        # bug in samples.py, and the seed stops on it.
        upload = SimpleUploadedFile(document.name, document.content())
        checked.append(files.check(upload))
    return services.resource_share(
        member=authors[0],
        kind=kinds[item.kind],
        title=item.title,
        summary=item.summary,
        body=item.body(),
        language=item.language,
        licence=item.licence,
        areas=list(areas),
        audiences=list(audiences),
        region=region,
        authors=authors,
        credits="\n".join(item.credits),
        links="\n".join(item.links),
        files=checked,
        publish=item.status != Resource.Status.DRAFT,
    )


def _date(resource: Resource, moment: datetime) -> None:
    """Move a resource, its first version, its files and its authors' contributions back to
    when it was shared, so the library reads as weeks of work rather than one minute's."""
    shared = moment if resource.published_at else None
    Resource.objects.filter(pk=resource.pk).update(
        created_at=moment, updated_at=moment, published_at=shared
    )
    resource.created_at, resource.updated_at, resource.published_at = moment, moment, shared
    ResourceVersion.objects.filter(resource=resource).update(created_at=moment)
    ResourceFile.objects.filter(resource=resource).update(created_at=moment)
    Contribution.objects.filter(source="library.resource", source_id=str(resource.pk)).update(
        occurred_at=moment
    )


def _shared_at(resource: Resource) -> datetime:
    return resource.published_at or resource.created_at


def _draft_from_topic(steward: User) -> int:
    """A draft made from a question that found its accepted answer, as a steward would turn
    a good conversation into the repertoire; 0 when there is no such conversation."""
    topic = (
        Topic.objects.filter(
            title=FROM_TOPIC, kind=Topic.Kind.QUESTION, accepted_reply__isnull=False
        )
        .select_related("space", "author", "accepted_reply")
        .first()
    )
    if topic is None or topic.space.is_private:
        return 0
    draft = services.resource_from_topic(topic=topic, member=steward)
    _date(draft, timezone.now() - timedelta(days=1))
    return 1
