"""Django settings for the test suite: the project's settings with a throwaway data folder."""

import os
import tempfile

os.environ.setdefault("KINERJA_TESTING", "1")
os.environ.setdefault("KINERJA_DATA_DIR", tempfile.mkdtemp(prefix="kinerja-test-"))

from kinerja.web.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The page cache is keyed by the newest audit event's id, which a rolled-back test database can reuse;
# tests/web/test_page_cache.py turns it on with a cleared cache of its own.
KINERJA_PAGE_CACHE_SECONDS = 0
