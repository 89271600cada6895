"""What an export or import refuses, with a message for the person who ran it."""


class ArchiveError(Exception):
    """A refusal with a message in the user's language (Norwegian by default)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = str(message)

    def __str__(self) -> str:
        return self.message
