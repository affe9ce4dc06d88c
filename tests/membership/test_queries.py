"""The steward pages make the same number of queries however many requests there are."""

import pytest

from commonplace.membership import services
from commonplace.membership.models import JoinRequest, JoinRequestEvent

pytestmark = pytest.mark.django_db


def add_requests(count: int, start: int = 0) -> None:
    JoinRequest.objects.bulk_create(
        JoinRequest(name=f"Person {i}", email=f"p{i}@example.org", language="en", province="ON")
        for i in range(start, start + count)
    )


def queries_for(client, url, django_assert_max_num_queries, limit=20):
    client.get(url)  # warm the caches (community, counts) that every page shares
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_queue_does_not_grow_with_the_number_of_requests(
    client, sam, django_assert_max_num_queries
):
    client.force_login(sam)
    add_requests(3)
    few = queries_for(client, "/en/join/requests/", django_assert_max_num_queries)
    add_requests(80, start=3)
    many = queries_for(client, "/en/join/requests/", django_assert_max_num_queries)
    assert many == few


def test_the_detail_page_does_not_grow_with_its_history(
    client, sam, ada, olivia_request, django_assert_max_num_queries
):
    client.force_login(sam)
    url = f"/en/join/requests/{olivia_request.pk}/"
    few = queries_for(client, url, django_assert_max_num_queries)
    for index in range(30):
        services.join_request_note(
            request=olivia_request, steward=sam if index % 2 else ada, message=str(index)
        )
    JoinRequestEvent.objects.create(request=olivia_request, kind="submitted_again", message="again")
    many = queries_for(client, url, django_assert_max_num_queries)
    assert many == few


def test_the_join_form_makes_few_queries(client, django_assert_max_num_queries):
    assert queries_for(client, "/en/join/", django_assert_max_num_queries, limit=3) <= 3
