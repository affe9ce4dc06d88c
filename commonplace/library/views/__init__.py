"""The library's pages, split by what a person is doing: finding and reading resources,
sharing and improving them, and the stewards' care of the shelves."""
