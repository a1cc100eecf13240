from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    path("masuk/", auth_views.LoginView.as_view(), name="login"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("kinerja.web.performance.urls")),
]
