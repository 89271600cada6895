"""Django's admin is the operator's tool: it opens for operators only.

An operator is an active superuser with staff status (DESIGN.md: the operator runs
the installation). A staff flag alone, or model permissions, open nothing here:
secretariats and members work in /arbeid/ and /gjennomsyn/, where every object is
scoped to their council.
"""

from django.contrib import admin
from django.http import HttpRequest

from council.access import is_operator


class OperatorAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return is_operator(request.user)
