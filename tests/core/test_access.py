"""Every URL, as every kind of person: members-only unless a view says it is public.

The table below must name every URL pattern the site has. A new URL that is not added here makes
``test_every_url_pattern_is_in_the_access_table`` fail, so nobody ships a page without deciding
who may open it.
"""

from dataclasses import dataclass, field

import pytest
from django.contrib.admin.sites import site as admin_site
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from commonplace.core.models import Page

ROLES = ("anonymous", "member", "steward", "administrator")
LOGIN = "login"  # a redirect to the login page
AWAY = "away"  # a redirect elsewhere (already logged in, nothing to do here …)


@dataclass
class Case:
    anonymous: int | str
    member: int | str
    steward: int | str
    administrator: int | str
    kwargs: dict = field(default_factory=dict)
    method: str = "get"

    def expected(self, role: str) -> int | str:
        return getattr(self, role)


PUBLIC = Case(200, 200, 200, 200)
MEMBERS = Case(LOGIN, 200, 200, 200)
STEWARDS = Case(LOGIN, 403, 200, 200)
LOGGED_OUT_ONLY = Case(200, AWAY, AWAY, AWAY)

ACCESS = {
    "healthz": Case(503, 503, 503, 503),  # public; 503 because no worker runs in this test
    "set_language": Case(AWAY, AWAY, AWAY, AWAY, method="post"),
    "favicon.ico": Case(301, 301, 301, 301),
    "core:home": PUBLIC,
    "core:about": PUBLIC,
    "core:page": Case(200, 200, 200, 200, kwargs={"slug": "privacy"}),
    "core:page-edit": Case(LOGIN, 403, 200, 200, kwargs={"slug": "privacy"}),
    "core:site-settings": STEWARDS,
    "core:audit-log": STEWARDS,
    "membership:join": PUBLIC,
    "membership:thanks": PUBLIC,
    # Links from emails keep their token out of the address bar: store it, then move on.
    "membership:answer": Case(AWAY, AWAY, AWAY, AWAY, kwargs={"token": "unknown-token"}),
    "membership:answer-form": PUBLIC,  # without a good token: a friendly "link expired" page
    "membership:invitation": Case(AWAY, AWAY, AWAY, AWAY, kwargs={"token": "unknown-token"}),
    "membership:invitation-accept": PUBLIC,  # idem
    "membership:invitation-renew": Case(200, 200, 200, 200, method="post"),
    "membership:onboarding-profile": MEMBERS,
    "membership:welcome": MEMBERS,
    "membership:queue": STEWARDS,
    "membership:approve-several": Case(LOGIN, 403, AWAY, AWAY, method="post"),
    "membership:request": Case(LOGIN, 403, 200, 200, kwargs={"pk": 1}),
    # An empty note comes back with its error (400); people without the role never get that far.
    "membership:request-action": Case(
        LOGIN, 403, 400, 400, kwargs={"pk": 1, "action": "note"}, method="post"
    ),
    "membership:wording": STEWARDS,
    "membership:invite": Case(LOGIN, 403, 403, 200),
    "core:vocabulary": Case(LOGIN, 403, 200, 200, kwargs={"kind": "focus-areas"}),
    "people:directory": MEMBERS,
    "people:who-knows": MEMBERS,
    "people:suggest": MEMBERS,
    # The page of a member who is in the directory (the steward of the fixture, here).
    "people:member": Case(LOGIN, 200, 200, 200, kwargs={"user_id": 0}),
    "people:photo": Case(LOGIN, 404, 404, 404, kwargs={"user_id": 0}),  # no photo yet
    # The old contact form's address now leads to a new private message.
    "people:contact": Case(LOGIN, AWAY, AWAY, AWAY, kwargs={"user_id": 0}),
    "people:deactivate": Case(LOGIN, 403, AWAY, AWAY, kwargs={"user_id": 0}, method="post"),
    "people:reactivate": Case(LOGIN, 403, AWAY, AWAY, kwargs={"user_id": 0}, method="post"),
    "people:profile-edit": MEMBERS,
    "people:photo-upload": Case(LOGIN, 400, 400, 400, method="post"),  # no file sent
    "people:photo-remove": Case(LOGIN, AWAY, AWAY, AWAY, method="post"),
    "people:settings": MEMBERS,
    "people:consents": MEMBERS,
    "people:my-data": MEMBERS,
    "people:my-data-download": Case(LOGIN, 404, 404, 404, kwargs={"token": "unknown"}),
    "people:delete": MEMBERS,
    "people:deleted": PUBLIC,
    "notifications:list": MEMBERS,
    # Nobody's notification 1 exists, and a member only ever opens their own.
    "notifications:open": Case(LOGIN, 404, 404, 404, kwargs={"pk": 1}),
    "notifications:mark-all-read": Case(LOGIN, AWAY, AWAY, AWAY, method="post"),
    "notifications:settings": MEMBERS,
    # Public, for links in emails; a garbled token gets a friendly page with a 400.
    "notifications:unsubscribe": Case(400, 400, 400, 400, kwargs={"token": "garbled"}),
    # A question in an open space, asked and answered by someone other than the member walking.
    "conversations:spaces": MEMBERS,
    "conversations:latest": MEMBERS,
    "conversations:moderation": STEWARDS,
    "conversations:space-new": STEWARDS,
    "conversations:space-edit": Case(LOGIN, 403, 200, 200, kwargs={"space_slug": "open"}),
    "conversations:space-follow": Case(
        LOGIN, AWAY, AWAY, AWAY, kwargs={"space_slug": "open"}, method="post"
    ),
    "conversations:space": Case(LOGIN, 200, 200, 200, kwargs={"space_slug": "open"}),
    "conversations:topic-new": Case(LOGIN, 200, 200, 200, kwargs={"space_slug": "open"}),
    "conversations:topic": Case(
        LOGIN, 200, 200, 200, kwargs={"space_slug": "open", "topic_id": 0, "slug": "a-question"}
    ),
    "conversations:topic-link": Case(LOGIN, AWAY, AWAY, AWAY, kwargs={"topic_id": 0}),
    "conversations:reply-link": Case(LOGIN, AWAY, AWAY, AWAY, kwargs={"topic_id": 0, "number": 1}),
    "conversations:first-unread": Case(LOGIN, AWAY, AWAY, AWAY, kwargs={"topic_id": 0}),
    # An empty reply comes back with its error.
    "conversations:reply-new": Case(LOGIN, 422, 422, 422, kwargs={"topic_id": 0}, method="post"),
    "conversations:topic-edit": Case(LOGIN, 403, 200, 200, kwargs={"topic_id": 0}),
    "conversations:topic-history": Case(LOGIN, 200, 200, 200, kwargs={"topic_id": 0}),
    "conversations:topic-follow": Case(
        LOGIN, AWAY, AWAY, AWAY, kwargs={"topic_id": 0}, method="post"
    ),
    "conversations:topic-flag": Case(LOGIN, 200, 200, 200, kwargs={"topic_id": 0}),
    "conversations:topic-move": Case(LOGIN, 403, 200, 200, kwargs={"topic_id": 0}),
    "conversations:topic-merge": Case(LOGIN, 403, 200, 200, kwargs={"topic_id": 0}),
    "conversations:topic-split": Case(LOGIN, 403, 200, 200, kwargs={"topic_id": 0}),
    # The PDF attached to the question: served to every member who may read it.
    "conversations:attachment": Case(
        LOGIN, 200, 200, 200, kwargs={"topic_id": 0, "attachment_id": 0}
    ),
    "conversations:topic-moderate": Case(
        LOGIN, 403, AWAY, AWAY, kwargs={"topic_id": 0, "action": "pin"}, method="post"
    ),
    "conversations:reply-edit": Case(LOGIN, 403, 200, 200, kwargs={"topic_id": 0, "number": 1}),
    "conversations:reply-delete": Case(
        LOGIN, 403, AWAY, AWAY, kwargs={"topic_id": 0, "number": 1}, method="post"
    ),
    "conversations:reply-history": Case(LOGIN, 200, 200, 200, kwargs={"topic_id": 0, "number": 1}),
    "conversations:accept": Case(
        LOGIN, 403, AWAY, AWAY, kwargs={"topic_id": 0, "number": 1}, method="post"
    ),
    # No reaction named: a malformed request, refused the same way for everyone.
    "conversations:react": Case(
        LOGIN, 400, 400, 400, kwargs={"topic_id": 0, "number": 1}, method="post"
    ),
    "conversations:reply-flag": Case(LOGIN, 200, 200, 200, kwargs={"topic_id": 0, "number": 1}),
    "conversations:reply-moderate": Case(
        LOGIN,
        403,
        AWAY,
        AWAY,
        kwargs={"topic_id": 0, "number": 1, "action": "hide"},
        method="post",
    ),
    # A private conversation between the member walking and the listed member: stewards and
    # administrators are not in it, so for them it does not exist.
    "private_messages:inbox": MEMBERS,
    "private_messages:new": MEMBERS,
    "private_messages:conversation": Case(LOGIN, 200, 404, 404, kwargs={"conversation_id": 0}),
    "private_messages:message-link": Case(
        LOGIN, AWAY, 404, 404, kwargs={"conversation_id": 0, "number": 1}
    ),
    # An empty message comes back with its error.
    "private_messages:reply": Case(
        LOGIN, 422, 404, 404, kwargs={"conversation_id": 0}, method="post"
    ),
    "private_messages:mute": Case(
        LOGIN, AWAY, 404, 404, kwargs={"conversation_id": 0}, method="post"
    ),
    "private_messages:leave": Case(
        LOGIN, AWAY, 404, 404, kwargs={"conversation_id": 0}, method="post"
    ),
    # A members-only resource by "listed", with a file and a suggestion by alice; alice is
    # not one of its authors, so the author's and stewards' actions refuse her.
    "search:everything": MEMBERS,
    "library:home": MEMBERS,
    "library:list": MEMBERS,
    "library:public": PUBLIC,
    "library:new": MEMBERS,
    "library:new-kind": Case(LOGIN, 200, 200, 200, kwargs={"kind": "story"}),
    "library:from-topic": Case(LOGIN, 403, AWAY, AWAY, kwargs={"topic_id": 0}, method="post"),
    "library:stewarding": STEWARDS,
    "library:kind-edit": Case(LOGIN, 403, 200, 200, kwargs={"key": "story"}),
    "library:collection-new": STEWARDS,
    "library:collection": Case(LOGIN, 200, 200, 200, kwargs={"slug": "starter"}),
    "library:collection-edit": Case(LOGIN, 403, 200, 200, kwargs={"slug": "starter"}),
    "library:resource-link": Case(LOGIN, AWAY, AWAY, AWAY, kwargs={"pk": 0}),
    "library:resource": Case(LOGIN, 200, 200, 200, kwargs={"pk": 0, "slug": "a-guide"}),
    "library:resource-edit": Case(LOGIN, 403, 200, 200, kwargs={"pk": 0}),
    "library:publish": Case(LOGIN, 403, AWAY, AWAY, kwargs={"pk": 0}, method="post"),
    "library:archive": Case(LOGIN, 403, AWAY, AWAY, kwargs={"pk": 0}, method="post"),
    "library:make-public": Case(LOGIN, 403, AWAY, AWAY, kwargs={"pk": 0}, method="post"),
    "library:use": Case(LOGIN, 200, 200, 200, kwargs={"pk": 0}),
    "library:unuse": Case(LOGIN, AWAY, AWAY, AWAY, kwargs={"pk": 0}, method="post"),
    "library:suggest": Case(LOGIN, 200, 200, 200, kwargs={"pk": 0}),
    "library:suggestion": Case(LOGIN, 200, 200, 200, kwargs={"pk": 0, "suggestion_id": 0}),
    "library:translation": Case(LOGIN, 403, 200, 200, kwargs={"pk": 0}),
    "library:ask-translation": Case(LOGIN, AWAY, AWAY, AWAY, kwargs={"pk": 0}, method="post"),
    # An empty comment comes back with its error.
    "library:comment": Case(LOGIN, 422, 422, 422, kwargs={"pk": 0}, method="post"),
    "library:place": Case(LOGIN, 403, AWAY, AWAY, kwargs={"pk": 0}, method="post"),
    "library:history": Case(LOGIN, 200, 200, 200, kwargs={"pk": 0}),
    "library:version": Case(LOGIN, 200, 200, 200, kwargs={"pk": 0, "number": 1}),
    "library:file": Case(LOGIN, 200, 200, 200, kwargs={"pk": 0, "file_id": 0}),
    "account_login": LOGGED_OUT_ONLY,
    "account_logout": Case(AWAY, 200, 200, 200),
    "account_inactive": PUBLIC,
    "account_signup": LOGGED_OUT_ONLY,
    "account_reauthenticate": MEMBERS,
    "account_request_reauthentication_code": MEMBERS,
    "account_confirm_reauthentication_code": Case(LOGIN, AWAY, AWAY, AWAY),
    "account_email": MEMBERS,
    "account_email_verification_sent": PUBLIC,
    "account_change_password": MEMBERS,
    "account_set_password": Case(LOGIN, AWAY, AWAY, AWAY),
    "account_reset_password": PUBLIC,
    "account_confirm_login_code": Case(LOGIN, AWAY, AWAY, AWAY),
    "account_confirm_email": Case(200, 200, 200, 200, kwargs={"key": "not-a-real-key"}),
    "account_reset_password_from_key_done": PUBLIC,
    "account_reset_password_from_key": Case(
        200, 200, 200, 200, kwargs={"uidb36": "zz", "key": "not-a-real-key"}
    ),
    "account_reset_password_done": PUBLIC,
    "mfa_index": MEMBERS,
    "mfa_authenticate": Case(LOGIN, AWAY, AWAY, AWAY),
    "mfa_reauthenticate": Case(LOGIN, AWAY, AWAY, AWAY),
    # Turning on 2FA asks for the password again first.
    "mfa_activate_totp": Case(LOGIN, AWAY, AWAY, AWAY),
    # Nothing to turn off or show until two-factor authentication is set up.
    "mfa_deactivate_totp": Case(LOGIN, 404, 404, 404),
    "mfa_view_recovery_codes": Case(LOGIN, 404, 404, 404),
    "mfa_generate_recovery_codes": Case(LOGIN, AWAY, AWAY, AWAY),
    "mfa_download_recovery_codes": Case(LOGIN, 404, 404, 404),
}


def walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or str(pattern.pattern)
            yield f"{namespace}:{name}" if namespace else name


def all_url_names() -> set[str]:
    return set(walk(get_resolver().url_patterns))


def admin_case(name: str) -> Case | None:
    """The admin site is for administrators: visitors are sent to log in, members are refused."""
    if not name.startswith("admin:"):
        return None
    return Case(LOGIN, 403, 403, 200)


def test_every_url_pattern_is_in_the_access_table():
    missing = sorted(
        name for name in all_url_names() if name not in ACCESS and admin_case(name) is None
    )
    assert missing == [], f"Add these URLs to ACCESS in {__file__}: {missing}"


def test_the_access_table_names_no_url_that_is_gone():
    assert sorted(set(ACCESS) - all_url_names()) == []


@pytest.fixture
def people(alice, sam, ada, demo_site):
    from commonplace.membership.models import JoinRequest

    JoinRequest.objects.create(pk=1, name="Olivia", email="olivia@example.org", language="en")
    # Someone listed in the directory whose page, contact form and account actions are walked.
    from commonplace.accounts.models import Consent
    from commonplace.people.services import consent_change
    from tests.conftest import make_person

    listed = make_person("listed@example.org", name="Listed Member")
    consent_change(
        user=listed, kind=Consent.Kind.DIRECTORY, given=True, wording="Yes", source="test"
    )
    ACCESS_USER_IDS["listed"] = listed.pk
    from commonplace.conversations.attachments import CheckedFile
    from commonplace.conversations.models import Space
    from commonplace.conversations.services import reply_post, topic_start

    space = Space.objects.create(slug="open", name_en="Open", name_fr="Ouvert")
    pdf = CheckedFile(
        name="notes.pdf",
        kind="pdf",
        content_type="application/pdf",
        content=b"%PDF-1.4\n%%EOF\n",
    )
    topic = topic_start(
        space=space,
        author=listed,
        title="A question",
        body="How?",
        kind="question",
        attachments=[pdf],
    )
    reply_post(topic=topic, author=sam, body="Like this.")
    ACCESS_USER_IDS["topic"] = topic.pk
    ACCESS_USER_IDS["attachment"] = topic.attachments.get().pk
    from commonplace.private_messages.services import conversation_start

    private = conversation_start(
        author=listed, recipients=[alice], subject="Just us", body="A word in private."
    )
    ACCESS_USER_IDS["private"] = private.pk
    from commonplace.library import services as library
    from commonplace.library.models import Collection, ResourceKind

    resource = library.resource_share(
        member=listed,
        kind=ResourceKind.objects.get(key="guide"),
        title="A guide",
        summary="How we start.",
        body="Step one.",
        language="en",
        licence="cc-by-4.0",
        files=[pdf],
    )
    ACCESS_USER_IDS["resource"] = resource.pk
    ACCESS_USER_IDS["resource_file"] = resource.files.get().pk
    ACCESS_USER_IDS["suggestion"] = library.suggestion_make(
        resource=resource, member=alice, title="A better guide", summary="How.", body="Step."
    ).pk
    library.collection_save(collection=Collection(name_en="Starter", slug="starter"), steward=sam)
    return {"anonymous": None, "member": alice, "steward": sam, "administrator": ada}


def classify(response, login_url: str) -> int | str:
    target = response.url.split("?")[0] if response.status_code in (301, 302) else ""
    if target.endswith((login_url, reverse("admin:login"))):
        return LOGIN
    if response.status_code == 302:
        return AWAY
    return response.status_code


ACCESS_USER_IDS: dict[str, int] = {}


def url_for(name: str, case: Case) -> str:
    if name == "favicon.ico":
        return "/favicon.ico"
    kwargs = dict(case.kwargs)
    if kwargs.get("user_id") == 0:
        kwargs["user_id"] = ACCESS_USER_IDS["listed"]
    # Other walks (tests/people/test_privacy.py) reuse this without the fixture's topic and
    # private conversation: their pages are then simply not found, which is all they need.
    if kwargs.get("topic_id") == 0:
        kwargs["topic_id"] = ACCESS_USER_IDS.get("topic", 0)
    if kwargs.get("attachment_id") == 0:
        kwargs["attachment_id"] = ACCESS_USER_IDS.get("attachment", 0)
    for key, stored in (
        ("pk", "resource"),
        ("file_id", "resource_file"),
        ("suggestion_id", "suggestion"),
    ):
        if kwargs.get(key) == 0:
            kwargs[key] = ACCESS_USER_IDS.get(stored, 0)
    if kwargs.get("conversation_id") == 0:
        kwargs["conversation_id"] = ACCESS_USER_IDS.get("private", 0)
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(ACCESS))
def test_each_url_answers_each_role_as_expected(client, people, name, role):
    case = ACCESS[name]
    person = people[role]
    if person is not None:
        client.force_login(person)
    response = getattr(client, case.method)(url_for(name, case))
    assert classify(response, reverse("account_login")) == case.expected(role)


def admin_urls(administrator) -> list[tuple[str, str]]:
    """Every admin list and add page the administrator is offered."""
    request = RequestFactory().get("/")
    request.user = administrator
    urls = [("admin:index", reverse("admin:index"))]
    for model, model_admin in admin_site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls.append((f"{prefix}_changelist", reverse(f"{prefix}_changelist")))
        if model_admin.has_add_permission(request):
            urls.append((f"{prefix}_add", reverse(f"{prefix}_add")))
    return urls


@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_open_the_admin_site(client, people, role):
    person = people[role]
    if person is not None:
        client.force_login(person)
    page = Page.objects.get(slug="privacy")
    urls = [
        *admin_urls(people["administrator"]),
        ("admin:core_page_change", reverse("admin:core_page_change", args=[page.pk])),
    ]
    for name, url in urls:
        # Followed to the end: the admin's own login page hands over to the site's login.
        response = client.get(url, follow=True)
        final = response.redirect_chain[-1][0].split("?")[0] if response.redirect_chain else ""
        outcome = LOGIN if final == reverse("account_login") else response.status_code
        assert outcome == admin_case(name).expected(role), (name, url)


PRIVATE_PAGES = sorted(
    name
    for name, case in ACCESS.items()
    if name.startswith("conversations:")
    and {"topic_id", "space_slug"} & set(case.kwargs)
    # A stewards' page refuses members whatever the space, which tells them nothing; files in
    # private spaces have their own tests (tests/conversations/test_attachments.py).
    and name not in {"conversations:space-edit", "conversations:attachment"}
)


@pytest.mark.parametrize("name", PRIVATE_PAGES)
def test_every_page_of_a_private_space_is_not_found_for_members_outside_it(
    client, people, sam, name
):
    """The same pages as above, for a topic in a private space: a member outside it gets 404
    (never 403, which would confirm it exists); the steward still reaches it."""
    from commonplace.conversations.models import Space
    from commonplace.conversations.services import reply_post, topic_start

    space = Space.objects.create(slug="inner", name_en="Inner circle", is_private=True)
    topic = topic_start(space=space, author=sam, title="A question", body="?", kind="question")
    reply_post(topic=topic, author=sam, body="Like this.")
    case = ACCESS[name]
    kwargs = dict(case.kwargs)
    for key, value in {"space_slug": "inner", "topic_id": topic.pk}.items():
        if key in kwargs:
            kwargs[key] = value
    url = reverse(name, kwargs=kwargs)
    client.force_login(people["member"])
    assert getattr(client, case.method)(url).status_code == 404
    client.force_login(sam)
    assert getattr(client, case.method)(url).status_code != 404
