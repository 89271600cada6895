"""A mail server that can be down: Django's test outbox (locmem), or a refused
connection while `OutageBackend.down` is set."""

from django.core.mail.backends.locmem import EmailBackend


class OutageBackend(EmailBackend):
    down = False

    def send_messages(self, messages):
        if OutageBackend.down:
            raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(messages)
