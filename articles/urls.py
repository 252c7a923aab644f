from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("preview/<int:pk>/", views.ArticlePreviewView.as_view(), name="preview"),
    path("shared/<str:token>/", views.SharedArticleView.as_view(), name="shared"),
    path("<str:slug>/", views.ArticleDetailView.as_view(), name="detail"),
]
