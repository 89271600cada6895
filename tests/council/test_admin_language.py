"""The admin speaks Norwegian in its widgets too.

Django's own Norwegian catalog for the admin's JavaScript lacks the newer strings of
the filter_horizontal widget, so «Choose sekretariatets brukere…» appeared in
English; the project's catalog (locale/nb/LC_MESSAGES/djangojs.po) supplies them.
"""

import json
import re

import pytest

pytestmark = pytest.mark.django_db

# Strings of django/contrib/admin/static/admin/js/SelectFilter2.js.
WIDGET_STRINGS = {
    "Choose all %s": "Velg alle %s",
    "Choose selected %s": "Velg markerte %s",
    "Remove all %s": "Fjern alle %s",
    'Choose %s by selecting them and then select the "Choose" arrow button.': (
        "Velg %s ved å markere dem og så klikke på «Velg»-pilen."
    ),
}


def test_the_admins_javascript_catalog_has_no_english_for_the_selection_widget(
    world,
):
    response = world.client("operator").get("/admin/jsi18n/")
    assert response.status_code == 200
    found = re.search(r"const newcatalog = (\{.*?\});", response.text, re.S)
    catalog = json.loads(found.group(1))
    for english, norwegian in WIDGET_STRINGS.items():
        assert catalog.get(english) == norwegian


def test_the_council_page_of_the_admin_loads_that_catalog(world, council):
    response = world.client("operator").get(
        f"/admin/council/council/{council.pk}/change/"
    )
    assert response.status_code == 200
    assert b"/admin/jsi18n/" in response.content
    assert b"SelectFilter2.js" in response.content
