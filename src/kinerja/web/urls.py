from django.contrib.auth import views as auth_views
from django.urls import include, path

from kinerja.web.performance.admin import site as admin_site
from kinerja.web.performance.login import ThrottledLoginView

urlpatterns = [
    path("masuk/", ThrottledLoginView.as_view(), name="login"),
    path("kelola/", admin_site.urls),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("kinerja.web.performance.urls")),
]
