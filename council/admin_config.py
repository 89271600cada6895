"""Django's admin app with the operator's site (council/admin_site.py). Apart from
that module, because INSTALLED_APPS loads this before any model is ready."""

from django.contrib.admin.apps import AdminConfig


class OperatorAdminConfig(AdminConfig):
    default_site = "council.admin_site.OperatorAdminSite"
