from django.contrib.admin.apps import AdminConfig


class OpinionBlogAdminConfig(AdminConfig):
    """Swaps in the newsroom's admin site (dashboard on the index page)."""

    default_site = "opinion_blog.admin_site.NewsroomAdminSite"
