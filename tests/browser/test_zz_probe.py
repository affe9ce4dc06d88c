import pytest
from tests.browser.test_conversations import *  # noqa
from tests.browser.test_conversations import services, Topic, speak, log_in_as, visit, topic_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def test_probe(page, space, alice, benoit):
    long_word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3
    topic = services.topic_start(space=space, author=alice, kind=Topic.Kind.QUESTION, title=f"Which {long_word} resources?", body=f"x {long_word}.")
    header = "| " + " | ".join(f"Column heading number {n}" for n in range(8)) + " |"
    rule = "|" + "---|" * 8
    row = "| " + " | ".join(f"value{n}-{long_word[:20]}" for n in range(8)) + " |"
    table = "\n".join([header, rule, row, row])
    reply = services.reply_post(topic=topic, author=benoit, body=f"A wide comparison:\n\n{table}\n\n{long_word}")
    services.answer_accept(topic=topic, reply=reply, member=alice)
    page.set_viewport_size({"width": 320, "height": 640})
    log_in_as(page, alice)
    visit(page, topic_path("en", topic))
    print(page.evaluate("""() => [...document.querySelectorAll('table')].map(t => [t.closest('section,li').className, t.scrollWidth, t.clientWidth, getComputedStyle(t).display, getComputedStyle(t).overflowX, t.tabIndex])"""))
    page.locator(".accepted-answer table").screenshot(path="/tmp/acc.png")
    page.locator("#reply-1 table").screenshot(path="/tmp/rep.png")
