"""How resources are found: their search text, which a task fills in once files are read."""


def register_search() -> None:
    pass
