"""Test logins that count as complete, second factor included.

`Client.force_login(user)` is Django's test shortcut that skips the password; with
two-factor authentication in place, a test login must skip the code too, or every page
would send a secretariat user to the code page. `verified_force_login` and
`verified_login` do what the two Client methods did, then mark the session as verified
by the user's authenticator (made for them if missing), exactly as django_otp.login
does after a right code. tests/conftest.py puts them on django.test.Client for every
test, so plain `Client()` objects made in tests get them too.

The real two-step login is tested in tests/accounts/, through the login form.
"""

from django.contrib.auth import authenticate
from django.test import Client, RequestFactory
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

django_force_login = Client.force_login


def confirmed_totp_device(user) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test", confirmed=True)
    return device


def current_code(device: TOTPDevice) -> str:
    """The code the user's app shows now."""
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{code:0{device.digits}d}"


def mark_verified(client: Client, user) -> None:
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = confirmed_totp_device(user).persistent_id
    session.save()


def verified_force_login(self: Client, user, backend=None) -> None:
    django_force_login(self, user, backend)
    mark_verified(self, user)


def verified_login(self: Client, **credentials) -> bool:
    # django-axes needs the request to count failures per address.
    request = RequestFactory().post("/konto/logg-inn/")
    user = authenticate(request, **credentials)
    if user is None:
        return False
    self._login(user)
    mark_verified(self, user)
    return True
