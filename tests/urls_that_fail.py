from django.urls import path


def boom(request):
    raise RuntimeError("A bug, for the error-page test.")


urlpatterns = [path("boom/", boom)]
