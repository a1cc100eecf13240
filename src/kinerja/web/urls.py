from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

from kinerja.web.performance.admin import site as admin_site
from kinerja.web.performance.login import ThrottledLoginView

urlpatterns = [
    path("masuk/", ThrottledLoginView.as_view(), name="login"),
    path("kelola/", admin_site.urls),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    # choosing a language changes nothing but a cookie; public pages served from the page cache carry
    # no CSRF cookie of the reader's own (kinerja.web.performance.pagecache)
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("", include("kinerja.web.performance.urls")),
]
