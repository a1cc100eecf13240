"""Login, site and admin alike, with the throttle of throttle.py (counts in the database)."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.utils.translation import gettext_lazy as _

from . import throttle


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil."),
    }


class ThrottledLogin:
    """Mixed into a LoginView: refuse while the throttle says wait, count failures and successes."""

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        seconds = throttle.wait_seconds(request, username)
        if seconds:
            form = self.get_form()
            form.add_error(None, throttle.message(seconds))
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            response["Retry-After"] = str(seconds)
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        throttle.failed(self.request, self.request.POST.get("username", ""))
        return super().form_invalid(form)

    def form_valid(self, form):
        throttle.succeeded(self.request, form.get_user().get_username())
        return super().form_valid(form)


class ThrottledLoginView(ThrottledLogin, LoginView):
    authentication_form = LoginForm


class ThrottledAdminLoginView(ThrottledLogin, LoginView):
    """The admin site's login (/kelola/login/), with the same throttle."""
