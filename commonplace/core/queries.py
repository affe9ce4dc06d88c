from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connections


class QueryCountMiddleware:
    """Report the number of SQL queries a request made in ``X-Query-Count``.

    Only switched on for `make bench` (QUERY_COUNT_HEADER), so production pays nothing for it.
    """

    def __init__(self, get_response):
        if not settings.QUERY_COUNT_HEADER:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response.headers["X-Query-Count"] = str(count)
        return response
