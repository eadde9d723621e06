"""Settings shared by every environment. Every switch comes from the environment."""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
CSRF_FAILURE_VIEW = "congdoan.core.views.csrf_failure"

INSTALLED_APPS = [
    "congdoan.core",
    "congdoan.news",
    "congdoan.legal",
    "congdoan.gallery",
    "congdoan.visitors",
    "congdoan.search",
    "congdoan.newsroom",
    "congdoan.tracking",
    "congdoan.questions",
    "congdoan.polls",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "congdoan.core.compression.TextGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "congdoan.newsroom.middleware.AuditLogAccessMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "congdoan.core.page_cache.PageCacheMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "congdoan.urls"
WSGI_APPLICATION = "congdoan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Embedded default: SQLite in WAL mode under var/. Scale-out: DATABASE_URL=postgres://...
SQLITE_PATH = VAR_DIR / "congdoan.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{SQLITE_PATH}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        # A kept connection is checked before each request reuses it, so a restarted
        # PostgreSQL costs no failed request after it is back (bench/faults.py).
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;"
            "PRAGMA busy_timeout=5000;PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
# django-redis rather than Django's RedisCache: with IGNORE_EXCEPTIONS a stopped or unreachable
# Redis is a cache miss (logged), not a 500 on every page.
REDIS_CACHE_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "LOG_IGNORED_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": 1,
    "SOCKET_TIMEOUT": 1,
}
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "congdoan",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
            # Whole pages live here too (congdoan.core.page_cache): Django's default of 300
            # entries would evict them as soon as readers spread over a few hundred articles.
            "OPTIONS": {"MAX_ENTRIES": env_int("FILE_CACHE_MAX_ENTRIES", 5000)},
        }
    }

# Full-page cache for anonymous readers (congdoan.core.page_cache), invalidated by the content
# generation (congdoan.core.content_version). Off in the test settings; tests turn it on.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_MAX_BYTES = env_int("PAGE_CACHE_MAX_BYTES", 4 * 1024 * 1024)
# Cache-Control of cached pages for shared caches: nginx's microcache (its own validity caps it
# at 1 s) and a CDN keep a page s-maxage seconds, then serve it stale while refetching.
PAGE_CACHE_S_MAXAGE = env_int("PAGE_CACHE_S_MAXAGE", 60)
PAGE_CACHE_STALE_WHILE_REVALIDATE = env_int("PAGE_CACHE_STALE_WHILE_REVALIDATE", 300)

# Wagtail's frontend cache: purge changed pages (and the pages listing them) from nginx (HTTP
# PURGE to FRONTEND_CACHE_NGINX_URL, e.g. http://127.0.0.1:8080) and/or Cloudflare. Off when unset.
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_NGINX_URL := env_str("FRONTEND_CACHE_NGINX_URL"):
    WAGTAILFRONTENDCACHE["nginx"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_NGINX_URL,
    }
if env_str("CLOUDFLARE_ZONE_ID") and env_str("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env_str("CLOUDFLARE_API_TOKEN"),
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False
# Project catalog completing Wagtail's Vietnamese admin; LOCALE_PATHS beat app catalogs.
LOCALE_PATHS = [PROJECT_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

AWS_STORAGE_BUCKET_NAME = env_str("S3_BUCKET")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env_str("S3_REGION") or None
    AWS_ACCESS_KEY_ID = env_str("S3_ACCESS_KEY_ID")
    AWS_SECRET_ACCESS_KEY = env_str("S3_SECRET_ACCESS_KEY")
    AWS_S3_CUSTOM_DOMAIN = env_str("S3_CUSTOM_DOMAIN") or None
    AWS_QUERYSTRING_AUTH = False
    # Signed URLs (private documents and originals) use AWS Signature Version 4.
    AWS_S3_SIGNATURE_VERSION = env_str("S3_SIGNATURE_VERSION", "s3v4")
    DEFAULT_FILE_STORAGE_BACKEND = "congdoan.core.s3_storage.ProtectedFoldersS3Storage"
else:
    DEFAULT_FILE_STORAGE_BACKEND = "django.core.files.storage.FileSystemStorage"

# Serve uploaded media from Django when no S3 bucket and no nginx does it.
SERVE_MEDIA = env_bool("SERVE_MEDIA", not AWS_STORAGE_BUCKET_NAME)
# Documents and original images of restricted collections go through a checking view at
# PROTECTED_MEDIA_URL (congdoan.core.media); behind nginx it hands the sending over with
# X-Accel-Redirect to MEDIA_ACCEL_REDIRECT_LOCATION, on S3 it redirects to a signed URL.
PROTECTED_MEDIA_URL = MEDIA_URL if MEDIA_URL.startswith("/") else "/media/"
MEDIA_ACCEL_REDIRECT_LOCATION = env_str("MEDIA_ACCEL_REDIRECT_LOCATION")
MEDIA_SIGNED_URL_SECONDS = env_int("MEDIA_SIGNED_URL_SECONDS", 300)
if MEDIA_ACCEL_REDIRECT_LOCATION:
    SENDFILE_BACKEND = "congdoan.core.media"

STORAGES = {
    "default": {"BACKEND": DEFAULT_FILE_STORAGE_BACKEND},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Cổng Công đoàn <no-reply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# A hung SMTP server must not hold a worker: the send fails and is retried later.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
# Where the file-based backend (make run without EMAIL_HOST) writes each message.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "outbox"))

# Background-task queues, one worker each (`run_portal`, deploy/systemd/congdoan-worker@.service),
# so slow work never delays urgent work: "default" carries Wagtail's search-index and
# reference-index updates (Wagtail and modelsearch enqueue there), "mail" the emails, "images"
# the renditions, "documents" the text extraction of legal documents, "reports" the tracker's
# periodic reports (DOCX/XLSX).
TASK_QUEUES = ["default", "mail", "images", "documents", "reports"]
# The database (django-tasks-db) by default; to scale out, Redis through RQ (django-tasks-rq):
# TASKS_BACKEND=django_tasks_rq.RQBackend with TASKS_REDIS_URL (default REDIS_URL).
TASKS_BACKEND = env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
RQ_TASKS_BACKEND = "django_tasks_rq.RQBackend"
TASKS = {"default": {"BACKEND": TASKS_BACKEND, "QUEUES": TASK_QUEUES}}
if TASKS_BACKEND == RQ_TASKS_BACKEND:
    TASKS_REDIS_URL = env_str("TASKS_REDIS_URL", REDIS_URL)
    if not TASKS_REDIS_URL:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"TASKS_BACKEND={RQ_TASKS_BACKEND} needs TASKS_REDIS_URL or REDIS_URL."
        )
    INSTALLED_APPS.append("django_rq")
    # A task running longer than this is stopped by its RQ worker and counted as failed.
    RQ_QUEUES = {
        queue: {"URL": TASKS_REDIS_URL, "DEFAULT_TIMEOUT": env_int("TASK_TIMEOUT_SECONDS", 1800)}
        for queue in TASK_QUEUES
    }

# Periodic commands run by `run_scheduler` (congdoan.core.scheduling): each at most once per
# `every` seconds across all app hosts. Apps add theirs here or through core.registry.
TASK_RESULTS_KEEP_DAYS = env_int("TASK_RESULTS_KEEP_DAYS", 14)
TASK_FAILED_RESULTS_KEEP_DAYS = env_int("TASK_FAILED_RESULTS_KEEP_DAYS", 30)
SCHEDULED_COMMANDS = [
    # Scheduled publishing and expiry (go_live_at, expire_at) within a minute.
    {"name": "publish_scheduled", "command": "publish_scheduled", "args": [], "every": 60},
    # Expired sessions (Django leaves them in the table).
    {"name": "clearsessions", "command": "clearsessions", "args": [], "every": 86400},
]
if TASKS_BACKEND == "django_tasks_db.DatabaseBackend":
    # Finished task results; never READY or RUNNING ones. (RQ expires its own: successful
    # results after 500 s, failed ones after a year.)
    SCHEDULED_COMMANDS.append(
        {
            "name": "prune_task_results",
            "command": "prune_db_task_results",
            "args": [
                "--queue-name=*",
                f"--min-age-days={TASK_RESULTS_KEEP_DAYS}",
                f"--failed-min-age-days={TASK_FAILED_RESULTS_KEEP_DAYS}",
                "--verbosity=0",
            ],
            "every": 86400,
        }
    )

# /health/ (congdoan.core.health) answers 503 when a queue's oldest waiting task has waited
# longer than this, or when a scheduled command is this much later than its period.
HEALTH_TASK_MAX_WAIT_SECONDS = env_int("HEALTH_TASK_MAX_WAIT_SECONDS", 600)
HEALTH_SCHEDULER_GRACE_SECONDS = env_int("HEALTH_SCHEDULER_GRACE_SECONDS", 300)

WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Cổng Công đoàn")
WAGTAILADMIN_BASE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No Gravatar: the admin must not call a third party (and avatars would break offline).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "ppt", "pptx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 50) * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 20) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("IMAGE_MAX_PIXELS", 40_000_000)
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Article tools: "Gửi bài viết" rate limits.
SEND_ARTICLE_PER_IP_PER_HOUR = env_int("SEND_ARTICLE_PER_IP_PER_HOUR", 10)
SEND_ARTICLE_PER_RECIPIENT_PER_HOUR = env_int("SEND_ARTICLE_PER_RECIPIENT_PER_HOUR", 1)
SEND_ARTICLE_TO_RECIPIENT_PER_HOUR = env_int("SEND_ARTICLE_TO_RECIPIENT_PER_HOUR", 3)
SEND_ARTICLE_MAX_ATTEMPTS = env_int("SEND_ARTICLE_MAX_ATTEMPTS", 4)
SEND_ARTICLE_RETRY_SECONDS = env_int("SEND_ARTICLE_RETRY_SECONDS", 60)
SEND_ARTICLE_FAILED_KEEP_DAYS = env_int("SEND_ARTICLE_FAILED_KEEP_DAYS", 30)

# Public forms that store what readers send: most per client address per hour
# (Hỏi đáp pháp luật questions, comments on draft documents), and polls: most votes one address
# may cast in one poll (a shared office or factory network is many readers).
LEGAL_QUESTIONS_PER_IP_PER_HOUR = env_int("LEGAL_QUESTIONS_PER_IP_PER_HOUR", 5)
DRAFT_COMMENTS_PER_IP_PER_HOUR = env_int("DRAFT_COMMENTS_PER_IP_PER_HOUR", 5)
POLL_VOTES_PER_ADDRESS = env_int("POLL_VOTES_PER_ADDRESS", 200)

# "Gửi tin" (congdoan.newsroom): most photos one member story may carry.
MEMBER_NEWS_MAX_PHOTOS = env_int("MEMBER_NEWS_MAX_PHOTOS", 5)

# How many reverse proxies append to X-Forwarded-For in front of the app (congdoan.core.client_ip):
# 0 = REMOTE_ADDR is the client; 1 behind the deploy/ nginx.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "wagtail": {"level": env_str("WAGTAIL_LOG_LEVEL", "WARNING")},
        # One INFO line per task started and finished buried everything else: DEBUG noise.
        # Failed tasks are logged at ERROR and still show.
        "django_tasks": {"level": env_str("TASKS_LOG_LEVEL", "WARNING")},
        "django_tasks_db": {"level": env_str("TASKS_LOG_LEVEL", "WARNING")},
    },
}

# Legal-documents library (Văn bản): largest accepted attached file.
LEGAL_DOCUMENT_MAX_UPLOAD_MB = env_int("LEGAL_DOCUMENT_MAX_UPLOAD_MB", 50)

# Dates typed in forms and the admin are Vietnamese dd/mm/yyyy (as WAGTAIL_DATE(TIME)_FORMAT
# shows them); Django's default would read 10/11/2021 as 11 October.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]

# Gallery (albums and videos): upload limits for the bulk photo upload and video files.
GALLERY_BULK_UPLOAD_MAX_FILES = env_int("GALLERY_BULK_UPLOAD_MAX_FILES", 300)
VIDEO_MAX_UPLOAD_SIZE = env_int("VIDEO_MAX_UPLOAD_MB", 500) * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = max(100, GALLERY_BULK_UPLOAD_MAX_FILES)

# Visitor statistics (congdoan.visitors). Windows in seconds; Redis when REDIS_URL is set.
VISITORS_ENABLED = env_bool("VISITORS_ENABLED", True)
VISITORS_BACKEND = env_str("VISITORS_BACKEND", "redis" if REDIS_URL else "database")
VISITORS_REDIS_URL = env_str("VISITORS_REDIS_URL", REDIS_URL)
VISITORS_REDIS_PREFIX = env_str("VISITORS_REDIS_PREFIX", "congdoan:visitors")
VISITORS_ONLINE_WINDOW_SECONDS = env_int("VISITORS_ONLINE_WINDOW_SECONDS", 300)
VISITORS_VISIT_WINDOW_SECONDS = env_int("VISITORS_VISIT_WINDOW_SECONDS", 1800)
VISITORS_ARTICLE_VIEW_WINDOW_SECONDS = env_int("VISITORS_ARTICLE_VIEW_WINDOW_SECONDS", 1800)
VISITORS_TOTAL_START = env_int("VISITORS_TOTAL_START", 0)
VISITORS_HISTORY_DAYS = env_int("VISITORS_HISTORY_DAYS", 35)
VISITORS_BUFFER_DIR = Path(env_str("VISITORS_BUFFER_DIR", str(VAR_DIR / "visitors")))
VISITORS_FLUSH_SECONDS = env_int("VISITORS_FLUSH_SECONDS", 2)
VISITORS_WIDGET_CACHE_SECONDS = env_int("VISITORS_WIDGET_CACHE_SECONDS", 10)
VISITORS_MOST_READ_CACHE_SECONDS = env_int("VISITORS_MOST_READ_CACHE_SECONDS", 300)
VISITORS_NEW_VISITORS_PER_ADDRESS = env_int("VISITORS_NEW_VISITORS_PER_ADDRESS", 10)
VISITORS_ADDRESS_WINDOW_SECONDS = env_int("VISITORS_ADDRESS_WINDOW_SECONDS", 3600)

# Search (congdoan.search): Vietnamese-aware backend for the site, the API v2 and the admin.
# After switching backends or upgrading, rebuild the index: manage.py update_index
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "congdoan.search.backends"}}
SEARCH_RESULTS_PER_PAGE = env_int("SEARCH_RESULTS_PER_PAGE", 10)

# Login security (congdoan.accounts): lockout after failed logins (django-axes), TOTP two-factor
# (django-otp), password policy and the admin session's lifetime.
INSTALLED_APPS += [
    "congdoan.accounts",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE += [
    "congdoan.accounts.two_factor.TwoFactorMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Innermost, so that a page cache around it stores the CSP header with the HTML whose nonce
    # it names, and replays both together (the middleware never replaces a header already set).
    "congdoan.accounts.csp.PortalCSPMiddleware",
    # Last: it turns a lockout flagged during authentication into the lockout page.
    "axes.middleware.AxesMiddleware",
]
AUTHENTICATION_BACKENDS = [
    "congdoan.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Locked after AXES_FAILURE_LIMIT failures for one user name, or from one client address,
# within AXES_COOLOFF_MINUTES; unlocked when that time has passed or by an administrator
# (*Tài khoản bị khóa* in the admin).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_MINUTES = env_int("AXES_COOLOFF_MINUTES", 15)
AXES_COOLOFF_TIME = AXES_COOLOFF_MINUTES / 60  # hours
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "congdoan.core.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "congdoan.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # Django's admin is not mounted: the unlock action is in Wagtail's.
AXES_VERBOSE = False

# Two-factor: accounts in these roles (stable group codes) cannot use the admin until they have
# a confirmed TOTP device; everyone else may enrol from their account page.
TWO_FACTOR_REQUIRED_ROLES = ["chief_editor", "administrator"]
TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = env_bool("TWO_FACTOR_REQUIRED_FOR_SUPERUSERS", True)
OTP_TOTP_ISSUER = env_str("SITE_NAME", "Cổng Công đoàn")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "congdoan.accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": env_int("PASSWORD_MIN_LENGTH", 10)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# An admin session ends after this long (8 hours by default), signed-in or not.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
# The admin must not call third parties (release check, "what's new" banner).
WAGTAIL_ENABLE_UPDATE_CHECK = False

from csp.constants import NONCE  # noqa: E402 - the sentinel django-csp replaces with the nonce

# Content-Security-Policy (django-csp; congdoan.accounts.csp). Public pages: scripts only from
# this site or carrying the response's nonce; video players only from the providers' embed hosts.
MEDIA_ORIGINS = [f"https://{AWS_S3_CUSTOM_DOMAIN}"] if env_str("S3_CUSTOM_DOMAIN") else []
if AWS_STORAGE_BUCKET_NAME and not MEDIA_ORIGINS and env_str("S3_ENDPOINT_URL"):
    MEDIA_ORIGINS = [env_str("S3_ENDPOINT_URL").rstrip("/")]
VIDEO_EMBED_ORIGINS = ["https://www.youtube-nocookie.com", "https://www.facebook.com"]
CSP_REPORT_URL = "/csp-report/"  # congdoan.accounts.csp.csp_report
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        "media-src": ["'self'", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *VIDEO_EMBED_ORIGINS],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "report-uri": [CSP_REPORT_URL],
    }
}
# The Wagtail admin (/admin/): Wagtail 8 still writes inline scripts (listings, the page editor,
# Jcrop's event handlers) and inline styles, so both may be inline there (without a nonce, which
# would switch 'unsafe-inline' off); no eval, plugins, foreign hosts, <base> or foreign forms.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
        "font-src": ["'self'", "data:"],
    }
}
# The report endpoint keeps at most this many reports per client address per minute, each at
# most CSP_REPORT_MAX_BYTES, in the log.
CSP_REPORTS_PER_MINUTE = env_int("CSP_REPORTS_PER_MINUTE", 20)
CSP_REPORT_MAX_BYTES = 8 * 1024

# Powerful browser features no page of the portal uses are switched off.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "serial",
        "bluetooth",
        "hid",
        "midi",
        "display-capture",
        "browsing-topics",
    )
}
# One INFO line per failed login and per lockout check is noise; lockouts are logged at WARNING.
LOGGING["loggers"]["axes"] = {"level": env_str("AXES_LOG_LEVEL", "WARNING")}

# Backups (congdoan.backups): `manage.py backup` writes archives here; the daily scheduled run
# (--prune) keeps the newest BACKUP_KEEP and none older than BACKUP_KEEP_DAYS.
INSTALLED_APPS += ["congdoan.backups"]
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(VAR_DIR / "backups")))
BACKUP_KEEP = env_int("BACKUP_KEEP", 14)
BACKUP_KEEP_DAYS = env_int("BACKUP_KEEP_DAYS", 30)
SCHEDULED_COMMANDS.append(
    {"name": "backup", "command": "backup", "args": ["--prune"], "every": 86400}
)

# Giới thiệu and Liên hệ (congdoan.about, congdoan.contact): contact messages accepted per hour
# from one client address (core.client_ip) and from one sender's email address.
INSTALLED_APPS += ["congdoan.about", "congdoan.contact"]
CONTACT_MESSAGES_PER_IP_PER_HOUR = env_int("CONTACT_MESSAGES_PER_IP_PER_HOUR", 5)
CONTACT_MESSAGES_PER_EMAIL_PER_HOUR = env_int("CONTACT_MESSAGES_PER_EMAIL_PER_HOUR", 3)
