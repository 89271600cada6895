"""Absolute URLs for API objects, built without a reverse() per object.

An OParl object's `id` is its own URL, and every reference is a URL too, so a page of
meetings holds hundreds of them. The URL patterns are reversed once per process with a
placeholder and filled in with str.replace; the scheme and host come from the request.
"""

from functools import cache

from django.http import HttpRequest
from django.urls import reverse

_PLACEHOLDER = 987654321


@cache
def _path_template(name: str) -> str:
    return reverse(name, kwargs={"pk": _PLACEHOLDER}).replace(str(_PLACEHOLDER), "{}")


@cache
def _list_path(name: str) -> str:
    return reverse(name)


@cache
def _slug_template(name: str) -> str:
    return reverse(name, kwargs={"slug": "council-slug"}).replace("council-slug", "{}")


@cache
def _public_template(name: str) -> str:
    path = reverse(
        name, kwargs={"council_slug": "council-slug", "year": 1111, "number": 2222}
    )
    return (
        path.replace("council-slug", "{slug}")
        .replace("1111", "{year}")
        .replace("2222", "{number}")
    )


class Links:
    """URL builder for one request: `links.object("meeting", 7)`."""

    def __init__(self, request: HttpRequest) -> None:
        self.origin = request.build_absolute_uri("/").rstrip("/")
        self.root = self.origin + _list_path("api:index")

    def object(self, kind: str, pk: int | None) -> str | None:
        if pk is None:
            return None
        return self.origin + _path_template(f"api:{kind}-detail").format(pk)

    def body(self, slug: str) -> str:
        return self.origin + _slug_template("api:body-detail").format(slug)

    def collection(self, kind: str, **filters: object) -> str:
        url = self.origin + _list_path(f"api:{kind}-list")
        if filters:
            url += "?" + "&".join(f"{key}={value}" for key, value in filters.items())
        return url

    def download(self, pk: int) -> str:
        return self.origin + _path_template("api:file-download").format(pk)

    def web(self, name: str, *, slug: str, year: int, number: int) -> str:
        """A public page: the meeting's or item's minutes as HTML."""
        path = _public_template(name).format(slug=slug, year=year, number=number)
        return self.origin + path

    def extension_type(self, name: str) -> str:
        """Our own object types (not in OParl) point at their documentation."""
        return f"{self.root}#{name}"
