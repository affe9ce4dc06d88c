"""The library through its pages and services: who sees what, sharing with files, finding by
filters and by words inside files, using, improving, translating, turning a conversation into a
resource, publishing to the public, and hostile input everywhere."""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commonplace.conversations.models import Reaction, Space, Topic
from commonplace.conversations.services import answer_accept, reply_post, topic_start
from commonplace.core.models import FocusArea
from commonplace.library import services
from commonplace.library.models import (
    EditSuggestion,
    Resource,
    ResourceFile,
    ResourceKind,
    TranslationRequest,
)
from commonplace.notifications.models import Notification
from commonplace.people.models import Contribution
from commonplace.people.services import account_delete
from tests.conftest import make_person
from tests.conversations.files import pdf

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
NAUGHTY = json.loads((DATA / "blns.json").read_text("utf-8"))


def share(member, title="Grief café guide", *, kind="guide", language="en", **extra) -> Resource:
    values = {
        "member": member,
        "kind": ResourceKind.objects.get(key=kind),
        "title": title,
        "summary": "How a monthly grief café started.",
        "body": "## Steps\n\nBook a room.",
        "language": language,
        "licence": "cc-by-4.0",
    }
    values.update(extra)
    return services.resource_share(**values)


def grief_area() -> FocusArea:
    area, _created = FocusArea.objects.get_or_create(
        slug="grief-and-bereavement", defaults={"name_en": "Grief", "name_fr": "Deuil"}
    )
    return area


def page(resource: Resource) -> str:
    return reverse("library:resource", kwargs={"pk": resource.pk, "slug": resource.slug})


def form_data(**extra) -> dict:
    data = {
        "title": "Volunteer intake checklist",
        "summary": "What we ask new volunteers.",
        "body": "## What it is for\n\nScreening.",
        "province": "national",
        "language": "en",
        "licence": "cc-by-4.0",
        "publish": "1",
    }
    data.update(extra)
    return data


# --- Who sees what ------------------------------------------------------------------------------


def test_a_draft_is_seen_by_its_author_and_stewards_and_not_found_by_other_members(
    client, alice, benoit, sam
):
    draft = share(alice, publish=False)
    for person, status in ((alice, 200), (sam, 200), (benoit, 404)):
        client.force_login(person)
        assert client.get(page(draft)).status_code == status
    client.force_login(benoit)
    assert draft.title not in client.get(reverse("library:list")).content.decode()


def test_a_members_only_file_is_never_served_to_a_visitor_even_at_its_exact_address(client, alice):
    resource = share(alice, files=[_checked("plan.pdf", pdf("Our plan"))])
    item = resource.files.get()
    address = reverse("library:file", kwargs={"pk": resource.pk, "file_id": item.pk})
    response = client.get(address)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    # Nor through the storage: files are not under any served address.
    assert not item.file.url.startswith("/static/")
    client.force_login(alice)
    response = client.get(address)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_file_of_another_resource_is_not_found_through_this_one(client, alice):
    first = share(alice, files=[_checked("a.pdf", pdf("A"))])
    second = share(alice, title="Another")
    client.force_login(alice)
    address = reverse("library:file", kwargs={"pk": second.pk, "file_id": first.files.get().pk})
    assert client.get(address).status_code == 404


def test_a_public_resource_is_listed_for_visitors_and_a_members_only_one_is_not(client, alice, sam):
    public = share(alice, title="Open guide")
    share(alice, title="Inside guide")
    services.resource_set_public(resource=public, steward=sam, public=True)
    listing = client.get(reverse("library:public")).content.decode()
    assert "Open guide" in listing
    assert "Inside guide" not in listing
    assert client.get(page(public)).status_code == 200


def test_a_draft_cannot_be_made_public(alice, sam):
    draft = share(alice, publish=False)
    services.resource_set_public(resource=draft, steward=sam, public=True)
    draft.refresh_from_db()
    assert not draft.is_public


# --- Sharing, with files ----------------------------------------------------------------------


def _checked(name: str, content: bytes):
    from commonplace.library import files

    return files.check(SimpleUploadedFile(name, content))


def test_sharing_a_story_with_a_pdf_stores_it_as_version_one_and_credits_the_author(client, alice):
    grief_area()
    client.force_login(alice)
    upload = SimpleUploadedFile("story.pdf", pdf("Our first grief cafe"), "application/pdf")
    response = client.post(
        reverse("library:new-kind", kwargs={"kind": "story"}),
        form_data(areas=["grief-and-bereavement"], new_files=[upload]),
    )
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert resource.status == Resource.Status.PUBLISHED
    assert resource.files.get().original_name == "story.pdf"
    assert resource.versions.get().number == 1
    assert list(resource.authors.all()) == [alice]
    assert Contribution.objects.filter(member=alice, kind="resource_shared").count() == 1


def test_an_upload_that_lies_about_its_type_is_refused_beside_the_field_and_nothing_is_kept(
    client, alice
):
    client.force_login(alice)
    fake = SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 200, "application/pdf")
    data = form_data(title="Kept as typed <b>", new_files=[fake])
    response = client.post(reverse("library:new-kind", kwargs={"kind": "tool"}), data)
    assert response.status_code == 200
    assert response.context["form"].errors["new_files"]
    assert "report.pdf" in response.content.decode()
    assert "Kept as typed &lt;b&gt;" in response.content.decode()
    assert not Resource.objects.exists()
    assert not ResourceFile.objects.exists()


def test_the_new_resource_form_starts_from_the_kind_prompts_in_the_reader_language(client, benoit):
    client.force_login(benoit)
    response = client.get("/fr/library/new/story/")
    assert "Ce qui s&#x27;est passé" in response.content.decode()


# --- Finding -------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_word_inside_a_pdf_finds_the_resource_once_the_worker_has_read_it(client, alice, tasks):
    share(alice, title="Plain title", files=[_checked("inside.pdf", pdf("compassionate zucchini"))])
    client.force_login(alice)
    address = reverse("library:list") + "?q=zucchini"
    assert "Plain title" not in client.get(address).content.decode()
    tasks()
    assert ResourceFile.objects.get().extraction == ResourceFile.Extraction.DONE
    assert "Plain title" in client.get(address).content.decode()


def test_filters_combine_and_live_in_the_address(client, alice):
    grief = grief_area()
    share(alice, title="Grief story", kind="story", areas=[grief])
    share(alice, title="Other story", kind="story")
    share(alice, title="Grief tool", kind="tool", areas=[grief])
    client.force_login(alice)
    response = client.get(reverse("library:list") + "?area=grief-and-bereavement&kind=story")
    text = response.content.decode()
    assert "Grief story" in text
    assert "Other story" not in text
    assert "Grief tool" not in text
    assert response.context["query"] == "kind=story&area=grief-and-bereavement"


def test_of_a_bilingual_pair_each_reader_sees_the_version_in_their_language(client, alice, benoit):
    english = share(alice, title="Caregiver guide")
    french = share(alice, title="Guide des proches aidants", language="fr")
    services.translation_link(resource=english, other=french, member=alice)
    client.force_login(benoit)
    listing = client.get("/fr/library/browse/").content.decode()
    assert "Guide des proches aidants" in listing
    assert "Caregiver guide" not in listing
    detail = client.get(f"/fr{page(english)[3:]}").content.decode()
    assert page(french)[3:] in detail


@pytest.mark.parametrize("url_name", ["library:list", "library:public"])
def test_no_naughty_string_as_a_filter_or_search_gives_an_error(client, alice, url_name):
    share(alice)
    client.force_login(alice)
    for value in NAUGHTY[::7]:
        for name in ("q", "kind", "area", "province", "sort", "page"):
            response = client.get(reverse(url_name), {name: value})
            assert response.status_code == 200, (name, value)


def test_the_list_and_home_ask_the_same_number_of_queries_for_few_and_many_resources(
    client, alice, django_assert_max_num_queries
):
    grief = grief_area()

    def counts() -> list[int]:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        found = []
        for url in (
            reverse("library:home"),
            reverse("library:list") + "?area=grief-and-bereavement",
            reverse("library:list") + "?q=grief",
        ):
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            found.append(len(queries))
        return found

    share(alice, areas=[grief])
    client.force_login(alice)
    counts()  # the site's name and such are cached by the first pages
    few = counts()
    for number in range(25):
        share(alice, title=f"Grief resource {number}", areas=[grief])
    assert counts() == few


def test_the_resource_page_asks_the_same_number_of_queries_however_much_it_holds(
    client, alice, benoit, sam
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    grief = grief_area()
    resource = share(alice, areas=[grief])
    client.force_login(benoit)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page(resource)).status_code == 200
        return len(queries)

    few = count()
    for number in range(6):
        person = make_person(f"user{number}@example.org", name=f"User {number}")
        services.resource_use(resource=resource, member=person, note=f"Used it {number}")
        services.resource_comment(resource=resource, member=person, body=f"Comment {number}")
        share(alice, title=f"Related {number}", areas=[grief])
    resource.refresh_from_db()
    assert count() <= few + 2  # the discussion and its comments appear once there are any


def test_a_resource_points_to_related_resources_and_conversations_a_reader_may_open(
    client, alice, benoit
):
    grief = grief_area()
    other_area, _created = FocusArea.objects.get_or_create(
        slug="advance-care-planning", defaults={"name_en": "Planning", "name_fr": "Planification"}
    )
    resource = share(alice, areas=[grief])
    neighbour = share(alice, title="Bereavement walk", areas=[grief])
    share(alice, title="Will-writing clinic", areas=[other_area])
    draft = share(alice, title="Unfinished grief notes", areas=[grief], publish=False)
    open_space = Space.objects.create(slug="open", name_en="Open")
    closed = Space.objects.create(slug="inner", name_en="Inner", is_private=True)
    talk = topic_start(space=open_space, author=alice, title="Grief circles", body="Ours.",
                       areas=[grief])  # fmt: skip
    topic_start(space=closed, author=alice, title="Private grief", body="Us.", areas=[grief])
    # The neighbour's comment thread carries the same focus area, but is not a conversation.
    services.resource_comment(resource=neighbour, member=alice, body="Lovely")

    client.force_login(benoit)
    response = client.get(page(resource))
    assert [item.title for item in response.context["related"]] == [neighbour.title]
    assert [topic.title for topic in response.context["related_topics"]] == [talk.title]
    html = response.content.decode()
    assert draft.title not in html
    assert "Private grief" not in html


# --- Using and improving ------------------------------------------------------------------------


def test_i_used_this_counts_once_credits_the_author_and_tells_them(client, alice, benoit):
    resource = share(alice)
    client.force_login(benoit)
    for _attempt in range(2):
        client.post(reverse("library:use", kwargs={"pk": resource.pk}), {"note": "Adapted it"})
    resource.refresh_from_db()
    assert resource.use_count == 1
    assert Contribution.objects.filter(member=alice, kind="resource_used").count() == 1
    assert Notification.objects.filter(recipient=alice, kind="library.resource_used").exists()
    assert "Adapted it" in client.get(page(resource)).content.decode()
    client.post(reverse("library:unuse", kwargs={"pk": resource.pk}))
    resource.refresh_from_db()
    assert resource.use_count == 0
    assert not Contribution.objects.filter(member=alice, kind="resource_used").exists()


def test_authors_cannot_say_they_used_their_own_resource_but_read_how_others_did(
    client, alice, benoit
):
    resource = share(alice, authors=[alice, benoit])
    client.force_login(benoit)
    response = client.post(reverse("library:use", kwargs={"pk": resource.pk}), {"note": "Mine"})
    assert response.status_code == 403
    resource.refresh_from_db()
    assert resource.use_count == 0
    assert not Contribution.objects.filter(kind="resource_used").exists()

    carol = make_person("carol@example.org", name="Carol Ng")
    services.resource_use(resource=resource, member=carol, note="Read it at our circle")
    html = client.get(page(resource)).content.decode()
    assert "Read it at our circle" in html
    assert reverse("library:use", kwargs={"pk": resource.pk}) not in html


def test_an_author_cannot_use_their_own_draft_and_an_over_long_note_is_refused_and_kept(
    client, alice, benoit
):
    resource = share(alice)
    client.force_login(benoit)
    note = "x" * 201
    response = client.post(reverse("library:use", kwargs={"pk": resource.pk}), {"note": note})
    assert response.status_code == 200
    assert response.context["form"].errors["note"]
    assert note in response.content.decode()


def test_an_accepted_suggestion_becomes_a_new_version_with_a_readable_diff(client, alice, benoit):
    resource = share(alice)
    client.force_login(benoit)
    client.post(
        reverse("library:suggest", kwargs={"pk": resource.pk}),
        {
            "title": resource.title,
            "summary": resource.summary,
            "body": "## Steps\n\nBook a bigger room.",
        },
    )
    suggestion = EditSuggestion.objects.get()
    assert Notification.objects.filter(recipient=alice, kind="library.suggestion_made").exists()
    client.force_login(alice)
    address = reverse(
        "library:suggestion", kwargs={"pk": resource.pk, "suggestion_id": suggestion.pk}
    )
    assert "Book a bigger room." in client.get(address).content.decode()
    client.post(address, {"decision": "accept"})
    resource.refresh_from_db()
    assert resource.body.endswith("Book a bigger room.")
    assert resource.version_count == 2
    version = reverse("library:version", kwargs={"pk": resource.pk, "number": 2})
    text = client.get(version).content.decode()
    assert '<del class="diff-line diff-removed">' in text
    assert "Book a bigger room." in text
    # Deciding twice changes nothing more.
    client.post(address, {"decision": "decline"})
    suggestion.refresh_from_db()
    assert suggestion.status == EditSuggestion.Status.ACCEPTED


def test_a_suggestion_that_changes_nothing_is_refused(client, alice, benoit):
    resource = share(alice)
    client.force_login(benoit)
    response = client.post(
        reverse("library:suggest", kwargs={"pk": resource.pk}),
        {"title": resource.title, "summary": resource.summary, "body": resource.body},
    )
    assert response.status_code == 200
    assert not EditSuggestion.objects.exists()


def test_editing_keeps_earlier_versions_and_replaced_files(client, alice):
    resource = share(alice, files=[_checked("v1.pdf", pdf("one"))])
    old = resource.files.get()
    client.force_login(alice)
    data = form_data(
        title="Grief café guide, second edition",
        note="New room",
        replace=[old.pk],
        new_files=[SimpleUploadedFile("v2.pdf", pdf("two"), "application/pdf")],
    )
    data.pop("publish")
    response = client.post(reverse("library:resource-edit", kwargs={"pk": resource.pk}), data)
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.replaced_at is not None
    first = resource.versions.get(number=1)
    second = resource.versions.get(number=2)
    assert first.file_ids == [old.pk]
    assert second.file_ids != [old.pk]
    assert second.note == "New room"
    # The earlier file is still served from the first version's page.
    response = client.get(reverse("library:file", kwargs={"pk": resource.pk, "file_id": old.pk}))
    assert response.status_code == 200


def test_a_comment_goes_into_one_conversation_about_the_resource(client, alice, benoit):
    resource = share(alice)
    client.force_login(benoit)
    for body in ("First thought", "Second thought"):
        client.post(reverse("library:comment", kwargs={"pk": resource.pk}), {"body": body})
    resource.refresh_from_db()
    topic = resource.discussion
    assert topic is not None
    assert topic.space.slug == services.DISCUSSION_SPACE_SLUG
    assert topic.reply_count == 2
    assert "Second thought" in client.get(page(resource)).content.decode()


def test_the_authors_hear_of_every_comment_on_their_resource(client, alice, benoit, sam):
    resource = share(alice)
    client.force_login(benoit)
    client.post(reverse("library:comment", kwargs={"pk": resource.pk}), {"body": "Useful!"})
    told = Notification.objects.filter(recipient=alice)
    assert list(told.values_list("kind", "excerpt")) == [
        ("conversations.reply_in_followed_topic", "Useful!")
    ]
    # A later comment from someone else reaches the author and the first commenter.
    client.force_login(sam)
    client.post(reverse("library:comment", kwargs={"pk": resource.pk}), {"body": "Agreed."})
    assert told.filter(excerpt="Agreed.").count() == 1
    assert Notification.objects.filter(recipient=benoit, excerpt="Agreed.").count() == 1


def test_closing_the_conversation_about_a_resource_closes_its_comments(client, alice, benoit, sam):
    resource = share(alice)
    client.force_login(benoit)
    comment = reverse("library:comment", kwargs={"pk": resource.pk})
    client.post(comment, {"body": "First thought"})
    resource.refresh_from_db()
    Topic.objects.filter(pk=resource.discussion_id).update(is_locked=True)
    assert 'name="body"' not in client.get(page(resource)).content.decode()
    assert client.post(comment, {"body": "Too late"}).status_code == 403
    assert resource.discussion.replies.count() == 1
    # Moderators may still answer in a closed conversation, here as there.
    client.force_login(sam)
    assert client.post(comment, {"body": "Closing note"}).status_code == 302
    # Hidden by a moderator, the comments leave the resource's page with their conversation.
    # (Alice wrote the resource but not the conversation, which Benoît started by commenting.)
    Topic.objects.filter(pk=resource.discussion_id).update(is_hidden=True)
    client.force_login(alice)
    shown = client.get(page(resource)).content.decode()
    assert "First thought" not in shown
    assert "Closing note" not in shown


# --- Translations ---------------------------------------------------------------------------


def test_linking_a_translation_tells_those_who_asked_and_closes_their_requests(
    client, alice, benoit
):
    english = share(alice)
    french = share(alice, title="Guide du café deuil", language="fr")
    client.force_login(benoit)
    client.post(reverse("library:ask-translation", kwargs={"pk": english.pk}))
    assert TranslationRequest.objects.count() == 1
    client.force_login(alice)
    response = client.post(
        reverse("library:translation", kwargs={"pk": english.pk}), {"other": french.pk}
    )
    assert response.status_code == 302
    english.refresh_from_db()
    french.refresh_from_db()
    assert english.translation == french
    assert french.translation == english
    assert not TranslationRequest.objects.exists()
    assert Notification.objects.filter(recipient=benoit, kind="library.translation_linked").exists()


def test_a_translation_must_be_in_the_other_language(client, alice):
    english = share(alice)
    other_english = share(alice, title="Another English guide")
    client.force_login(alice)
    response = client.post(
        reverse("library:translation", kwargs={"pk": english.pk}), {"other": other_english.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["other"]


# --- From discussion to repertoire ----------------------------------------------------------


def test_a_question_with_an_accepted_answer_becomes_a_draft_crediting_its_authors(
    client, alice, benoit, sam
):
    space = Space.objects.create(slug="open", name_en="Open")
    topic = topic_start(
        space=space, author=alice, title="How do we find volunteers?", body="We have none.",
        kind="question",
    )  # fmt: skip
    answer = reply_post(topic=topic, author=benoit, body="Ask the faith communities.")
    helpful = reply_post(topic=topic, author=sam, body="Partner with the library.")
    Reaction.objects.create(reply=helpful, member=alice, kind=Reaction.Kind.HELPFUL)
    answer_accept(topic=topic, reply=answer, member=alice)
    client.force_login(alice)
    response = client.post(reverse("library:from-topic", kwargs={"topic_id": topic.pk}))
    resource = Resource.objects.get()
    assert response.status_code == 302
    assert resource.status == Resource.Status.DRAFT
    assert resource.kind.key == "problem"
    assert resource.source_topic == topic
    assert "We have none." in resource.body
    assert "Ask the faith communities." in resource.body
    assert "Partner with the library." in resource.body
    assert set(resource.authors.all()) == {alice, benoit, sam}
    # The draft tells no one; sharing it tells the authors it credits, once, but not the
    # member who shared it.
    credited = Notification.objects.filter(kind="library.author_credited")
    assert not credited.exists()
    services.resource_publish(resource=resource, member=alice)
    services.resource_edit(
        resource=resource, editor=alice, title=resource.title, summary="Revised.",
        body=resource.body, language="en", licence="cc-by-4.0", areas=[], audiences=[],
        region=None, authors=[alice, benoit, sam], credits="", links="",
    )  # fmt: skip
    assert sorted(credited.values_list("recipient__email", flat=True)) == sorted(
        [benoit.email, sam.email]
    )
    # Another member who did not start it cannot.
    client.force_login(benoit)
    response = client.post(reverse("library:from-topic", kwargs={"topic_id": topic.pk}))
    assert response.status_code == 403


def test_the_conversation_leads_to_its_resource_and_a_second_press_makes_no_twin(
    client, alice, benoit, sam
):
    space = Space.objects.create(slug="open", name_en="Open")
    topic = topic_start(
        space=space, author=alice, title="Hospice volunteer rota", body="How do you plan it?"
    )
    topic_page = reverse("conversations:topic-link", kwargs={"topic_id": topic.pk})
    turn = reverse("library:from-topic", kwargs={"topic_id": topic.pk})
    client.force_login(alice)
    assert turn in client.get(topic_page, follow=True).content.decode()
    client.post(turn)
    draft = Resource.objects.get()
    # The asker now finds the draft from the conversation, and no button to make another.
    shown = client.get(topic_page, follow=True).content.decode()
    assert page(draft) in shown
    assert turn not in shown
    response = client.post(turn)
    assert response.status_code == 302
    assert response["Location"] == page(draft)
    assert Resource.objects.count() == 1
    # Other members do not see the draft from the conversation until it is shared.
    client.force_login(benoit)
    assert page(draft) not in client.get(topic_page, follow=True).content.decode()
    services.resource_publish(resource=draft, member=alice)
    assert page(draft) in client.get(topic_page, follow=True).content.decode()
    # Once archived, the conversation may be turned into a resource again.
    services.resource_archive(resource=draft, member=sam)
    client.force_login(alice)
    assert turn in client.get(topic_page, follow=True).content.decode()


def test_a_conversation_in_a_private_space_cannot_be_turned_into_a_resource(client, sam):
    space = Space.objects.create(slug="inner", name_en="Inner", is_private=True)
    topic = topic_start(space=space, author=sam, title="Private", body="Just us.")
    client.force_login(sam)
    response = client.post(reverse("library:from-topic", kwargs={"topic_id": topic.pk}))
    assert response.status_code == 403
    assert not Resource.objects.exists()


# --- Leaving the community -----------------------------------------------------------------


def test_a_member_who_leaves_takes_back_their_uses_and_leaves_their_resources_to_a_former_member(
    client, alice, benoit
):
    hana = make_person("hana@example.org", name="Hana Leaving")
    alices = share(alice)
    services.resource_use(resource=alices, member=hana, note="Used it in Gaspé")
    hanas = share(hana, "Rural rides guide")
    services.resource_use(resource=hanas, member=benoit)
    account_delete(member=hana)

    alices.refresh_from_db()
    assert alices.use_count == 0
    assert not Contribution.objects.filter(member=alice, kind="resource_used").exists()
    assert not Notification.objects.filter(recipient=alice, kind="library.resource_used").exists()
    hanas.refresh_from_db()
    assert list(hanas.authors.all()) == []
    client.force_login(alice)
    shown = client.get(page(hanas)).content.decode()
    assert "Rural rides guide" in shown
    assert "a former member" in shown
    assert "Used it in Gaspé" not in client.get(page(alices)).content.decode()


def test_a_member_who_removes_what_they_wrote_takes_their_own_resources_and_files_with_them(
    client, alice, benoit, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    from commonplace.search.models import SearchEntry

    hana = make_person("hana@example.org", name="Hana Leaving")
    with django_capture_on_commit_callbacks(execute=True):
        alone = share(hana, "Kamouraska rides", files=[_checked("rides.pdf", pdf("Kamouraska"))])
    shared = share(hana, "Charter together", authors=[hana, alice])
    services.suggestion_make(
        resource=share(benoit, "Grief walks"), member=hana, title="Grief walks",
        summary="Better.", body="Walk on Sundays in Gaspé.",
    )  # fmt: skip
    stored = alone.files.get().file.name
    assert default_storage.exists(stored)
    assert SearchEntry.objects.filter(kind="resource", object_id=alone.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        account_delete(member=hana, remove_content=True)

    assert not Resource.objects.filter(pk=alone.pk).exists()
    assert not default_storage.exists(stored)
    assert not SearchEntry.objects.filter(kind="resource", object_id=alone.pk).exists()
    assert list(Resource.objects.get(pk=shared.pk).authors.all()) == [alice]
    assert not EditSuggestion.objects.exists()
    client.force_login(alice)
    assert client.get(page(alone)).status_code == 404


# --- Hostile input --------------------------------------------------------------------------


def test_naughty_strings_in_every_field_are_stored_exactly_and_shown_escaped(client, alice):
    client.force_login(alice)
    for number, value in enumerate(NAUGHTY[::5]):
        if "\x00" in value or not value.strip() or len(value) > 200:
            continue
        data = form_data(title=value, summary=value, body=value, credits=value)
        response = client.post(reverse("library:new-kind", kwargs={"kind": "guide"}), data)
        assert response.status_code in (200, 302), value
        if response.status_code == 302:
            resource = Resource.objects.latest("pk")
            expected_title = " ".join(value.split()) if ("\n" in value or "\r" in value) else value
            assert resource.title == expected_title
            assert resource.summary == value
            assert resource.body == value
            assert client.get(page(resource)).status_code in (200, 301), number
    assert client.get(reverse("library:list")).status_code == 200
    assert "<script>alert" not in client.get(reverse("library:list")).content.decode()


def test_a_link_that_is_not_a_web_address_is_refused_beside_the_field(client, alice):
    client.force_login(alice)
    data = form_data(links="javascript:alert(1)")
    response = client.post(reverse("library:new-kind", kwargs={"kind": "guide"}), data)
    assert response.status_code == 200
    assert response.context["form"].errors["links"]
    assert not Resource.objects.exists()


def test_a_file_whose_text_cannot_be_read_keeps_the_resource_and_stewards_see_it(
    client, alice, sam
):
    resource = share(
        alice, files=[_checked("broken.pdf", b"%PDF-1.4\n" + b"\x00" * 300 + b"\n%%EOF\n")]
    )
    from commonplace.library.tasks import read_file_text

    read_file_text.call(resource.files.get().pk)
    client.force_login(sam)
    text = client.get(reverse("library:stewarding")).content.decode()
    assert "broken.pdf" in text
    client.force_login(alice)
    assert client.get(page(resource)).status_code == 200


def test_a_member_data_download_holds_what_they_put_into_the_library(alice, benoit):
    from commonplace.people.exports import everything_about

    resource = share(alice, title="Alice's guide")
    services.resource_use(resource=resource, member=benoit, note="Ran it twice")
    services.suggestion_make(
        resource=resource, member=benoit, title="Better", summary="S", body="B", note="Why"
    )
    services.translation_request(resource=resource, member=benoit)
    assert everything_about(alice)["library"]["resources"][0]["title"] == "Alice's guide"
    library = everything_about(benoit)["library"]
    assert library["resources"] == []
    assert library["used"][0]["note"] == "Ran it twice"
    assert library["suggested_edits"][0]["note"] == "Why"
    assert library["translations_asked_for"][0]["resource"] == "Alice's guide"


def test_the_conversation_about_a_resource_links_back_to_it(alice, benoit):
    resource = share(alice, title="A [tricky] title")
    reply = services.resource_comment(resource=resource, member=benoit, body="Useful.")
    # In the language of the member who started the conversation, like its first sentence.
    assert f'href="/fr/library/r/{resource.pk}/"' in reply.topic.body_html


def test_only_web_addresses_are_ever_offered_as_links(alice):
    links = "https://example.org\njavascript:alert(1)\n/en/conversations/t/4/\n//evil.example"
    resource = share(alice, links=links)
    assert resource.link_list() == ["https://example.org", "/en/conversations/t/4/"]


def test_files_go_through_the_storage_api_so_any_storage_backend_serves_them(
    client, alice, settings
):
    """Production may keep files in object storage: nothing assumes a file system path."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    resource = share(alice, files=[_checked("kept.pdf", pdf("in memory"))])
    item = resource.files.get()
    assert not (Path(settings.MEDIA_ROOT) / item.file.name).exists()
    client.force_login(alice)
    response = client.get(reverse("library:file", kwargs={"pk": resource.pk, "file_id": item.pk}))
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
