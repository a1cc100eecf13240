from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "kinerja.web.performance"
    label = "performance"
    verbose_name = "Kinerja"
