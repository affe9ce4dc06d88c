"""Emails written from templates, in the recipient's language, sent through the outbox."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from commonplace.core.selectors import community_name


def send_templated(
    template_prefix: str,
    *,
    to: list[str],
    language: str,
    context: dict | None = None,
    headers: dict[str, str] | None = None,
) -> None:
    """Render ``<prefix>_subject.txt`` and ``<prefix>_message.txt`` in ``language`` and queue them.

    Templates build their links with ``{{ site_url }}{% url … %}``: rendered under the
    recipient's language, the links open the site in that language too.

    The subject is one line; a newline in any value (say, a name) can never reach a header,
    because subjects are flattened here and the outbox refuses header line breaks anyway.
    ``headers`` adds headers such as ``List-Unsubscribe``; the same refusal applies to them.
    """
    with translation.override(language):
        full_context = {"community_name": community_name(), "site_url": settings.SITE_URL}
        full_context.update(context or {})
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", full_context).split())
        body = render_to_string(f"{template_prefix}_message.txt", full_context)
    EmailMessage(
        subject=f"[{full_context['community_name']}] {subject}",
        body=body,
        to=to,
        headers=headers or {},
    ).send()
