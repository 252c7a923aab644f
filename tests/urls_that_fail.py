from django.urls import path

handler500 = "opinion_blog.errors.server_error"


def boom(request):
    raise RuntimeError("A bug, for the error-page test.")


urlpatterns = [path("boom/", boom)]
