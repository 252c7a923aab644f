from django.urls import path

from . import topic_views

app_name = "topics"

urlpatterns = [
    path("", topic_views.TopicListView.as_view(), name="list"),
    path("<str:slug>/", topic_views.TopicDetailView.as_view(), name="detail"),
]
