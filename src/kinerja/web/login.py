"""Login with throttling: after repeated failures for a user name or an address, wait."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.views import LoginView
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _


def _keys(request) -> list[str]:
    address = request.META.get("REMOTE_ADDR", "?")
    username = (request.POST.get("username") or "").strip().lower()
    return [f"login-fail:user:{username}", f"login-fail:addr:{address}"]


class LoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil."),
    }


class ThrottledLoginView(LoginView):
    authentication_form = LoginForm

    def post(self, request, *args, **kwargs):
        limit = settings.KINERJA_LOGIN_ATTEMPTS
        user_key, address_key = _keys(request)
        if cache.get(user_key, 0) >= limit or cache.get(address_key, 0) >= limit * 4:
            form = self.get_form()
            minutes = settings.KINERJA_LOGIN_LOCKOUT_SECONDS // 60
            form.add_error(None, f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit.")
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        for key in _keys(self.request):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, settings.KINERJA_LOGIN_LOCKOUT_SECONDS)
        return super().form_invalid(form)

    def form_valid(self, form):
        cache.delete(_keys(self.request)[0])
        return super().form_valid(form)
