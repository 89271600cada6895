"""Login with our template; the secretariat lands in its workspace."""

from django.contrib.auth import views as auth_views
from django.urls import reverse

from council.access import served_councils


class LoginView(auth_views.LoginView):
    """Django's login with our template; the secretariat lands in its workspace."""

    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        if served_councils(self.request.user).exists():
            return reverse("workspace:dashboard")
        return super().get_default_redirect_url()
