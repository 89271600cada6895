"""Login with our template; the secretariat lands in its workspace. Asking for a new
password, limited per address and per e-mail address."""

from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from accounts.throttle import password_reset_allowed_for, password_reset_refused
from council.access import served_councils


class LoginView(auth_views.LoginView):
    """Django's login with our template; the secretariat lands in its workspace."""

    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        if served_councils(self.request.user).exists():
            return reverse("workspace:dashboard")
        return super().get_default_redirect_url()


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, limited per address (told to wait) and per e-mail
    address (silently: the same «check your e-mail» page, but no mail), so the form
    never tells whether an account exists."""

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        refused = password_reset_refused(request)
        if refused is not None:
            return refused
        return super().post(request, *args, **kwargs)

    def form_valid(self, form) -> HttpResponse:
        if not password_reset_allowed_for(form.cleaned_data["email"]):
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)
