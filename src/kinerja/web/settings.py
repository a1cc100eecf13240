"""Settings, all from environment variables with safe defaults.

KINERJA_DATA_DIR   folder of the default SQLite database (else a per-user data folder)
DATABASE_URL       e.g. postgresql://user:pass@host:5432/kinerja (psycopg 3); overrides SQLite
KINERJA_DEBUG      1 for development (never in production)
KINERJA_SECRET_KEY required when KINERJA_DEBUG is off and not running `kinerja demo`
KINERJA_ALLOWED_HOSTS comma-separated host names (default: localhost names)
KINERJA_EMAIL_BACKEND, KINERJA_EMAIL_HOST, KINERJA_DEFAULT_FROM_EMAIL  e-mail settings
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from platformdirs import user_data_dir

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def data_dir() -> Path:
    folder = Path(os.environ.get("KINERJA_DATA_DIR") or user_data_dir("kinerja", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


DEBUG = env_bool("KINERJA_DEBUG")
SECRET_KEY = os.environ.get("KINERJA_SECRET_KEY", "")
if not SECRET_KEY:
    # Commands that serve no web requests (import, report, links) need no real key.
    if DEBUG or env_bool("KINERJA_DEMO") or env_bool("KINERJA_TESTING") or env_bool("KINERJA_CLI"):
        SECRET_KEY = "kinerja-insecure-development-key-change-me-for-production-use-only"
    else:
        raise ImproperlyConfigured("atur KINERJA_SECRET_KEY (atau KINERJA_DEBUG=1 untuk pengembangan).")

ALLOWED_HOSTS = env_list("KINERJA_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("KINERJA_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "kinerja.web.performance",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kinerja.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "kinerja.web.performance.addresses.FormerAddressMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kinerja.web.middleware.TextOnlyMiddleware",
    "kinerja.web.middleware.SessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kinerja.web.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "kinerja.web.urls"
WSGI_APPLICATION = "kinerja.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "kinerja.web.context.navigation",
            ],
        },
    }
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": data_dir() / "kinerja.sqlite3",
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "performance:queue"  # each role lands on its work queue
LOGOUT_REDIRECT_URL = "performance:home"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("KINERJA_TIME_ZONE", "Asia/Makassar")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = data_dir() / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = data_dir() / "media"

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The entry table sends about 23 fields per indicator (six figures with what each showed and its version,
# the note, the rule): Django's default of 1.000 refused the whole save of an agency with 44 indicators or
# more. 12.000 carries 500 indicators; the body stays bounded by DATA_UPLOAD_MAX_MEMORY_SIZE.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 12_000

SESSION_COOKIE_HTTPONLY = True
# a session ends after this long without a request (renewed on each one) and this long after login
KINERJA_SESSION_IDLE_MINUTES = int(os.environ.get("KINERJA_SESSION_IDLE_MINUTES", "60"))
KINERJA_SESSION_MAX_HOURS = int(os.environ.get("KINERJA_SESSION_MAX_HOURS", "12"))
SESSION_COOKIE_AGE = KINERJA_SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = False  # renewed at most once a minute by SessionLifetimeMiddleware
LOGIN_URL_PATH = "/masuk/"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and not env_bool("KINERJA_DEMO") and not env_bool("KINERJA_TESTING"):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("KINERJA_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("KINERJA_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("KINERJA_HSTS_PRELOAD", True)
    # behind a proxy the scheme comes from kinerja.web.proxy (KINERJA_TRUSTED_PROXY), never from a header

EMAIL_BACKEND = os.environ.get("KINERJA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("KINERJA_EMAIL_HOST", "localhost")
DEFAULT_FROM_EMAIL = os.environ.get("KINERJA_DEFAULT_FROM_EMAIL", "kinerja@localhost")

# Capaian above this is counted as this when averaging (empty: no cap; agencies use 100 or 120).
KINERJA_CAPAIAN_CAP = os.environ.get("KINERJA_CAPAIAN_CAP", "").strip() or None
KINERJA_REMINDER_DAYS = int(os.environ.get("KINERJA_REMINDER_DAYS", "3"))
KINERJA_MAX_UPLOAD = int(os.environ.get("KINERJA_MAX_UPLOAD_MB", "10")) * 1024 * 1024
# an uploaded document is read in a child process with these limits (kinerja.isolation)
KINERJA_PARSE_SECONDS = int(os.environ.get("KINERJA_PARSE_SECONDS", "120"))
KINERJA_PARSE_MEMORY_MB = int(os.environ.get("KINERJA_PARSE_MEMORY_MB", "1024"))
KINERJA_LOGIN_ATTEMPTS = int(os.environ.get("KINERJA_LOGIN_ATTEMPTS", "5"))
KINERJA_LOGIN_LOCKOUT_SECONDS = int(os.environ.get("KINERJA_LOGIN_LOCKOUT_SECONDS", "900"))  # the longest wait
KINERJA_LOGIN_WINDOW_SECONDS = int(os.environ.get("KINERJA_LOGIN_WINDOW_SECONDS", "3600"))  # failures forgotten after
# public pages kept while no audited change happened, at most this long (0: off); kinerja.web.performance.pagecache
KINERJA_PAGE_CACHE_SECONDS = int(os.environ.get("KINERJA_PAGE_CACHE_SECONDS", "60"))
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache"
        if env_bool("KINERJA_SHARED_CACHE")
        else "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kinerja_cache",
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("KINERJA_LOG_LEVEL", "WARNING")},
}
