"""Errors of the minutes' life cycle, each a ValidationError with a Norwegian message.

Views show `error.messages` to the user; forms and the admin show them like any other
validation error.
"""

from django.core.exceptions import ValidationError


class MinutesStateError(ValidationError):
    """A transition that the minutes' state or the user's role does not allow."""


class MinutesFrozenError(ValidationError):
    """An attempt to change the content of approved (frozen) minutes."""
