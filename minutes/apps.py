from django.apps import AppConfig


class MinutesConfig(AppConfig):
    name = "minutes"

    def ready(self) -> None:
        from minutes import signals

        signals.connect()
