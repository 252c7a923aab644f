from django.urls import path

from . import topic_views

app_name = "topics"

urlpatterns = [
    path("<str:slug>/", topic_views.TopicDetailView.as_view(), name="detail"),
]
