from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse

from articles.models import PublishingChecklist


@admin.register(PublishingChecklist)
class PublishingChecklistAdmin(admin.ModelAdmin):
    """One page: the checklist's limits and which items block publishing (editors)."""

    fieldsets = [
        ("Limits", {"fields": ["headline_max_length", ("min_words", "max_words")]}),
        (
            "Which unmet items stop an article being published, scheduled or approved",
            {
                "fields": [
                    "blocks_headline",
                    "blocks_standfirst",
                    "blocks_picture",
                    "blocks_topic",
                    "blocks_length",
                    "blocks_disclosure",
                    "blocks_notes",
                ],
                "description": "Items that do not block are still shown, met or not, on the "
                "article form and in the publish confirmation.",
            },
        ),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        checklist = PublishingChecklist.load()
        return HttpResponseRedirect(
            reverse("admin:articles_publishingchecklist_change", args=[checklist.pk])
        )
