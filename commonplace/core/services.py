from django.core.cache import cache
from django.db import transaction

from commonplace.core import audit
from commonplace.core.markdown import render_markdown
from commonplace.core.models import Community, Page
from commonplace.core.selectors import COMMUNITY_CACHE_KEY


@transaction.atomic
def page_update(
    *, page: Page, editor, title_en: str, title_fr: str, body_en: str, body_fr: str
) -> Page:
    """Save a page's text in both languages, render it once, and record who changed it."""
    page.title_en, page.title_fr = title_en, title_fr
    page.body_en, page.body_fr = body_en, body_fr
    page.body_html_en = render_markdown(body_en)
    page.body_html_fr = render_markdown(body_fr)
    page.updated_by = editor if getattr(editor, "pk", None) else None
    page.save()
    audit.record(editor, "page.update", page)
    return page


@transaction.atomic
def terms_update(*, editor, model, formset) -> None:
    """Save a taxonomy's terms as stewards edited them; the cached lists refresh at once."""
    from commonplace.core.selectors import forget_terms

    changed = [form.save() for form in formset.forms if form.has_changed()]
    if changed:
        audit.record(editor, "vocabulary.update", note=", ".join(term.name_en for term in changed))
    transaction.on_commit(lambda: forget_terms(model))


@transaction.atomic
def community_update(
    *, editor, name_en: str, name_fr: str, tagline_en: str, tagline_fr: str
) -> Community:
    community = Community.objects.select_for_update().first() or Community()
    community.name_en, community.name_fr = name_en, name_fr
    community.tagline_en, community.tagline_fr = tagline_en, tagline_fr
    community.save()
    audit.record(editor, "community.update", community)
    transaction.on_commit(lambda: cache.delete(COMMUNITY_CACHE_KEY))
    return community
