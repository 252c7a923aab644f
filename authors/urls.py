from django.urls import path

from . import views

app_name = "authors"

urlpatterns = [
    path("", views.AuthorListView.as_view(), name="list"),
    path("<str:slug>/", views.AuthorDetailView.as_view(), name="detail"),
]
