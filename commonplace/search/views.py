"""The one search page: what a member typed, looked for in every feature at once."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from commonplace.accounts.permissions import current_member
from commonplace.search import registry

RESULTS_PER_SECTION = 5
QUERY_MAX_LENGTH = 200


def everything(request: HttpRequest) -> HttpResponse:
    member = current_member(request)
    raw = request.GET.get("q", "")
    query = raw[:QUERY_MAX_LENGTH].strip() if isinstance(raw, str) else ""
    sections = []
    if query:
        for finder in registry.finders():
            found, total = finder.find(member, query, RESULTS_PER_SECTION)
            sections.append(
                {
                    "key": finder.key,
                    "label": finder.label,
                    "found": found,
                    "total": total,
                    "more_url": finder.more_url(query),
                }
            )
    return render(
        request,
        "search/everything.html",
        {
            "query": query,
            "sections": sections,
            "nothing": bool(query) and not any(section["total"] for section in sections),
        },
    )
