"""A member's own profile: editing it, photos, consents, messages, their data and leaving."""

import io
import json
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from commonplace.accounts.models import Consent, User
from commonplace.core import schedule
from commonplace.core.models import AuditEntry
from commonplace.membership.models import JoinRequest
from commonplace.people.models import Contribution, DataExport, MemberMessage, Profile
from commonplace.people.selectors import people_like
from commonplace.people.services import consent_change, contribution_record
from tests.conftest import PASSWORD, run_tasks
from tests.people.conftest import listed_member

pytestmark = pytest.mark.django_db(transaction=True)


def profile_data(**overrides) -> dict:
    data = {
        "name": "Alice Martin",
        "pronouns": "she/her",
        "organization": "Ottawa Hospice Services",
        "organization_type": "hospice",
        "role_title": "Volunteer lead",
        "province": "ON",
        "city": "Ottawa",
        "time_zone": "America/Toronto",
        "languages": ["en", "fr"],
        "bio": "I train volunteers.",
        "works_on": ["caregiver-support"],
        "can_help": ["caregiver-support"],
        "expertise": "volunteer training",
        "wants_to_learn": [],
        "interests": "",
        "links": "https://example.org/hospice",
        "initiative": "",
        "goals": "",
        "accepts_messages": "on",
    }
    from commonplace.people.models import VISIBILITY_DEFAULTS

    data |= {f"{name}_visibility": value for name, value in VISIBILITY_DEFAULTS.items()}
    data.update(overrides)
    return data


def image_bytes(format_name="PNG", size=(300, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format=format_name)
    return buffer.getvalue()


def test_a_member_edits_their_profile_and_sees_it(client, alice, areas):
    client.force_login(alice)
    response = client.post("/en/people/me/profile/", profile_data(bio="I train <b>volunteers</b>."))
    assert response.status_code == 302
    page = client.get(response.url)
    assert "Ottawa Hospice Services" in page.text
    assert "I train &lt;b&gt;volunteers&lt;/b&gt;." in page.text
    assert "Caregiver support" in page.text


def test_profile_mistakes_are_explained_beside_the_field_and_kept(client, alice, areas):
    client.force_login(alice)
    response = client.post(
        "/en/people/me/profile/",
        profile_data(links="not a link\nhttps://ok.example", bio="x" * 2001),
    )
    assert response.status_code == 200
    assert "is not a web address" in response.text
    assert "Please shorten this to 2000 characters" in response.text
    assert "not a link" in response.text


def test_a_photo_is_resized_and_stripped_in_the_background(client, alice):
    client.force_login(alice)
    upload = SimpleUploadedFile("me.png", image_bytes("PNG", (1200, 800)), content_type="image/png")
    response = client.post("/en/people/me/photo/", {"photo": upload})
    assert response.status_code == 302
    profile = Profile.objects.get(user=alice)
    assert profile.photo_upload
    assert not profile.photo
    run_tasks()
    profile.refresh_from_db()
    assert not profile.photo_upload
    served = client.get(f"/en/people/{alice.pk}/photo/")
    image = Image.open(io.BytesIO(b"".join(served.streaming_content)))
    assert (image.format, image.size) == ("JPEG", (512, 512))
    assert not image.getexif()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.png", b"just some text, not an image", "not an image we can read"),
        ("program.jpg", b"MZ\x90\x00" + b"\x00" * 4000, "not an image we can read"),
        (
            "svg.png",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "holds more than a photo",
        ),
        (
            "polyglot.jpg",
            image_bytes("JPEG") + b"PK\x03\x04rest-of-a-zip-file",
            "holds more than a photo",
        ),
        (
            "comment.gif",
            image_bytes("GIF")[:-1] + b"<script>alert(1)</script>;",
            "holds more than a photo",
        ),
    ],
)
def test_files_that_are_not_honest_photos_are_refused_and_nothing_is_stored(
    client, alice, name, content, message
):
    client.force_login(alice)
    response = client.post("/en/people/me/photo/", {"photo": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert message in response.text
    assert not Profile.objects.filter(user=alice).exclude(photo_upload="").exists()


def test_an_image_bomb_is_refused(client, alice):
    bomb = io.BytesIO()
    Image.new("1", (12000, 12000)).save(bomb, format="PNG")  # tiny file, 144 million pixels
    client.force_login(alice)
    response = client.post(
        "/en/people/me/photo/", {"photo": SimpleUploadedFile("bomb.png", bomb.getvalue())}
    )
    assert response.status_code == 400
    assert "too large in pixels" in response.text


def test_a_file_over_the_size_limit_is_refused(client, alice, settings):
    settings.PHOTO_MAX_BYTES = 200_000
    client.force_login(alice)
    big = SimpleUploadedFile("big.jpg", image_bytes("JPEG") + b"\x00" * 250_000)
    response = client.post("/en/people/me/photo/", {"photo": big})
    assert response.status_code == 400
    assert "too large" in response.text


def test_a_fifty_megabyte_file_is_refused_at_the_default_limit(client, alice):
    client.force_login(alice)
    huge = SimpleUploadedFile("holiday.jpg", image_bytes("JPEG") + b"\x00" * (50 * 1024 * 1024))
    response = client.post("/en/people/me/photo/", {"photo": huge})
    assert response.status_code == 400
    assert "This file is too large. Please choose a photo under 5 MB." in response.text
    assert not Profile.objects.filter(user=alice).exclude(photo_upload="").exists()


def test_a_hidden_photo_is_not_served_to_members(client, alice, benoit, areas):
    client.force_login(alice)
    client.post("/en/people/me/photo/", {"photo": SimpleUploadedFile("me.png", image_bytes())})
    assert (
        client.post("/en/people/me/profile/", profile_data(photo_visibility="nobody")).status_code
        == 302
    )
    run_tasks()
    consent_change(
        user=alice, kind=Consent.Kind.DIRECTORY, given=True, wording="Yes", source="test"
    )
    client.force_login(benoit)
    assert client.get(f"/en/people/{alice.pk}/photo/").status_code == 404


def test_consents_are_seen_and_changed_in_one_click(client, alice):
    client.force_login(alice)
    client.post("/en/people/me/consents/", {"kind": "directory", "given": "yes"})
    assert Profile.objects.get(user=alice).in_directory
    client.post("/en/people/me/consents/", {"kind": "directory", "given": "no"})
    assert not Profile.objects.get(user=alice).in_directory
    page = client.get("/en/people/me/consents/")
    history = Consent.objects.filter(user=alice, kind="directory").order_by("recorded_at")
    assert [row.given for row in history] == [True, False]
    assert "List me in the member directory" in history[0].wording
    assert "You have not agreed." in page.text


def test_write_to_this_member_starts_a_private_message_and_no_address_travels(
    client, alice, benoit
):
    from commonplace.private_messages.models import PrivateMessage

    consent_change(
        user=benoit, kind=Consent.Kind.DIRECTORY, given=True, wording="Yes", source="test"
    )
    client.force_login(alice)
    page = client.get(f"/en/people/{benoit.pk}/")
    assert "benoit@example.org" not in page.text
    assert f'href="/en/messages/new/?to={benoit.pk}"' in page.text
    # The interim contact form's address, in old emails and bookmarks, leads there too.
    old = client.get(f"/en/people/{benoit.pk}/contact/")
    assert old.status_code == 302
    assert old.url == f"/en/messages/new/?to={benoit.pk}"
    form = client.get(old.url)
    assert [person.pk for person in form.context["form"].chosen_people.values()] == [benoit.pk]
    sent = client.post(
        old.url,
        {
            "chosen": [benoit.pk],
            "others": "",
            "subject": "Grief café\r\nBcc: x@example.org",
            "body": "Bonjour!",
        },
    )
    assert sent.status_code == 302
    message = PrivateMessage.objects.get()
    assert (message.author, message.body, message.conversation.subject) == (
        alice,
        "Bonjour!",
        "Grief café Bcc: x@example.org",  # a subject is one line
    )
    run_tasks()
    [email] = mail.outbox
    assert email.to == ["benoit@example.org"]
    assert email.reply_to == []
    assert "alice@example.org" not in email.message().as_string()
    assert "Alice Martin vous a écrit" in email.subject
    assert MemberMessage.objects.filter(sender=alice, recipient=benoit).exists()


def test_no_one_can_write_to_a_member_who_does_not_take_messages(client, alice, benoit):
    from commonplace.people.services import profile_update
    from commonplace.private_messages.models import PrivateConversation

    consent_change(
        user=benoit, kind=Consent.Kind.DIRECTORY, given=True, wording="Yes", source="test"
    )
    profile_update(user=benoit, fields={}, accepts_messages=False)
    client.force_login(alice)
    assert "/messages/new/" not in client.get(f"/en/people/{benoit.pk}/").text
    page = client.get(f"/en/messages/new/?to={benoit.pk}")
    assert "Benoît Gagnon does not receive private messages." in page.text
    refused = client.post(
        "/en/messages/new/", {"others": "Benoît Gagnon", "subject": "Hello", "body": "Hi"}
    )
    assert refused.status_code == 200
    assert refused.context["form"].errors["others"] == [
        "Benoît Gagnon cannot receive private messages."
    ]
    assert not PrivateConversation.objects.exists()


def test_people_like_me_is_deterministic_and_leaves_out_people_i_know(alice, areas):
    from commonplace.people.models import ProfileArea
    from commonplace.people.services import profile_update

    profile_update(
        user=alice,
        fields={"province": "ON"},
        areas={
            ProfileArea.Relation.WORKS_ON: [areas["caregiver-support"], areas["grief-bereavement"]]
        },
    )
    both = listed_member(
        "both@example.org",
        name="Both Areas",
        province="QC",
        works_on=[areas["caregiver-support"], areas["grief-bereavement"]],
    )
    listed_member(
        "one@example.org", name="One Area", province="ON", works_on=[areas["caregiver-support"]]
    )
    listed_member(
        "far@example.org", name="Far Away", province="BC", works_on=[areas["municipal-charters"]]
    )
    suggestions = [card.name for card, _why in people_like(alice)]
    assert suggestions == ["Both Areas", "One Area"]  # 6 points, then 3 + 2
    MemberMessage.objects.create(sender=alice, recipient=both)
    from django.core.cache import cache

    cache.clear()
    assert [card.name for card, _why in people_like(alice)] == ["One Area"]


def test_a_member_downloads_everything_stored_about_them(client, alice, areas):
    client.force_login(alice)
    client.post(
        "/en/people/me/profile/", profile_data(goals="A private goal", goals_visibility="nobody")
    )
    contribution_record(
        member=alice,
        kind=Contribution.Kind.ACCEPTED_ANSWER,
        title="Respite rota",
        source="t",
        source_id="1",
    )
    client.post("/en/people/me/data/")
    run_tasks()
    page = client.get("/en/people/me/data/")
    assert page.context["ready"]
    download = client.get(f"/en/people/me/data/{page.context['token']}/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    data = json.loads(archive.read("my-data.json"))
    assert data["account"]["email"] == "alice@example.org"
    assert data["profile"]["goals"] == "A private goal"
    assert data["contributions"][0]["title"] == "Respite rota"
    assert "A private goal" in archive.read("my-data.html").decode()


def test_another_member_cannot_use_someone_elses_download_link(client, alice, benoit):
    client.force_login(alice)
    client.post("/en/people/me/data/")
    run_tasks()
    token = client.get("/en/people/me/data/").context["token"]
    client.force_login(benoit)
    assert client.get(f"/en/people/me/data/{token}/").status_code == 404


def test_an_expired_download_is_deleted_by_the_worker_and_its_link_stops(client, alice):
    client.force_login(alice)
    client.post("/en/people/me/data/")
    run_tasks()
    token = client.get("/en/people/me/data/").context["token"]
    export = DataExport.objects.get(member=alice)
    assert export.file.storage.exists(export.file.name)
    job = next(job for job in schedule.jobs() if job.name == "people.data_exports_expire")

    job.function()  # not expired yet: kept
    assert client.get(f"/en/people/me/data/{token}/").status_code == 200

    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now())
    job.function()
    assert not DataExport.objects.exists()
    assert not export.file.storage.exists(export.file.name)
    assert client.get(f"/en/people/me/data/{token}/").status_code == 404


def test_deleting_an_account_needs_the_password_and_removes_personal_data(client, alice, sam):
    JoinRequest.objects.create(
        name="Alice Martin",
        email="alice@example.org",
        language="en",
        status="approved",
        initiative="Zebra-Quokka café",
    )
    client.force_login(alice)
    client.post("/en/people/me/profile/", profile_data(organization="Zebra-Quokka Hospice"))
    upload = SimpleUploadedFile("me.png", image_bytes("PNG", (300, 300)), content_type="image/png")
    client.post("/en/people/me/photo/", {"photo": upload})
    run_tasks()
    photo = Profile.objects.get(user=alice).photo
    assert photo.storage.exists(photo.name)
    refused = client.post("/en/people/me/delete/", {"password": "wrong", "confirm": "on"})
    assert "This is not your current password." in refused.text
    assert User.objects.filter(email="alice@example.org").exists()
    done = client.post(
        "/en/people/me/delete/", {"password": PASSWORD, "confirm": "on"}, follow=True
    )
    assert "Your account is deleted" in done.text
    assert not User.objects.filter(email="alice@example.org").exists()
    assert not JoinRequest.objects.filter(email="alice@example.org").exists()
    assert not Consent.objects.filter(email="alice@example.org").exists()
    assert not photo.storage.exists(photo.name)
    client.force_login(sam)
    for url in (
        "/en/people/",
        "/en/people/?q=Zebra",
        "/en/join/requests/?status=approved",
        "/en/audit/",
    ):
        assert "Zebra-Quokka" not in client.get(url).text
    assert AuditEntry.objects.filter(verb="member.delete_own_account").exists()


def test_stewards_deactivate_and_reactivate_members(client, sam, alice):
    client.force_login(sam)
    client.post(f"/en/people/{alice.pk}/deactivate/")
    alice.refresh_from_db()
    assert not alice.is_active
    client.post(f"/en/people/{alice.pk}/reactivate/")
    alice.refresh_from_db()
    assert alice.is_active
    assert list(AuditEntry.objects.order_by("id").values_list("verb", flat=True)) == [
        "member.deactivate",
        "member.reactivate",
    ]


def test_a_member_changes_name_and_language(client, alice):
    client.force_login(alice)
    response = client.post("/en/people/me/settings/", {"name": "Alice M.", "language": "fr"})
    assert response.url == "/fr/people/me/settings/"
    alice.refresh_from_db()
    assert (alice.name, alice.language) == ("Alice M.", "fr")
