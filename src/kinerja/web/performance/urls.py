from django.urls import path

from . import views

app_name = "performance"

urlpatterns = [
    path("", views.home, name="home"),
    path("indikator/<int:pk>/", views.indicator, name="indicator"),
    path("indikator/<int:pk>/grafik.svg", views.indicator_chart, name="indicator_chart"),
    path("impor/<int:pk>/", views.import_findings, name="import_findings"),
    path("<slug:region>/", views.region, name="region"),
    path("<slug:region>/buku/<int:year>.pdf", views.region_book, name="region_book"),
    path("<slug:region>/<slug:agency>/", views.agency_latest, name="agency"),
    path("<slug:region>/<slug:agency>/<int:year>/", views.agency_year, name="agency_year"),
    path(
        "<slug:region>/<slug:agency>/<int:year>/unduh/<slug:kind>.<slug:fmt>",
        views.report_download,
        name="report_download",
    ),
]
