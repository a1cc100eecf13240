from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "kinerja.web.performance"
    label = "performance"
    verbose_name = "Kinerja"

    def ready(self):
        from . import pagecache

        pagecache.connect()  # a region or agency saved by any door makes the pages kept stale
