"""A member's notifications: the bell, the list, opening one, marking all read, email choices,
and unsubscribing from a link in an email."""

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from commonplace.notifications import selectors, services
from commonplace.notifications.context_processors import notifications as bell_context
from commonplace.notifications.models import EmailPreference, Notification
from tests.notifications.conftest import MENTION, REPLY, notify_about, registered

pytestmark = pytest.mark.django_db


def tell(member, actor, count: int, *, prefix: str = "topic") -> None:
    for number in range(count):
        notify_about(
            [member], actor=actor, title=f"Topic {number}", target_key=f"{prefix}:{number}"
        )


# The list -------------------------------------------------------------------------------------


def test_a_member_sees_only_their_own_notifications(client, alice, benoit, sam, test_kinds):
    notify_about([alice], actor=sam, title="For Alice")
    notify_about([benoit], actor=sam, title="Pour Benoît", target_key="topic:99")
    client.force_login(alice)
    page = client.get("/en/notifications/")
    assert page.status_code == 200
    assert "Sam Tremblay replied to “For Alice”" in page.text
    assert "We started ours in the library." in page.text
    assert "Pour Benoît" not in page.text

    theirs = Notification.objects.get(recipient=benoit)
    assert client.get(f"/en/notifications/{theirs.pk}/open/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_unread_notifications_are_marked_in_words_not_only_in_colour(
    client, alice, sam, test_kinds
):
    tell(alice, sam, 2)
    services.mark_read(member=alice, notification_ids=[Notification.objects.first().pk])
    client.force_login(alice)
    page = client.get("/en/notifications/")
    assert page.text.count("notification-unread") == 1
    assert page.text.count('<span class="visually-hidden">Unread: </span>') == 1
    assert page.text.count(">Unread</span>") == 1


def test_opening_a_notification_marks_it_read_and_goes_to_the_thing_in_the_viewers_language(
    client, benoit, sam, test_kinds
):
    notify_about([benoit], actor=sam)
    notification = Notification.objects.get()
    client.force_login(benoit)
    response = client.get(f"/fr/notifications/{notification.pk}/open/")
    assert response.status_code == 302
    assert response.url == "/fr/pages/privacy/#reply-55"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_notification_whose_page_no_longer_exists_leads_back_to_the_list(
    client, alice, sam, test_kinds
):
    notify_about([alice], actor=sam)
    Notification.objects.update(url_name="conversations:gone", kind="retired.kind")
    client.force_login(alice)
    page = client.get("/en/notifications/")
    assert "Sam Tremblay: “Starting a grief café”" in page.text  # the kind is gone too
    response = client.get(f"/en/notifications/{Notification.objects.get().pk}/open/")
    assert response.url == "/en/notifications/"


def test_the_list_takes_the_same_few_queries_whatever_its_length(
    client, alice, sam, benoit, test_kinds, django_assert_max_num_queries
):
    client.force_login(alice)
    tell(alice, sam, 2)
    with django_assert_max_num_queries(7) as few:
        client.get("/en/notifications/")
    tell(alice, benoit, 30, prefix="reply")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/en/notifications/")
    assert page.text.count('<li class="notification') == selectors.PER_PAGE
    assert "Page 1 of 2" in page.text
    assert "Topic 0" in client.get("/en/notifications/?page=2").text


def test_marking_all_read_without_javascript(client, alice, sam, benoit, test_kinds):
    tell(alice, sam, 3)
    notify_about([benoit], actor=sam, target_key="topic:77")
    client.force_login(alice)
    response = client.post("/en/notifications/read/")
    assert response.status_code == 302
    assert response.url == "/en/notifications/"
    assert not Notification.objects.filter(recipient=alice, read_at__isnull=True).exists()
    assert Notification.objects.get(recipient=benoit).read_at is None
    page = client.get(response.url)
    assert "All your notifications are marked as read." in page.text
    assert "Notifications, none unread" in page.text


def test_marking_all_read_with_htmx_refreshes_the_list_and_the_bell(client, alice, sam, test_kinds):
    tell(alice, sam, 3)
    client.force_login(alice)
    response = client.post("/en/notifications/read/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert '<div id="notifications">' in response.text
    assert "notification-unread" not in response.text
    assert 'id="notification-bell"' in response.text
    assert 'hx-swap-oob="true"' in response.text
    assert "Notifications, none unread" in response.text
    assert "<html" not in response.text


def test_the_list_needs_a_member(client, test_kinds):
    response = client.get("/en/notifications/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")


# The bell -------------------------------------------------------------------------------------


def test_the_bell_says_how_many_are_unread(client, alice, sam, test_kinds):
    client.force_login(alice)
    assert "Notifications, none unread" in client.get("/en/").text
    tell(alice, sam, 3)
    home = client.get("/en/").text
    assert "Notifications, 3 unread" in home
    assert '<span class="badge" aria-hidden="true">3</span>' in home
    assert 'href="/en/notifications/"' in home


def test_the_bell_counts_in_one_query_and_stops_at_99(
    alice, sam, test_kinds, django_assert_num_queries
):
    Notification.objects.bulk_create(
        Notification(
            recipient=alice, kind=REPLY.key, target_key=f"t:{n}", url_name="core:home", title="x"
        )
        for n in range(120)
    )
    request = RequestFactory().get("/en/")
    request.user = alice
    context = bell_context(request)
    with django_assert_num_queries(1):
        assert context["unread_notifications"]() == selectors.UNREAD_COUNT_CAP
        context["unread_notifications"]()  # asked again by the template: no second query
    client = Client()
    client.force_login(alice)
    home = client.get("/en/").text
    assert "Notifications, more than 99 unread" in home
    assert ">99+</span>" in home


def test_visitors_and_deactivated_members_have_no_bell(client, alice):
    assert "notification-bell" not in client.get("/en/").text
    request = RequestFactory().get("/en/")
    alice.is_active = False
    request.user = alice
    assert bell_context(request) == {}


# Email choices --------------------------------------------------------------------------------


def test_a_member_chooses_which_notifications_come_by_email(client, alice, test_kinds):
    client.force_login(alice)
    page = client.get("/en/notifications/settings/")
    assert page.status_code == 200
    assert "Replies to my topics" in page.text
    assert "Mentions of me" in page.text
    assert page.text.count("checked") == 2  # everything is emailed until they say otherwise

    response = client.post("/en/notifications/settings/", {"email-tests-mention": "on"})
    assert response.status_code == 302
    assert selectors.email_choices(member=alice) == {REPLY.key: False, MENTION.key: True}
    page = client.get(response.url)
    assert "Your email choices were saved." in page.text
    assert page.text.count("checked") == 1

    client.post("/en/notifications/settings/", {"email-tests-reply": "on"})
    assert selectors.email_choices(member=alice) == {REPLY.key: True, MENTION.key: False}


def test_with_no_kinds_registered_the_settings_page_says_so(client, alice):
    client.force_login(alice)
    with registered():
        assert "There is nothing to choose yet." in client.get("/en/notifications/settings/").text


def test_setting_a_preference_for_an_unknown_kind_is_refused(alice, test_kinds):
    with pytest.raises(LookupError):
        services.email_preference_set(member=alice, kind="nobody.knows", email=False)


# Unsubscribing --------------------------------------------------------------------------------


def test_unsubscribing_asks_first_then_turns_off_that_kind_only(client, alice, test_kinds):
    token = services.unsubscribe_token(member=alice, kind=REPLY.key)
    url = f"/en/notifications/unsubscribe/{token}/"
    page = client.get(url)  # no login: the link comes from an email
    assert page.status_code == 200
    assert "Replies to my topics" in page.text
    assert "Turn off these emails" in page.text
    assert not EmailPreference.objects.exists()  # opening the link (or a scanner) changes nothing

    done = client.post(url)
    assert done.status_code == 200
    assert "You will no longer get emails for “Replies to my topics”." in done.text
    assert 'href="/en/notifications/settings/"' in done.text
    assert selectors.email_choices(member=alice) == {REPLY.key: False, MENTION.key: True}
    assert "These emails are already off." in client.get(url).text


@pytest.mark.parametrize(
    "change",
    [
        lambda token: token[:-3],
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: "x" + token,
        lambda token: "garbled",
        lambda token: "%00%0d%0a",
        lambda token: "<script>alert(1)<script>",
    ],
)
def test_a_changed_or_cut_link_gets_a_friendly_page(client, alice, test_kinds, change):
    token = services.unsubscribe_token(member=alice, kind=REPLY.key)
    for method in (client.get, client.post):
        response = method(f"/en/notifications/unsubscribe/{change(token)}/")
        assert response.status_code == 400
        assert "This link does not work" in response.text
        assert 'href="/en/notifications/settings/"' in response.text
    assert not EmailPreference.objects.exists()


def test_a_link_for_a_deleted_account_or_a_retired_kind_says_so(client, alice, sam, test_kinds):
    from commonplace.people.services import account_delete

    retired = services.unsubscribe_token(member=alice, kind="tests.retired")
    response = client.get(f"/en/notifications/unsubscribe/{retired}/")
    assert response.status_code == 404
    assert "no longer exists" in response.text

    token = services.unsubscribe_token(member=sam, kind=REPLY.key)
    account_delete(member=sam)
    response = client.post(f"/en/notifications/unsubscribe/{token}/")
    assert response.status_code == 404
    assert "no longer exists" in response.text


def test_a_token_for_one_purpose_does_not_work_for_another(client, alice, test_kinds):
    from django.core import signing

    other = signing.dumps([alice.pk, REPLY.key], salt="another.purpose", compress=False)
    assert client.post(f"/en/notifications/unsubscribe/{other}/").status_code == 400


def test_mark_read_ignores_other_members_notifications(alice, benoit, sam, test_kinds):
    notify_about([benoit], actor=sam)
    theirs = Notification.objects.get()
    assert services.mark_read(member=alice, notification_ids=[theirs.pk]) == 0
    assert Notification.objects.get().read_at is None
    assert services.mark_read(member=benoit) == 1
    assert Notification.objects.get().read_at <= timezone.now()
