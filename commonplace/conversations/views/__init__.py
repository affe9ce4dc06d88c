"""Conversations pages, by what a member is doing: finding spaces and topics
(``spaces``), reading and writing in a topic (``topics``), moderating (``moderating``).

Access is decided in these views and in the selectors, never only in templates: an htmx
partial goes through the same checks as the page it belongs to.
"""
