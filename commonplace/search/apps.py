from django.apps import AppConfig


class SearchConfig(AppConfig):
    """One full-text search over everything; features hand it plain text and get ids back.

    It knows nothing of the features: they call ``services.index`` when their objects change and
    ``registry.register`` (in their own ``AppConfig.ready``) so ``rebuild_search_index`` can
    rebuild their entries from scratch.
    """

    name = "commonplace.search"
    label = "search"
    # Left untranslated on purpose: it only shows in the admin, which this app does not use.
    verbose_name = "Search"
