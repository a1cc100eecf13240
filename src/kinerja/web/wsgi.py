import os

from django.core.wsgi import get_wsgi_application

from kinerja.web.proxy import TrustedProxy, parse_networks

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.web.settings")
application = get_wsgi_application()
if os.environ.get("KINERJA_TRUSTED_PROXY", "").strip():
    application = TrustedProxy(application, parse_networks(os.environ["KINERJA_TRUSTED_PROXY"]))
