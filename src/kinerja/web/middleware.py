"""Bahasa Indonesia by default: the language changes only when the user chooses another."""

from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    """Like LocaleMiddleware, but ignores the browser's Accept-Language header."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy: the pages use no inline script or style."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.headers.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response


class SessionLifetimeMiddleware:
    """A session ends after KINERJA_SESSION_IDLE_MINUTES without a request (the cookie's age) and in
    any case KINERJA_SESSION_MAX_HOURS after logging in. The session is renewed at most once a minute,
    not on every request: a page that fires many small requests (the entry table's live capaian) would
    otherwise write the session row each time and contend for the database."""

    KEY = "kinerja_login_at"
    SEEN = "kinerja_seen_at"
    RENEW_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        import time

        from django.contrib import messages
        from django.contrib.auth import logout
        from django.shortcuts import redirect
        from django.utils.translation import gettext

        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            since = request.session.get(self.KEY)
            if since is None:
                request.session[self.KEY] = time.time()
            elif time.time() - since > settings.KINERJA_SESSION_MAX_HOURS * 3600:
                logout(request)
                messages.info(request, gettext("Sesi Anda sudah berakhir; silakan masuk lagi."))
                return redirect(f"{settings.LOGIN_URL_PATH}?next={request.path}")
            if time.time() - request.session.get(self.SEEN, 0) > self.RENEW_SECONDS:
                request.session[self.SEEN] = time.time()  # saved, so the cookie's idle age starts again
        return self.get_response(request)


class TextOnlyMiddleware:
    """Every field a browser sends is text a person typed. A field holding an invisible control
    character (see kinerja.core.text: PostgreSQL cannot store NUL, exports cannot hold the others) is
    refused at the door, before any view or query reads it: the page says which field and which
    character, and nothing is saved. This covers every form, the admin's included, and every query
    string."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.shortcuts import render

        from kinerja.core.text import text_problem

        sources = [request.GET]
        if request.method == "POST":
            sources.append(request.POST)
        for source in sources:
            for field, values in source.lists():
                for value in values:
                    problem = text_problem(value)
                    if problem:
                        shown = field[:60] if text_problem(field) is None else "?"
                        message = f"Isian '{shown}' {problem}."
                        return render(request, "400.html", {"message": message}, status=400)
        return self.get_response(request)
