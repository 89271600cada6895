from django.apps import AppConfig


class MinutesConfig(AppConfig):
    name = "minutes"

    def ready(self) -> None:
        from django.utils.autoreload import file_changed

        from minutes import signals
        from minutes.cache import forget_release

        signals.connect()
        file_changed.connect(forget_release)
