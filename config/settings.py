"""Settings for the council-minutes platform.

Everything that differs between a laptop and production is read here, once, from the
environment, through the small helpers below. A bad value stops start-up with a clear
message instead of running half-configured.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the environment variable {name}.")
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value in ("1", "true", "True", "yes"):
        return True
    if value in ("0", "false", "False", "no"):
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}."
        ) from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name) or default
    if value not in choices:
        raise ImproperlyConfigured(
            f"{name} must be one of {', '.join(choices)}, not {value!r}."
        )
    return value


DEBUG = env_bool("DEBUG", False)

_DEV_SECRET_KEY = "dev-only-not-secret-0f3c9a7e4b2d48c1a6e5f7b8c9d0e1f2a3b4c5d6e7f8091a"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET_KEY if DEBUG else None)
if not DEBUG and SECRET_KEY == _DEV_SECRET_KEY:
    raise ImproperlyConfigured("Set a real SECRET_KEY when DEBUG=0.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
# Public base URL, used in e-mails, feeds and the API where there is no request.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # The admin opens for operators only (council/admin_site.py).
    "council.admin_config.OperatorAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "simple_history",
    "pgtrigger",
    "django_tasks",
    "django_tasks_db",
    "core",
    "council",
    "minutes",
    "rest_framework",
    "drf_spectacular",
    "api",
    "public",
    "workspace",
    "review",
    "archive",
    "ops",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "accounts",
]

MIDDLEWARE = [
    # First: every log line of the request carries its id (core/logs.py).
    "core.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and Last-Modified answered with 304: feed readers, crawlers and returning
    # visitors do not download unchanged pages again.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Bodies over the limit are refused unread; after the user is known, before the
    # CSRF check or any view reads the body.
    "core.middleware.RequestBodyLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # request.user.is_verified(), then: no page without the second factor if needed.
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    # Refuses a login from an address with too many failed ones, before the password.
    "accounts.middleware.LoginThrottleMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# DATABASE_URL chooses the database: a SQLite file under var/ unless told otherwise,
# postgres://user@host:5432/name for PostgreSQL.
(BASE_DIR / "var").mkdir(exist_ok=True)
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent saves wait for each other instead of failing with «database is
    # locked»: in WAL mode readers never block the writer; a writer waits up to
    # `timeout` seconds for the one before; and an IMMEDIATE transaction takes the
    # write lock when it begins, since SQLite cannot wait for one halfway through.
    # Options in DATABASE_URL (?timeout=60) take precedence.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        # Django's MinimumLengthValidator with a Norwegian message.
        "NAME": "accounts.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {
        "NAME": (
            "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
        )
    },
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Login security (accounts/). django-axes counts failed logins per username and address
# and locks that pair out for a while; its backend must come first.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "core.http.client_ip"
AXES_USERNAME_CALLABLE = "accounts.services.axes_username"
# Proxies in front of the app that append to X-Forwarded-For (nginx: 1). With 0 the
# header is ignored and REMOTE_ADDR is the client, as it must be without a proxy.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Searches one address may make per minute (0: no limit, e.g. behind a proxy that
# limits, or for a benchmark).
SEARCH_RATE_LIMIT = env_int("SEARCH_RATE_LIMIT", 60)
# Failed logins one address may make per window, whatever user names it tries (axes
# above counts per user name and address); past that the address is refused, right
# password or not, until the window ends (0: no limit).
LOGIN_ADDRESS_LIMIT = env_int("LOGIN_ADDRESS_LIMIT", 30)
LOGIN_ADDRESS_WINDOW = env_int("LOGIN_ADDRESS_WINDOW", 15 * 60)
if LOGIN_ADDRESS_WINDOW < 1:
    raise ImproperlyConfigured("LOGIN_ADDRESS_WINDOW must be at least 1 second.")
# Password-reset requests per hour from one address, and for one e-mail address
# (0: no limit).
PASSWORD_RESET_LIMIT = env_int("PASSWORD_RESET_LIMIT", 5)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Møtereferater")
# /healthz?full=1 reports the database, cache and storage to staff and to a caller
# sending `Authorization: Bearer <HEALTHZ_TOKEN>` (empty: no token access).
HEALTHZ_TOKEN = env_str("HEALTHZ_TOKEN", "")
# Sessions end after this many idle seconds (8 hours: a whole meeting day of minute
# taking, kept alive by autosave); saving on every request makes it an idle timeout.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_TIMEOUT", 8 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norsk bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "staticfiles")))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# In development whitenoise serves straight from static/ without collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))

# MEDIA_STORAGE=s3 keeps uploads and frozen PDFs in S3-compatible object storage, so
# several app servers can share them; the AWS_* variables are read by django-storages.
MEDIA_STORAGE = env_choice("MEDIA_STORAGE", "file", ("file", "s3"))
if MEDIA_STORAGE == "s3":
    _media_backend = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("AWS_S3_REGION_NAME", "") or None,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _media_backend = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_backend,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "referater@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A mail server that does not answer gives up after this many seconds (the worker holds
# the outbox row while it talks to the server).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)

# Mail goes through the outbox (core/outbox.py) and a task queue (django-tasks):
# `database` stores the tasks in the database for `manage.py db_worker` (a second
# process beside the web server; `make run` starts one); `immediate` sends in the web
# process right after the commit (no worker, no retries: for a single small setup).
TASK_BACKEND = env_choice("TASK_BACKEND", "database", ("database", "immediate"))
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASK_BACKEND],
    }
}
# A mail that fails is tried again after 1, 2, 4 … minutes (at most an hour apart),
# this many times in all; then it waits for «send again» or `manage.py requeue_mail`.
MAIL_MAX_ATTEMPTS = env_int("MAIL_MAX_ATTEMPTS", 10)
if MAIL_MAX_ATTEMPTS < 1:
    raise ImproperlyConfigured("MAIL_MAX_ATTEMPTS must be at least 1.")
# /healthz?full=1 reports the mail queue as an error when an unsent mail is older.
MAIL_QUEUE_MAX_AGE = env_int("MAIL_QUEUE_MAX_AGE", 15 * 60)

# send_followup_reminders reminds the responsible this many days before a follow-up's
# due date (and once more when it is overdue).
FOLLOWUP_REMINDER_DAYS = env_int("FOLLOWUP_REMINDER_DAYS", 7)

# Cached public pages (core/cache.py) are invalidated on publish, so every app server
# process must see the same cache: `file` (the default) shares it between the processes
# of one machine, `redis` (at REDIS_URL) or `database` (after `manage.py
# createcachetable`) between machines. `locmem` is private to each process: for tests
# and a single-process server only. Rate-limit counts (core/ratelimit.py) live there
# too; django-axes keeps its login failure counts in the database (its default handler).
CACHE_BACKEND = env_choice(
    "CACHE_BACKEND", "file", ("file", "database", "redis", "locmem")
)
CACHE_DIR = Path(env_str("CACHE_DIR", str(BASE_DIR / "var" / "cache")))
REDIS_URL = env_str("REDIS_URL", "redis://127.0.0.1:6379/0")
# Put before every cache key: installations (or test runs) sharing one Redis or cache
# table keep apart. Every app server of one installation needs the same prefix.
CACHE_KEY_PREFIX = env_str("CACHE_KEY_PREFIX", "")
CACHES = {
    "default": {
        "file": {
            "BACKEND": "core.cache.FileCache",
            "LOCATION": CACHE_DIR,
            # Room for every page of a large archive in both languages.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
        "database": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
        "redis": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that does not answer fails the request in seconds, not minutes.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        },
        "locmem": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "council-minutes",
        },
    }[CACHE_BACKEND]
}
CACHES["default"]["KEY_PREFIX"] = CACHE_KEY_PREFIX

# Open data API (api/): read-only JSON, anonymous, described by an OpenAPI document.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Møtereferater: åpne data",
    "DESCRIPTION": "Publiserte møter, saker, innspill, vedtak og vedlegg (OParl 1.1).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# eInnsyn, the national portal for public records (archive/einnsyn.py, push_einnsyn):
# its API, the API key of the body's eInnsyn account, and the arkivdel (its eInnsyn id)
# that takes the council's meeting folders. Without a key nothing is sent.
EINNSYN_URL = env_str("EINNSYN_URL", "https://api.einnsyn.no").rstrip("/")
EINNSYN_API_KEY = env_str("EINNSYN_API_KEY", "")
EINNSYN_ARKIVDEL = env_str("EINNSYN_ARKIVDEL", "")
# Seconds to wait for eInnsyn's answer.
EINNSYN_TIMEOUT = env_int("EINNSYN_TIMEOUT", 30)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Uploaded papers: the largest file accepted (bytes). A logged-in user's request body
# may be this and a little room for the rest of the form; an anonymous visitor's no
# more than ANONYMOUS_MAX_BODY_SIZE (core/middleware.py). The proxy's limit (nginx
# client_max_body_size) should match MAX_UPLOAD_SIZE.
MAX_UPLOAD_SIZE = env_int("MAX_UPLOAD_SIZE", 25 * 1024 * 1024)
ANONYMOUS_MAX_BODY_SIZE = env_int("ANONYMOUS_MAX_BODY_SIZE", 64 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
# The language switch's cookie: no script reads it.
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No inline scripts or styles anywhere: every script and stylesheet is a local file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Logs go to stderr, one JSON object per line with the request id (core/logs.py), from
# the web processes and the mail worker alike; LOG_FORMAT=text for plain lines.
LOG_FORMAT = env_choice("LOG_FORMAT", "json", ("json", "text"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.logs.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "core.logs.JsonFormatter"},
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every rendering step at INFO.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}
