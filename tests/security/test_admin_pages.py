"""Every page of Django's admin for every registered model: the operator gets it
(no server error on any list, search, add, change, history or delete page, frozen
content included), and nobody else reaches any of it."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.world import PERSONAS

pytestmark = pytest.mark.django_db


def admin_pages() -> list[tuple[str, str, object]]:
    """(name, url, object or None) for each page of each registered model."""
    pages = []
    for model in sorted(admin.site._registry, key=lambda m: m._meta.label):
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append((f"{name}_changelist", reverse(f"{name}_changelist"), None))
        pages.append(
            (f"{name}_changelist?q", reverse(f"{name}_changelist") + "?q=a", None)
        )
        pages.append((f"{name}_add", reverse(f"{name}_add"), None))
        for obj in model._default_manager.order_by("-pk")[:2]:
            for view in ("change", "history", "delete"):
                pages.append(
                    (f"{name}_{view}", reverse(f"{name}_{view}", args=[obj.pk]), obj)
                )
    return pages


def test_every_admin_page_answers_the_operator_and_no_one_else(world, clients):
    pages = admin_pages()
    assert len(pages) > 100
    login = reverse("admin:login")
    failures = []
    for name, url, _obj in pages:
        for persona in PERSONAS:
            response = clients[persona].get(url)
            if persona == "operator":
                # The admin may refuse to add or delete what the rules forbid
                # (minutes come with their meeting; login records are axes's own),
                # never to show a list or an object, and never with a server error.
                refusable = name.endswith(("_add", "_delete"))
                # Frozen content's delete page leads back to the object, with why.
                back_to_object = (
                    name.endswith("_delete")
                    and response.status_code == 302
                    and response["Location"] == url.replace("/delete/", "/change/")
                )
                allowed = (200, 403) if refusable else (200,)
                if response.status_code not in allowed and not back_to_object:
                    failures.append((persona, name, url, response.status_code))
            elif not (
                response.status_code == 302 and response["Location"].startswith(login)
            ):
                failures.append((persona, name, url, response.status_code))
    assert not failures, failures
