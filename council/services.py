"""Business rules for councils and meetings. Views, admin and commands call these."""

from django.db.models import Max

from council.models import Council, Meeting


def meeting_next_number(*, council: Council, year: int) -> int:
    """Meetings are numbered 1, 2, 3 … within each council's year («6/2022»)."""
    last = Meeting.objects.filter(council=council, year=year).aggregate(
        n=Max("number")
    )["n"]
    return (last or 0) + 1
