import os

# Playwright's sync API keeps an event loop running in the test thread; the database calls made
# by the test itself are ordinary synchronous ones.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
