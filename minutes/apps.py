from django.apps import AppConfig


class MinutesConfig(AppConfig):
    name = "minutes"

    def ready(self) -> None:
        from django.utils.autoreload import file_changed

        from core.cache import forget_release
        from minutes import signals

        signals.connect()
        file_changed.connect(forget_release)
