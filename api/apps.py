from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The open data API: published minutes as read-only JSON (OParl 1.1 shapes)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = "Åpne data"
